/**
 * Distributions given by their mean and squared coefficient of variation
 * (SCV = variance / mean^2), the two moments that queueing formulas such as
 * Pollaczek-Khinchine need: Erlang-k, two-phase hyperexponential and
 * lognormal. Each also reports its SCV.
 */
import type { Distribution } from './distributions.js';
import type { RandomStream } from './random.js';

/** A distribution that also reports its squared coefficient of variation. */
export interface MomentDistribution extends Distribution {
  /** Variance divided by the squared mean; 0 for a constant, 1 for exponential. */
  readonly scv: number;
}

function requireMean(name: string, mean: number): void {
  if (!(Number.isFinite(mean) && mean > 0)) {
    throw new RangeError(`${name}: mean ${mean} must be a finite number above 0`);
  }
}

// Draws an exponential with mean 1; 1 - u lies in (0, 1], so the log is finite.
function unitExponential(random: RandomStream): number {
  return -Math.log(1 - random.next());
}

/**
 * Returns the Erlang-k distribution with the given mean: the sum of k
 * exponential phases of mean `mean / k` each. Its SCV is 1 / k.
 */
export function erlang(k: number, mean: number): MomentDistribution {
  requireMean('erlang', mean);
  if (!(Number.isSafeInteger(k) && k >= 1)) {
    throw new RangeError(`erlang: k ${k} must be an integer of at least 1`);
  }

  const phaseMean = mean / k;
  return {
    mean,
    scv: 1 / k,
    sample: (random) => {
      let total = 0;
      for (let phase = 0; phase < k; phase++) total += unitExponential(random);
      return phaseMean * total;
    },
  };
}

/**
 * Returns the two-phase hyperexponential distribution (H2) with the given
 * mean and SCV (at least 1), using balanced means: each phase contributes
 * half the mean, so p1 / mu1 = p2 / mu2 = mean / 2. Then
 * p1 = (1 + sqrt((scv - 1) / (scv + 1))) / 2 and mu_i = 2 p_i / mean.
 * An SCV of exactly 1 gives the exponential distribution.
 */
export function hyperexponential(mean: number, scv: number): MomentDistribution {
  requireMean('hyperexponential', mean);
  if (!(Number.isFinite(scv) && scv >= 1)) {
    throw new RangeError(`hyperexponential: scv ${scv} must be a finite number of at least 1`);
  }

  const phases = hyperexponentialPhases(mean, scv);
  const mean1 = 1 / phases.rate1;
  const mean2 = 1 / phases.rate2;
  return {
    mean,
    scv,
    sample: (random) => {
      const phaseMean = random.next() < phases.probability ? mean1 : mean2;
      return phaseMean * unitExponential(random);
    },
  };
}

/** Phase probability and rates of a balanced-means H2 distribution. */
export interface HyperexponentialPhases {
  /** Probability of phase 1, from 0.5 to 1. */
  probability: number;
  /** Rate of phase 1, per unit of the mean. */
  rate1: number;
  /** Rate of phase 2, per unit of the mean. */
  rate2: number;
}

/** Computes the phases of the balanced-means H2 with this mean and SCV. */
export function hyperexponentialPhases(mean: number, scv: number): HyperexponentialPhases {
  const probability = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
  return {
    probability,
    rate1: (2 * probability) / mean,
    rate2: (2 * (1 - probability)) / mean,
  };
}

/**
 * Returns the lognormal distribution with the given mean and SCV (above 0).
 * The underlying normal has variance s^2 = ln(1 + scv) and mean
 * ln(mean) - s^2 / 2. Normal draws use the Box-Muller transform, two
 * uniform draws per sample.
 */
export function lognormal(mean: number, scv: number): MomentDistribution {
  requireMean('lognormal', mean);
  if (!(Number.isFinite(scv) && scv > 0)) {
    throw new RangeError(`lognormal: scv ${scv} must be a finite number above 0`);
  }

  const variance = Math.log(1 + scv);
  const sigma = Math.sqrt(variance);
  const mu = Math.log(mean) - variance / 2;
  return {
    mean,
    scv,
    sample: (random) => {
      const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
      const normal = radius * Math.cos(2 * Math.PI * random.next());
      return Math.exp(mu + sigma * normal);
    },
  };
}
