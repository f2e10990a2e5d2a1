import { describe, expect, it } from 'vitest';
import { solveLinearSystem } from '../../src/analytic/linear-solve.js';

describe('solveLinearSystem', () => {
  it('solves 3x3 system needing a pivot', () => {
    // x = (1, 2, 3); the first pivot is 0, so rows must be swapped.
    const solution = solveLinearSystem(
      [
        [0, 1, 1],
        [2, 0, 1],
        [1, 1, 0],
      ],
      [5, 5, 3],
    );
    expect(solution?.[0]).toBeCloseTo(1, 12);
    expect(solution?.[1]).toBeCloseTo(2, 12);
    expect(solution?.[2]).toBeCloseTo(3, 12);
  });

  it('returns undefined when singular', () => {
    const solution = solveLinearSystem(
      [
        [1, 2],
        [2, 4],
      ],
      [1, 2],
    );
    expect(solution).toBeUndefined();
  });

  it('leaves the input unchanged', () => {
    const matrix = [
      [2, 1],
      [1, 3],
    ];
    solveLinearSystem(matrix, [3, 4]);
    expect(matrix).toEqual([
      [2, 1],
      [1, 3],
    ]);
  });
});
