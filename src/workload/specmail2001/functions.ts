/** Per-step functions of a SPECmail2001 report, in report order. */
export const STEP_FUNCTIONS = [
  'SMTP Connect',
  'SMTP Hello',
  'SMTP Mail From',
  'SMTP Rcpt To',
  'SMTP Data',
  'SMTP Quit',
  'POP Connect',
  'POP User ID',
  'POP Password',
  'POP Status',
  'POP Retrieve',
  'POP Delete',
  'POP Quit',
] as const;
export type StepFunction = (typeof STEP_FUNCTIONS)[number];

/**
 * Name of each model step on a result page, indexed by `Step`: the model's
 * step numbers follow the report order.
 */
export const FUNCTION_OF_STEP: readonly StepFunction[] = STEP_FUNCTIONS;

/** Every function with attempts and passes, in report order. */
export const FUNCTIONS = [
  ...STEP_FUNCTIONS,
  'Delivery Time',
  'SMTP Data Response Time',
  'POP Retrieve Response Time',
  'Remote Message Delivery',
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** Event counters of a result page, in report order. */
export const EVENTS = [
  'SMTP Connect Error',
  'SMTP Protocol Error',
  'SMTP Disconnect',
  'SMTP Session',
  'SMTP To Local',
  'SMTP To Remote',
  'SINK Connect Error',
  'POP Connect Error',
  'POP Protocol Error',
  'POP Disconnect',
  'POP Session',
  'Delivery Time Connect Error',
] as const;
export type EventName = (typeof EVENTS)[number];

/** Lines of the summary compliance table and the function each reads. */
export const SUMMARY_LINES = [
  'SMTP Connect',
  'SMTP Data',
  'POP Connect',
  'POP Status',
  'POP Retrieve',
  'POP Delete',
  'Delivery Time',
  'Error Rate',
] as const;
export type SummaryLine = (typeof SUMMARY_LINES)[number];

