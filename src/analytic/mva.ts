/**
 * Exact Mean Value Analysis (MVA) of a closed single-class product-form
 * network: N customers cycle between a think (delay) phase of mean Z and a
 * set of stations. A queueing station has one exponential FCFS server or a
 * processor-sharing server. A delay station has infinitely many servers, so
 * no job queues there.
 */
import { requireInteger, requireNonNegative } from './validate.js';

/** Scheduling type of a station in a closed product-form network. */
export type MvaStationKind = 'queueing' | 'delay';

/** One station of a closed single-class network. */
export interface MvaStation {
  /** Label in results and error messages, "station i" when omitted. */
  name?: string;
  /** "queueing" for one FCFS or PS server, "delay" for infinite servers. */
  kind: MvaStationKind;
  /** Service demand D: visits per job times mean service time, in seconds. */
  demand: number;
}

/** Mean values of one station at one population. */
export interface MvaStationMetrics {
  name: string;
  /** Total time a job spends at the station per cycle, in seconds. */
  residenceTime: number;
  /** Mean number of jobs at the station, waiting or in service. */
  queueLength: number;
  /**
   * Throughput times demand, X * D. For a queueing station this is the
   * fraction of time its server is busy. For a delay station it is the mean
   * number of busy servers and equals the queue length.
   */
  utilisation: number;
}

/** Solution of the network for one population N. */
export interface MvaLevel {
  /** Number of jobs N in the network. */
  population: number;
  /** Rate of completed cycles, per second. */
  throughput: number;
  /** Sum of residence times at all stations, think time excluded, seconds. */
  responseTime: number;
  stations: MvaStationMetrics[];
}

/**
 * Checks the station list shared by the single-class and multiclass solvers
 * and returns the station names.
 */
export function checkMvaStations(
  caller: string,
  stations: readonly { name?: string; kind: MvaStationKind }[],
): string[] {
  return stations.map((station, i) => {
    const name = station.name ?? `station ${i}`;
    if (station.kind !== 'queueing' && station.kind !== 'delay') {
      throw new RangeError(
        `${caller}: stations[${i}] "${name}" kind ${String(station.kind)} ` +
          'must be "queueing" or "delay"',
      );
    }
    return name;
  });
}

/**
 * Solves a closed single-class product-form network by exact MVA for every
 * population from 1 to `population`. At population n, the arrival theorem
 * gives the residence time D_i * (1 + Q_i(n - 1)) at a queueing station and
 * D_i at a delay station. Then X(n) = n / (Z + sum of residence times), and
 * Little's law gives Q_i(n) = X(n) * R_i(n).
 *
 * @param stations - stations with their service demands, in seconds.
 * @param population - largest number of jobs N, an integer of at least 1.
 * @param thinkTime - mean think time Z between cycles, in seconds, at
 *   least 0.
 * @returns one level per population 1..N, in that order.
 * @throws RangeError when an input is invalid, or when all demands and Z
 *   are 0.
 */
export function mva(
  stations: readonly MvaStation[],
  population: number,
  thinkTime = 0,
): MvaLevel[] {
  const names = checkMvaStations('mva', stations);
  stations.forEach((station, i) => {
    requireNonNegative('mva', `stations[${i}] demand`, station.demand);
  });
  requireInteger('mva', 'population', population, 1);
  requireNonNegative('mva', 'thinkTime', thinkTime);
  const totalDemand = stations.reduce((sum, s) => sum + s.demand, 0);
  if (totalDemand + thinkTime <= 0) {
    throw new RangeError(
      'mva: the sum of station demands and thinkTime is 0, so throughput ' +
        'is unbounded; give a station demand or thinkTime above 0',
    );
  }

  const levels: MvaLevel[] = [];
  let queueLengths = stations.map(() => 0);
  for (let n = 1; n <= population; n += 1) {
    const residenceTimes = stations.map((station, i) =>
      station.kind === 'delay'
        ? station.demand
        : station.demand * (1 + (queueLengths[i] ?? 0)),
    );
    const responseTime = residenceTimes.reduce((sum, r) => sum + r, 0);
    const throughput = n / (thinkTime + responseTime);
    queueLengths = residenceTimes.map((r) => throughput * r);

    levels.push({
      population: n,
      throughput,
      responseTime,
      stations: stations.map((station, i) => ({
        name: names[i] ?? `station ${i}`,
        residenceTime: residenceTimes[i] ?? 0,
        queueLength: queueLengths[i] ?? 0,
        utilisation: throughput * station.demand,
      })),
    });
  }
  return levels;
}
