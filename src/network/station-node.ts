/**
 * Stations of a network at run time. Each wraps a shared resource: Pool,
 * PriorityPool or ProcessorSharingCpu, or none for a delay station. It
 * draws service times, keeps the station's statistics and hands customers
 * back to the network when they leave.
 */
import type { Simulator } from '../engine/simulator.js';
import { Pool } from '../resources/pool.js';
import { PriorityPool } from '../resources/priority-pool.js';
import { ProcessorSharingCpu } from '../resources/processor-sharing.js';
import type { Customer } from './customer.js';
import type { StationSpec } from './model.js';
import { StationStats } from './station-stats.js';
import type { TraceEvent, Tracer } from './trace.js';

/** Services that a station uses from the network that runs it. */
export interface StationHost {
  readonly sim: Simulator;
  /** Null when tracing is off or done; checked once per traced event. */
  tracer: Tracer | null;
  /** Records a traced event at `station`. */
  traceAt(customer: Customer, event: TraceEvent, station: StationNode): void;
  /** Takes over a customer that has finished service at `station`. */
  afterService(customer: Customer, station: StationNode): void;
  /** Takes over a customer that was lost at or reneged from `station`. */
  afterDrop(customer: Customer, station: StationNode, reason: 'lost' | 'reneged'): void;
}

/** A station at run time. */
export abstract class StationNode {
  readonly stats: StationStats;

  constructor(
    protected readonly host: StationHost,
    readonly index: number,
    readonly spec: StationSpec,
    classCount: number,
    sharedServers: number | undefined,
  ) {
    this.stats = new StationStats(host.sim.now, classCount, sharedServers);
  }

  /** Takes in a customer that arrives now. */
  abstract accept(customer: Customer): void;

  protected serviceTime(customer: Customer): number {
    const cls = customer.cls;
    const distribution = cls.service[this.index];
    if (distribution === undefined) {
      throw new Error(`station ${this.spec.name}: no service time for class ${cls.spec.name}`);
    }
    return distribution.sample(cls.serviceStreams[this.index]!);
  }

  /** Records the departure of a customer whose service ends now. */
  protected finishService(customer: Customer): void {
    const { host } = this;
    const now = host.sim.now;
    this.stats.finish(now, customer.cls.index, now - customer.arrivalDate);
    if (host.tracer !== null) host.traceAt(customer, 'depart', this);
    host.afterService(customer, this);
  }

  protected lose(customer: Customer): void {
    this.stats.lose(customer.cls.index);
    if (this.host.tracer !== null) this.host.traceAt(customer, 'lost', this);
    this.host.afterDrop(customer, this, 'lost');
  }
}

/**
 * An FCFS or non-preemptive priority station with `servers` servers and
 * room for `capacity` customers. A waiting customer whose class has a
 * patience leaves (reneges) when its patience runs out before service.
 */
export class QueueNode extends StationNode {
  private readonly pool: Pool | undefined;
  private readonly priorityPool: PriorityPool | undefined;
  private readonly onGrant = (customer: Customer): void => this.startService(customer);
  private readonly onServiceDone = (customer: Customer): void => this.finishService(customer);
  private readonly onRenege = (customer: Customer): void => this.renege(customer);

  constructor(
    host: StationHost,
    index: number,
    spec: StationSpec,
    classCount: number,
    levels: number,
  ) {
    super(host, index, spec, classCount, undefined);
    const options = { capacity: spec.servers, queueLimit: spec.capacity - spec.servers };
    if (spec.type === 'priority') {
      this.priorityPool = new PriorityPool(host.sim, spec.name, { ...options, levels });
    } else {
      this.pool = new Pool(host.sim, spec.name, options);
    }
  }

  accept(customer: Customer): void {
    const { stats, host } = this;
    const cls = customer.cls;
    stats.arrive(cls.index);
    if (this.isFull()) {
      this.lose(customer);
      return;
    }

    customer.arrivalDate = host.sim.now;
    customer.ticket = null;
    if (host.tracer !== null) this.traceArrival(customer);
    const ticket =
      this.priorityPool !== undefined
        ? this.priorityPool.request(cls.spec.priority, this.onGrant, customer)
        : (this.pool as Pool).request(this.onGrant, customer);
    if (ticket === null || ticket === false) return;

    customer.ticket = ticket;
    stats.startWaiting(host.sim.now, cls.index);
    if (cls.patience !== undefined) {
      const patience = cls.patience.sample(cls.patienceStream);
      customer.renegeEvent = host.sim.schedule(patience, this.onRenege, customer);
    }
  }

  private isFull(): boolean {
    const pool = this.priorityPool ?? (this.pool as Pool);
    return pool.inUse >= pool.capacity && pool.queueLength >= pool.queueLimit;
  }

  // Tracing reports the queue after the arrival, before the grant runs.
  private traceArrival(customer: Customer): void {
    const pool = this.priorityPool ?? (this.pool as Pool);
    const waits = pool.inUse >= pool.capacity ? 1 : 0;
    const tracer = this.host.tracer as Tracer;
    tracer.record(
      this.host.sim.now,
      customer.label,
      'arrive',
      this.spec.name,
      this.stats.waiting + waits,
      this.stats.present + 1,
    );
    if (tracer.full) this.host.tracer = null;
  }

  private startService(customer: Customer): void {
    const { host, stats } = this;
    const now = host.sim.now;
    const fromQueue = customer.ticket !== null;
    customer.ticket = null;
    if (customer.renegeEvent !== null) {
      host.sim.cancel(customer.renegeEvent);
      customer.renegeEvent = null;
    }

    stats.startService(now, customer.cls.index, now - customer.arrivalDate, fromQueue);
    if (host.tracer !== null) host.traceAt(customer, 'start service', this);
    host.sim.schedule(this.serviceTime(customer), this.onServiceDone, customer);
  }

  protected override finishService(customer: Customer): void {
    const { host } = this;
    const now = host.sim.now;
    this.stats.finish(now, customer.cls.index, now - customer.arrivalDate);
    if (host.tracer !== null) host.traceAt(customer, 'depart', this);
    if (this.priorityPool !== undefined) this.priorityPool.release();
    else (this.pool as Pool).release();
    host.afterService(customer, this);
  }

  private renege(customer: Customer): void {
    const { host } = this;
    const now = host.sim.now;
    customer.renegeEvent = null;
    const ticket = customer.ticket;
    if (ticket === null) return;

    if (this.priorityPool !== undefined) this.priorityPool.cancel(ticket);
    else (this.pool as Pool).cancel(ticket);
    customer.ticket = null;
    this.stats.renege(now, customer.cls.index, now - customer.arrivalDate);
    if (host.tracer !== null) host.traceAt(customer, 'renege', this);
    host.afterDrop(customer, this, 'reneged');
  }
}

/**
 * A processor-sharing station: n customers each progress at
 * min(1, cores / n) of a server's speed, so no customer waits in a queue.
 */
export class PsNode extends StationNode {
  private readonly cpu: ProcessorSharingCpu;
  private readonly onServiceDone = (customer: Customer): void => this.finishService(customer);

  constructor(host: StationHost, index: number, spec: StationSpec, classCount: number) {
    super(host, index, spec, classCount, spec.servers);
    this.cpu = new ProcessorSharingCpu(host.sim, spec.name, spec.servers, 1);
  }

  accept(customer: Customer): void {
    const { host, stats } = this;
    const now = host.sim.now;
    stats.arrive(customer.cls.index);
    if (stats.present >= this.spec.capacity) {
      this.lose(customer);
      return;
    }

    customer.arrivalDate = now;
    stats.startService(now, customer.cls.index, 0, false);
    if (host.tracer !== null) host.traceAt(customer, 'arrive', this);
    if (host.tracer !== null) host.traceAt(customer, 'start service', this);
    this.cpu.execute(this.serviceTime(customer), this.onServiceDone, customer);
  }
}

/** A delay (infinite-server) station: every customer is served at once. */
export class DelayNode extends StationNode {
  private readonly onServiceDone = (customer: Customer): void => this.finishService(customer);

  constructor(host: StationHost, index: number, spec: StationSpec, classCount: number) {
    super(host, index, spec, classCount, undefined);
  }

  accept(customer: Customer): void {
    const { host, stats } = this;
    const now = host.sim.now;
    stats.arrive(customer.cls.index);
    customer.arrivalDate = now;
    stats.startService(now, customer.cls.index, 0, false);
    if (host.tracer !== null) host.traceAt(customer, 'arrive', this);
    if (host.tracer !== null) host.traceAt(customer, 'start service', this);
    host.sim.schedule(this.serviceTime(customer), this.onServiceDone, customer);
  }
}
