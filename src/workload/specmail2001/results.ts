import type { EventName, FunctionName, StepFunction, SummaryLine } from './functions.js';

/** Attempts, passes and pass percentage of one function. */
export interface FunctionResult {
  attempts: number;
  passes: number;
  /** Passes over attempts, in percent, rounded to 2 decimals. */
  pct: number;
}

/**
 * Minimum, maximum and mean of a step's response time, in ms; NaN (null in
 * JSON) when the step had no attempts.
 */
export interface TimeSummary {
  min: number;
  max: number;
  avg: number;
}

/** Load and utilisation of one resource during measurement. */
export interface ResourceResult {
  /** Mean busy fraction of the resource's capacity. */
  utilisation: number;
  /** Mean number of busy units (threads, servers, cores). */
  meanBusy: number;
  /** Highest number of busy units. */
  maxBusy: number;
  /** Mean number of requests waiting. */
  meanQueue: number;
  /** Highest number of requests waiting. */
  maxQueue: number;
  /** Mean wait before service, in ms. */
  meanWaitMs: number;
  /** Requests rejected by a full queue. */
  rejected: number;
}

/** Results of one load level, named as on a SPECmail2001 result page. */
export interface LevelResult {
  loadPct: number;
  users: number;
  /** Rated messages per minute at this level. */
  messageRatePerMin: number;
  summary: Record<SummaryLine, number>;
  /** Whether each summary line meets its requirement. */
  summaryPass: Record<SummaryLine, boolean>;
  functions: Record<FunctionName, FunctionResult>;
  events: Record<EventName, number>;
  timesMs: Record<StepFunction, TimeSummary>;
  sizesKb: {
    'SMTP Data (KB up)': TimeSummary;
    'POP Retrieve (KB down)': TimeSummary;
  };
  /** Resource usage in the measurement phase, by resource name. */
  resources: Record<string, ResourceResult>;
  /** Sessions still open when the run stopped. */
  sessionsInProgressAtEnd: number;
  /** Events the simulator fired for this level. */
  eventsFired: number;
}

/** Results of a whole run. */
export interface RunResult {
  scenario: string;
  seed: number;
  /** `--set key=value` overrides the run applied, in order. */
  overrides: string[];
  durationSeconds: number;
  levels: LevelResult[];
}
