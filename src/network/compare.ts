/**
 * Puts simulated estimates beside exact values and flags differences that
 * the run's precision cannot explain.
 */
import type { NetworkFigure, StationFigure } from './figures.js';
import type { NetworkModel } from './model.js';
import type { Estimates, NetworkRunResult } from './run-network.js';
import type { Estimate } from './student-t.js';
import type { ExactFigures, NetworkTheory } from './theory/types.js';

/** A difference counts as real above this many confidence half-widths. */
export const FLAG_HALF_WIDTHS = 3;

/** One figure: simulated, its precision, the exact value and the gap. */
export interface Comparison {
  simulated: number | null;
  /** 95 % confidence half-width of `simulated`; null when unknown. */
  halfWidth: number | null;
  exact: number | null;
  /** simulated - exact; null without an exact value. */
  difference: number | null;
  /** True when |difference| > 3 half-widths. */
  flagged: boolean;
}

/** Compared figures of one station or class. */
export type Comparisons<K extends string> = Record<K, Comparison>;

/** Compared figures of one station. */
export interface StationComparison {
  name: string;
  /** Exact model of the station, null when none applies. */
  model: string | null;
  overall: Comparisons<StationFigure>;
  /** By class index; null for classes that never reach the station. */
  classes: (Comparisons<StationFigure> | null)[];
}

/** Simulated and exact figures of a whole network scenario. */
export interface NetworkComparison {
  stations: StationComparison[];
  /** By class index. */
  network: Comparisons<NetworkFigure>[];
  /** Number of flagged figures. */
  flagged: number;
}

function finite(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

/** Compares one estimate with its exact value, if any. */
export function compareFigure(estimate: Estimate, exact: number | undefined): Comparison {
  const simulated = finite(estimate.value);
  let halfWidth = finite(estimate.halfWidth);
  // Rounding error of a figure that never varies, such as the utilisation
  // of a saturated station, is no spread.
  if (
    halfWidth !== null &&
    simulated !== null &&
    halfWidth < 1e-12 * Math.max(1, Math.abs(simulated))
  ) {
    halfWidth = 0;
  }
  // A figure that stayed 0 in every batch or replication measured nothing
  // (a run too short for any customer): its precision is unknown, so it is
  // shown without a half-width and never flagged.
  if (halfWidth === 0 && simulated === 0) halfWidth = null;
  const exactValue = finite(exact);
  const difference = simulated !== null && exactValue !== null ? simulated - exactValue : null;
  const flagged =
    difference !== null &&
    halfWidth !== null &&
    Math.abs(difference) > FLAG_HALF_WIDTHS * halfWidth;
  return { simulated, halfWidth, exact: exactValue, difference, flagged };
}

function compareAll<K extends string>(
  estimates: Estimates<K>,
  exact: ExactFigures<K> | null | undefined,
): Comparisons<K> {
  const result = {} as Comparisons<K>;
  for (const figure of Object.keys(estimates) as K[]) {
    result[figure] = compareFigure(estimates[figure], exact?.[figure]);
  }
  return result;
}

/** Compares every simulated figure with the exact results. */
export function compareWithTheory(
  model: NetworkModel,
  result: NetworkRunResult,
  theory: NetworkTheory,
): NetworkComparison {
  const stations = result.stations.map((station, i): StationComparison => {
    const exact = theory.stations[i] ?? null;
    return {
      name: station.name,
      model: exact?.model ?? null,
      overall: compareAll(station.overall, exact?.overall),
      classes: station.classes.map((estimates, k) =>
        estimates === null ? null : compareAll(estimates, exact?.classes[k]),
      ),
    };
  });
  const network = model.classes.map((_cls, k) => compareAll(result.network[k]!, theory.network[k]));

  let flagged = 0;
  const count = (comparisons: Record<string, Comparison>): void => {
    for (const comparison of Object.values(comparisons)) if (comparison.flagged) flagged++;
  };
  for (const station of stations) {
    count(station.overall);
    for (const cls of station.classes) if (cls !== null) count(cls);
  }
  for (const cls of network) count(cls);
  return { stations, network, flagged };
}
