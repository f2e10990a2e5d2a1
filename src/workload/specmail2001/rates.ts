import type { SpecmailWorkload } from './parameters.js';

/** Session arrival rates of one load level, per second. */
export interface SessionRates {
  users: number;
  smtpLocal: number;
  smtpRemote: number;
  popRandom: number;
  popRetry: number;
}

const SECONDS_PER_HOUR = 3600;

/**
 * Computes the Poisson arrival rates of the four session kinds at
 * `loadPct` percent of the rated load. With U users, local users send
 * U x messages/day x busy-hour share per hour; remote servers send
 * `remoteSenderRatio` times that; random-pool checks are the
 * non-repeated checks and retry-pool checks the repeated ones.
 */
export function sessionRates(workload: SpecmailWorkload, loadPct: number): SessionRates {
  const users = Math.round((workload.ratingMpm * workload.usersPerMpm * loadPct) / 100);
  const perSecond = (users * workload.busyHourShare) / SECONDS_PER_HOUR;
  const smtpLocal = workload.messagesSentPerUserDay * perSecond;
  const repeated = workload.repeatedChecksPerUserDay;

  return {
    users,
    smtpLocal,
    smtpRemote: smtpLocal * workload.remoteSenderRatio,
    popRandom: (workload.popChecksPerUserDay - repeated) * perSecond,
    popRetry: repeated * perSecond,
  };
}
