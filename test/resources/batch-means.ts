import { expect } from 'vitest';

/** Point estimate of a steady-state mean and its standard error. */
export interface BatchEstimate {
  mean: number;
  standardError: number;
}

/**
 * Estimates the mean of a series of batch means and its standard error,
 * treating the batch means as independent: s / sqrt(k) for k batches with
 * sample standard deviation s.
 */
export function summarizeBatches(
  batchValues: readonly number[],
): BatchEstimate {
  const count = batchValues.length;
  if (count < 2) {
    throw new RangeError(`summarizeBatches: ${count} batches, need at least 2`);
  }

  let sum = 0;
  for (const value of batchValues) sum += value;
  const mean = sum / count;

  let squaredDeviations = 0;
  for (const value of batchValues) squaredDeviations += (value - mean) ** 2;
  const variance = squaredDeviations / (count - 1);

  return { mean, standardError: Math.sqrt(variance / count) };
}

/**
 * Estimates the mean of an autocorrelated series, such as successive
 * response times of one queue, by the method of batch means. The series is
 * cut into `batches` consecutive batches of equal size and the remainder at
 * its end is dropped. Batches must be long compared with the correlation
 * length of the series, or the standard error comes out too small.
 */
export function batchMeans(
  values: readonly number[],
  batches = 20,
): BatchEstimate {
  const batchSize = Math.floor(values.length / batches);
  if (batchSize < 1) {
    throw new RangeError(
      `batchMeans: ${values.length} values are too few for ${batches} batches`,
    );
  }

  const means: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    let sum = 0;
    const start = batch * batchSize;
    for (let i = start; i < start + batchSize; i++) sum += values[i] as number;
    means.push(sum / batchSize);
  }
  return summarizeBatches(means);
}

/**
 * Checks that the estimate lies within 4 standard errors of the exact
 * value, and that 4 standard errors are below `maxRelative` of it, so the
 * first check is tight enough to fail.
 */
export function expectNear(
  estimate: BatchEstimate,
  exact: number,
  maxRelative: number,
): void {
  const error = Math.abs(estimate.mean - exact);
  const tolerance = 4 * estimate.standardError;
  expect(error, `estimate ${estimate.mean} vs exact ${exact}`).toBeLessThan(
    tolerance,
  );
  expect(tolerance, 'tolerance relative to exact value').toBeLessThan(
    maxRelative * exact,
  );
}
