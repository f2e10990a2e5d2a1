/**
 * Dense linear solver for the small systems of the analytic models.
 */

/**
 * Solves A x = b by Gaussian elimination with partial pivoting.
 * Returns undefined when A is singular, which the solver detects as a pivot
 * below 1e-12 times the largest absolute entry of A.
 *
 * @param matrix - square matrix A, row by row. It is not modified.
 * @param rhs - right-hand side b, one entry per row of A.
 */
export function solveLinearSystem(
  matrix: readonly (readonly number[])[],
  rhs: readonly number[],
): number[] | undefined {
  const size = rhs.length;
  const rows = matrix.map((row, i) => [...row, rhs[i] ?? 0]);
  let scale = 0;
  for (const row of matrix) {
    for (const value of row) {
      scale = Math.max(scale, Math.abs(value));
    }
  }
  const tolerance = 1e-12 * scale;

  for (let col = 0; col < size; col += 1) {
    let pivotRow = col;
    for (let r = col + 1; r < size; r += 1) {
      if (Math.abs(at(rows, r, col)) > Math.abs(at(rows, pivotRow, col))) {
        pivotRow = r;
      }
    }
    const pivot = at(rows, pivotRow, col);
    if (!(Math.abs(pivot) > tolerance)) {
      return undefined;
    }
    swapRows(rows, col, pivotRow);

    const pivotValues = rowAt(rows, col);
    for (let r = col + 1; r < size; r += 1) {
      const target = rowAt(rows, r);
      const factor = (target[col] ?? 0) / pivot;
      // Routing matrices are mostly zeros, and a zero factor changes
      // nothing, so skipping it makes large sparse networks fast.
      if (factor === 0) continue;
      for (let c = col; c <= size; c += 1) {
        target[c] = (target[c] ?? 0) - factor * (pivotValues[c] ?? 0);
      }
    }
  }

  // Back substitution on the upper-triangular system.
  const solution = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r -= 1) {
    const row = rowAt(rows, r);
    let sum = row[size] ?? 0;
    for (let c = r + 1; c < size; c += 1) {
      sum -= (row[c] ?? 0) * (solution[c] ?? 0);
    }
    solution[r] = sum / (row[r] ?? 1);
  }
  return solution;
}

function rowAt(rows: number[][], index: number): number[] {
  const row = rows[index];
  if (row === undefined) {
    throw new RangeError(`solveLinearSystem: row ${index} is missing`);
  }
  return row;
}

function at(rows: number[][], row: number, col: number): number {
  return rowAt(rows, row)[col] ?? 0;
}

function swapRows(rows: number[][], first: number, second: number): void {
  const a = rowAt(rows, first);
  rows[first] = rowAt(rows, second);
  rows[second] = a;
}
