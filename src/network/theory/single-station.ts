/**
 * Exact results of one station fed by Poisson arrivals of one or more
 * classes: M/M/c, M/M/c/K, Erlang B, M/G/1, M/G/1 with priorities,
 * M/G/1-PS, M/G/infinity and the reneging queue M/M/c/K+M.
 */
import {
  erlangB,
  md1,
  mg1,
  mh21,
  mm1ResponseQuantile,
  mm1WaitQuantile,
  mmc,
  mmck,
  mm1Ps,
} from '../../analytic/index.js';
import { hyperexponentialPhases } from '../../engine/distributions-extra.js';
import type { StationFigure } from '../figures.js';
import type { StationSpec } from '../model.js';
import { renegingQueue } from './birth-death.js';
import { priorityWaits } from './priority.js';
import type { ExactFigures, StationLoad, StationTheory } from './types.js';

/** A solved station, or why it has no exact result. */
export type StationSolution = { theory: StationTheory } | { reason: string };

/**
 * Solves a station with Poisson arrivals. `loads` lists the classes that
 * reach it; `classCount` sizes the per-class list of the result.
 */
export function solveStation(
  station: StationSpec,
  loads: readonly StationLoad[],
  classCount: number,
): StationSolution {
  try {
    return solveStationUnchecked(station, loads, classCount);
  } catch (error) {
    // The formulas raise RangeError outside their domain, such as at a
    // utilisation of 1 or more.
    if (!(error instanceof RangeError)) throw error;
    return { reason: `station "${station.name}": ${error.message}` };
  }
}

function solveStationUnchecked(
  station: StationSpec,
  loads: readonly StationLoad[],
  classCount: number,
): StationSolution {
  const name = `station "${station.name}"`;
  const reneging = loads.some((load) => load.patienceMean !== undefined);
  if (station.type === 'delay') return solveDelay(loads, classCount);
  if (reneging && station.type !== 'ps') return solveReneging(station, loads, classCount);

  const levels = new Set(loads.map((load) => load.priority));
  if (station.type === 'priority' && levels.size > 1)
    return solvePriority(station, loads, classCount);
  const sameExponential = loads.every((load) => load.exponential && load.mean === loads[0]!.mean);

  if (station.type === 'ps') {
    if (station.capacity === Infinity && station.servers === 1) return solvePs(loads, classCount);
    if (sameExponential)
      return solveMarkov(station, loads, classCount, 'PS with exponential service');
    return {
      reason:
        `${name}: processor sharing with ${station.servers} cores or a capacity needs ` +
        'exponential service of one mean for every class',
    };
  }
  if (sameExponential) return solveMarkov(station, loads, classCount, '');
  if (station.capacity === station.servers) return solveErlangB(station, loads, classCount);
  if (station.servers === 1 && station.capacity === Infinity) return solveMg1(loads, classCount);
  const letter = loads.length === 1 ? loads[0]!.letter : 'G';
  const capacity = station.capacity === Infinity ? '' : `/${station.capacity}`;
  return {
    reason:
      `${name}: M/${letter}/${station.servers}${capacity} has no exact formula here; exact ` +
      'results need exponential service, one server, or no waiting room (capacity = servers)',
  };
}

function totalRate(loads: readonly StationLoad[]): number {
  return loads.reduce((sum, load) => sum + load.rate, 0);
}

function perClass(
  loads: readonly StationLoad[],
  classCount: number,
  figures: (load: StationLoad) => ExactFigures<StationFigure>,
): (ExactFigures<StationFigure> | null)[] {
  const classes: (ExactFigures<StationFigure> | null)[] = new Array(classCount).fill(null);
  for (const load of loads) classes[load.cls] = figures(load);
  return classes;
}

// M/M/c and M/M/c/K, for FCFS or for PS with exponential service. Every
// class meets the same queue, so only throughput and counts split by class.
function solveMarkov(
  station: StationSpec,
  loads: readonly StationLoad[],
  classCount: number,
  note: string,
): StationSolution {
  const rate = totalRate(loads);
  const serviceRate = 1 / loads[0]!.mean;
  const c = station.servers;
  const finite = station.capacity !== Infinity;
  const metrics = finite ? mmck(rate, serviceRate, c, station.capacity) : mmc(rate, serviceRate, c);
  const loss = 'lossProbability' in metrics ? metrics.lossProbability : 0;
  const ps = station.type === 'ps';
  const overall: ExactFigures<StationFigure> = {
    utilisation: metrics.utilisation,
    throughput: metrics.throughput,
    meanWait: ps ? 0 : metrics.meanWait,
    meanResponse: metrics.meanResponse,
    meanInQueue: ps ? 0 : metrics.meanInQueue,
    meanInSystem: metrics.meanInSystem,
    lossProbability: loss,
    renegeProbability: 0,
  };
  if (c === 1 && !finite && !ps) addMm1Percentiles(overall, rate, serviceRate);

  let model = finite ? `M/M/${c}/${station.capacity}` : `M/M/${c}`;
  if (finite && station.capacity === c) model += ' (Erlang B)';
  if (note !== '') model += ` (${note})`;
  const share = (load: StationLoad): number => (rate > 0 ? load.rate / rate : 0);
  return {
    theory: {
      model,
      overall,
      classes: perClass(loads, classCount, (load) => ({
        ...overall,
        utilisation: metrics.utilisation * share(load),
        throughput: metrics.throughput * share(load),
        meanInQueue: (overall.meanInQueue ?? 0) * share(load),
        meanInSystem: metrics.meanInSystem * share(load),
      })),
    },
  };
}

function addMm1Percentiles(
  figures: ExactFigures<StationFigure>,
  rate: number,
  serviceRate: number,
): void {
  figures.waitP50 = mm1WaitQuantile(rate, serviceRate, 0.5);
  figures.waitP90 = mm1WaitQuantile(rate, serviceRate, 0.9);
  figures.waitP95 = mm1WaitQuantile(rate, serviceRate, 0.95);
  figures.waitP99 = mm1WaitQuantile(rate, serviceRate, 0.99);
  figures.responseP50 = mm1ResponseQuantile(rate, serviceRate, 0.5);
  figures.responseP90 = mm1ResponseQuantile(rate, serviceRate, 0.9);
  figures.responseP95 = mm1ResponseQuantile(rate, serviceRate, 0.95);
  figures.responseP99 = mm1ResponseQuantile(rate, serviceRate, 0.99);
}

// Erlang B holds for any service distribution (insensitivity), so every
// class loses the same share and spends its own mean service time.
function solveErlangB(
  station: StationSpec,
  loads: readonly StationLoad[],
  classCount: number,
): StationSolution {
  const offered = loads.reduce((sum, load) => sum + load.rate * load.mean, 0);
  const blocking = erlangB(station.servers, offered);
  const classFigures = (load: StationLoad): ExactFigures<StationFigure> => ({
    utilisation: (load.rate * load.mean * (1 - blocking)) / station.servers,
    throughput: load.rate * (1 - blocking),
    meanWait: 0,
    meanResponse: load.mean,
    meanInQueue: 0,
    meanInSystem: load.rate * load.mean * (1 - blocking),
    lossProbability: blocking,
    renegeProbability: 0,
  });
  const letter = loads.length === 1 ? loads[0]!.letter : 'G';
  return {
    theory: {
      model: `M/${letter}/${station.servers}/${station.servers} (Erlang B)`,
      overall: combine(loads.map((load) => ({ load, figures: classFigures(load) }))),
      classes: perClass(loads, classCount, classFigures),
    },
  };
}

// Pollaczek-Khinchine with the service time of a mix of classes: the
// mix has E[S] = sum(l_r E[S_r]) / l and E[S^2] = sum(l_r E[S_r^2]) / l.
function solveMg1(loads: readonly StationLoad[], classCount: number): StationSolution {
  const rate = totalRate(loads);
  const mean = loads.reduce((sum, load) => sum + load.rate * load.mean, 0) / rate;
  const second =
    loads.reduce((sum, load) => sum + load.rate * load.mean ** 2 * (1 + load.scv), 0) / rate;
  const only = loads.length === 1 ? loads[0]! : undefined;
  let metrics;
  let model = 'M/G/1 (Pollaczek-Khinchine)';
  if (only?.letter === 'D') {
    metrics = md1(rate, mean);
    model = 'M/D/1';
  } else if (only?.letter === 'H2') {
    const phases = hyperexponentialPhases(mean, only.scv);
    metrics = mh21(rate, phases);
    model = 'M/H2/1';
  } else {
    metrics = mg1(rate, mean, second / mean ** 2 - 1);
    if (only !== undefined) model = `M/${only.letter}/1`;
  }

  const classFigures = (load: StationLoad): ExactFigures<StationFigure> =>
    queueFigures(load, metrics.meanWait, 1);
  return {
    theory: {
      model,
      overall: combine(loads.map((load) => ({ load, figures: classFigures(load) }))),
      classes: perClass(loads, classCount, classFigures),
    },
  };
}

function solvePriority(
  station: StationSpec,
  loads: readonly StationLoad[],
  classCount: number,
): StationSolution {
  if (station.servers !== 1 || station.capacity !== Infinity) {
    return {
      reason:
        `station "${station.name}": priority classes have an exact result here only with ` +
        '1 server and no capacity limit',
    };
  }
  const waits = priorityWaits(
    loads.map((load) => ({
      level: load.priority,
      rate: load.rate,
      mean: load.mean,
      scv: load.scv,
    })),
  );
  const classFigures = (load: StationLoad): ExactFigures<StationFigure> =>
    queueFigures(load, waits[loads.indexOf(load)]!, 1);
  return {
    theory: {
      model: 'M/G/1 non-preemptive priority (Cobham)',
      overall: combine(loads.map((load) => ({ load, figures: classFigures(load) }))),
      classes: perClass(loads, classCount, classFigures),
    },
  };
}

// Figures of one class that waits `wait` seconds before a service of its
// own mean, from Little's law.
function queueFigures(
  load: StationLoad,
  wait: number,
  servers: number,
): ExactFigures<StationFigure> {
  return {
    utilisation: (load.rate * load.mean) / servers,
    throughput: load.rate,
    meanWait: wait,
    meanResponse: wait + load.mean,
    meanInQueue: load.rate * wait,
    meanInSystem: load.rate * (wait + load.mean),
    lossProbability: 0,
    renegeProbability: 0,
  };
}

// The mean response of M/G/1-PS depends on the service distribution only
// through its mean: class r spends E[S_r] / (1 - rho) in the station and
// never waits in a queue.
function solvePs(loads: readonly StationLoad[], classCount: number): StationSolution {
  const utilisation = loads.reduce((sum, load) => sum + load.rate * load.mean, 0);
  if (utilisation >= 1)
    return { reason: `processor sharing at utilisation ${utilisation} >= 1 has no steady state` };
  const only = loads.length === 1 ? loads[0]! : undefined;
  const classFigures = (load: StationLoad): ExactFigures<StationFigure> => {
    const response =
      only !== undefined
        ? mm1Ps(load.rate, 1 / load.mean).meanResponse
        : load.mean / (1 - utilisation);
    return {
      utilisation: load.rate * load.mean,
      throughput: load.rate,
      meanWait: 0,
      meanResponse: response,
      meanInQueue: 0,
      meanInSystem: load.rate * response,
      lossProbability: 0,
      renegeProbability: 0,
    };
  };
  return {
    theory: {
      model: `M/${only?.letter ?? 'G'}/1-PS`,
      overall: combine(loads.map((load) => ({ load, figures: classFigures(load) }))),
      classes: perClass(loads, classCount, classFigures),
    },
  };
}

function solveDelay(loads: readonly StationLoad[], classCount: number): StationSolution {
  const classFigures = (load: StationLoad): ExactFigures<StationFigure> => ({
    throughput: load.rate,
    meanWait: 0,
    meanResponse: load.mean,
    meanInQueue: 0,
    meanInSystem: load.rate * load.mean,
    lossProbability: 0,
    renegeProbability: 0,
  });
  const overall = combine(loads.map((load) => ({ load, figures: classFigures(load) })));
  delete overall.utilisation;
  return {
    theory: { model: 'M/G/infinity', overall, classes: perClass(loads, classCount, classFigures) },
  };
}

function solveReneging(
  station: StationSpec,
  loads: readonly StationLoad[],
  classCount: number,
): StationSolution {
  const first = loads[0]!;
  const uniform = loads.every(
    (load) =>
      load.exponential &&
      load.mean === first.mean &&
      load.patienceExponential &&
      load.patienceMean === first.patienceMean &&
      load.priority === first.priority,
  );
  if (!uniform || first.patienceMean === undefined) {
    return {
      reason:
        `station "${station.name}": reneging has an exact result here only with exponential ` +
        'service and exponential patience, each of one mean for every class',
    };
  }

  const rate = totalRate(loads);
  const metrics = renegingQueue(
    rate,
    1 / first.mean,
    station.servers,
    station.capacity,
    1 / first.patienceMean,
  );
  const overall: ExactFigures<StationFigure> = {
    utilisation: metrics.utilisation,
    throughput: metrics.throughput,
    meanWait: metrics.meanWait,
    meanResponse: metrics.meanWaitServed + first.mean,
    meanInQueue: metrics.meanInQueue,
    meanInSystem: metrics.meanInSystem,
    lossProbability: metrics.lossProbability,
    renegeProbability: metrics.renegeProbability,
  };
  const capacity = station.capacity === Infinity ? '' : `/${station.capacity}`;
  const share = (load: StationLoad): number => load.rate / rate;
  return {
    theory: {
      model: `M/M/${station.servers}${capacity}+M (Erlang A)`,
      overall,
      classes: perClass(loads, classCount, (load) => ({
        ...overall,
        utilisation: metrics.utilisation * share(load),
        throughput: metrics.throughput * share(load),
        meanInQueue: metrics.meanInQueue * share(load),
        meanInSystem: metrics.meanInSystem * share(load),
      })),
    },
  };
}

/**
 * Combines the figures of the classes at one station: rates and counts
 * add up, mean times are weighted by throughput (waits by admitted
 * arrivals), and loss by arrivals.
 */
export function combine(
  parts: readonly { load: StationLoad; figures: ExactFigures<StationFigure> }[],
): ExactFigures<StationFigure> {
  const sum = (pick: (f: ExactFigures<StationFigure>) => number | undefined): number =>
    parts.reduce((total, part) => total + (pick(part.figures) ?? NaN), 0);
  const throughput = sum((f) => f.throughput);
  const arrivals = parts.reduce((total, part) => total + part.load.rate, 0);
  const weighted = (pick: (f: ExactFigures<StationFigure>) => number | undefined): number =>
    throughput > 0 ? sum((f) => (pick(f) ?? NaN) * (f.throughput ?? NaN)) / throughput : 0;

  const figures: ExactFigures<StationFigure> = {
    utilisation: sum((f) => f.utilisation),
    throughput,
    meanWait: weighted((f) => f.meanWait),
    meanResponse: weighted((f) => f.meanResponse),
    meanInQueue: sum((f) => f.meanInQueue),
    meanInSystem: sum((f) => f.meanInSystem),
    lossProbability: arrivals > 0 ? lossShare(parts, arrivals) : 0,
    renegeProbability: 0,
  };
  if (parts.length === 1) Object.assign(figures, parts[0]!.figures);
  return dropNaN(figures);
}

function lossShare(
  parts: readonly { load: StationLoad; figures: ExactFigures<StationFigure> }[],
  arrivals: number,
): number {
  return (
    parts.reduce(
      (total, part) => total + part.load.rate * (part.figures.lossProbability ?? NaN),
      0,
    ) / arrivals
  );
}

function dropNaN(figures: ExactFigures<StationFigure>): ExactFigures<StationFigure> {
  for (const key of Object.keys(figures) as StationFigure[]) {
    if (Number.isNaN(figures[key])) delete figures[key];
  }
  return figures;
}
