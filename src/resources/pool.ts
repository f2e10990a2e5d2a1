import type { EventHandler } from '../engine/event.js';
import type { RandomStream } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { Tally } from '../engine/statistics/tally.js';
import { TimeAverage } from '../engine/statistics/time-average.js';

/** A request waiting in a pool's queue; `Pool.cancel` takes it. */
export interface PoolTicket {
  /** Instant the request joined the queue, in seconds. */
  readonly requestDate: number;
  cancelled: boolean;
  /** True once the request has a unit; cancelling it then does nothing. */
  granted: boolean;
  readonly onGrant: EventHandler<never>;
  readonly arg: unknown;
}

/** Size of a pool and of its waiting room. */
export interface PoolOptions {
  /** Number of units (servers, threads, session slots); at least 1. */
  capacity: number;
  /** Maximum number of waiting requests; Infinity for an unbounded queue. */
  queueLimit: number;
  /**
   * Order in which waiting requests get units: first come first served
   * (the default), or uniformly at random among those waiting, as a server
   * that picks any ready connection does. `random` needs `random`.
   */
  discipline?: 'fifo' | 'random';
  /** Random stream for the `random` discipline. */
  random?: RandomStream;
}

/**
 * A multi-unit resource with a FIFO queue, such as a thread pool or a
 * connection table with an accept backlog. A request is granted at once
 * when a unit is free, waits when none is, and is rejected when the queue
 * already holds `queueLimit` requests. Grants run the callback
 * synchronously, inside `request` or inside the `release` that freed the
 * unit, so a unit never sits idle while a request waits.
 */
export class Pool {
  readonly capacity: number;
  readonly queueLimit: number;
  private busyUnits = 0;
  private readonly queue: PoolTicket[] = [];
  private queueHead = 0;
  private readonly random: RandomStream | undefined;
  private waitingCount = 0;

  /** Busy units over time. */
  readonly busy: TimeAverage;
  /** Waiting requests over time. */
  readonly waiting: TimeAverage;
  /** Time from request to grant of every granted request, in seconds. */
  readonly waitTime = new Tally();
  /** Requests turned away because the queue was full. */
  rejected = 0;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    options: PoolOptions,
  ) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new RangeError(
        `pool ${name}: capacity ${options.capacity} must be an integer >= 1`,
      );
    }
    if (!(options.queueLimit >= 0)) {
      throw new RangeError(
        `pool ${name}: queueLimit ${options.queueLimit} must be >= 0`,
      );
    }
    if (options.discipline === 'random' && options.random === undefined) {
      throw new RangeError(`pool ${name}: the random discipline needs a random stream`);
    }
    this.random = options.discipline === 'random' ? options.random : undefined;
    this.capacity = options.capacity;
    this.queueLimit = options.queueLimit;
    this.busy = new TimeAverage(sim.now);
    this.waiting = new TimeAverage(sim.now);
  }

  /** Units in use now. */
  get inUse(): number {
    return this.busyUnits;
  }

  /** Requests waiting now (cancelled ones excluded). */
  get queueLength(): number {
    return this.waitingCount;
  }

  /** True when a request now would be rejected: no free unit, queue full. */
  isFull(): boolean {
    return this.busyUnits >= this.capacity && this.waitingCount >= this.queueLimit;
  }

  /**
   * Requests one unit. Returns null when it was granted at once (the
   * callback has already run), a ticket when it waits, and false when the
   * queue was full and the request was rejected.
   */
  request<A>(onGrant: EventHandler<A>, arg: A): PoolTicket | null | false {
    const now = this.sim.now;

    if (this.busyUnits < this.capacity) {
      this.busyUnits++;
      this.busy.update(now, this.busyUnits);
      this.waitTime.add(0);
      onGrant(arg);
      return null;
    }

    if (this.waitingCount >= this.queueLimit) {
      this.rejected++;
      return false;
    }

    const ticket: PoolTicket = {
      requestDate: now,
      cancelled: false,
      granted: false,
      onGrant: onGrant as EventHandler<never>,
      arg,
    };
    this.queue.push(ticket);
    this.waitingCount++;
    this.waiting.update(now, this.waitingCount);
    return ticket;
  }

  /**
   * Withdraws a waiting request, as when its client times out. A request
   * already granted or cancelled is left as it is.
   */
  cancel(ticket: PoolTicket): void {
    if (ticket.cancelled || ticket.granted) return;
    ticket.cancelled = true;
    this.waitingCount--;
    this.waiting.update(this.sim.now, this.waitingCount);
  }

  /** Frees one unit and grants it to the oldest waiting request. */
  release(): void {
    const now = this.sim.now;
    if (this.busyUnits <= 0) {
      throw new Error(`pool ${this.name}: release without a unit in use`);
    }

    const next = this.dequeue();
    if (next === undefined) {
      this.busyUnits--;
      this.busy.update(now, this.busyUnits);
      return;
    }

    this.waiting.update(now, this.waitingCount);
    this.waitTime.add(now - next.requestDate);
    (next.onGrant as EventHandler<unknown>)(next.arg);
  }

  /** Restarts the time averages and tallies at the current instant. */
  resetStatistics(): void {
    const now = this.sim.now;
    this.busy.reset(now);
    this.waiting.reset(now);
    this.waitTime.reset();
    this.rejected = 0;
  }

  private dequeue(): PoolTicket | undefined {
    const queue = this.queue;
    while (this.queueHead < queue.length) {
      if (this.random !== undefined) this.swapRandomToHead();
      const ticket = queue[this.queueHead++] as PoolTicket;
      if (ticket.cancelled) continue;
      ticket.granted = true;
      this.waitingCount--;
      this.compact();
      return ticket;
    }
    this.compact();
    return undefined;
  }

  // Moves a uniformly chosen waiting entry to the head, so that taking the
  // head serves waiting requests in random order.
  private swapRandomToHead(): void {
    const queue = this.queue;
    const head = this.queueHead;
    const pick = head + Math.floor((this.random as RandomStream).next() * (queue.length - head));
    const chosen = queue[pick] as PoolTicket;
    queue[pick] = queue[head] as PoolTicket;
    queue[head] = chosen;
  }

  // Drops consumed entries once they make up half the array, so the queue
  // stays O(length) in memory without shifting on every dequeue.
  private compact(): void {
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }
}
