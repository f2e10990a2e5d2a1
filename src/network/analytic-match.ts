/**
 * Finds the exact counterpart of a network scenario, where one exists.
 * The network splits into components: stations linked by the routes of the
 * classes that visit them. Each component is solved as separate Poisson-fed
 * stations, an open product-form (Jackson) network or a closed one (MVA),
 * or gets the reasons why no exact result applies.
 */
import { isExponential, kendallLetter, momentsOf } from './distribution.js';
import type { NetworkModel } from './model.js';
import { mvaReason, solveClosed } from './theory/closed-network.js';
import {
  productFormReason,
  solveOpenProductForm,
  solveSeparateStations,
  type ComponentLoads,
  type ComponentSolution,
} from './theory/open-network.js';
import type { ComponentTheory, NetworkTheory, StationLoad } from './theory/types.js';
import { reachableStations, visitRatios } from './visits.js';

/** Computes the exact results of every component of the network that has one. */
export function analyseNetwork(model: NetworkModel): NetworkTheory {
  const theory: NetworkTheory = {
    components: [],
    stations: model.stations.map(() => null),
    network: model.classes.map(() => null),
  };

  for (const component of findComponents(model)) {
    const solution = solveComponent(model, component.stations, component.classes);
    const solved: ComponentTheory = {
      ...component,
      model: solution.model,
      reasons: solution.reasons,
    };
    if (solution.populationCurve !== undefined) solved.populationCurve = solution.populationCurve;
    theory.components.push(solved);
    for (const [station, stationTheory] of solution.stations)
      theory.stations[station] = stationTheory;
    for (const [cls, figures] of solution.network) theory.network[cls] = figures;
  }
  return theory;
}

// Union-find over stations: all stations a class reaches share a component.
function findComponents(model: NetworkModel): Pick<ComponentTheory, 'stations' | 'classes'>[] {
  const parent = model.stations.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const reachable = model.classes.map((cls) => [...reachableStations(model, cls)]);
  for (const stations of reachable) {
    for (const station of stations.slice(1)) parent[root(station)] = root(stations[0]!);
  }

  const components = new Map<number, Pick<ComponentTheory, 'stations' | 'classes'>>();
  model.stations.forEach((_, station) => {
    const key = root(station);
    const component = components.get(key) ?? { stations: [], classes: [] };
    component.stations.push(station);
    components.set(key, component);
  });
  reachable.forEach((stations, cls) => {
    if (stations.length > 0) components.get(root(stations[0]!))!.classes.push(cls);
  });
  return [...components.values()];
}

function emptySolution(reason: string): ComponentSolution {
  return { model: null, stations: new Map(), network: new Map(), reasons: [reason] };
}

function solveComponent(
  model: NetworkModel,
  stations: number[],
  classes: number[],
): ComponentSolution {
  const names = stations.map((station) => `"${model.stations[station]!.name}"`).join(', ');
  if (classes.length === 0) return emptySolution(`no class reaches station ${names}`);

  const specs = classes.map((cls) => model.classes[cls]!);
  const open = specs.filter((cls) => cls.arrival.kind === 'open');
  if (open.length > 0 && open.length < specs.length) {
    return emptySolution(
      `stations ${names} serve both open and closed classes; no exact result covers mixed networks here`,
    );
  }

  const loads = componentLoads(model, classes);
  if (loads === undefined) return emptySolution(`some customers at ${names} can never leave`);
  const dispatchReason = dispatchPolicyReason(model, classes);
  if (dispatchReason !== undefined) return emptySolution(dispatchReason);

  if (open.length === 0) return solveClosedComponent(model, loads);
  for (const cls of open) {
    if (cls.arrival.kind === 'open' && !cls.arrival.poisson) {
      return emptySolution(
        `class "${cls.name}" has ${kendallLetter(cls.arrival.interarrival)} inter-arrival ` +
          'times; exact results here need Poisson arrivals',
      );
    }
  }

  const internalRouting = specs.some((cls) => cls.routing.some((row) => row.targets.length > 0));
  if (!internalRouting) return solveSeparateStations(model, loads);
  const reasons = [...loads.stationLoads].flatMap(([station, stationLoads]) => {
    const reason = productFormReason(model, station, stationLoads);
    return reason === undefined ? [] : [reason];
  });
  if (reasons.length > 0) return { ...emptySolution(''), reasons };
  return solveOpenProductForm(model, loads);
}

function solveClosedComponent(model: NetworkModel, loads: ComponentLoads): ComponentSolution {
  const reasons = [...loads.stationLoads].flatMap(([station, stationLoads]) => {
    const reason = mvaReason(model, station, stationLoads);
    return reason === undefined ? [] : [reason];
  });
  if (reasons.length > 0) return { ...emptySolution(''), reasons };

  const closed = [...loads.classRates.keys()].map((cls) => {
    const arrival = model.classes[cls]!.arrival;
    if (arrival.kind !== 'closed') throw new Error(`class ${cls} is not closed`);
    return {
      cls,
      population: arrival.population,
      think: arrival.think === undefined ? 0 : momentsOf(arrival.think).mean,
    };
  });
  return solveClosed(model, loads, closed);
}

// Only random dispatch splits a Poisson stream into Poisson streams and
// keeps the routing Markovian; the other policies depend on the state.
function dispatchPolicyReason(model: NetworkModel, classes: number[]): string | undefined {
  const used = new Set<number>();
  for (const cls of classes) {
    const spec = model.classes[cls]!;
    const targets = [spec.start, ...spec.routing.flatMap((row) => row.targets)];
    for (const target of targets)
      if (target >= model.stations.length) used.add(target - model.stations.length);
  }
  for (const group of used) {
    const spec = model.groups[group]!;
    if (spec.policy !== 'random') {
      return (
        `dispatch group "${spec.name}" uses ${spec.policy}, which does not split the ` +
        'arrivals into independent Poisson streams; only random dispatch has an exact result here'
      );
    }
  }
  return undefined;
}

function componentLoads(model: NetworkModel, classes: number[]): ComponentLoads | undefined {
  const loads: ComponentLoads = {
    classRates: new Map(),
    visits: new Map(),
    stationLoads: new Map(),
  };
  for (const cls of classes) {
    const spec = model.classes[cls]!;
    const visits = visitRatios(model, spec);
    if (visits === undefined) return undefined;
    const rate = spec.arrival.kind === 'open' ? 1 / momentsOf(spec.arrival.interarrival).mean : 1;
    loads.classRates.set(cls, rate);
    loads.visits.set(cls, visits);

    visits.forEach((visit, station) => {
      const service = spec.service[station];
      if (visit <= 0 || service === undefined) return;
      const moments = momentsOf(service);
      const load: StationLoad = {
        cls,
        rate: rate * visit,
        mean: moments.mean,
        scv: moments.scv,
        exponential: isExponential(service),
        letter: kendallLetter(service),
        priority: spec.priority,
        patienceMean: spec.patience === undefined ? undefined : momentsOf(spec.patience).mean,
        patienceExponential: spec.patience !== undefined && isExponential(spec.patience),
      };
      const list = loads.stationLoads.get(station) ?? [];
      list.push(load);
      loads.stationLoads.set(station, list);
    });
  }
  return loads;
}
