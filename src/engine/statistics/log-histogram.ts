/** Smallest value that gets its own bucket; smaller values count as 0. */
const MIN_VALUE = 1e-6;
/** Largest value that gets its own bucket; larger ones share the last. */
const MAX_VALUE = 1e7;
/** Ratio of the upper to the lower edge of every bucket. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(MAX_VALUE / MIN_VALUE) / LOG_GROWTH) + 1;

/** Buckets a histogram allocates for its first observation. */
const FIRST_WINDOW = 64;

/**
 * Streaming histogram with logarithmic buckets, for percentiles of waiting
 * and response times. Bucket edges grow by 1 % from 1e-6 to 1e7, so a
 * percentile is reported to within 0.5 % of a value in its bucket. Values
 * below 1e-6 (such as a wait of 0) are counted as 0. Only the range of
 * buckets between the smallest and largest observation is stored, growing
 * by doubling, so an empty histogram costs a few bytes and a full one at
 * most about 24 KB whatever the number of observations. Two histograms
 * merge by adding their counts.
 *
 * The p-percentile is the smallest observed value x such that at least a
 * share p of the observations are <= x (the inverse of the empirical
 * distribution function, "nearest rank"), reported as the geometric middle
 * of the bucket that contains it and clamped to the observed min and max.
 * The last bucket contains every value from 1e7 up, so there it is the max.
 */
export class LogHistogram {
  /** Counts of buckets `offset` to `offset + counts.length - 1`. */
  private counts = new Float64Array(0);
  private offset = 0;
  private zeros = 0;
  /** Number of observations. */
  count = 0;
  /** Smallest observation, Infinity when empty. */
  min = Infinity;
  /** Largest observation, -Infinity when empty. */
  max = -Infinity;

  /** Adds one non-negative observation. */
  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value < MIN_VALUE) {
      this.zeros++;
      return;
    }

    const index = Math.min(BUCKETS - 1, Math.floor(Math.log(value / MIN_VALUE) / LOG_GROWTH));
    this.cover(index, index);
    const slot = index - this.offset;
    this.counts[slot] = (this.counts[slot] as number) + 1;
  }

  /** Adds every observation of `other` to this histogram. */
  merge(other: LogHistogram): void {
    const length = other.counts.length;
    if (length > 0) {
      this.cover(other.offset, other.offset + length - 1);
      const shift = other.offset - this.offset;
      for (let i = 0; i < length; i++) {
        this.counts[shift + i] = (this.counts[shift + i] as number) + (other.counts[i] as number);
      }
    }
    this.zeros += other.zeros;
    this.count += other.count;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** Forgets every observation. */
  clear(): void {
    this.counts.fill(0);
    this.zeros = 0;
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /**
   * Returns the p-percentile as defined on the class, for `level` p from 0
   * to 1 (0.95 for p95); NaN when the histogram is empty.
   */
  quantile(level: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(level * this.count));
    if (rank <= this.zeros) return Math.max(0, this.min);

    let cumulative = this.zeros;
    for (let i = 0; i < this.counts.length; i++) {
      cumulative += this.counts[i] as number;
      if (cumulative >= rank) {
        // The last bucket has no upper edge, so the largest value is reported.
        if (this.offset + i === BUCKETS - 1) return this.max;
        const middle = MIN_VALUE * GROWTH ** (this.offset + i + 0.5);
        return Math.min(this.max, Math.max(this.min, middle));
      }
    }
    return this.max;
  }

  /** Grows the stored range, at least doubling it, to hold buckets `low` to `high`. */
  private cover(low: number, high: number): void {
    const length = this.counts.length;
    const end = this.offset + length;
    if (length > 0 && low >= this.offset && high < end) return;

    const from = length === 0 ? low : Math.min(low, this.offset);
    const to = length === 0 ? high + 1 : Math.max(high + 1, end);
    const size = Math.min(BUCKETS, Math.max(FIRST_WINDOW, 2 * length, to - from));
    // The extra room goes on the side that grew, then the window is kept
    // inside the bucket range; either way it still spans from..to.
    const growsDown = length > 0 && low < this.offset;
    const start = Math.max(0, Math.min(BUCKETS - size, growsDown ? to - size : from));

    const grown = new Float64Array(size);
    if (length > 0) grown.set(this.counts, this.offset - start);
    this.counts = grown;
    this.offset = start;
  }
}
