/** Two-sided 95 % quantiles t(0.975, df) of Student's t for df = 1 to 30. */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788,
  2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639,
  2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/** Standard normal quantile z(0.975). */
const Z975 = 1.959964;

/**
 * Returns the 0.975 quantile of Student's t with `df` degrees of freedom,
 * which a 95 % confidence interval multiplies by the standard error.
 * Values for df up to 30 come from the standard table; above 30 the
 * Cornish-Fisher expansion in 1/df is within 1e-4 of the exact value.
 */
export function studentT975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) {
    throw new RangeError(`studentT975: df ${df} must be an integer of at least 1`);
  }
  const tabled = T975[df - 1];
  if (tabled !== undefined) return tabled;

  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/** Mean of a sample and the half-width of its 95 % confidence interval. */
export interface Estimate {
  /** Point estimate. */
  value: number;
  /** Half-width of the 95 % Student-t interval; NaN below two samples. */
  halfWidth: number;
}

/**
 * Computes the mean of `samples` and its 95 % half-width
 * t(0.975, n - 1) * s / sqrt(n), treating the samples as independent.
 * NaN samples are skipped.
 */
export function confidenceInterval(samples: readonly number[]): Estimate {
  const values = samples.filter((value) => !Number.isNaN(value));
  const count = values.length;
  if (count === 0) return { value: NaN, halfWidth: NaN };

  const mean = values.reduce((a, b) => a + b, 0) / count;
  if (count < 2) return { value: mean, halfWidth: NaN };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (count - 1);
  return { value: mean, halfWidth: studentT975(count - 1) * Math.sqrt(variance / count) };
}
