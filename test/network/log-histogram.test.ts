import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/engine/statistics/log-histogram.js';

function histogramOf(values: readonly number[]): LogHistogram {
  const histogram = new LogHistogram();
  for (const value of values) histogram.add(value);
  return histogram;
}

describe('LogHistogram', () => {
  it('finds the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const histogram = histogramOf(values);
    // Rank ceil(0.9 * 100) = 90 is the value 90.
    expect(Math.abs(histogram.quantile(0.9) / 90 - 1)).toBeLessThan(0.005);
    expect(Math.abs(histogram.quantile(0.5) / 50 - 1)).toBeLessThan(0.005);
  });

  it('clamps to min and max', () => {
    const histogram = histogramOf([3, 3, 3]);
    expect(histogram.quantile(0.01)).toBe(3);
    expect(histogram.quantile(0.99)).toBe(3);
  });

  it('counts zero waits as 0', () => {
    const histogram = histogramOf([0, 0, 0, 2]);
    expect(histogram.quantile(0.75)).toBe(0);
    expect(histogram.quantile(1)).toBe(2);
  });

  it('is NaN when empty', () => {
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
  });

  it('merges counts', () => {
    const merged = histogramOf([1, 2]);
    merged.merge(histogramOf([3, 4]));
    expect(merged.count).toBe(4);
    expect(merged.max).toBe(4);
    expect(Math.abs(merged.quantile(0.75) / 3 - 1)).toBeLessThan(0.005);
  });

  it('matches exponential quantiles', () => {
    const histogram = new LogHistogram();
    const count = 100_000;
    // Exact quantiles of the exponential with mean 1: u -> -ln(1 - u).
    for (let i = 0; i < count; i++) histogram.add(-Math.log(1 - (i + 0.5) / count));
    for (const level of [0.5, 0.9, 0.99]) {
      const exact = -Math.log(1 - level);
      expect(Math.abs(histogram.quantile(level) / exact - 1)).toBeLessThan(0.006);
    }
  });

  it('keeps counts when the range grows', () => {
    // Twelve decades, added downwards and then upwards, move the stored
    // range both ways; every value must keep its own rank.
    const values = Array.from({ length: 13 }, (_, i) => 10 ** (i - 6));
    const down = histogramOf([...values].reverse());
    const up = histogramOf(values);
    for (const histogram of [down, up]) {
      for (let rank = 1; rank <= values.length; rank++) {
        const quantile = histogram.quantile(rank / values.length);
        expect(Math.abs(quantile / values[rank - 1]! - 1)).toBeLessThan(0.005);
      }
    }
  });

  it('merges ranges that do not overlap', () => {
    const merged = histogramOf([1e-4, 2e-4]);
    merged.merge(histogramOf([5e5, 6e5]));
    merged.merge(histogramOf([3]));
    expect(merged.count).toBe(5);
    expect(Math.abs(merged.quantile(0.6) / 3 - 1)).toBeLessThan(0.005);
    expect(Math.abs(merged.quantile(0.4) / 2e-4 - 1)).toBeLessThan(0.005);
    expect(Math.abs(merged.quantile(0.8) / 5e5 - 1)).toBeLessThan(0.005);
  });

  it('reports the max past 1e7', () => {
    const histogram = histogramOf([1e9, 1]);
    expect(histogram.quantile(0.5)).toBeCloseTo(1, 2);
    expect(histogram.quantile(1)).toBe(1e9);
  });
});
