/**
 * Exact results of open components: stations that each see Poisson
 * arrivals straight from outside, or an open product-form network
 * (Jackson, with the BCMP extensions to processor sharing and delay
 * stations).
 */
import type { NetworkFigure, StationFigure } from '../figures.js';
import type { NetworkModel } from '../model.js';
import { solveStation } from './single-station.js';
import type { ExactFigures, PopulationPoint, StationLoad, StationTheory } from './types.js';

/** Exact results of a component, with the reasons for what is missing. */
export interface ComponentSolution {
  model: string | null;
  stations: Map<number, StationTheory>;
  network: Map<number, ExactFigures<NetworkFigure>>;
  reasons: string[];
  populationCurve?: PopulationPoint[];
}

/** Arrival rate and loads of every station of a component, per class. */
export interface ComponentLoads {
  /** Arrival rate of each class from outside, per second. */
  classRates: Map<number, number>;
  /** Visits per customer of each class at each station. */
  visits: Map<number, number[]>;
  /** Loads at each station of the component. */
  stationLoads: Map<number, StationLoad[]>;
}

/**
 * Solves each station on its own. This is exact when no station routes to
 * another, because every station then gets Poisson arrivals split from
 * outside.
 */
export function solveSeparateStations(
  model: NetworkModel,
  loads: ComponentLoads,
): ComponentSolution {
  const solution: ComponentSolution = {
    model: null,
    stations: new Map(),
    network: new Map(),
    reasons: [],
  };
  const models = new Set<string>();
  for (const [station, stationLoads] of loads.stationLoads) {
    const solved = solveStation(model.stations[station]!, stationLoads, model.classes.length);
    if ('reason' in solved) {
      solution.reasons.push(solved.reason);
    } else {
      solution.stations.set(station, solved.theory);
      models.add(solved.theory.model);
    }
  }
  if (models.size > 0) solution.model = [...models].join(', ');

  for (const [cls, rate] of loads.classRates) {
    const figures = classAcrossStations(cls, rate, loads, solution.stations);
    if (figures !== undefined) solution.network.set(cls, figures);
  }
  return solution;
}

// A class that visits several stations once each, at most one per
// customer, leaves at the rate its stations serve it.
function classAcrossStations(
  cls: number,
  rate: number,
  loads: ComponentLoads,
  stations: Map<number, StationTheory>,
): ExactFigures<NetworkFigure> | undefined {
  let throughput = 0;
  let responseArea = 0;
  let lost = 0;
  let reneged = 0;
  let single: ExactFigures<StationFigure> | undefined;
  let visited = 0;
  for (const [station, stationLoads] of loads.stationLoads) {
    const load = stationLoads.find((candidate) => candidate.cls === cls);
    if (load === undefined) continue;
    const figures = stations.get(station)?.classes[cls];
    const { throughput: served, meanResponse, lossProbability, renegeProbability } = figures ?? {};
    if (served === undefined || meanResponse === undefined) return undefined;
    if (lossProbability === undefined || renegeProbability === undefined) return undefined;

    throughput += served;
    responseArea += served * meanResponse;
    lost += load.rate * lossProbability;
    reneged += load.rate * (1 - lossProbability) * renegeProbability;
    single = figures ?? undefined;
    visited++;
  }

  const network: ExactFigures<NetworkFigure> = {
    throughput,
    meanResponse: responseArea / throughput,
    lossProbability: lost / rate,
    renegeProbability: reneged / rate,
  };
  if (visited === 1 && single !== undefined) copyPercentiles(single, network);
  return network;
}

function copyPercentiles(from: ExactFigures<StationFigure>, to: ExactFigures<NetworkFigure>): void {
  for (const key of ['responseP50', 'responseP90', 'responseP95', 'responseP99'] as const) {
    if (from[key] !== undefined) to[key] = from[key];
  }
}

/**
 * Returns why a station breaks the product form of an open network, or
 * undefined when it keeps it. FCFS stations, and PS stations with several
 * cores, need exponential service of one mean for every class. No station
 * may limit its capacity, make customers renege or order them by priority.
 */
export function productFormReason(
  model: NetworkModel,
  station: number,
  loads: readonly StationLoad[],
): string | undefined {
  const spec = model.stations[station]!;
  const name = `station "${spec.name}"`;
  if (spec.type === 'delay') return undefined;
  if (spec.capacity !== Infinity)
    return `${name} limits its capacity to ${spec.capacity}, which breaks the product form`;
  if (loads.some((load) => load.patienceMean !== undefined))
    return `${name} has reneging customers, which breaks the product form`;
  if (new Set(loads.map((load) => load.priority)).size > 1)
    return `${name} serves by priority, which breaks the product form`;
  const sameExponential = loads.every((load) => load.exponential && load.mean === loads[0]!.mean);
  if (spec.type === 'ps' && spec.servers === 1) return undefined;
  if (!sameExponential) {
    const letters = [...new Set(loads.map((load) => load.letter))].join(', ');
    return (
      `${name} has ${letters} service; a product-form network needs exponential service ` +
      'of one mean for every class there'
    );
  }
  return undefined;
}

/**
 * Solves an open product-form network: each station is an M/M/c (or
 * M/G/1-PS, M/G/infinity) queue fed at the rates of the traffic
 * equations, and a class's network response is the sum over stations of
 * visits times the response per visit.
 */
export function solveOpenProductForm(
  model: NetworkModel,
  loads: ComponentLoads,
): ComponentSolution {
  const solution: ComponentSolution = {
    model: 'open Jackson network',
    stations: new Map(),
    network: new Map(),
    reasons: [],
  };
  for (const [station, stationLoads] of loads.stationLoads) {
    const solved = solveStation(model.stations[station]!, stationLoads, model.classes.length);
    if ('reason' in solved) {
      solution.reasons.push(solved.reason);
      solution.model = null;
      return solution;
    }
    solution.stations.set(station, solved.theory);
  }

  for (const [cls, rate] of loads.classRates) {
    const visits = loads.visits.get(cls) ?? [];
    let response = 0;
    for (const [station, theory] of solution.stations) {
      const visit = visits[station] ?? 0;
      if (visit > 0) response += visit * (theory.classes[cls]?.meanResponse ?? NaN);
    }
    solution.network.set(cls, {
      throughput: rate,
      meanResponse: response,
      lossProbability: 0,
      renegeProbability: 0,
    });
  }
  return solution;
}
