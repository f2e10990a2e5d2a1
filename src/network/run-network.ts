/**
 * Runs the replications of a network scenario and combines them into
 * estimates with 95 % confidence half-widths.
 */
import {
  NETWORK_FIGURES,
  STATION_FIGURES,
  type NetworkFigure,
  type StationFigure,
} from './figures.js';
import type { NetworkModel } from './model.js';
import { NetworkRun, type FigureSet } from './network-run.js';
import { confidenceInterval, type Estimate } from './student-t.js';
import type { TraceRecord } from './trace.js';
import { reachableStations } from './visits.js';

/** Estimates of figures, in the order of the figure list. */
export type Estimates<K extends string> = Record<K, Estimate>;

/** Estimates of one station. */
export interface StationEstimates {
  name: string;
  overall: Estimates<StationFigure>;
  /** By class index; null for a class that never reaches the station. */
  classes: (Estimates<StationFigure> | null)[];
}

/** Simulated result of a network scenario. */
export interface NetworkRunResult {
  seed: number;
  replications: number;
  /**
   * Source of the half-widths: the spread of the replications, or, with
   * one replication, the spread of its batch means.
   */
  precision: 'replications' | 'batches';
  /** Samples behind each half-width: replications or batches. */
  samples: number;
  stations: StationEstimates[];
  /** Estimates of each class across the network, by class index. */
  network: Estimates<NetworkFigure>[];
  /** First events of replication 1, when tracing was requested. */
  trace: TraceRecord[];
  /** Events fired, all replications. */
  eventsFired: number;
}

/** Options of `runNetwork`. */
export interface RunNetworkOptions {
  /** Seed of the replications (default: the model's). */
  seed?: number;
  /** Number of events of replication 1 to trace (default 0). */
  trace?: number;
  /** Called after each replication with its number (from 1) and wall time. */
  onReplication?: (replication: number, wallSeconds: number) => void;
}

/**
 * Runs every replication of the model in turn and estimates each figure.
 * Replication r draws from streams named after r and the model's seed, so
 * the replications are independent and the result depends only on the
 * model and the seed.
 */
export function runNetwork(model: NetworkModel, options: RunNetworkOptions = {}): NetworkRunResult {
  const seeded = { ...model, seed: options.seed ?? model.seed };
  const runs: FigureSet[] = [];
  let batches: FigureSet[] = [];
  let trace: TraceRecord[] = [];
  let eventsFired = 0;

  for (let replication = 1; replication <= model.replications; replication++) {
    const started = performance.now();
    // Batch means give the precision only when there is one replication.
    const runModel = model.replications === 1 ? seeded : { ...seeded, batches: 1 };
    const traceLimit = replication === 1 ? (options.trace ?? 0) : 0;
    const result = new NetworkRun(runModel, replication, traceLimit).run();

    runs.push(result.total);
    if (replication === 1) {
      batches = result.batches;
      trace = result.trace;
    }
    eventsFired += result.eventsFired;
    options.onReplication?.(replication, (performance.now() - started) / 1000);
  }

  const single = model.replications === 1;
  const samples = single ? batches : runs;
  const estimate = <K extends string>(
    figures: readonly K[],
    pick: (set: FigureSet) => Record<K, number>,
  ): Estimates<K> => {
    const result = {} as Estimates<K>;
    for (const figure of figures) {
      const interval = confidenceInterval(samples.map((set) => pick(set)[figure]));
      const value = single ? pick(runs[0]!)[figure] : interval.value;
      result[figure] = { value, halfWidth: interval.halfWidth };
    }
    return result;
  };

  const reachable = model.classes.map((cls) => reachableStations(model, cls));
  return {
    seed: seeded.seed,
    replications: model.replications,
    precision: single ? 'batches' : 'replications',
    samples: samples.length,
    stations: model.stations.map((station, i) => ({
      name: station.name,
      overall: estimate(STATION_FIGURES, (set) => set.stations[i]!.overall),
      classes: model.classes.map((_cls, k) =>
        reachable[k]!.has(i)
          ? estimate(STATION_FIGURES, (set) => set.stations[i]!.classes[k]!)
          : null,
      ),
    })),
    network: model.classes.map((_cls, k) => estimate(NETWORK_FIGURES, (set) => set.network[k]!)),
    trace,
    eventsFired,
  };
}
