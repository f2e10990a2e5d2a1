import type { ClientConfig } from '../../model/client/client-config.js';

/** A discrete distribution given as values and their shares in percent. */
export interface Table {
  values: number[];
  percent: number[];
}

/**
 * Every rule of the SPECmail2001 workload as a parameter. The defaults in
 * `SPECMAIL2001_DEFAULTS` are the benchmark's own values.
 */
export interface SpecmailWorkload {
  /** Rated load in SPECmail2001 messages per minute. */
  ratingMpm: number;
  /** Users per message per minute (200). */
  usersPerMpm: number;
  /** Load levels to run, in percent of the rated load. */
  levels: number[];
  /** Messages a user sends per day. */
  messagesSentPerUserDay: number;
  /** POP checks a user makes per day. */
  popChecksPerUserDay: number;
  /** Of those, checks that find an emptied mailbox (retry pool). */
  repeatedChecksPerUserDay: number;
  /** Share of the daily activity in the simulated busy hour. */
  busyHourShare: number;
  /** Share of sent mail addressed to remote users. */
  remoteRecipientShare: number;
  /** SMTP sessions from remote servers per session from local users. */
  remoteSenderRatio: number;
  /** Share of local users on modems. */
  modemShare: number;
  /** Message size in KB (1 KB = 1,024 bytes) and share of messages. */
  messageSizeKb: Table;
  /** Recipients per message and share of messages. */
  recipientsPerMessage: Table;
  /** Share of accounts in the retry pool. */
  retryPoolShare: number;
  /**
   * Share of local-recipient copies followed by a delivery-time probe; a
   * copy for a retry-pool mailbox is drawn but not probed.
   */
  deliveryProbeShare: number;
  /** Share of SMTP sessions whose client disconnects during DATA. */
  smtpDisconnectShare: number;
  qos: {
    /** Reply limit of every step but DATA and RETR, in seconds. */
    stepLimit: number;
    /** DATA and RETR may take stepLimit + size / this many bytes/s. */
    transferBytesPerSecond: number;
    /** Limit on delivery time, in seconds. */
    deliveryLimit: number;
    /** Share of attempts that must meet their limit, in percent. */
    requiredPercent: number;
    /** Highest error rate that passes, in percent. */
    maxErrorPercent: number;
  };
  phases: {
    /** Seconds of load before measurement starts. */
    warmup: number;
    /**
     * Seconds at the start of the warm-up over which the load rises
     * linearly from zero to the level's rate, as the load generators
     * start their simulated users; at most `warmup`.
     */
    rampUp: number;
    /** Seconds of measurement per level. */
    measurement: number;
    /** Seconds the run goes on after measurement so work in progress ends. */
    rampDown: number;
  };
  clients: ClientConfig;
}

/** The SPECmail2001 defaults. */
export const SPECMAIL2001_DEFAULTS: SpecmailWorkload = {
  ratingMpm: 2500,
  usersPerMpm: 200,
  levels: [80, 100, 120],
  messagesSentPerUserDay: 2,
  popChecksPerUserDay: 4,
  repeatedChecksPerUserDay: 3,
  busyHourShare: 0.15,
  remoteRecipientShare: 0.9,
  remoteSenderRatio: 0.9,
  modemShare: 0.9,
  messageSizeKb: {
    values: [1, 2, 3, 4, 5, 6, 10, 100, 1000, 2675],
    percent: [10.2, 30.71, 20.59, 10.78, 5.88, 3.74, 7.44, 9.79, 0.69, 0.18],
  },
  recipientsPerMessage: {
    values: Array.from({ length: 20 }, (_, i) => i + 1),
    percent: [
      85.73, 1.66, 1.49, 1.34, 1.2, 1.08, 0.97, 0.88, 0.79, 0.71, 0.64, 0.58,
      0.52, 0.47, 0.42, 0.38, 0.34, 0.31, 0.28, 0.21,
    ],
  },
  retryPoolShare: 0.075,
  deliveryProbeShare: 0.01,
  smtpDisconnectShare: 0.01,
  qos: {
    stepLimit: 5,
    transferBytesPerSecond: 3000,
    deliveryLimit: 60,
    requiredPercent: 95,
    maxErrorPercent: 1,
  },
  phases: { warmup: 600, rampUp: 600, measurement: 3600, rampDown: 300 },
  clients: {
    modemBytesPerSecond: 6000,
    modemRoundTrip: 0.05,
    replyTimeout: 60,
    retrieveAbortProbability: 0.003,
    probePollInterval: 5,
    probeGiveUp: 120,
  },
};
