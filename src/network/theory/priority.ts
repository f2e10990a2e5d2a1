/**
 * M/G/1 with non-preemptive priority classes (Cobham's formula). Class k
 * waits W_k = R / ((1 - s_(k-1)) (1 - s_k)), where R = sum_i lambda_i E[S_i^2] / 2
 * is the mean residual work in service and s_k is the utilisation of the
 * levels served before or with level k.
 */

/** One priority level's Poisson load. */
export interface PriorityLoad {
  /** Priority level; lower levels are served first. */
  level: number;
  /** Arrival rate, per second. */
  rate: number;
  /** Mean service time, in seconds. */
  mean: number;
  /** Squared coefficient of variation of the service time. */
  scv: number;
}

/**
 * Computes the mean wait before service of each load, in the order given.
 * Loads on one level share its queue.
 *
 * @throws RangeError when the total utilisation reaches 1.
 */
export function priorityWaits(loads: readonly PriorityLoad[]): number[] {
  let residual = 0;
  let total = 0;
  for (const load of loads) {
    residual += (load.rate * load.mean ** 2 * (1 + load.scv)) / 2;
    total += load.rate * load.mean;
  }
  if (total >= 1) {
    throw new RangeError(`priorityWaits: utilisation ${total} must be below 1`);
  }

  return loads.map((load) => {
    let before = 0;
    let upTo = 0;
    for (const other of loads) {
      const utilisation = other.rate * other.mean;
      if (other.level < load.level) before += utilisation;
      if (other.level <= load.level) upTo += utilisation;
    }
    return residual / ((1 - before) * (1 - upTo));
  });
}
