import { EmpiricalDistribution } from '../../engine/distributions.js';
import { RandomStreams } from '../../engine/random.js';
import { Simulator } from '../../engine/simulator.js';
import { Cluster } from '../../model/cluster.js';
import type { ClusterConfig } from '../../model/config.js';
import { SpecmailGenerator } from './generator.js';
import { levelResult, resourceResults } from './level-result.js';
import { SpecmailMeasurement } from './measurement.js';
import type { SpecmailWorkload } from './parameters.js';
import { createPopulation } from './population.js';
import { sessionRates } from './rates.js';
import type { LevelResult } from './results.js';

/** Everything one SPECmail2001 run needs: the workload and the cluster. */
export interface SpecmailModel {
  workload: SpecmailWorkload;
  cluster: ClusterConfig;
}

/** Slices a level's simulated time is run in, so that progress can be reported. */
const PROGRESS_SLICES = 20;

/**
 * Runs one load level from an empty calendar: warm-up, measurement, then
 * ramp-down while the load continues so that work started during
 * measurement can finish. A pure function of its arguments: the same
 * model, level and seed give the same result. `onProgress`, when given,
 * receives the share of the level's simulated time done (0 to 1) after
 * each twentieth; it does not change the result.
 */
export function runSpecmailLevel(
  model: SpecmailModel,
  loadPct: number,
  seed: number,
  onProgress?: (share: number) => void,
): LevelResult {
  const { workload } = model;
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const rates = sessionRates(workload, loadPct);

  const sizes = workload.messageSizeKb;
  const sizeTable = new EmpiricalDistribution(sizes.values, sizes.percent);
  const population = createPopulation(workload, rates.users, sizeTable, streams.stream('store.initial'));

  const { warmup, measurement: length, rampDown } = workload.phases;
  const measurement = new SpecmailMeasurement(workload, warmup, warmup + length);
  const cluster = new Cluster(sim, model.cluster, population.store, measurement, streams);
  const generator = new SpecmailGenerator(sim, cluster, workload, rates, population, streams);
  generator.start();

  // Running up to a slice boundary and on fires the same events in the
  // same order as one run to the end.
  const total = warmup + length + rampDown;
  const slice = total / PROGRESS_SLICES;
  const runUntil = (end: number): void => {
    if (onProgress === undefined) return sim.run(end);
    do {
      const sliceEnd = Math.min(end, (Math.floor(sim.now / slice + 1e-9) + 1) * slice);
      sim.run(sliceEnd);
      onProgress(Math.min(1, sim.now / total));
    } while (sim.now < end);
  };

  runUntil(warmup);
  cluster.resetStatistics();
  runUntil(warmup + length);
  const resources = resourceResults(cluster, sim.now);
  runUntil(total);

  const inProgress = generator.openSessions - measurement.sessionsEnded;
  return levelResult(workload, loadPct, rates.users, measurement, resources, inProgress, sim.eventsFired);
}
