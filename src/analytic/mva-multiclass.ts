/**
 * Exact multiclass Mean Value Analysis of a closed product-form network.
 * Each class r has a fixed population N_r, a think time Z_r and its own
 * service demand at every station. Exact MVA visits every sub-population
 * vector 0 <= n <= N, so its cost grows as the product of (N_r + 1) over
 * the classes.
 */
import { checkMvaStations, type MvaStationKind } from './mva.js';
import { requireInteger, requireNonNegative } from './validate.js';

/** One station of a closed multiclass network. */
export interface MulticlassStation {
  /** Label in results and error messages, "station i" when omitted. */
  name?: string;
  /**
   * "queueing" for one processor-sharing server, or for one FCFS server that
   * serves every class at the same mean rate. "delay" for infinite servers.
   */
  kind: MvaStationKind;
  /** Service demand of each class, in seconds, indexed by class. */
  demands: readonly number[];
}

/** Mean values of one station at the full population, indexed by class. */
export interface MulticlassStationMetrics {
  name: string;
  /** Time a class-r job spends at the station per cycle, in seconds. */
  residenceTimes: number[];
  /** Mean number of class-r jobs at the station. */
  queueLengths: number[];
  /** X_r * D_r: busy fraction of the server that class r causes. */
  utilisations: number[];
}

/** Solution of a closed multiclass network at its full population. */
export interface MulticlassMvaResult {
  /** Cycle completion rate of each class, per second. */
  throughputs: number[];
  /** Sum of residence times of each class, think time excluded, seconds. */
  responseTimes: number[];
  stations: MulticlassStationMetrics[];
}

/** Largest number of sub-population vectors the solver accepts. */
export const MAX_MULTICLASS_SUBPOPULATIONS = 1_000_000;

function checkMulticlass(
  stations: readonly MulticlassStation[],
  populations: readonly number[],
  thinkTimes: readonly number[],
): number {
  const classCount = populations.length;
  if (classCount === 0) {
    throw new RangeError(
      'mvaMulticlass: populations must contain at least 1 class',
    );
  }
  if (thinkTimes.length !== classCount) {
    throw new RangeError(
      `mvaMulticlass: thinkTimes has ${thinkTimes.length} entries but must ` +
        `have one per class (${classCount})`,
    );
  }
  stations.forEach((station, i) => {
    if (station.demands.length !== classCount) {
      throw new RangeError(
        `mvaMulticlass: stations[${i}] demands has ` +
          `${station.demands.length} entries but must have one per class ` +
          `(${classCount})`,
      );
    }
    station.demands.forEach((demand, r) => {
      const name = `stations[${i}] demands[${r}]`;
      requireNonNegative('mvaMulticlass', name, demand);
    });
  });

  let subpopulations = 1;
  for (let r = 0; r < classCount; r += 1) {
    const population = populations[r] ?? 0;
    const thinkTime = thinkTimes[r] ?? 0;
    requireInteger('mvaMulticlass', `populations[${r}]`, population, 1);
    requireNonNegative('mvaMulticlass', `thinkTimes[${r}]`, thinkTime);
    const demand = stations.reduce((sum, s) => sum + (s.demands[r] ?? 0), 0);
    if (demand + thinkTime <= 0) {
      throw new RangeError(
        `mvaMulticlass: class ${r} has demand 0 at every station and ` +
          'thinkTime 0, so its throughput is unbounded; give it a demand ' +
          'or thinkTime above 0',
      );
    }
    subpopulations *= population + 1;
  }
  if (subpopulations > MAX_MULTICLASS_SUBPOPULATIONS) {
    throw new RangeError(
      `mvaMulticlass: populations [${populations.join(', ')}] give ` +
        `${subpopulations} sub-populations, above the limit ` +
        `${MAX_MULTICLASS_SUBPOPULATIONS}; reduce the populations or merge ` +
        'classes',
    );
  }
  return subpopulations;
}

/**
 * Solves a closed multiclass product-form network by exact MVA. For each
 * sub-population n and class r with n_r > 0, the arrival theorem gives
 * R_ir(n) = D_ir * (1 + Q_i(n - e_r)) at a queueing station, where Q_i is
 * the total queue length of all classes, and R_ir(n) = D_ir at a delay
 * station. Then X_r(n) = n_r / (Z_r + sum_i R_ir(n)) and
 * Q_ir(n) = X_r(n) * R_ir(n).
 *
 * Sub-populations are stored in mixed-radix order, so n - e_r always has a
 * smaller index than n and is solved first.
 *
 * @param stations - stations with per-class service demands, in seconds.
 * @param populations - number of jobs N_r of each class, integers of at
 *   least 1. The product of (N_r + 1) may be at most
 *   MAX_MULTICLASS_SUBPOPULATIONS.
 * @param thinkTimes - mean think time Z_r of each class, in seconds. It
 *   defaults to 0 for every class.
 * @throws RangeError when an input is invalid or the network is too large.
 */
export function mvaMulticlass(
  stations: readonly MulticlassStation[],
  populations: readonly number[],
  thinkTimes: readonly number[] = populations.map(() => 0),
): MulticlassMvaResult {
  const names = checkMvaStations('mvaMulticlass', stations);
  const count = checkMulticlass(stations, populations, thinkTimes);
  const classCount = populations.length;
  const stationCount = stations.length;

  const strides: number[] = [];
  let stride = 1;
  for (let r = classCount - 1; r >= 0; r -= 1) {
    strides[r] = stride;
    stride *= (populations[r] ?? 0) + 1;
  }

  // totalQueue[index * stationCount + i]: Q_i summed over all classes.
  const totalQueue = new Float64Array(count * stationCount);
  const current = new Array<number>(classCount).fill(0);
  let residence: number[][] = [];
  let throughputs: number[] = [];

  for (let index = 1; index < count; index += 1) {
    incrementMixedRadix(current, populations);
    residence = [];
    throughputs = [];

    for (let r = 0; r < classCount; r += 1) {
      const jobs = current[r] ?? 0;
      const previous = index - (strides[r] ?? 0);
      const times = stations.map((station, i) => {
        const demand = station.demands[r] ?? 0;
        if (jobs === 0 || station.kind === 'delay') {
          return demand;
        }
        return demand * (1 + (totalQueue[previous * stationCount + i] ?? 0));
      });
      const cycle = (thinkTimes[r] ?? 0) + times.reduce((a, b) => a + b, 0);
      residence.push(times);
      throughputs.push(jobs === 0 ? 0 : jobs / cycle);
    }

    for (let i = 0; i < stationCount; i += 1) {
      let queue = 0;
      for (let r = 0; r < classCount; r += 1) {
        queue += (throughputs[r] ?? 0) * (residence[r]?.[i] ?? 0);
      }
      totalQueue[index * stationCount + i] = queue;
    }
  }

  return {
    throughputs,
    responseTimes: residence.map((times) => times.reduce((a, b) => a + b, 0)),
    stations: stations.map((station, i) => ({
      name: names[i] ?? `station ${i}`,
      residenceTimes: residence.map((times) => times[i] ?? 0),
      queueLengths: residence.map(
        (times, r) => (throughputs[r] ?? 0) * (times[i] ?? 0),
      ),
      utilisations: station.demands.map((d, r) => (throughputs[r] ?? 0) * d),
    })),
  };
}

/** Advances `digits` to the next mixed-radix vector, last digit fastest. */
function incrementMixedRadix(
  digits: number[],
  limits: readonly number[],
): void {
  for (let r = digits.length - 1; r >= 0; r -= 1) {
    if ((digits[r] ?? 0) < (limits[r] ?? 0)) {
      digits[r] = (digits[r] ?? 0) + 1;
      return;
    }
    digits[r] = 0;
  }
}
