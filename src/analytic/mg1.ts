/**
 * M/G/1: Poisson arrivals, one server, an infinite buffer, first-come
 * first-served order and independent service times of any distribution,
 * solved by the Pollaczek-Khinchine mean-value formula.
 */
import { openQueueMetrics, type QueueMetrics } from './metrics.js';
import {
  requireNonNegative,
  requirePositive,
  requireProbability,
  requireStable,
} from './validate.js';

/**
 * Two-phase hyperexponential service time: with probability `probability`
 * the service time is exponential with rate `rate1`, otherwise exponential
 * with rate `rate2`.
 */
export interface Hyperexponential2 {
  /** Probability of phase 1, from 0 to 1. */
  probability: number;
  /** Service rate of phase 1, per second. */
  rate1: number;
  /** Service rate of phase 2, per second. */
  rate2: number;
}

function pollaczekKhinchine(
  arrivalRate: number,
  meanServiceTime: number,
  serviceScv: number,
): QueueMetrics {
  const utilisation = arrivalRate * meanServiceTime;
  const meanWait =
    (utilisation * meanServiceTime * (1 + serviceScv)) /
    (2 * (1 - utilisation));
  const meanResponse = meanWait + meanServiceTime;

  return openQueueMetrics(arrivalRate, utilisation, meanWait, meanResponse);
}

function checkArrivalAndMean(
  caller: string,
  arrivalRate: number,
  meanServiceTime: number,
): void {
  requireNonNegative(caller, 'arrivalRate', arrivalRate);
  requirePositive(caller, 'meanServiceTime', meanServiceTime);
  const capacity = 1 / meanServiceTime;
  requireStable(caller, arrivalRate, '1 / meanServiceTime', capacity);
}

/**
 * Computes the steady-state means of an M/G/1 queue by the
 * Pollaczek-Khinchine formula Wq = rho * E[S] * (1 + scv) / (2 * (1 - rho)),
 * where rho = lambda * E[S] and scv = Var[S] / E[S]^2.
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, at least 0
 *   and below 1 / meanServiceTime.
 * @param meanServiceTime - mean service time E[S], in seconds.
 * @param serviceScv - squared coefficient of variation of the service time,
 *   at least 0 (0 for constant, 1 for exponential service).
 * @throws RangeError when an input is invalid or rho >= 1.
 */
export function mg1(
  arrivalRate: number,
  meanServiceTime: number,
  serviceScv: number,
): QueueMetrics {
  checkArrivalAndMean('mg1', arrivalRate, meanServiceTime);
  requireNonNegative('mg1', 'serviceScv', serviceScv);
  return pollaczekKhinchine(arrivalRate, meanServiceTime, serviceScv);
}

/**
 * Computes the steady-state means of an M/D/1 queue, whose service time is
 * the constant `serviceTime`. Its mean wait is half that of M/M/1 with the
 * same mean service time.
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, at least 0
 *   and below 1 / serviceTime.
 * @param serviceTime - constant service time, in seconds.
 */
export function md1(arrivalRate: number, serviceTime: number): QueueMetrics {
  checkArrivalAndMean('md1', arrivalRate, serviceTime);
  return pollaczekKhinchine(arrivalRate, serviceTime, 0);
}

/**
 * Computes the steady-state means of an M/H2/1 queue. With p, mu1 and mu2
 * from `service`, E[S] = p / mu1 + (1 - p) / mu2 and
 * E[S^2] = 2p / mu1^2 + 2(1 - p) / mu2^2, which give the scv for M/G/1.
 *
 * @param arrivalRate - Poisson arrival rate lambda, per second, at least 0
 *   and below 1 / E[S].
 * @param service - the two phases of the service time.
 */
export function mh21(
  arrivalRate: number,
  service: Hyperexponential2,
): QueueMetrics {
  requireProbability('mh21', 'service.probability', service.probability);
  requirePositive('mh21', 'service.rate1', service.rate1);
  requirePositive('mh21', 'service.rate2', service.rate2);

  const { probability, rate1, rate2 } = service;
  const mean = probability / rate1 + (1 - probability) / rate2;
  const secondMoment =
    (2 * probability) / (rate1 * rate1) +
    (2 * (1 - probability)) / (rate2 * rate2);
  const scv = secondMoment / (mean * mean) - 1;

  checkArrivalAndMean('mh21', arrivalRate, mean);
  // A mixture of exponentials has scv >= 1, so the max only absorbs rounding.
  return pollaczekKhinchine(arrivalRate, mean, Math.max(0, scv));
}
