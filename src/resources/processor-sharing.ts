import { Heap } from 'heap-js';
import type { EventHandler, ScheduledEvent } from '../engine/event.js';
import type { Simulator } from '../engine/simulator.js';
import { TimeAverage } from '../engine/statistics/time-average.js';

interface PsJob {
  /** Virtual time at which the job has received all its work. */
  readonly finishTag: number;
  readonly seq: number;
  readonly onDone: EventHandler<never>;
  readonly arg: unknown;
}

function compareJobs(a: PsJob, b: PsJob): number {
  return a.finishTag - b.finishTag || a.seq - b.seq;
}

/**
 * A processor-sharing CPU with `cores` cores: n jobs each progress at
 * speed * min(1, cores / n). Work is given in seconds at the reference
 * speed, so a CPU with speed 2 finishes it in half the time.
 *
 * The implementation keeps a virtual clock that advances at the per-job
 * rate; a job finishes when the virtual clock reaches its arrival tag plus
 * its work. Only the earliest finish is on the event calendar, so each
 * arrival or departure costs O(log n).
 */
export class ProcessorSharingCpu {
  private readonly jobs = new Heap<PsJob>(compareJobs);
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
    return this.jobs.length;
  }

  /**
   * Starts a job needing `work` seconds at the reference speed and calls
   * `onDone(arg)` when it finishes.
   */
  execute<A>(work: number, onDone: EventHandler<A>, arg: A): void {
    if (!(work >= 0)) throw new RangeError(`cpu ${this.name}: work ${work} must be >= 0`);
    this.advance();

    this.jobs.push({
      finishTag: this.virtualTime + work,
      seq: this.nextSeq++,
      onDone: onDone as EventHandler<never>,
      arg,
    });
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

  private rate(): number {
    const n = this.jobs.length;
    return n <= this.cores ? this.speed : (this.speed * this.cores) / n;
  }

  // Brings the virtual clock up to now at the rate that held since the
  // last change in the number of jobs.
  private advance(): void {
    const now = this.sim.now;
    if (this.jobs.length > 0) {
      this.virtualTime += (now - this.lastUpdate) * this.rate();
    }
    this.lastUpdate = now;
  }

  private scheduleDeparture(): void {
    if (this.departure !== null) this.sim.cancel(this.departure);
    const first = this.jobs.peek();
    if (first === undefined) {
      this.departure = null;
      return;
    }
    const delay = Math.max(0, (first.finishTag - this.virtualTime) / this.rate());
    this.departure = this.sim.schedule(delay, this.onDeparture, undefined);
  }

  private depart(): void {
    this.departure = null;
    this.advance();

    const job = this.jobs.pop() as PsJob;
    if (this.jobs.length === 0) {
      // Restarting the virtual clock while idle keeps its values small,
      // so rounding error does not build up over a long run.
      this.virtualTime = 0;
    }
    this.recordLevel();
    this.scheduleDeparture();
    (job.onDone as EventHandler<unknown>)(job.arg);
  }

  private recordLevel(): void {
    const now = this.sim.now;
    const n = this.jobs.length;
    this.inService.update(now, n);
    this.busyCores.update(now, Math.min(n, this.cores));
  }
}
