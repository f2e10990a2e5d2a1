import type { EventHandler, ScheduledEvent } from '../engine/event.js';
import type { Simulator } from '../engine/simulator.js';
import { TimeAverage } from '../engine/statistics/time-average.js';

const INITIAL_CAPACITY = 16;

/**
 * A processor-sharing CPU with `cores` cores: n jobs each progress at
 * speed * min(1, cores / n). Work is given in seconds at the reference
 * speed, so a CPU with speed 2 finishes it in half the time.
 *
 * The implementation keeps a virtual clock that advances at the per-job
 * rate; a job finishes when the virtual clock reaches its arrival tag plus
 * its work. Only the earliest finish is on the event calendar, so each
 * arrival or departure costs O(log n).
 *
 * Jobs wait in a binary min-heap ordered by (finish tag, arrival
 * sequence), kept in parallel arrays so that a job costs no allocation.
 */
export class ProcessorSharingCpu {
  /** Virtual time at which each job has received all its work. */
  private finishTags = new Float64Array(INITIAL_CAPACITY);
  /** Arrival sequence number of each job, the tie-breaker. */
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private handlers: (EventHandler<never> | undefined)[] = [];
  private args: unknown[] = [];
  private size = 0;
  private virtualTime = 0;
  private lastUpdate: number;
  private nextSeq = 0;
  private departure: ScheduledEvent | null = null;
  private readonly onDeparture = (): void => this.depart();

  /** Jobs in service over time. */
  readonly inService: TimeAverage;
  /** Busy cores over time (min(n, cores)). */
  readonly busyCores: TimeAverage;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    readonly cores: number,
    readonly speed: number,
  ) {
    if (!(speed > 0)) throw new RangeError(`cpu ${name}: speed ${speed} must be > 0`);
    if (!Number.isInteger(cores) || cores < 1) {
      throw new RangeError(`cpu ${name}: cores ${cores} must be an integer >= 1`);
    }
    this.lastUpdate = sim.now;
    this.inService = new TimeAverage(sim.now);
    this.busyCores = new TimeAverage(sim.now);
  }

  /** Jobs in service now. */
  get jobCount(): number {
    return this.size;
  }

  /**
   * Starts a job needing `work` seconds at the reference speed and calls
   * `onDone(arg)` when it finishes.
   */
  execute<A>(work: number, onDone: EventHandler<A>, arg: A): void {
    if (!(work >= 0)) throw new RangeError(`cpu ${this.name}: work ${work} must be >= 0`);
    this.advance();
    this.insert(this.virtualTime + work, onDone as EventHandler<never>, arg);
    this.recordLevel();
    this.scheduleDeparture();
  }

  /** Fraction of core capacity in use since the last reset. */
  utilisation(): number {
    return this.busyCores.mean(this.sim.now) / this.cores;
  }

  /** Restarts statistics at the current instant. */
  resetStatistics(): void {
    this.inService.reset(this.sim.now);
    this.busyCores.reset(this.sim.now);
  }

  // Per-job progress per second with n jobs in service.
  private rate(n: number): number {
    return n <= this.cores ? this.speed : (this.speed * this.cores) / n;
  }

  // Brings the virtual clock up to now at the rate that held since the
  // last change in the number of jobs.
  private advance(): void {
    const now = this.sim.now;
    if (this.size > 0) {
      this.virtualTime += (now - this.lastUpdate) * this.rate(this.size);
    }
    this.lastUpdate = now;
  }

  private scheduleDeparture(): void {
    if (this.departure !== null) this.sim.cancel(this.departure);
    if (this.size === 0) {
      this.departure = null;
      return;
    }
    const delay = Math.max(0, ((this.finishTags[0] as number) - this.virtualTime) / this.rate(this.size));
    this.departure = this.sim.schedule(delay, this.onDeparture, undefined);
  }

  private depart(): void {
    this.departure = null;
    this.advance();

    const onDone = this.handlers[0] as EventHandler<unknown>;
    const arg = this.args[0];
    this.removeFirst();
    if (this.size === 0) {
      // Restarting the virtual clock while idle keeps its values small,
      // so rounding error does not build up over a long run.
      this.virtualTime = 0;
    }
    this.recordLevel();
    this.scheduleDeparture();
    onDone(arg);
  }

  private recordLevel(): void {
    const now = this.sim.now;
    const n = this.size;
    this.inService.update(now, n);
    this.busyCores.update(now, Math.min(n, this.cores));
  }

  // Adds a job at the bottom of the heap and moves it up past every
  // parent that finishes after it.
  private insert(finishTag: number, onDone: EventHandler<never>, arg: unknown): void {
    if (this.size === this.finishTags.length) this.grow();
    const tags = this.finishTags;
    const seqs = this.seqs;
    const handlers = this.handlers;
    const args = this.args;
    const seq = this.nextSeq++;

    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTag = tags[parent] as number;
      // seq grows with every insert, so a parent with an equal tag always
      // came first and stops the climb.
      if (parentTag <= finishTag) break;
      tags[hole] = parentTag;
      seqs[hole] = seqs[parent] as number;
      handlers[hole] = handlers[parent];
      args[hole] = args[parent];
      hole = parent;
    }
    tags[hole] = finishTag;
    seqs[hole] = seq;
    handlers[hole] = onDone;
    args[hole] = arg;
  }

  // Drops the first job: the last entry fills the root's place and sinks
  // below every child that finishes before it.
  private removeFirst(): void {
    const tags = this.finishTags;
    const seqs = this.seqs;
    const handlers = this.handlers;
    const args = this.args;

    const last = --this.size;
    const tag = tags[last] as number;
    const seq = seqs[last] as number;
    const onDone = handlers[last];
    const arg = args[last];
    handlers[last] = undefined;
    args[last] = undefined;
    if (last === 0) return;

    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      let childTag = tags[child] as number;
      const right = child + 1;
      if (right < last) {
        const rightTag = tags[right] as number;
        if (rightTag < childTag || (rightTag === childTag && (seqs[right] as number) < (seqs[child] as number))) {
          child = right;
          childTag = rightTag;
        }
      }
      if (childTag > tag || (childTag === tag && (seqs[child] as number) > seq)) break;
      tags[hole] = childTag;
      seqs[hole] = seqs[child] as number;
      handlers[hole] = handlers[child];
      args[hole] = args[child];
      hole = child;
    }
    tags[hole] = tag;
    seqs[hole] = seq;
    handlers[hole] = onDone;
    args[hole] = arg;
  }

  private grow(): void {
    const tags = new Float64Array(this.finishTags.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    tags.set(this.finishTags);
    seqs.set(this.seqs);
    this.finishTags = tags;
    this.seqs = seqs;
  }
}
