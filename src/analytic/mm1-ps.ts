/**
 * M/M/1 with processor sharing: Poisson arrivals and one server that splits
 * its rate equally among all customers present, so no customer waits in a
 * queue. The mean results below hold for M/G/1-PS with any service-time
 * distribution of the same mean.
 */
import { openQueueMetrics, type QueueMetrics } from './metrics.js';
import { requireNonNegative, requireStableSingleServer } from './validate.js';

/**
 * Computes the steady-state means of an M/M/1-PS queue. The mean response
 * time is E[S] / (1 - rho), the same as M/M/1 under first-come first-served.
 * `meanWait` is the slowdown delay, the response time minus the job's own
 * service time E[S], and `meanInQueue` is lambda times that delay.
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, below
 *   `serviceRate`.
 * @param serviceRate - rate mu at which a lone job is served, per second.
 * @throws RangeError when a rate is invalid or lambda >= mu.
 */
export function mm1Ps(arrivalRate: number, serviceRate: number): QueueMetrics {
  requireStableSingleServer('mm1Ps', arrivalRate, serviceRate);
  const utilisation = arrivalRate / serviceRate;
  const meanResponse = 1 / serviceRate / (1 - utilisation);
  const meanWait = meanResponse - 1 / serviceRate;

  return openQueueMetrics(arrivalRate, utilisation, meanWait, meanResponse);
}

/**
 * Computes the mean response time of a job of size x under M/M/1-PS:
 * x / (1 - rho), in seconds. The response time grows linearly with size, so
 * every job has the same mean slowdown 1 / (1 - rho).
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, below
 *   `serviceRate`.
 * @param serviceRate - rate mu at which a lone job is served, per second.
 * @param jobSize - service time x the job needs when served alone, in seconds.
 */
export function mm1PsConditionalResponse(
  arrivalRate: number,
  serviceRate: number,
  jobSize: number,
): number {
  requireStableSingleServer('mm1PsConditionalResponse', arrivalRate, serviceRate);
  requireNonNegative('mm1PsConditionalResponse', 'jobSize', jobSize);
  return jobSize / (1 - arrivalRate / serviceRate);
}
