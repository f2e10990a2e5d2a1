/**
 * The figures reported for a station and for a class across the network,
 * and how they follow from the sums collected over a measurement window.
 */
import { LogHistogram } from '../engine/statistics/log-histogram.js';

/** Percentile levels reported for waiting and response times. */
export const PERCENTILES = [0.5, 0.9, 0.95, 0.99] as const;

/** Figures of one station, for one class or for all, in report order. */
export const STATION_FIGURES = [
  'utilisation',
  'throughput',
  'meanWait',
  'waitP50',
  'waitP90',
  'waitP95',
  'waitP99',
  'meanResponse',
  'responseP50',
  'responseP90',
  'responseP95',
  'responseP99',
  'meanInQueue',
  'meanInSystem',
  'lossProbability',
  'renegeProbability',
  'arrivals',
  'lost',
  'reneged',
] as const;

/** Figures of one class across the network, in report order. */
export const NETWORK_FIGURES = [
  'throughput',
  'meanResponse',
  'responseP50',
  'responseP90',
  'responseP95',
  'responseP99',
  'lossProbability',
  'renegeProbability',
  'entered',
  'lost',
  'reneged',
] as const;

export type StationFigure = (typeof STATION_FIGURES)[number];
export type NetworkFigure = (typeof NETWORK_FIGURES)[number];

/** Values of figures; NaN where a figure is undefined, such as a mean of nothing. */
export type Figures<K extends string> = Record<K, number>;

/** Raw sums of one station over one window of simulated time. */
export class StationSums {
  duration = 0;
  arrivals = 0;
  lost = 0;
  reneged = 0;
  completions = 0;
  waitCount = 0;
  waitSum = 0;
  responseCount = 0;
  responseSum = 0;
  /** Integral of the number waiting over time, customer-seconds. */
  queueArea = 0;
  /** Integral of the number present over time, customer-seconds. */
  systemArea = 0;
  /** Integral of the busy servers over time, server-seconds. */
  busyArea = 0;
  waitHistogram = new LogHistogram();
  responseHistogram = new LogHistogram();

  /** Adds the sums of a later window to these. */
  add(other: StationSums): void {
    this.duration += other.duration;
    this.arrivals += other.arrivals;
    this.lost += other.lost;
    this.reneged += other.reneged;
    this.completions += other.completions;
    this.waitCount += other.waitCount;
    this.waitSum += other.waitSum;
    this.responseCount += other.responseCount;
    this.responseSum += other.responseSum;
    this.queueArea += other.queueArea;
    this.systemArea += other.systemArea;
    this.busyArea += other.busyArea;
    this.waitHistogram.merge(other.waitHistogram);
    this.responseHistogram.merge(other.responseHistogram);
  }
}

/** Raw sums of one class across the network over one window. */
export class NetworkSums {
  duration = 0;
  entered = 0;
  completions = 0;
  lost = 0;
  reneged = 0;
  responseSum = 0;
  responseHistogram = new LogHistogram();

  /** Adds the sums of a later window to these. */
  add(other: NetworkSums): void {
    this.duration += other.duration;
    this.entered += other.entered;
    this.completions += other.completions;
    this.lost += other.lost;
    this.reneged += other.reneged;
    this.responseSum += other.responseSum;
    this.responseHistogram.merge(other.responseHistogram);
  }
}

/**
 * Computes the figures of a station from its sums. Utilisation is the busy
 * share of `servers` (NaN for a delay station). Waiting times include the
 * waits of customers who reneged; response times count served customers.
 */
export function stationFigures(sums: StationSums, servers: number): Figures<StationFigure> {
  const { duration } = sums;
  const admitted = sums.arrivals - sums.lost;
  return {
    utilisation: Number.isFinite(servers) ? sums.busyArea / (servers * duration) : NaN,
    throughput: sums.completions / duration,
    meanWait: sums.waitSum / sums.waitCount,
    waitP50: sums.waitHistogram.quantile(0.5),
    waitP90: sums.waitHistogram.quantile(0.9),
    waitP95: sums.waitHistogram.quantile(0.95),
    waitP99: sums.waitHistogram.quantile(0.99),
    meanResponse: sums.responseSum / sums.responseCount,
    responseP50: sums.responseHistogram.quantile(0.5),
    responseP90: sums.responseHistogram.quantile(0.9),
    responseP95: sums.responseHistogram.quantile(0.95),
    responseP99: sums.responseHistogram.quantile(0.99),
    meanInQueue: sums.queueArea / duration,
    meanInSystem: sums.systemArea / duration,
    lossProbability: sums.arrivals > 0 ? sums.lost / sums.arrivals : NaN,
    renegeProbability: admitted > 0 ? sums.reneged / admitted : NaN,
    arrivals: sums.arrivals,
    lost: sums.lost,
    reneged: sums.reneged,
  };
}

/** Computes the figures of a class across the network from its sums. */
export function networkFigures(sums: NetworkSums): Figures<NetworkFigure> {
  return {
    throughput: sums.completions / sums.duration,
    meanResponse: sums.responseSum / sums.completions,
    responseP50: sums.responseHistogram.quantile(0.5),
    responseP90: sums.responseHistogram.quantile(0.9),
    responseP95: sums.responseHistogram.quantile(0.95),
    responseP99: sums.responseHistogram.quantile(0.99),
    lossProbability: sums.entered > 0 ? sums.lost / sums.entered : NaN,
    renegeProbability: sums.entered > 0 ? sums.reneged / sums.entered : NaN,
    entered: sums.entered,
    lost: sums.lost,
    reneged: sums.reneged,
  };
}
