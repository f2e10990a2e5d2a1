/**
 * Streaming summary of observations: count, min, max, mean and variance
 * (Welford's update, which stays accurate over millions of samples).
 * Keeps no samples.
 */
export class Tally {
  count = 0;
  min = Infinity;
  max = -Infinity;
  private runningMean = 0;
  private sumSquaredDeviations = 0;

  /** Adds one observation. */
  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;

    const delta = value - this.runningMean;
    this.runningMean += delta / this.count;
    this.sumSquaredDeviations += delta * (value - this.runningMean);
  }

  /** Mean of the observations; NaN when there are none. */
  get mean(): number {
    return this.count === 0 ? NaN : this.runningMean;
  }

  /** Sample variance (n - 1 denominator); NaN below two observations. */
  get variance(): number {
    return this.count < 2 ? NaN : this.sumSquaredDeviations / (this.count - 1);
  }

  /** Forgets every observation, as at the start of a measurement phase. */
  reset(): void {
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.runningMean = 0;
    this.sumSquaredDeviations = 0;
  }
}
