/**
 * M/M/1: Poisson arrivals, exponential service times, one server, an infinite
 * buffer and first-come first-served order.
 */
import { openQueueMetrics, type QueueMetrics } from './metrics.js';
import { requireNonNegative, requireQuantileLevel, requireStableSingleServer } from './validate.js';

/**
 * Computes the steady-state means of an M/M/1 queue.
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, below
 *   `serviceRate`.
 * @param serviceRate - service rate mu of the server, per second.
 * @throws RangeError when a rate is invalid or lambda >= mu.
 */
export function mm1(arrivalRate: number, serviceRate: number): QueueMetrics {
  requireStableSingleServer('mm1', arrivalRate, serviceRate);
  const utilisation = arrivalRate / serviceRate;
  const meanResponse = 1 / (serviceRate - arrivalRate);
  const meanWait = utilisation * meanResponse;

  return openQueueMetrics(arrivalRate, utilisation, meanWait, meanResponse);
}

/**
 * Computes P(Wq > t) for an M/M/1 queue, the probability that a customer
 * waits longer than `time` seconds before service starts:
 * rho * exp(-(mu - lambda) * t).
 *
 * @param arrivalRate - lambda, per second, below `serviceRate`.
 * @param serviceRate - mu, per second.
 * @param time - waiting-time threshold t, in seconds, at least 0.
 */
export function mm1WaitExceedance(
  arrivalRate: number,
  serviceRate: number,
  time: number,
): number {
  requireStableSingleServer('mm1WaitExceedance', arrivalRate, serviceRate);
  requireNonNegative('mm1WaitExceedance', 'time', time);
  const utilisation = arrivalRate / serviceRate;
  return utilisation * Math.exp(-(serviceRate - arrivalRate) * time);
}

/**
 * Computes P(T > t) for an M/M/1 queue, the probability that the response
 * time (wait plus service) exceeds `time` seconds. T is exponential with rate
 * mu - lambda, so P(T > t) = exp(-(mu - lambda) * t).
 *
 * @param arrivalRate - lambda, per second, below `serviceRate`.
 * @param serviceRate - mu, per second.
 * @param time - response-time threshold t, in seconds, at least 0.
 */
export function mm1ResponseExceedance(
  arrivalRate: number,
  serviceRate: number,
  time: number,
): number {
  requireStableSingleServer('mm1ResponseExceedance', arrivalRate, serviceRate);
  requireNonNegative('mm1ResponseExceedance', 'time', time);
  return Math.exp(-(serviceRate - arrivalRate) * time);
}

/**
 * Computes the p-quantile of the M/M/1 waiting time before service, in
 * seconds. The waiting time is 0 with probability 1 - rho, so every level
 * p <= 1 - rho has quantile 0. Above that it is ln(rho / (1 - p)) / (mu -
 * lambda).
 *
 * @param arrivalRate - lambda, per second, below `serviceRate`.
 * @param serviceRate - mu, per second.
 * @param level - quantile level p, at least 0 and below 1 (0.95 for p95).
 */
export function mm1WaitQuantile(
  arrivalRate: number,
  serviceRate: number,
  level: number,
): number {
  requireStableSingleServer('mm1WaitQuantile', arrivalRate, serviceRate);
  requireQuantileLevel('mm1WaitQuantile', 'level', level);
  const utilisation = arrivalRate / serviceRate;
  if (utilisation <= 1 - level) {
    return 0;
  }
  return Math.log(utilisation / (1 - level)) / (serviceRate - arrivalRate);
}

/**
 * Computes the p-quantile of the M/M/1 response time, in seconds:
 * -ln(1 - p) / (mu - lambda).
 *
 * @param arrivalRate - lambda, per second, below `serviceRate`.
 * @param serviceRate - mu, per second.
 * @param level - quantile level p, at least 0 and below 1 (0.95 for p95).
 */
export function mm1ResponseQuantile(
  arrivalRate: number,
  serviceRate: number,
  level: number,
): number {
  requireStableSingleServer('mm1ResponseQuantile', arrivalRate, serviceRate);
  requireQuantileLevel('mm1ResponseQuantile', 'level', level);
  return -Math.log1p(-level) / (serviceRate - arrivalRate);
}
