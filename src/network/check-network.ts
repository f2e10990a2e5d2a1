import { momentsOf } from './distribution.js';
import type { NetworkModel } from './model.js';
import type { ProblemList } from './problems.js';
import { reachableStations, visitRatios } from './visits.js';

/**
 * Checks a resolved model and records its problems. With `network-invalid`
 * it checks that every station a class reaches has a service time for it
 * and that customers can always leave. With `network-unstable` it checks
 * that no station with an unlimited queue gets more open-class work than
 * its servers can do.
 */
export function checkModel(
  model: NetworkModel,
  problems: ProblemList,
  phase: 'network-invalid' | 'network-unstable',
): void {
  if (phase === 'network-invalid') {
    checkServiceTimes(model, problems);
    checkExits(model, problems);
  } else {
    checkStability(model, problems);
  }
}

function checkServiceTimes(model: NetworkModel, problems: ProblemList): void {
  for (const cls of model.classes) {
    for (const station of reachableStations(model, cls)) {
      if (cls.service[station] !== undefined) continue;
      const name = model.stations[station]?.name ?? '?';
      problems.add(
        ['classes', cls.name],
        `class "${cls.name}" reaches station "${name}", which has no service time for it; ` +
          `add service to stations.${name} or classes.${cls.name}.service.${name}.`,
      );
    }
  }
}

// A station can lead out when its row leaves room for exit, or when it
// routes to a station that can. Customers stuck in a cycle would pile up.
function checkExits(model: NetworkModel, problems: ProblemList): void {
  for (const cls of model.classes) {
    const reachable = reachableStations(model, cls);
    const canExit = new Set<number>();
    let changed = true;
    while (changed) {
      changed = false;
      for (const station of reachable) {
        if (canExit.has(station)) continue;
        const row = cls.routing[station];
        const routed = row?.probabilities.reduce((a, b) => a + b, 0) ?? 0;
        const leadsOut =
          routed < 1 - 1e-9 ||
          (row?.targets ?? []).some((target) =>
            stationsOf(model, target).some((s) => canExit.has(s)),
          );
        if (leadsOut) {
          canExit.add(station);
          changed = true;
        }
      }
    }

    const stuck = [...reachable].filter((station) => !canExit.has(station));
    if (stuck.length > 0) {
      const names = stuck.map((station) => model.stations[station]?.name ?? '?').join(', ');
      problems.add(
        ['classes', cls.name, 'routing'],
        `customers of class "${cls.name}" that reach ${names} can never leave the network; ` +
          'let some routing probability there go to exit (a row may sum to less than 1).',
      );
    }
  }
}

function stationsOf(model: NetworkModel, target: number): number[] {
  if (target < 0) return [];
  if (target < model.stations.length) return [target];
  return model.groups[target - model.stations.length]?.stations ?? [];
}

function checkStability(model: NetworkModel, problems: ProblemList): void {
  const load = model.stations.map(() => 0);
  const everyClassReneges = model.stations.map(() => true);
  for (const cls of model.classes) {
    if (cls.arrival.kind !== 'open') continue;
    const visits = visitRatios(model, cls);
    if (visits === undefined) continue;

    const rate = 1 / momentsOf(cls.arrival.interarrival).mean;
    visits.forEach((visit, station) => {
      const service = cls.service[station];
      if (visit <= 0 || service === undefined) return;
      load[station] = (load[station] ?? 0) + rate * visit * momentsOf(service).mean;
      if (cls.patience === undefined) everyClassReneges[station] = false;
    });
  }

  model.stations.forEach((station, index) => {
    const offered = load[index] ?? 0;
    const bounded =
      station.type === 'delay' || station.capacity !== Infinity || everyClassReneges[index];
    if (bounded || offered < station.servers) return;
    problems.add(
      ['stations', station.name],
      `station "${station.name}" is unstable: its open classes bring ${round(offered)} s of work per second ` +
        `for ${station.servers} server(s), a utilisation of ${round(offered / station.servers)} >= 1, ` +
        'so its queue grows without bound; lower the arrival rates, add servers, ' +
        'shorten the service time, or set a capacity.',
    );
  });
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
