/**
 * Exact steady state of the M/M/c/K+M queue, which is Erlang A with a
 * finite buffer. Customers arrive as a Poisson stream at rate lambda and
 * find c exponential servers of rate mu and room for K customers in total.
 * Each waiting customer reneges at rate theta (exponential patience of mean
 * 1 / theta). The number present is a birth-death chain with birth rate
 * lambda below K and death rate min(n, c) mu + max(0, n - c) theta.
 */

/** Steady-state means of an M/M/c/K+M queue. */
export interface RenegingQueueMetrics {
  /** Busy fraction of each server. */
  utilisation: number;
  /** Rate of customers that complete service, per second. */
  throughput: number;
  /** Mean number waiting. */
  meanInQueue: number;
  /** Mean number present. */
  meanInSystem: number;
  /** Share of arrivals that find the station full. */
  lossProbability: number;
  /** Share of admitted customers that renege. */
  renegeProbability: number;
  /** Mean wait of admitted customers, reneged ones included, in seconds. */
  meanWait: number;
  /** Mean wait of the customers who are served, in seconds. */
  meanWaitServed: number;
}

/** States beyond this count are not summed when K is unlimited. */
const MAX_STATES = 1_000_000;

/**
 * Solves the M/M/c/K+M queue. `capacity` may be Infinity when
 * `renegeRate` is above 0, in which case the chain is summed until its
 * terms fall below 1e-16 of the total.
 *
 * @param arrivalRate - lambda, per second.
 * @param serviceRate - mu of one server, per second.
 * @param servers - c, an integer of at least 1.
 * @param capacity - K, at least c, or Infinity.
 * @param renegeRate - theta, per second, at least 0.
 */
export function renegingQueue(
  arrivalRate: number,
  serviceRate: number,
  servers: number,
  capacity: number,
  renegeRate: number,
): RenegingQueueMetrics {
  if (capacity === Infinity && !(renegeRate > 0)) {
    throw new RangeError('renegingQueue: an unlimited capacity needs a renegeRate above 0');
  }

  // Terms p_n / p_0 in log space, scaled by the largest so exp() stays <= 1.
  const logTerms = [0];
  let logTerm = 0;
  let maxLog = 0;
  for (let n = 1; n <= Math.min(capacity, MAX_STATES); n++) {
    const deathRate = Math.min(n, servers) * serviceRate + Math.max(0, n - servers) * renegeRate;
    logTerm += Math.log(arrivalRate) - Math.log(deathRate);
    logTerms.push(logTerm);
    maxLog = Math.max(maxLog, logTerm);
    if (capacity === Infinity && n > servers && logTerm < maxLog - 37) break;
  }

  let total = 0;
  let present = 0;
  let waiting = 0;
  let busy = 0;
  let last = 0;
  logTerms.forEach((log, n) => {
    const p = Math.exp(log - maxLog);
    total += p;
    present += n * p;
    waiting += Math.max(0, n - servers) * p;
    busy += Math.min(n, servers) * p;
    last = p;
  });

  const served = servedWaits(logTerms, maxLog, serviceRate, servers, capacity, renegeRate);
  const lossProbability = capacity === Infinity ? 0 : last / total;
  const admitted = arrivalRate * (1 - lossProbability);
  const meanInQueue = waiting / total;
  const renegeFlow = renegeRate * meanInQueue;
  return {
    utilisation: busy / total / servers,
    throughput: (busy / total) * serviceRate,
    meanInQueue,
    meanInSystem: present / total,
    lossProbability,
    renegeProbability: admitted > 0 ? renegeFlow / admitted : 0,
    meanWait: admitted > 0 ? meanInQueue / admitted : 0,
    meanWaitServed: served,
  };
}

/**
 * Computes the mean wait of served customers. An arrival that finds n >= c
 * customers joins the queue at position j = n - c + 1. At position i the
 * queue ahead moves up at rate r_i = c mu + (i - 1) theta, while the
 * customer itself reneges at rate theta. So it is served with probability
 * prod_i r_i / (r_i + theta), and then its mean wait is
 * sum_i 1 / (r_i + theta).
 * Arrivals see the time averages (PASTA); those finding the station full
 * are lost.
 */
function servedWaits(
  logTerms: readonly number[],
  maxLog: number,
  serviceRate: number,
  servers: number,
  capacity: number,
  renegeRate: number,
): number {
  let servedWeight = 0;
  let waitWeight = 0;
  let servedProbability = 1;
  let servedWait = 0;
  const admittedStates =
    capacity === Infinity ? logTerms.length : Math.min(logTerms.length, capacity);
  for (let n = 0; n < admittedStates; n++) {
    if (n >= servers) {
      const position = n - servers + 1;
      const moveUp = servers * serviceRate + (position - 1) * renegeRate;
      servedProbability *= moveUp / (moveUp + renegeRate);
      servedWait += 1 / (moveUp + renegeRate);
    }
    const p = Math.exp(logTerms[n]! - maxLog);
    servedWeight += p * servedProbability;
    waitWeight += p * servedProbability * servedWait;
  }
  return servedWeight > 0 ? waitWeight / servedWeight : 0;
}
