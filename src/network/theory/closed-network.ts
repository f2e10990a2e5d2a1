/**
 * Exact results of closed components by Mean Value Analysis: classes of
 * fixed population that think, then visit single-server FCFS or PS
 * stations and delay stations.
 */
import { mva, mvaMulticlass, type MvaStationKind } from '../../analytic/index.js';
import type { StationFigure } from '../figures.js';
import type { NetworkModel } from '../model.js';
import type { ComponentLoads, ComponentSolution } from './open-network.js';
import type { ExactFigures, PopulationPoint, StationLoad, StationTheory } from './types.js';

/** Population and mean think time of a closed class. */
export interface ClosedClass {
  cls: number;
  population: number;
  think: number;
}

/**
 * Returns why a station rules out exact MVA, or undefined when MVA
 * applies: a queueing station needs one server, no capacity limit, no
 * reneging or priorities, and FCFS needs exponential service of one mean
 * for every class.
 */
export function mvaReason(
  model: NetworkModel,
  station: number,
  loads: readonly StationLoad[],
): string | undefined {
  const spec = model.stations[station]!;
  const name = `station "${spec.name}"`;
  if (spec.type === 'delay') return undefined;
  if (spec.servers !== 1)
    return `${name} has ${spec.servers} servers; exact MVA here handles single-server and delay stations`;
  if (spec.capacity !== Infinity)
    return `${name} limits its capacity, which breaks the product form`;
  if (loads.some((load) => load.patienceMean !== undefined))
    return `${name} has reneging customers, which breaks the product form`;
  if (new Set(loads.map((load) => load.priority)).size > 1)
    return `${name} serves by priority, which breaks the product form`;
  if (spec.type === 'ps') return undefined;
  if (!loads.every((load) => load.exponential && load.mean === loads[0]!.mean)) {
    return (
      `${name} is FCFS without exponential service of one mean for every class, ` +
      'which breaks the product form'
    );
  }
  return undefined;
}

/** MVA's solution of a closed component, by class index k and station position i. */
interface MvaSolution {
  throughputs: number[];
  responses: number[];
  residence: (i: number, k: number) => number;
  queueLength: (i: number, k: number) => number;
  populationCurve?: PopulationPoint[];
}

function solveSingleClass(
  kinds: readonly MvaStationKind[],
  demands: readonly number[],
  only: ClosedClass,
): MvaSolution {
  const stations = kinds.map((kind, i) => ({ kind, demand: demands[i]! }));
  const levels = mva(stations, only.population, only.think);
  const level = levels.at(-1)!;
  const populationCurve = levels.map((point) => {
    const queueing = point.stations.filter((_, i) => kinds[i] === 'queueing');
    return {
      population: point.population,
      throughput: point.throughput,
      responseTime: point.responseTime,
      bottleneckUtilisation: Math.max(0, ...queueing.map((station) => station.utilisation)),
    };
  });

  return {
    throughputs: [level.throughput],
    responses: [level.responseTime],
    residence: (i) => level.stations[i]!.residenceTime,
    queueLength: (i) => level.stations[i]!.queueLength,
    populationCurve,
  };
}

function solveSeveralClasses(
  kinds: readonly MvaStationKind[],
  demands: readonly (readonly number[])[],
  classes: readonly ClosedClass[],
): MvaSolution {
  const stations = kinds.map((kind, i) => ({ kind, demands: demands[i]! }));
  const result = mvaMulticlass(
    stations,
    classes.map((closed) => closed.population),
    classes.map((closed) => closed.think),
  );
  return {
    throughputs: result.throughputs,
    responses: result.responseTimes,
    residence: (i, k) => result.stations[i]!.residenceTimes[k]!,
    queueLength: (i, k) => result.stations[i]!.queueLengths[k]!,
  };
}

/** Solves a closed product-form component by exact single- or multiclass MVA. */
export function solveClosed(
  model: NetworkModel,
  loads: ComponentLoads,
  classes: readonly ClosedClass[],
): ComponentSolution {
  const stationIndexes = [...loads.stationLoads.keys()];
  const kinds = stationIndexes.map((station): MvaStationKind =>
    model.stations[station]!.type === 'delay' ? 'delay' : 'queueing',
  );
  const loadOf = (station: number, cls: number): StationLoad | undefined =>
    loads.stationLoads.get(station)?.find((candidate) => candidate.cls === cls);
  const visitsOf = (station: number, cls: number): number => loads.visits.get(cls)?.[station] ?? 0;
  const demands = stationIndexes.map((station) =>
    classes.map(
      (closed) => visitsOf(station, closed.cls) * (loadOf(station, closed.cls)?.mean ?? 0),
    ),
  );

  const only = classes.length === 1 ? classes[0]! : undefined;
  const mvaSolution =
    only !== undefined
      ? solveSingleClass(
          kinds,
          demands.map((row) => row[0]!),
          only,
        )
      : solveSeveralClasses(kinds, demands, classes);
  const solution: ComponentSolution = {
    model:
      only !== undefined ? 'closed network, exact MVA' : 'closed network, exact multiclass MVA',
    stations: new Map(),
    network: new Map(),
    reasons: [],
  };
  if (mvaSolution.populationCurve !== undefined) {
    solution.populationCurve = mvaSolution.populationCurve;
  }

  const { throughputs, responses, residence, queueLength } = mvaSolution;
  stationIndexes.forEach((station, i) => {
    const parts = classes.map((closed, k) => {
      const load = loadOf(station, closed.cls);
      if (load === undefined) return undefined;
      const visits = visitsOf(station, closed.cls);
      const throughput = throughputs[k]! * visits;
      const figures = stationFigures(
        model,
        station,
        load,
        throughput,
        residence(i, k) / visits,
        queueLength(i, k),
      );
      return { closed, load, figures };
    });
    solution.stations.set(station, stationTheory(model, parts, solution.model!));
  });

  classes.forEach((closed, k) => {
    solution.network.set(closed.cls, {
      throughput: throughputs[k]!,
      meanResponse: responses[k]!,
      lossProbability: 0,
      renegeProbability: 0,
    });
  });
  return solution;
}

// Per-visit figures of one class at one station from MVA's throughput,
// residence time per visit and queue length.
function stationFigures(
  model: NetworkModel,
  station: number,
  load: StationLoad,
  throughput: number,
  responsePerVisit: number,
  present: number,
): ExactFigures<StationFigure> {
  const spec = model.stations[station]!;
  const busy = throughput * load.mean;
  const queueing = spec.type === 'fcfs' || spec.type === 'priority';
  const figures: ExactFigures<StationFigure> = {
    throughput,
    meanWait: queueing ? responsePerVisit - load.mean : 0,
    meanResponse: responsePerVisit,
    meanInQueue: queueing ? present - busy : 0,
    meanInSystem: present,
    lossProbability: 0,
    renegeProbability: 0,
  };
  if (spec.type !== 'delay') figures.utilisation = busy;
  return figures;
}

function stationTheory(
  model: NetworkModel,
  parts: (
    { closed: ClosedClass; load: StationLoad; figures: ExactFigures<StationFigure> } | undefined
  )[],
  label: string,
): StationTheory {
  const classes: (ExactFigures<StationFigure> | null)[] = new Array(model.classes.length).fill(
    null,
  );
  const present = parts.filter((part) => part !== undefined);
  for (const part of present) classes[part.closed.cls] = part.figures;

  const sum = (key: StationFigure): number =>
    present.reduce((total, part) => total + (part.figures[key] ?? 0), 0);
  const throughput = sum('throughput');
  const weighted = (key: StationFigure): number =>
    present.reduce(
      (total, part) => total + (part.figures[key] ?? 0) * (part.figures.throughput ?? 0),
      0,
    ) / throughput;
  const overall: ExactFigures<StationFigure> = {
    throughput,
    meanWait: weighted('meanWait'),
    meanResponse: weighted('meanResponse'),
    meanInQueue: sum('meanInQueue'),
    meanInSystem: sum('meanInSystem'),
    lossProbability: 0,
    renegeProbability: 0,
  };
  if (present.some((part) => part.figures.utilisation !== undefined))
    overall.utilisation = sum('utilisation');
  return { model: label, overall, classes };
}
