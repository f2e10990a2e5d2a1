/**
 * Turns a distribution from a network scenario into an engine distribution,
 * and computes the moments that the exact formulas need.
 */
import {
  deterministic,
  EmpiricalDistribution,
  exponential,
  uniform,
  type Distribution,
} from '../engine/distributions.js';
import { erlang, hyperexponential, lognormal } from '../engine/distributions-extra.js';
import type { DistributionInput } from '../scenario/network-schema.js';

/** Mean and squared coefficient of variation of a distribution. */
export interface Moments {
  /** Mean, in seconds. */
  mean: number;
  /** Variance divided by the squared mean. */
  scv: number;
}

/** Creates the engine distribution that draws samples of `input`. */
export function createDistribution(input: DistributionInput): Distribution {
  switch (input.type) {
    case 'exponential':
      return exponential(input.mean);
    case 'deterministic':
      return deterministic(input.value);
    case 'uniform':
      return uniform(input.min, input.max);
    case 'erlang':
      return erlang(input.k, input.mean);
    case 'hyperexponential':
      return hyperexponential(input.mean, input.scv);
    case 'lognormal':
      return lognormal(input.mean, input.scv);
    case 'empirical':
      return new EmpiricalDistribution(input.values, input.weights);
  }
}

/** Computes the mean and SCV of `input`; the SCV of a mean of 0 is 0. */
export function momentsOf(input: DistributionInput): Moments {
  switch (input.type) {
    case 'exponential':
      return { mean: input.mean, scv: 1 };
    case 'deterministic':
      return { mean: input.value, scv: 0 };
    case 'uniform': {
      const mean = (input.min + input.max) / 2;
      const variance = (input.max - input.min) ** 2 / 12;
      return { mean, scv: mean > 0 ? variance / mean ** 2 : 0 };
    }
    case 'erlang':
      return { mean: input.mean, scv: 1 / input.k };
    case 'hyperexponential':
    case 'lognormal':
      return { mean: input.mean, scv: input.scv };
    case 'empirical':
      return empiricalMoments(input.values, input.weights);
  }
}

function empiricalMoments(values: readonly number[], weights: readonly number[]): Moments {
  let total = 0;
  let sum = 0;
  let sumSquares = 0;
  values.forEach((value, i) => {
    const weight = weights[i] ?? 0;
    total += weight;
    sum += weight * value;
    sumSquares += weight * value * value;
  });

  const mean = sum / total;
  const variance = Math.max(0, sumSquares / total - mean * mean);
  return { mean, scv: mean > 0 ? variance / mean ** 2 : 0 };
}

/**
 * Returns the Kendall letter of a distribution: M (exponential), D
 * (deterministic), Ek (Erlang-k), H2, or G for any other.
 */
export function kendallLetter(input: DistributionInput): string {
  switch (input.type) {
    case 'exponential':
      return 'M';
    case 'deterministic':
      return 'D';
    case 'erlang':
      return input.k === 1 ? 'M' : `E${input.k}`;
    case 'hyperexponential':
      return input.scv === 1 ? 'M' : 'H2';
    default:
      return 'G';
  }
}

/** True when the distribution is exponential, whatever form names it. */
export function isExponential(input: DistributionInput): boolean {
  return kendallLetter(input) === 'M';
}
