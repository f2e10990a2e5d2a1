import type { EventHandler } from '../engine/event.js';
import type { Simulator } from '../engine/simulator.js';
import { Tally } from '../engine/statistics/tally.js';
import { Pool } from './pool.js';

interface StationJob {
  readonly station: Station;
  readonly arrivalDate: number;
  readonly serviceTime: number;
  readonly onDone: EventHandler<never>;
  readonly arg: unknown;
}

function startService(job: StationJob): void {
  job.station.sim.schedule(job.serviceTime, finishService, job);
}

function finishService(job: StationJob): void {
  const station = job.station;
  station.pool.release();
  station.responseTime.add(station.sim.now - job.arrivalDate);
  station.completed++;
  (job.onDone as EventHandler<unknown>)(job.arg);
}

/**
 * A multi-server FCFS station (G/G/c, optionally with a finite queue): a
 * job waits for one of `servers` servers, holds it for its service time,
 * then leaves. Used for the filer, the directory server and disks.
 */
export class Station {
  readonly pool: Pool;
  /** Time from arrival to departure of each job, in seconds. */
  readonly responseTime = new Tally();
  /** Jobs that have left after service. */
  completed = 0;

  constructor(
    readonly sim: Simulator,
    readonly name: string,
    servers: number,
    queueLimit = Infinity,
  ) {
    this.pool = new Pool(sim, name, { capacity: servers, queueLimit });
  }

  /**
   * Queues a job that needs `serviceTime` seconds of one server and calls
   * `onDone(arg)` when it leaves. Returns false when the queue was full
   * and the job was lost (its callback never runs).
   */
  serve<A>(serviceTime: number, onDone: EventHandler<A>, arg: A): boolean {
    const job: StationJob = {
      station: this,
      arrivalDate: this.sim.now,
      serviceTime,
      onDone: onDone as EventHandler<never>,
      arg,
    };
    return this.pool.request(startService, job) !== false;
  }

  /** Fraction of server capacity in use, averaged since the last reset. */
  utilisation(): number {
    return this.pool.busy.mean(this.sim.now) / this.pool.capacity;
  }

  /** Restarts statistics at the current instant. */
  resetStatistics(): void {
    this.pool.resetStatistics();
    this.responseTime.reset();
    this.completed = 0;
  }
}
