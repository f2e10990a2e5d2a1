/**
 * Visit ratios of a class: the mean number of times one customer of the
 * class visits each station between entering and leaving the network.
 */
import { solveLinearSystem } from '../analytic/linear-solve.js';
import { EXIT, type ClassSpec, type NetworkModel, type Target } from './model.js';

/**
 * Returns the share of customers sent to `target` that reach each station
 * at once: 1 for a station, an even split over a dispatch group's stations
 * (exact for random and round-robin, an assumption for the other policies),
 * nothing for EXIT.
 */
export function expandTarget(model: NetworkModel, target: Target): Map<number, number> {
  const shares = new Map<number, number>();
  if (target === EXIT) return shares;
  if (target < model.stations.length) {
    shares.set(target, 1);
    return shares;
  }

  const group = model.groups[target - model.stations.length];
  const members = group?.stations ?? [];
  for (const station of members) {
    shares.set(station, (shares.get(station) ?? 0) + 1 / members.length);
  }
  return shares;
}

/**
 * Builds the station-to-station routing matrix of a class, with dispatch
 * groups expanded by `expandTarget`: entry [i][j] is the probability that a
 * customer leaving station i goes next to station j.
 */
export function stationRoutingMatrix(model: NetworkModel, cls: ClassSpec): number[][] {
  const size = model.stations.length;
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  cls.routing.forEach((row, from) => {
    row.targets.forEach((target, k) => {
      const probability = row.probabilities[k] ?? 0;
      for (const [to, share] of expandTarget(model, target)) {
        const matrixRow = matrix[from] as number[];
        matrixRow[to] = (matrixRow[to] ?? 0) + probability * share;
      }
    });
  });
  return matrix;
}

/**
 * Solves the traffic equations V = e + V P of one class, where e is the
 * entry distribution and P the routing matrix. Returns the visits per
 * customer at each station, or undefined when some customers never leave
 * (I - P singular).
 */
export function visitRatios(model: NetworkModel, cls: ClassSpec): number[] | undefined {
  const size = model.stations.length;
  const routing = stationRoutingMatrix(model, cls);
  const entry = new Array<number>(size).fill(0);
  for (const [station, share] of expandTarget(model, cls.start)) entry[station] = share;

  const transposed = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? 1 : 0) - (routing[j]?.[i] ?? 0)),
  );
  const visits = solveLinearSystem(transposed, entry);
  return visits?.map((value) => Math.max(0, value));
}

/** Returns the stations that customers of a class can reach. */
export function reachableStations(model: NetworkModel, cls: ClassSpec): Set<number> {
  const reached = new Set<number>();
  const pending = [...expandTarget(model, cls.start).keys()];
  while (pending.length > 0) {
    const station = pending.pop() as number;
    if (reached.has(station)) continue;
    reached.add(station);

    const row = cls.routing[station];
    row?.targets.forEach((target, k) => {
      if ((row.probabilities[k] ?? 0) <= 0) return;
      for (const next of expandTarget(model, target).keys()) pending.push(next);
    });
  }
  return reached;
}
