/**
 * A network scenario resolved for simulation and analysis: stations,
 * dispatch groups and classes by index, routing as cumulative tables.
 */
import type { DispatchPolicy, DistributionInput, StationType } from '../scenario/network-schema.js';

/**
 * Next destination of a customer: a station index (0 to stations - 1), a
 * dispatch group (stations + group index) or EXIT.
 */
export type Target = number;

/** Target that leaves the network. */
export const EXIT: Target = -1;

/** One station of the network. */
export interface StationSpec {
  name: string;
  type: StationType;
  /** Servers, or cores of a processor-sharing station; Infinity for delay. */
  servers: number;
  /** Maximum number of customers in the station; Infinity when unlimited. */
  capacity: number;
}

/** A dispatch group in front of several stations. */
export interface DispatchSpec {
  name: string;
  policy: DispatchPolicy;
  /** Station indexes, in the order given. */
  stations: number[];
}

/** Next-target table of one class at one station. */
export interface RoutingRow {
  targets: Target[];
  /** Probability of each target, in the order of `targets`. */
  probabilities: number[];
  /** Running sums of `probabilities`; a draw above the last one exits. */
  cumulative: number[];
}

/** Arrival process of a class: open arrivals or a closed population. */
export type ArrivalSpec =
  | { kind: 'open'; interarrival: DistributionInput; poisson: boolean }
  | { kind: 'closed'; population: number; think: DistributionInput | undefined };

/** One customer class. */
export interface ClassSpec {
  name: string;
  index: number;
  arrival: ArrivalSpec;
  start: Target;
  /** Service time at each station; undefined where the class never goes. */
  service: (DistributionInput | undefined)[];
  /** Routing at each station. */
  routing: RoutingRow[];
  /** Priority level at priority stations; 0 is served first. */
  priority: number;
  patience: DistributionInput | undefined;
}

/** Discarded start of every replication. */
export type WarmupSpec = { seconds: number } | { customers: number };

/** A whole network scenario, ready to run. */
export interface NetworkModel {
  name: string;
  description: string | undefined;
  seed: number;
  replications: number;
  batches: number;
  warmup: WarmupSpec;
  /** Measured seconds of every replication. */
  duration: number;
  stations: StationSpec[];
  groups: DispatchSpec[];
  classes: ClassSpec[];
}

/** Returns the name of a target, "exit" for EXIT. */
export function targetName(model: NetworkModel, target: Target): string {
  if (target === EXIT) return 'exit';
  if (target < model.stations.length) return model.stations[target]?.name ?? '?';
  return model.groups[target - model.stations.length]?.name ?? '?';
}
