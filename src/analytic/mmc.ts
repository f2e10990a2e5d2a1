/**
 * M/M/c and M/M/c/K: Poisson arrivals, exponential service times and c
 * identical servers that take customers from one first-come first-served
 * queue. M/M/c has an infinite buffer. M/M/c/K admits at most K customers in
 * total and rejects arrivals that find it full.
 */
import { erlangBRecursion } from './erlang-b.js';
import { openQueueMetrics, type LossQueueMetrics, type QueueMetrics } from './metrics.js';
import {
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireStable,
} from './validate.js';

/** Steady-state means of an M/M/c queue. */
export interface MmcMetrics extends QueueMetrics {
  /** Erlang C: probability that an arrival finds all servers busy and waits. */
  waitProbability: number;
}

/**
 * Computes Erlang C, from Erlang B by C = B / (1 - rho * (1 - B)) with
 * rho = a / c. B comes from a recursion whose terms stay in [0, 1], and the
 * denominator is a sum of two non-negative terms, so the result stays
 * accurate for hundreds of servers and for rho close to 1.
 */
function erlangCUnchecked(servers: number, offeredLoad: number): number {
  const blocking = erlangBRecursion(servers, offeredLoad);
  const rho = offeredLoad / servers;
  return blocking / (1 - rho + rho * blocking);
}

/**
 * Computes the Erlang C probability that a Poisson arrival to c exponential
 * servers with an infinite queue has to wait.
 *
 * @param servers - number of servers c, an integer of at least 1.
 * @param offeredLoad - offered traffic a = lambda / mu, in erlangs, at least
 *   0 and below `servers`.
 * @returns the probability of waiting, from 0 to 1.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  requireInteger('erlangC', 'servers', servers, 1);
  requireNonNegative('erlangC', 'offeredLoad', offeredLoad);
  if (offeredLoad >= servers) {
    throw new RangeError(
      `erlangC: offeredLoad ${offeredLoad} must be below servers ` +
        `${servers} for a stable queue ` +
        `(utilisation ${offeredLoad / servers} >= 1)`,
    );
  }
  return erlangCUnchecked(servers, offeredLoad);
}

/**
 * Computes the steady-state means of an M/M/c queue. The mean wait is
 * C / (c * mu - lambda), where C is Erlang C.
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, at least 0
 *   and below servers * serviceRate.
 * @param serviceRate - service rate mu of one server, per second.
 * @param servers - number of servers c, an integer of at least 1.
 * @throws RangeError when an input is invalid or the queue is unstable.
 */
export function mmc(
  arrivalRate: number,
  serviceRate: number,
  servers: number,
): MmcMetrics {
  requireNonNegative('mmc', 'arrivalRate', arrivalRate);
  requirePositive('mmc', 'serviceRate', serviceRate);
  requireInteger('mmc', 'servers', servers, 1);
  const capacity = servers * serviceRate;
  requireStable('mmc', arrivalRate, 'servers * serviceRate', capacity);

  const waitProbability = erlangCUnchecked(servers, arrivalRate / serviceRate);
  const meanWait = waitProbability / (capacity - arrivalRate);
  const meanResponse = meanWait + 1 / serviceRate;

  return {
    ...openQueueMetrics(arrivalRate, arrivalRate / capacity, meanWait, meanResponse),
    waitProbability,
  };
}

/**
 * Calls `visit(n, ln(p_n / p_0))` for n = 0..capacity of the M/M/c/K
 * birth-death chain, using p_n / p_(n-1) = a / min(n, c).
 */
function forEachLogTerm(
  offeredLoad: number,
  servers: number,
  capacity: number,
  visit: (count: number, logTerm: number) => void,
): void {
  const logOfferedLoad = Math.log(offeredLoad);
  let logTerm = 0;
  visit(0, logTerm);
  for (let n = 1; n <= capacity; n += 1) {
    logTerm += logOfferedLoad - Math.log(Math.min(n, servers));
    visit(n, logTerm);
  }
}

/**
 * Computes the steady-state means of an M/M/c/K queue. The state
 * probabilities are summed in log space, so large c and K and loads above
 * c * mu do not overflow. The blocking probability is p_K (Poisson arrivals
 * see time averages). Mean times follow from Little's law applied to
 * admitted customers, whose rate is lambda * (1 - p_K).
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, at least 0.
 *   It may exceed servers * serviceRate, because the buffer is finite.
 * @param serviceRate - service rate mu of one server, per second.
 * @param servers - number of servers c, an integer of at least 1.
 * @param capacity - maximum number of customers K in the system, waiting or
 *   in service, an integer of at least `servers`.
 * @throws RangeError when an input is invalid.
 */
export function mmck(
  arrivalRate: number,
  serviceRate: number,
  servers: number,
  capacity: number,
): LossQueueMetrics {
  requireNonNegative('mmck', 'arrivalRate', arrivalRate);
  requirePositive('mmck', 'serviceRate', serviceRate);
  requireInteger('mmck', 'servers', servers, 1);
  requireInteger('mmck', 'capacity', capacity, servers);

  const offeredLoad = arrivalRate / serviceRate;

  // First pass: the largest log term, so that exp() below stays in [0, 1].
  let maxLogTerm = 0;
  forEachLogTerm(offeredLoad, servers, capacity, (_count, logTerm) => {
    maxLogTerm = Math.max(maxLogTerm, logTerm);
  });

  // Second pass: normalising sum and the first moments of the queue length.
  let total = 0;
  let weightedInSystem = 0;
  let weightedInQueue = 0;
  let lastTerm = 0;
  forEachLogTerm(offeredLoad, servers, capacity, (count, logTerm) => {
    const term = Math.exp(logTerm - maxLogTerm);
    total += term;
    weightedInSystem += count * term;
    weightedInQueue += Math.max(0, count - servers) * term;
    lastTerm = term;
  });

  const lossProbability = lastTerm / total;
  const meanInSystem = weightedInSystem / total;
  const meanInQueue = weightedInQueue / total;
  const throughput = arrivalRate * (1 - lossProbability);
  const meanWait = throughput > 0 ? meanInQueue / throughput : 0;
  const meanResponse =
    throughput > 0 ? meanInSystem / throughput : 1 / serviceRate;

  return {
    utilisation: throughput / (servers * serviceRate),
    throughput,
    meanWait,
    meanResponse,
    meanInQueue,
    meanInSystem,
    lossProbability,
  };
}
