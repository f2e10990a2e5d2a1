/**
 * Time-weighted average of a level that changes in steps, such as the
 * number of busy servers or the length of a queue. The caller reports
 * every change with the simulated time; `mean(now)` integrates up to
 * `now` and so counts work still in progress at the end of a run.
 */
export class TimeAverage {
  private level = 0;
  private area = 0;
  private lastChange: number;
  private start: number;
  /** Highest level seen since the last reset. */
  max = 0;

  constructor(now = 0) {
    this.lastChange = now;
    this.start = now;
  }

  /** Sets the level at time `now` (seconds). */
  update(now: number, level: number): void {
    this.area += this.level * (now - this.lastChange);
    this.lastChange = now;
    this.level = level;
    if (level > this.max) this.max = level;
  }

  /** Current level. */
  get value(): number {
    return this.level;
  }

  /** Mean level over [last reset, now]; the current level if no time passed. */
  mean(now: number): number {
    const elapsed = now - this.start;
    if (elapsed <= 0) return this.level;
    return (this.area + this.level * (now - this.lastChange)) / elapsed;
  }

  /** Restarts the average at `now`, keeping the current level. */
  reset(now: number): void {
    this.area = 0;
    this.lastChange = now;
    this.start = now;
    this.max = this.level;
  }
}
