import { describe, expect, it } from 'vitest';
import {
  deterministic,
  EmpiricalDistribution,
  exponential,
  uniform,
  type Distribution,
} from '../../src/engine/distributions.js';
import { RandomStreams } from '../../src/engine/random.js';

const SAMPLES = 100_000;

/** SPECmail2001 message sizes in KB and the percentage of each size. */
const MESSAGE_SIZES_KB = [1, 2, 3, 4, 5, 6, 10, 100, 1000, 2675];
const MESSAGE_SIZE_PERCENT = [
  10.2, 30.71, 20.59, 10.78, 5.88, 3.74, 7.44, 9.79, 0.69, 0.18,
];

function drawSamples(distribution: Distribution, seed: number): number[] {
  const stream = new RandomStreams(seed).stream('samples');
  const values: number[] = [];
  for (let i = 0; i < SAMPLES; i++) values.push(distribution.sample(stream));
  return values;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

describe('exponential', () => {
  it('sample mean matches mean', () => {
    const mean = 2;
    const values = drawSamples(exponential(mean), 11);
    // The standard deviation of an exponential equals its mean.
    const standardError = mean / Math.sqrt(SAMPLES);
    expect(Math.abs(average(values) - mean)).toBeLessThan(4 * standardError);
  });

  it('samples are non-negative', () => {
    const values = drawSamples(exponential(0.5), 12);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });

  it('mean property', () => {
    expect(exponential(3).mean).toBe(3);
  });

  it.each([0, -1, NaN])('mean %s throws RangeError', (mean) => {
    expect(() => exponential(mean)).toThrow(RangeError);
  });
});

describe('uniform', () => {
  it('samples stay within bounds', () => {
    const values = drawSamples(uniform(2, 5), 21);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...values)).toBeLessThan(5);
  });

  it('sample mean matches mean', () => {
    const values = drawSamples(uniform(2, 5), 22);
    const standardDeviation = 3 / Math.sqrt(12);
    const standardError = standardDeviation / Math.sqrt(SAMPLES);
    expect(Math.abs(average(values) - 3.5)).toBeLessThan(4 * standardError);
  });

  it('mean property', () => {
    expect(uniform(2, 5).mean).toBe(3.5);
  });

  it('equal bounds give constant', () => {
    const stream = new RandomStreams(23).stream('samples');
    expect(uniform(3, 3).sample(stream)).toBe(3);
  });

  it('reversed bounds throw RangeError', () => {
    expect(() => uniform(5, 2)).toThrow(RangeError);
  });

  it('NaN bound throws RangeError', () => {
    expect(() => uniform(NaN, 2)).toThrow(RangeError);
  });
});

describe('deterministic', () => {
  it('always returns its value', () => {
    const stream = new RandomStreams(31).stream('samples');
    const distribution = deterministic(1.25);
    expect(distribution.sample(stream)).toBe(1.25);
    expect(distribution.mean).toBe(1.25);
  });
});

describe('EmpiricalDistribution', () => {
  it('frequencies match shares', () => {
    const distribution = new EmpiricalDistribution(
      MESSAGE_SIZES_KB,
      MESSAGE_SIZE_PERCENT,
    );
    const stream = new RandomStreams(41).stream('sizes');
    const counts = new Array<number>(MESSAGE_SIZES_KB.length).fill(0);
    for (let i = 0; i < SAMPLES; i++) {
      const index = distribution.sampleIndex(stream);
      counts[index] = (counts[index] as number) + 1;
    }

    MESSAGE_SIZE_PERCENT.forEach((percent, i) => {
      const share = percent / 100;
      // Binomial standard error of the observed frequency of value i.
      const standardError = Math.sqrt((share * (1 - share)) / SAMPLES);
      const frequency = (counts[i] as number) / SAMPLES;
      expect(
        Math.abs(frequency - share),
        `size ${MESSAGE_SIZES_KB[i]} KB`,
      ).toBeLessThan(4 * standardError);
    });
  });

  it('sample returns the drawn value', () => {
    const distribution = new EmpiricalDistribution([10, 20, 30], [1, 1, 1]);
    const indices = new RandomStreams(42).stream('sizes');
    const values = new RandomStreams(42).stream('sizes');
    for (let i = 0; i < 100; i++) {
      const index = distribution.sampleIndex(indices);
      expect(distribution.sample(values)).toBe(distribution.values[index]);
    }
  });

  it('zero weight is never drawn', () => {
    const distribution = new EmpiricalDistribution([1, 2, 3], [0, 1, 0]);
    const stream = new RandomStreams(43).stream('sizes');
    const drawn = new Set<number>();
    for (let i = 0; i < 10_000; i++) drawn.add(distribution.sample(stream));
    expect([...drawn]).toEqual([2]);
  });

  it('SPECmail message size mean', () => {
    // Sum of size * percent is 2453.25 and the percents sum to 100.
    const distribution = new EmpiricalDistribution(
      MESSAGE_SIZES_KB,
      MESSAGE_SIZE_PERCENT,
    );
    expect(distribution.mean).toBeCloseTo(24.53, 2);
  });

  it('weights of any scale are normalised', () => {
    const distribution = new EmpiricalDistribution([1, 4], [3, 1]);
    expect(distribution.mean).toBe(1.75);
  });

  it.each([
    ['negative weight', [1, 2], [1, -1]],
    ['NaN weight', [1, 2], [1, NaN]],
    ['infinite weight', [1, 2], [1, Infinity]],
    ['all weights zero', [1, 2], [0, 0]],
    ['fewer weights than values', [1, 2, 3], [1, 1]],
    ['no values', [], []],
  ])('%s throws RangeError', (_case, values, weights) => {
    expect(() => new EmpiricalDistribution(values, weights)).toThrow(
      RangeError,
    );
  });
});
