/**
 * One replication of a network scenario: customers arrive or circulate,
 * are routed between stations and dispatch groups, and leave. Statistics
 * restart after the warm-up and are harvested at the end of every batch.
 */
import { RandomStreams } from '../engine/random.js';
import { Simulator } from '../engine/simulator.js';
import { SimError } from '../errors.js';
import type { ClassRuntime, Customer } from './customer.js';
import { DispatchNode } from './dispatch-node.js';
import { createDistribution } from './distribution.js';
import {
  networkFigures,
  stationFigures,
  type Figures,
  type NetworkFigure,
  type NetworkSums,
  type StationFigure,
  type StationSums,
} from './figures.js';
import { EXIT, type NetworkModel, type Target } from './model.js';
import {
  DelayNode,
  PsNode,
  QueueNode,
  type StationHost,
  type StationNode,
} from './station-node.js';
import { NetworkClassStats } from './station-stats.js';
import { Tracer, type TraceEvent, type TraceRecord } from './trace.js';

/** Figures of every station and class over one window. */
export interface FigureSet {
  stations: { overall: Figures<StationFigure>; classes: Figures<StationFigure>[] }[];
  /** Figures of each class across the network, by class index. */
  network: Figures<NetworkFigure>[];
}

/** Result of one replication. */
export interface ReplicationResult {
  /** Figures over the whole measurement. */
  total: FigureSet;
  /** Figures of each batch, in time order. */
  batches: FigureSet[];
  /** Traced events, empty unless tracing was requested. */
  trace: TraceRecord[];
  /** Events the simulator fired. */
  eventsFired: number;
}

interface WindowSums {
  stations: { overall: StationSums; classes: StationSums[] }[];
  network: NetworkSums[];
}

function arrive(cls: ClassRuntime & { run: NetworkRun }): void {
  cls.run.openArrival(cls);
}

function thinkDone(customer: Customer & { run: NetworkRun }): void {
  customer.run.enter(customer);
}

function harvestBatch(run: NetworkRun): void {
  run.harvest();
}

function startMeasurement(run: NetworkRun): void {
  run.startMeasurement();
}

/** A warm-up in customers may last at most this many times `duration`. */
const WARMUP_LIMIT_DURATIONS = 1000;

function warmupError(model: NetworkModel, exits: number, now: number): SimError {
  const customers = 'customers' in model.warmup ? model.warmup.customers : 0;
  return new SimError(
    'warmup-incomplete',
    `warmup: only ${exits} of ${customers} customers left the network in ${Math.round(now)} simulated seconds ` +
      `(${WARMUP_LIMIT_DURATIONS} times duration); give a smaller warmup.customers or warmup.seconds.`,
  );
}

type RunCustomer = Customer & { run: NetworkRun };
type RunClass = ClassRuntime & { run: NetworkRun };

/** Simulation of one replication; create it and call `run` once. */
export class NetworkRun implements StationHost {
  readonly sim = new Simulator();
  tracer: Tracer | null;
  private readonly traceLog: TraceRecord[];
  private readonly nodes: StationNode[];
  private readonly groups: DispatchNode[];
  private readonly classes: RunClass[];
  private readonly batchSums: WindowSums[] = [];
  private measuring = false;
  private exits = 0;
  private endTime = Infinity;

  constructor(
    private readonly model: NetworkModel,
    replication: number,
    traceLimit = 0,
  ) {
    this.tracer = traceLimit > 0 ? new Tracer(traceLimit) : null;
    this.traceLog = this.tracer?.records ?? [];
    const streams = new RandomStreams(model.seed);
    const prefix = `replication ${replication}`;
    const classCount = model.classes.length;
    const levels = 1 + Math.max(...model.classes.map((cls) => cls.priority));

    this.nodes = model.stations.map((spec, index) => {
      if (spec.type === 'ps') return new PsNode(this, index, spec, classCount);
      if (spec.type === 'delay') return new DelayNode(this, index, spec, classCount);
      return new QueueNode(this, index, spec, classCount, levels);
    });
    this.groups = model.groups.map(
      (spec) =>
        new DispatchNode(spec, streams.stream(`${prefix}:dispatch:${spec.name}`), this.nodes),
    );
    this.classes = model.classes.map((spec, index): RunClass => {
      const stream = (purpose: string) => streams.stream(`${prefix}:${spec.name}:${purpose}`);
      return {
        run: this,
        spec,
        index,
        interarrival:
          spec.arrival.kind === 'open' ? createDistribution(spec.arrival.interarrival) : undefined,
        think:
          spec.arrival.kind === 'closed' && spec.arrival.think !== undefined
            ? createDistribution(spec.arrival.think)
            : undefined,
        patience: spec.patience === undefined ? undefined : createDistribution(spec.patience),
        service: spec.service.map((input) =>
          input === undefined ? undefined : createDistribution(input),
        ),
        serviceStreams: model.stations.map((station) => stream(`service at ${station.name}`)),
        arrivalStream: stream('arrivals'),
        thinkStream: stream('think'),
        patienceStream: stream('patience'),
        routeStream: stream('routing'),
        stats: new NetworkClassStats(0),
        nextId: 1,
      };
    });
  }

  /** Runs the warm-up and the measurement, and returns the figures. */
  run(): ReplicationResult {
    const { sim, model } = this;
    const warmup = 'seconds' in model.warmup ? model.warmup.seconds : model.warmup.customers;
    if (warmup === 0) this.startMeasurement();
    else if ('seconds' in model.warmup) sim.schedule(warmup, startMeasurement, this);
    for (const cls of this.classes) this.startClass(cls);

    const batchLength = model.duration / model.batches;
    // A warm-up counted in customers ends at an unknown instant, so the
    // clock advances one batch length at a time until it has ended.
    const warmupLimit =
      'customers' in model.warmup ? WARMUP_LIMIT_DURATIONS * model.duration : Infinity;
    while (!this.measuring && sim.pending > 0 && sim.now < warmupLimit)
      sim.run(sim.now + batchLength);
    if (!this.measuring) throw warmupError(model, this.exits, sim.now);
    sim.run(this.endTime);

    // Batch figures come first: adding up the batches reuses their sums.
    const batches = this.batchSums.map((sums) => this.figuresOf(sums));
    return {
      total: this.figuresOf(this.totalSums()),
      batches,
      trace: this.traceLog,
      eventsFired: sim.eventsFired,
    };
  }

  /** Restarts every statistic now and schedules the batch ends. */
  startMeasurement(): void {
    const { sim, model } = this;
    const now = sim.now;
    this.measuring = true;
    for (const node of this.nodes) node.stats.reset(now);
    for (const cls of this.classes) cls.stats.reset(now);

    const batchLength = model.duration / model.batches;
    for (let batch = 1; batch <= model.batches; batch++) {
      const harvest = sim.schedule(batch * batchLength, harvestBatch, this);
      // The run ends exactly at the last harvest, whatever the rounding.
      this.endTime = harvest.time;
    }
  }

  /** Collects the sums of the batch that ends now. */
  harvest(): void {
    const now = this.sim.now;
    this.batchSums.push({
      stations: this.nodes.map((node) => node.stats.harvest(now)),
      network: this.classes.map((cls) => cls.stats.harvest(now)),
    });
  }

  /** Lets a new customer of an open class in and schedules the next. */
  openArrival(cls: RunClass): void {
    const customer = this.newCustomer(cls);
    this.enter(customer);
    this.sim.schedule(cls.interarrival!.sample(cls.arrivalStream), arrive, cls);
  }

  /** Sends a customer into the network at its class's start. */
  enter(customer: RunCustomer): void {
    customer.entryDate = this.sim.now;
    customer.cls.stats.sums.entered++;
    this.sendTo(customer, customer.cls.spec.start, false);
  }

  traceAt(customer: Customer, event: TraceEvent, station: StationNode): void {
    const tracer = this.tracer;
    if (tracer === null) return;
    const { stats } = station;
    tracer.record(
      this.sim.now,
      customer.label,
      event,
      station.spec.name,
      stats.waiting,
      stats.present,
    );
    if (tracer.full) this.tracer = null;
  }

  afterService(customer: Customer, station: StationNode): void {
    this.releaseDispatch(customer);
    const cls = customer.cls;
    const row = cls.spec.routing[station.index]!;
    const draw = cls.routeStream.next();
    let target: Target = EXIT;
    for (let i = 0; i < row.cumulative.length; i++) {
      if (draw < (row.cumulative[i] as number)) {
        target = row.targets[i] as Target;
        break;
      }
    }

    if (target === EXIT) {
      cls.stats.complete(this.sim.now - customer.entryDate);
      this.leave(customer as RunCustomer, 'exit');
      return;
    }
    this.sendTo(customer as RunCustomer, target, true);
  }

  afterDrop(customer: Customer, _station: StationNode, reason: 'lost' | 'reneged'): void {
    this.releaseDispatch(customer);
    if (reason === 'lost') customer.cls.stats.sums.lost++;
    else customer.cls.stats.sums.reneged++;
    this.leave(customer as RunCustomer, reason);
  }

  private startClass(cls: RunClass): void {
    const arrival = cls.spec.arrival;
    if (arrival.kind === 'open') {
      this.sim.schedule(cls.interarrival!.sample(cls.arrivalStream), arrive, cls);
      return;
    }
    for (let i = 0; i < arrival.population; i++) this.think(this.newCustomer(cls));
  }

  private newCustomer(cls: RunClass): RunCustomer {
    const id = cls.nextId++;
    return {
      run: this,
      cls,
      id,
      label: `${cls.spec.name}#${id}`,
      entryDate: 0,
      arrivalDate: 0,
      ticket: null,
      renegeEvent: null,
      dispatchGroup: -1,
      dispatchMember: -1,
    };
  }

  // Tracing shows a route after service, or a dispatch group's choice;
  // an entry straight into a station shows as its arrival only.
  private sendTo(customer: RunCustomer, target: Target, afterService: boolean): void {
    const stationCount = this.nodes.length;
    if (target < stationCount) {
      if (afterService && this.tracer !== null)
        this.traceRoute(customer, this.model.stations[target]!.name);
      this.nodes[target]!.accept(customer);
      return;
    }

    const group = this.groups[target - stationCount]!;
    const member = group.choose();
    customer.dispatchGroup = target - stationCount;
    customer.dispatchMember = member;
    const station = group.spec.stations[member]!;
    if (this.tracer !== null) {
      this.traceRoute(customer, `${group.spec.name} -> ${this.model.stations[station]!.name}`);
    }
    this.nodes[station]!.accept(customer);
  }

  private releaseDispatch(customer: Customer): void {
    if (customer.dispatchMember < 0) return;
    this.groups[customer.dispatchGroup]!.release(customer.dispatchMember);
    customer.dispatchGroup = -1;
    customer.dispatchMember = -1;
  }

  // A customer leaves the network: by exit, loss or reneging. A closed
  // customer then thinks and comes back as the same customer.
  private leave(customer: RunCustomer, reason: 'exit' | 'lost' | 'reneged'): void {
    if (reason === 'exit' && this.tracer !== null) this.traceFree(customer, 'exit');
    this.exits++;
    if (
      !this.measuring &&
      'customers' in this.model.warmup &&
      this.exits >= this.model.warmup.customers
    ) {
      this.startMeasurement();
    }
    if (customer.cls.spec.arrival.kind === 'closed') this.think(customer);
  }

  private think(customer: RunCustomer): void {
    const cls = customer.cls;
    if (cls.think === undefined) {
      this.enter(customer);
      return;
    }
    if (this.tracer !== null) this.traceFree(customer, 'think');
    this.sim.schedule(cls.think.sample(cls.thinkStream), thinkDone, customer);
  }

  private traceRoute(customer: Customer, where: string): void {
    const tracer = this.tracer as Tracer;
    tracer.record(this.sim.now, customer.label, 'route', where, null, null);
    if (tracer.full) this.tracer = null;
  }

  private traceFree(customer: Customer, event: TraceEvent): void {
    const tracer = this.tracer as Tracer;
    tracer.record(this.sim.now, customer.label, event, '', null, null);
    if (tracer.full) this.tracer = null;
  }

  private totalSums(): WindowSums {
    const [first, ...rest] = this.batchSums;
    if (first === undefined) {
      throw new Error('network run: the measurement never started');
    }
    for (const batch of rest) {
      first.stations.forEach((station, i) => {
        station.overall.add(batch.stations[i]!.overall);
        station.classes.forEach((sums, k) => sums.add(batch.stations[i]!.classes[k]!));
      });
      first.network.forEach((sums, k) => sums.add(batch.network[k]!));
    }
    return first;
  }

  private figuresOf(sums: WindowSums): FigureSet {
    return {
      stations: sums.stations.map((station, i) => {
        const servers = this.model.stations[i]!.servers;
        return {
          overall: stationFigures(station.overall, servers),
          classes: station.classes.map((classSums) => stationFigures(classSums, servers)),
        };
      }),
      network: sums.network.map((classSums) => networkFigures(classSums)),
    };
  }
}
