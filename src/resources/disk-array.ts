import type { EventHandler } from '../engine/event.js';
import type { RandomStream } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { Station } from './station.js';

interface ReadJob {
  readonly array: DiskArray;
  remaining: number;
  readonly onDone: EventHandler<never>;
  readonly arg: unknown;
}

function readNext(job: ReadJob): void {
  if (job.remaining === 0) {
    (job.onDone as EventHandler<unknown>)(job.arg);
    return;
  }
  job.remaining--;
  job.array.readOne(job);
}

/**
 * Striped disks, each a single-server FCFS queue: a random read goes to
 * the disk that holds its block, chosen uniformly, and waits for that
 * disk alone. This is why striped arrays queue more than one shared
 * queue of the same size would (c M/M/1 queues, not one M/M/c).
 */
export class DiskArray {
  readonly disks: Station[];

  constructor(
    readonly sim: Simulator,
    readonly name: string,
    count: number,
    /** Service time of one read, in seconds. */
    readonly readTime: number,
    private readonly random: RandomStream,
  ) {
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`disk array ${name}: count ${count} must be an integer >= 1`);
    }
    this.disks = Array.from({ length: count }, (_, i) => new Station(sim, `${name}.disk${i + 1}`, 1));
  }

  /** Performs `count` reads one after another, then calls `onDone(arg)`. */
  read<A>(count: number, onDone: EventHandler<A>, arg: A): void {
    readNext({ array: this, remaining: count, onDone: onDone as EventHandler<never>, arg });
  }

  /** @internal */
  readOne(job: ReadJob): void {
    const disk = this.disks[Math.floor(this.random.next() * this.disks.length)] as Station;
    disk.serve(this.readTime, readNext, job);
  }

  /** Mean utilisation over all disks since the last reset. */
  utilisation(): number {
    let total = 0;
    for (const disk of this.disks) total += disk.utilisation();
    return total / this.disks.length;
  }

  /** Restarts statistics at the current instant. */
  resetStatistics(): void {
    for (const disk of this.disks) disk.resetStatistics();
  }
}
