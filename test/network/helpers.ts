import { expect } from 'vitest';
import { analyseNetwork } from '../../src/network/analytic-match.js';
import { loadNetworkScenario } from '../../src/network/load-network.js';
import type { NetworkModel } from '../../src/network/model.js';
import { runNetwork, type NetworkRunResult } from '../../src/network/run-network.js';
import type { Estimate } from '../../src/network/student-t.js';
import type { NetworkTheory } from '../../src/network/theory/types.js';

/** A scenario run with its exact results. */
export interface CheckedRun {
  model: NetworkModel;
  result: NetworkRunResult;
  theory: NetworkTheory;
}

/** Loads a scenario with `--set` overrides (often a shorter duration) and runs it. */
export function runScenario(file: string, overrides: string[] = []): CheckedRun {
  const { model } = loadNetworkScenario(file, { overrides });
  return { model, result: runNetwork(model), theory: analyseNetwork(model) };
}

/** Returns the index of a station by name. */
export function stationIndex(run: CheckedRun, name: string): number {
  const index = run.model.stations.findIndex((station) => station.name === name);
  if (index < 0) throw new Error(`no station ${name}`);
  return index;
}

/** Returns the index of a class by name. */
export function classIndex(run: CheckedRun, name: string): number {
  const index = run.model.classes.findIndex((cls) => cls.name === name);
  if (index < 0) throw new Error(`no class ${name}`);
  return index;
}

/**
 * Checks that a simulated estimate lies within 3 of its 95 % half-widths
 * of the exact value, which is the precision that the run length gives.
 * Also checks that the half-width is below `maxRelative` of the exact
 * value, so that the first check is tight enough to fail.
 */
export function expectWithinPrecision(
  label: string,
  estimate: Estimate,
  exact: number | undefined,
  maxRelative: number,
): void {
  if (exact === undefined) throw new Error(`${label}: no exact value`);
  const difference = Math.abs(estimate.value - exact);
  expect(difference, `${label}: simulated ${estimate.value} vs exact ${exact}`).toBeLessThanOrEqual(
    3 * estimate.halfWidth,
  );
  expect(estimate.halfWidth, `${label}: half-width vs exact ${exact}`).toBeLessThan(
    maxRelative * Math.max(exact, 1e-3),
  );
}
