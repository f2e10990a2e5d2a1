/** Protocol steps whose response time a client measures. */
export const Step = {
  SmtpConnect: 0,
  SmtpHello: 1,
  SmtpMailFrom: 2,
  SmtpRcptTo: 3,
  SmtpData: 4,
  SmtpQuit: 5,
  PopConnect: 6,
  PopUser: 7,
  PopPass: 8,
  PopStat: 9,
  PopRetr: 10,
  PopDele: 11,
  PopQuit: 12,
} as const;
export type Step = (typeof Step)[keyof typeof Step];

/** Number of distinct steps. */
export const STEP_COUNT = 13;

/** Outcome of a client session. */
export type SessionOutcome =
  | 'completed'
  | 'disconnect'
  | 'connect-error'
  | 'timeout';

/**
 * Receives what clients measure. The model reports raw times; the
 * workload decides which ones fall in a measurement phase and whether
 * they meet its quality-of-service limits. All dates and times are in
 * seconds. `sessionDate` is when the client's session started,
 * `stepDate` when it sent the step and `readDate` when it had read the
 * whole reply or gave up waiting.
 */
export interface MailObserver {
  /**
   * A step sent at `stepDate` got its first reply byte after
   * `responseTime`, or timed out. The client had read the whole reply
   * (for RETR, the message's last byte) at `readDate`.
   */
  step(
    step: Step,
    sessionDate: number,
    stepDate: number,
    responseTime: number,
    timedOut: boolean,
    readDate: number,
  ): void;
  /**
   * A message transfer started at `stepDate` finished: SMTP DATA up to
   * the final reply, or a POP RETR down to its last byte. `completed` is
   * false when the client disconnected or timed out first.
   */
  transfer(
    kind: 'smtp-data' | 'pop-retr',
    sessionDate: number,
    stepDate: number,
    transferTime: number,
    sizeBytes: number,
    completed: boolean,
  ): void;
  /**
   * An SMTP session starts sending its recipients at `date`: counts by
   * destination.
   */
  recipients(date: number, local: number, remote: number): void;
  /** A session ended; `lastStepDate` is when its last step was sent. */
  session(
    protocol: 'smtp' | 'pop',
    startDate: number,
    lastStepDate: number,
    outcome: SessionOutcome,
  ): void;
  /**
   * A remote recipient's copy reached the mail sink; `sendDate` is when
   * its recipients were counted.
   */
  remoteDelivered(sendDate: number, deliveredDate: number): void;
  /**
   * A delivery-time probe ended. `deliveryTime` runs from the end of the
   * sender's DATA until the message was stored, and is null when the
   * probe gave up. `connectError` is true when a POP connection failed.
   * `endDate` is when the probe found the message, gave up or was abandoned.
   */
  probe(sendDate: number, deliveryTime: number | null, connectError: boolean, endDate: number): void;
}
