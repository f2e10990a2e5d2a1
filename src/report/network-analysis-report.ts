/**
 * Reports of `sim analyze`: the exact results of a network scenario, or
 * why none applies, without a simulation.
 */
import { NETWORK_FIGURES, STATION_FIGURES } from '../network/figures.js';
import type { NetworkModel } from '../network/model.js';
import type { ExactFigures, NetworkTheory, PopulationPoint } from '../network/theory/types.js';
import { formatFigure, NETWORK_LABELS, STATION_LABELS, stationTitle } from './network-report.js';
import { overridesLine } from './overrides-line.js';
import { formatTable } from './table.js';

// Loss and reneging rows appear only where they can happen.
function exactTable<K extends string>(
  labels: Partial<Record<K, string>>,
  figures: ExactFigures<K>,
): string {
  const rows = (Object.keys(labels) as K[])
    .filter((figure) => figures[figure] !== undefined)
    .filter(
      (figure) =>
        !(figure === 'lossProbability' || figure === 'renegeProbability') || figures[figure] !== 0,
    )
    .map((figure) => [labels[figure] ?? figure, formatFigure(figures[figure])]);
  return formatTable(['figure', 'exact'], rows, ['left', 'right']);
}

/** Formats the exact results of `sim analyze` as text. */
export function formatTheoryText(
  model: NetworkModel,
  theory: NetworkTheory,
  overrides: readonly string[],
): string {
  const header = [model.name, 'Exact steady-state results; no simulation was run.', ...overridesLine(overrides)];
  const sections = [header.join('\n')];
  for (const component of theory.components) {
    const stationNames = component.stations.map((i) => model.stations[i]!.name).join(', ');
    const classNames = component.classes.map((k) => model.classes[k]!.name).join(', ') || 'none';
    const lines = [`Stations ${stationNames}; classes ${classNames}`];
    lines.push(component.model === null ? 'Model: no exact result' : `Model: ${component.model}`);
    for (const reason of component.reasons) lines.push(`No exact result: ${reason}.`);
    sections.push(lines.join('\n'));

    for (const station of component.stations) {
      const exact = theory.stations[station];
      if (exact === null || exact === undefined) continue;
      const title = `${stationTitle(model.stations[station]!)} -- ${exact.model}`;
      sections.push(`${title}\n${exactTable(STATION_LABELS, exact.overall)}`);
    }
    for (const cls of component.classes) {
      const exact = theory.network[cls];
      if (exact === null || exact === undefined) continue;
      sections.push(
        `Network, class ${model.classes[cls]!.name}\n${exactTable(NETWORK_LABELS, exact)}`,
      );
    }
    if (component.populationCurve !== undefined)
      sections.push(populationTable(component.populationCurve));
  }
  return `${sections.join('\n\n')}\n`;
}

// At most about 25 rows: every population up to 25, then evenly spaced
// ones that end at the full population.
function populationTable(curve: readonly PopulationPoint[]): string {
  const step = Math.max(1, Math.ceil(curve.length / 25));
  const points = curve.filter(
    (point, i) => (i + 1) % step === 0 || i === 0 || i === curve.length - 1,
  );
  const rows = points.map((point) => [
    String(point.population),
    formatFigure(point.throughput),
    formatFigure(point.responseTime),
    formatFigure(point.bottleneckUtilisation),
  ]);
  const header = ['population', 'throughput (/s)', 'response (s)', 'bottleneck utilisation'];
  const table = formatTable(header, rows, ['right', 'right', 'right', 'right']);
  return `Exact MVA by population (throughput flattens once the bottleneck saturates)\n${table}`;
}

/** Formats the exact results of `sim analyze` as JSON with a fixed key order. */
export function formatTheoryJson(
  model: NetworkModel,
  theory: NetworkTheory,
  overrides: readonly string[],
): string {
  const record = {
    scenario: model.name,
    kind: 'network',
    overrides,
    components: theory.components.map((component) => ({
      stations: component.stations.map((i) => model.stations[i]!.name),
      classes: component.classes.map((k) => model.classes[k]!.name),
      model: component.model,
      noExactResult: component.reasons,
      populationCurve: component.populationCurve ?? null,
    })),
    stations: Object.fromEntries(
      model.stations.map((station, i) => {
        const exact = theory.stations[i];
        if (exact === null || exact === undefined) return [station.name, null];
        return [
          station.name,
          { model: exact.model, overall: inFigureOrder(STATION_FIGURES, exact.overall) },
        ];
      }),
    ),
    network: Object.fromEntries(
      model.classes.map((cls, k) => {
        const exact = theory.network[k];
        return [
          cls.name,
          exact === null || exact === undefined ? null : inFigureOrder(NETWORK_FIGURES, exact),
        ];
      }),
    ),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

// Exact figures are collected in the order the formulas give them; the
// report lists them in the order of the figure list.
function inFigureOrder<K extends string>(
  order: readonly K[],
  figures: ExactFigures<K>,
): ExactFigures<K> {
  const ordered: ExactFigures<K> = {};
  for (const figure of order) {
    if (figures[figure] !== undefined) ordered[figure] = figures[figure];
  }
  return ordered;
}
