import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/engine/statistics/tally.js';
import { TimeAverage } from '../../src/engine/statistics/time-average.js';

describe('Tally', () => {
  // Deviations from the mean 5 are -3, -1, -1, -1, 0, 0, 2, 4, whose
  // squares sum to 32, so the sample variance is 32 / 7.
  const observations = [2, 4, 4, 4, 5, 5, 7, 9];

  function tallyOf(values: readonly number[]): Tally {
    const tally = new Tally();
    for (const value of values) tally.add(value);
    return tally;
  }

  it('count, min and max', () => {
    const tally = tallyOf(observations);
    expect(tally.count).toBe(8);
    expect(tally.min).toBe(2);
    expect(tally.max).toBe(9);
  });

  it('mean of small sample', () => {
    expect(tallyOf(observations).mean).toBe(5);
  });

  it('sample variance uses n - 1', () => {
    expect(tallyOf(observations).variance).toBeCloseTo(32 / 7, 12);
  });

  it('empty tally gives NaN', () => {
    const tally = new Tally();
    expect(tally.mean).toBeNaN();
    expect(tally.variance).toBeNaN();
  });

  it('one observation has NaN variance', () => {
    const tally = tallyOf([3]);
    expect(tally.mean).toBe(3);
    expect(tally.variance).toBeNaN();
  });

  it('variance stays accurate with offset', () => {
    // A large common offset ruins the naive sum-of-squares formula.
    const shifted = observations.map((value) => value + 1e9);
    expect(tallyOf(shifted).variance).toBeCloseTo(32 / 7, 6);
  });

  it('reset forgets observations', () => {
    const tally = tallyOf(observations);
    tally.reset();
    tally.add(1);
    tally.add(3);
    expect(tally.count).toBe(2);
    expect(tally.mean).toBe(2);
    expect(tally.min).toBe(1);
    expect(tally.max).toBe(3);
    expect(tally.variance).toBe(2);
  });
});

describe('TimeAverage', () => {
  it('mean of step function', () => {
    // Level 2 on [0, 3), 1 on [3, 4), 0 on [4, 8]: area 6 + 1 = 7 over 8 s.
    const average = new TimeAverage(0);
    average.update(0, 2);
    average.update(3, 1);
    average.update(4, 0);
    expect(average.mean(8)).toBe(7 / 8);
  });

  it('mean counts current level to now', () => {
    // Level 2 on [0, 3) then 1 still in force at t=5: (6 + 2) / 5.
    const average = new TimeAverage(0);
    average.update(0, 2);
    average.update(3, 1);
    expect(average.mean(5)).toBe(1.6);
  });

  it('mean with no elapsed time', () => {
    const average = new TimeAverage(2);
    average.update(2, 4);
    expect(average.mean(2)).toBe(4);
  });

  it('mean from nonzero start', () => {
    // Created at t=10 with level 0, then 3 from t=12 to t=14: 6 / 4.
    const average = new TimeAverage(10);
    average.update(12, 3);
    expect(average.mean(14)).toBe(1.5);
  });

  it('tracks value and max', () => {
    const average = new TimeAverage(0);
    average.update(1, 5);
    average.update(2, 3);
    expect(average.value).toBe(3);
    expect(average.max).toBe(5);
  });

  it('reset keeps current level', () => {
    // Level 4 from t=0 and level 2 from t=12. The reset at t=10 drops
    // [0, 10), so over [10, 16] the area is 4 * 2 + 2 * 4 = 16.
    const average = new TimeAverage(0);
    average.update(0, 4);
    average.reset(10);
    average.update(12, 2);
    expect(average.mean(16)).toBe(16 / 6);
    expect(average.max).toBe(4);
  });
});
