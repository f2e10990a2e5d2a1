import type { EventHandler } from '../engine/event.js';
import type { Simulator } from '../engine/simulator.js';
import type { PoolOptions, PoolTicket } from './pool.js';

/** Size, waiting room and number of priority levels of a priority pool. */
export interface PriorityPoolOptions extends PoolOptions {
  /** Number of priority levels; level 0 is served first. At least 1. */
  levels: number;
}

/**
 * A multi-unit resource whose queue is ordered by non-preemptive priority:
 * a freed unit goes to the oldest request of the lowest level number, and
 * a request in service is never interrupted. Within a level the order is
 * FIFO. It behaves like `Pool` otherwise: grants run synchronously inside
 * `request` or inside the `release` that freed the unit, a request that
 * finds `queueLimit` requests waiting is rejected, and `cancel` withdraws
 * a waiting request.
 */
export class PriorityPool {
  readonly capacity: number;
  readonly queueLimit: number;
  private busyUnits = 0;
  private waitingCount = 0;
  private readonly queues: PoolTicket[][];
  private readonly heads: number[];
  /** Requests turned away because the queue was full. */
  rejected = 0;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    options: PriorityPoolOptions,
  ) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new RangeError(
        `priority pool ${name}: capacity ${options.capacity} must be an integer >= 1`,
      );
    }
    if (!(options.queueLimit >= 0)) {
      throw new RangeError(`priority pool ${name}: queueLimit ${options.queueLimit} must be >= 0`);
    }
    if (!Number.isInteger(options.levels) || options.levels < 1) {
      throw new RangeError(
        `priority pool ${name}: levels ${options.levels} must be an integer >= 1`,
      );
    }
    this.capacity = options.capacity;
    this.queueLimit = options.queueLimit;
    this.queues = Array.from({ length: options.levels }, () => []);
    this.heads = Array.from({ length: options.levels }, () => 0);
  }

  /** Units in use now. */
  get inUse(): number {
    return this.busyUnits;
  }

  /** Requests waiting now, at every level (cancelled ones excluded). */
  get queueLength(): number {
    return this.waitingCount;
  }

  /**
   * Requests one unit at priority `level`. Returns null when it was granted
   * at once (the callback has already run), a ticket when it waits, and
   * false when the queue was full and the request was rejected.
   */
  request<A>(level: number, onGrant: EventHandler<A>, arg: A): PoolTicket | null | false {
    const queue = this.queues[level];
    if (queue === undefined) {
      throw new RangeError(
        `priority pool ${this.name}: level ${level} must be an integer from 0 to ${this.queues.length - 1}`,
      );
    }

    if (this.busyUnits < this.capacity) {
      this.busyUnits++;
      onGrant(arg);
      return null;
    }
    if (this.waitingCount >= this.queueLimit) {
      this.rejected++;
      return false;
    }

    const ticket: PoolTicket = {
      requestDate: this.sim.now,
      cancelled: false,
      granted: false,
      onGrant: onGrant as EventHandler<never>,
      arg,
    };
    queue.push(ticket);
    this.waitingCount++;
    return ticket;
  }

  /** Withdraws a waiting request; a granted or cancelled one is left as it is. */
  cancel(ticket: PoolTicket): void {
    if (ticket.cancelled || ticket.granted) return;
    ticket.cancelled = true;
    this.waitingCount--;
  }

  /** Frees one unit and grants it to the oldest request of the lowest level. */
  release(): void {
    if (this.busyUnits <= 0) {
      throw new Error(`priority pool ${this.name}: release without a unit in use`);
    }

    const next = this.dequeue();
    if (next === undefined) {
      this.busyUnits--;
      return;
    }
    (next.onGrant as EventHandler<unknown>)(next.arg);
  }

  private dequeue(): PoolTicket | undefined {
    for (let level = 0; level < this.queues.length; level++) {
      const queue = this.queues[level] as PoolTicket[];
      let head = this.heads[level] as number;
      while (head < queue.length) {
        const ticket = queue[head++] as PoolTicket;
        if (ticket.cancelled) continue;
        ticket.granted = true;
        this.waitingCount--;
        this.heads[level] = head;
        this.compact(level);
        return ticket;
      }
      this.heads[level] = head;
      this.compact(level);
    }
    return undefined;
  }

  // Drops consumed entries once they make up half the array, as Pool does.
  private compact(level: number): void {
    const queue = this.queues[level] as PoolTicket[];
    const head = this.heads[level] as number;
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      this.heads[level] = 0;
    }
  }
}
