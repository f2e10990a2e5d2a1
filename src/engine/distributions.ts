import type { RandomStream } from './random.js';

/** A distribution of non-negative values that draws from a stream. */
export interface Distribution {
  /** Mean of the distribution, in the unit of its samples. */
  readonly mean: number;
  /** Draws one sample. */
  sample(random: RandomStream): number;
}

/** Returns the exponential distribution with the given mean. */
export function exponential(mean: number): Distribution {
  if (!(mean > 0)) throw new RangeError(`exponential: mean ${mean} must be > 0`);
  return {
    mean,
    // 1 - u lies in (0, 1], so the logarithm is finite.
    sample: (random) => -mean * Math.log(1 - random.next()),
  };
}

/** Returns the uniform distribution on [low, high). */
export function uniform(low: number, high: number): Distribution {
  if (!(high >= low)) {
    throw new RangeError(`uniform: high ${high} must be >= low ${low}`);
  }
  const width = high - low;
  return {
    mean: (low + high) / 2,
    sample: (random) => low + width * random.next(),
  };
}

/** Returns the distribution that always gives `value`. */
export function deterministic(value: number): Distribution {
  return { mean: value, sample: () => value };
}

/**
 * A discrete distribution over `values` with the given weights (any
 * positive scale; they are normalised). Sampling is a binary search over
 * the cumulative weights.
 */
export class EmpiricalDistribution implements Distribution {
  readonly mean: number;
  private readonly cumulative: Float64Array;

  constructor(
    readonly values: readonly number[],
    weights: readonly number[],
  ) {
    if (values.length === 0 || values.length !== weights.length) {
      throw new RangeError(
        `empirical: ${values.length} values and ${weights.length} weights; ` +
          'give one positive weight per value',
      );
    }

    let total = 0;
    let weightedSum = 0;
    this.cumulative = new Float64Array(weights.length);
    weights.forEach((weight, i) => {
      if (!(weight >= 0) || !Number.isFinite(weight)) {
        throw new RangeError(`empirical: weight ${weight} must be a finite number >= 0`);
      }
      total += weight;
      weightedSum += weight * (values[i] as number);
      this.cumulative[i] = total;
    });
    if (!(total > 0)) throw new RangeError('empirical: weights sum to 0');

    for (let i = 0; i < this.cumulative.length; i++) {
      this.cumulative[i] = (this.cumulative[i] as number) / total;
    }
    this.cumulative[this.cumulative.length - 1] = 1;
    this.mean = weightedSum / total;
  }

  /** Draws the index of a value rather than the value itself. */
  sampleIndex(random: RandomStream): number {
    const u = random.next();
    const cumulative = this.cumulative;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (u < (cumulative[middle] as number)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  sample(random: RandomStream): number {
    return this.values[this.sampleIndex(random)] as number;
  }
}
