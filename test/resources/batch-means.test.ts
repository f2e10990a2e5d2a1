import { describe, expect, it } from 'vitest';
import { batchMeans, summarizeBatches } from './batch-means.js';

describe('batch means helper', () => {
  it('summarizes batch values', () => {
    // Mean 5, squared deviations sum to 32 over 7 degrees of freedom.
    const estimate = summarizeBatches([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(estimate.mean).toBe(5);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(32 / 7 / 8), 12);
  });

  it('cuts series into equal batches', () => {
    // Batches [1, 3], [5, 7], [9, 11] have means 2, 6 and 10, and the
    // trailing 100 is dropped. The means deviate by -4, 0 and 4 from 6.
    const estimate = batchMeans([1, 3, 5, 7, 9, 11, 100], 3);
    expect(estimate.mean).toBe(6);
    expect(estimate.standardError).toBe(Math.sqrt(16 / 3));
  });

  it('too few values throw', () => {
    expect(() => batchMeans([1, 2, 3], 20)).toThrow(RangeError);
  });

  it('one batch throws', () => {
    expect(() => summarizeBatches([1])).toThrow(RangeError);
  });
});
