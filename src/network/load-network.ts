import { suggestClosest } from '../scenario/errors.js';
import { loadYamlFile, type LoadOptions } from '../scenario/load-yaml.js';
import {
  networkScenarioSchema,
  type ClassInput,
  type NetworkScenario,
} from '../scenario/network-schema.js';
import { checkModel } from './check-network.js';
import {
  EXIT,
  type ArrivalSpec,
  type ClassSpec,
  type NetworkModel,
  type RoutingRow,
  type Target,
  type WarmupSpec,
} from './model.js';
import { ProblemList } from './problems.js';

/** A loaded network scenario: its data and the resolved model. */
export interface LoadedNetwork {
  file: string;
  scenario: NetworkScenario;
  model: NetworkModel;
}

/** Probability sums above 1 by less than this count as 1 (rounding in YAML). */
const SUM_TOLERANCE = 1e-9;

/**
 * Loads a `kind: network` scenario with its `--set` overrides, checks what
 * the schema cannot (names that must exist, routing sums, service times of
 * every station a class reaches, stability) and resolves it into a model.
 * Raises ScenarioError `schema-invalid`, `network-invalid` or
 * `network-unstable` naming the file, line, key path, value and fix.
 */
export function loadNetworkScenario(file: string, options: LoadOptions = {}): LoadedNetwork {
  const scenario = loadYamlFile(file, networkScenarioSchema, options);
  const problems = new ProblemList(file, options.overrides ?? []);
  const model = resolveModel(scenario, problems);
  problems.throwIfAny('network-invalid');

  checkModel(model, problems, 'network-invalid');
  problems.throwIfAny('network-invalid');
  checkModel(model, problems, 'network-unstable');
  problems.throwIfAny('network-unstable');
  return { file, scenario, model };
}

function resolveModel(scenario: NetworkScenario, problems: ProblemList): NetworkModel {
  const stationNames = Object.keys(scenario.stations);
  const groupNames = Object.keys(scenario.dispatch);
  const targetNames = [...stationNames, ...groupNames];
  for (const name of groupNames) {
    if (stationNames.includes(name)) {
      problems.add(['dispatch', name], `"${name}" is also a station name; give the group another name.`);
    }
  }
  for (const name of [...stationNames, ...groupNames]) {
    if (name === 'exit') {
      const section = stationNames.includes(name) ? 'stations' : 'dispatch';
      problems.add([section, name], '"exit" is reserved for leaving the network; choose another name.');
    }
  }

  const resolveStation = (name: string, path: (string | number)[]): number => {
    const index = stationNames.indexOf(name);
    if (index < 0) problems.add(path, unknownName(name, 'station', stationNames));
    return index;
  };
  const resolveTarget = (name: string, path: (string | number)[], allowExit: boolean): Target => {
    if (allowExit && name === 'exit') return EXIT;
    const index = targetNames.indexOf(name);
    if (index < 0) {
      const known = allowExit ? [...targetNames, 'exit'] : targetNames;
      problems.add(path, unknownName(name, 'station or dispatch group', known));
    }
    return index;
  };

  const stations = stationNames.map((name) => {
    const input = scenario.stations[name]!;
    const servers = input.type === 'delay' ? Infinity : input.servers;
    if (input.capacity !== undefined && input.type === 'delay') {
      problems.add(['stations', name, 'capacity'], 'a delay station has no capacity limit; remove capacity or use type fcfs.');
    } else if (input.capacity !== undefined && input.capacity < servers) {
      problems.add(
        ['stations', name, 'capacity'],
        `capacity ${input.capacity} is below servers ${servers}; give a capacity of at least ${servers}.`,
      );
    }
    return { name, type: input.type, servers, capacity: input.capacity ?? Infinity };
  });

  const groups = groupNames.map((name) => {
    const input = scenario.dispatch[name]!;
    const members = input.stations.map((member, i) => resolveStation(member, ['dispatch', name, 'stations', i]));
    input.stations.forEach((member, i) => {
      if (input.stations.indexOf(member) !== i) {
        problems.add(['dispatch', name, 'stations', i], `station "${member}" is listed twice; list each station once.`);
      }
    });
    return { name, policy: input.policy, stations: members };
  });

  const classes = Object.entries(scenario.classes).map(([name, input], index): ClassSpec => {
    const path = ['classes', name];
    const service = stations.map((station) => input.service[station.name] ?? scenario.stations[station.name]!.service);
    for (const key of Object.keys(input.service)) resolveStation(key, [...path, 'service', key]);

    const routing = stations.map((): RoutingRow => ({ targets: [], probabilities: [], cumulative: [] }));
    for (const [from, row] of Object.entries(input.routing)) {
      const station = resolveStation(from, [...path, 'routing', from]);
      const resolved = resolveRoutingRow(row, [...path, 'routing', from], resolveTarget, problems);
      if (station >= 0) routing[station] = resolved;
    }

    return {
      name,
      index,
      arrival: resolveArrival(input, path, problems),
      start: resolveTarget(input.start, [...path, 'start'], false),
      service,
      routing,
      priority: input.priority,
      patience: input.patience,
    };
  });

  return {
    name: scenario.name,
    description: scenario.description,
    seed: scenario.seed,
    replications: scenario.replications,
    batches: scenario.batches,
    warmup: resolveWarmup(scenario.warmup),
    duration: scenario.duration,
    stations,
    groups,
    classes,
  };
}

function resolveRoutingRow(
  row: Record<string, number>,
  path: (string | number)[],
  resolveTarget: (name: string, path: (string | number)[], allowExit: boolean) => Target,
  problems: ProblemList,
): RoutingRow {
  const targets: Target[] = [];
  const probabilities: number[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  let routedSum = 0;
  for (const [to, probability] of Object.entries(row)) {
    const target = resolveTarget(to, [...path, to], true);
    sum += probability;
    if (target === EXIT || probability === 0) continue;
    routedSum += probability;
    targets.push(target);
    probabilities.push(probability);
    cumulative.push(Math.min(1, routedSum));
  }

  if (sum > 1 + SUM_TOLERANCE) {
    problems.add(
      path,
      `routing probabilities sum to ${round(sum)}, above 1; lower them so that they sum to at most 1 (the rest exits).`,
    );
  }
  return { targets, probabilities, cumulative };
}

function resolveArrival(input: ClassInput, path: (string | number)[], problems: ProblemList): ArrivalSpec {
  const given = [input.arrivalRate, input.interarrival, input.population].filter((v) => v !== undefined);
  if (given.length !== 1) {
    problems.add(
      path,
      'give exactly one of arrivalRate or interarrival (an open class) or population (a closed class).',
    );
  }
  if (input.think !== undefined && input.population === undefined) {
    problems.add([...path, 'think'], 'think applies to closed classes only; add population or remove think.');
  }

  if (input.population !== undefined) {
    return { kind: 'closed', population: input.population, think: input.think };
  }
  if (input.interarrival !== undefined) {
    const poisson = input.interarrival.type === 'exponential';
    return { kind: 'open', interarrival: input.interarrival, poisson };
  }
  const mean = 1 / (input.arrivalRate ?? 1);
  return { kind: 'open', interarrival: { type: 'exponential', mean }, poisson: true };
}

function resolveWarmup(input: NetworkScenario['warmup']): WarmupSpec {
  if (typeof input === 'number') return { seconds: input };
  return input;
}

function unknownName(name: string, noun: string, known: readonly string[]): string {
  const suggestion = suggestClosest(name, known);
  const hint = suggestion === undefined ? '' : ` did you mean "${suggestion}"?`;
  return `unknown ${noun} "${name}";${hint} Known: ${known.join(', ')}.`;
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
