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
  type StationSpec,
  type Target,
  type WarmupSpec,
} from './model.js';
import { NameResolver } from './name-resolver.js';
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
  const names = new NameResolver(
    Object.keys(scenario.stations),
    Object.keys(scenario.dispatch),
    problems,
  );
  names.checkNames();

  const stations = resolveStations(scenario, problems);
  const groups = names.groups.map((name) => {
    const input = scenario.dispatch[name]!;
    const path = ['dispatch', name, 'stations'];
    input.stations.forEach((member, i) => {
      if (input.stations.indexOf(member) === i) return;
      const message = `station "${member}" is listed twice; list each station once.`;
      problems.add([...path, i], message);
    });
    const members = input.stations.map((member, i) => names.station(member, [...path, i]));
    return { name, policy: input.policy, stations: members };
  });
  const classes = Object.entries(scenario.classes).map(([name, input], index) =>
    resolveClass(scenario, stations, name, input, index, names, problems),
  );

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

function resolveStations(scenario: NetworkScenario, problems: ProblemList): StationSpec[] {
  return Object.entries(scenario.stations).map(([name, input]) => {
    const servers = input.type === 'delay' ? Infinity : input.servers;
    const path = ['stations', name, 'capacity'];
    if (input.capacity !== undefined && input.type === 'delay') {
      problems.add(
        path,
        'a delay station has no capacity limit; remove capacity or use type fcfs.',
      );
    } else if (input.capacity !== undefined && input.capacity < servers) {
      const fix = `give a capacity of at least ${servers}`;
      problems.add(path, `capacity ${input.capacity} is below servers ${servers}; ${fix}.`);
    }
    return { name, type: input.type, servers, capacity: input.capacity ?? Infinity };
  });
}

function resolveClass(
  scenario: NetworkScenario,
  stations: readonly StationSpec[],
  name: string,
  input: ClassInput,
  index: number,
  names: NameResolver,
  problems: ProblemList,
): ClassSpec {
  const path = ['classes', name];
  for (const key of Object.keys(input.service)) names.station(key, [...path, 'service', key]);
  const service = stations.map(
    (station) => input.service[station.name] ?? scenario.stations[station.name]!.service,
  );

  const routing = stations.map((): RoutingRow => ({
    targets: [],
    probabilities: [],
    cumulative: [],
  }));
  for (const [from, row] of Object.entries(input.routing)) {
    const rowPath = [...path, 'routing', from];
    const station = names.station(from, rowPath);
    const resolved = resolveRoutingRow(row, rowPath, names, problems);
    if (station >= 0) routing[station] = resolved;
  }

  return {
    name,
    index,
    arrival: resolveArrival(input, path, problems),
    start: names.target(input.start, [...path, 'start'], false),
    service,
    routing,
    priority: input.priority,
    patience: input.patience,
  };
}

function resolveRoutingRow(
  row: Record<string, number>,
  path: (string | number)[],
  names: NameResolver,
  problems: ProblemList,
): RoutingRow {
  const targets: Target[] = [];
  const probabilities: number[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  let routedSum = 0;
  for (const [to, probability] of Object.entries(row)) {
    const target = names.target(to, [...path, to], true);
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
      `routing probabilities sum to ${round(sum)}, above 1; ` +
        'lower them so that they sum to at most 1 (the rest exits).',
    );
  }
  return { targets, probabilities, cumulative };
}

function resolveArrival(
  input: ClassInput,
  path: (string | number)[],
  problems: ProblemList,
): ArrivalSpec {
  const arrivalKeys = [input.arrivalRate, input.interarrival, input.population].filter(
    (v) => v !== undefined,
  );
  if (arrivalKeys.length !== 1) {
    problems.add(
      path,
      'give exactly one of arrivalRate or interarrival (an open class) or population (a closed class).',
    );
  }
  if (input.think !== undefined && input.population === undefined) {
    problems.add(
      [...path, 'think'],
      'think applies to closed classes only; add population or remove think.',
    );
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

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
