import type { NetworkFigure, StationFigure } from '../figures.js';

/** Exact values of figures; a figure left out has no exact value. */
export type ExactFigures<K extends string> = Partial<Record<K, number>>;

/** Exact figures of one station. */
export interface StationTheory {
  /** Queueing model or method, such as "M/M/1" or "MVA". */
  model: string;
  overall: ExactFigures<StationFigure>;
  /** By class index; null for a class that never reaches the station. */
  classes: (ExactFigures<StationFigure> | null)[];
}

/**
 * Stations linked by the routes of their classes, with the classes that
 * visit them, solved as one model when a formula applies.
 */
export interface ComponentTheory {
  stations: number[];
  classes: number[];
  /** The model that solves the component, or null when none applies. */
  model: string | null;
  /** Reasons that no exact result applies to the component or to some station. */
  reasons: string[];
  /** Closed single-class components: MVA at every population up to the class's. */
  populationCurve?: PopulationPoint[];
}

/** MVA's solution of a closed class at one population. */
export interface PopulationPoint {
  population: number;
  /** Cycles completed per second. */
  throughput: number;
  /** Time from entering to leaving the stations, think time excluded, in seconds. */
  responseTime: number;
  /** Utilisation of the busiest queueing station. */
  bottleneckUtilisation: number;
}

/** Exact results of a network scenario, where they exist. */
export interface NetworkTheory {
  components: ComponentTheory[];
  /** By station index; null where no exact result applies. */
  stations: (StationTheory | null)[];
  /** By class index; null where no exact result applies. */
  network: (ExactFigures<NetworkFigure> | null)[];
}

/** One class's Poisson arrivals at a station, with its service there. */
export interface StationLoad {
  cls: number;
  /** Arrival rate of the class at the station, per second. */
  rate: number;
  /** Mean service time, in seconds. */
  mean: number;
  /** Squared coefficient of variation of the service time. */
  scv: number;
  /** True when the service time is exponential. */
  exponential: boolean;
  /** Kendall letter of the service time: M, D, Ek, H2 or G. */
  letter: string;
  /** Priority level of the class. */
  priority: number;
  /** Mean patience, in seconds, when the class reneges. */
  patienceMean: number | undefined;
  /** True when the patience is exponential. */
  patienceExponential: boolean;
}
