/**
 * Text and JSON reports of network scenarios: simulated figures beside the
 * exact ones (`sim run`), or the exact ones alone (`sim analyze`).
 */
import type { Comparison, Comparisons, NetworkComparison } from '../network/compare.js';
import { FLAG_HALF_WIDTHS } from '../network/compare.js';
import { NETWORK_FIGURES, STATION_FIGURES, type NetworkFigure, type StationFigure } from '../network/figures.js';
import type { NetworkModel, StationSpec } from '../network/model.js';
import type { NetworkRunResult } from '../network/run-network.js';
import type { ExactFigures, NetworkTheory, PopulationPoint } from '../network/theory/types.js';
import { formatTrace } from '../network/trace.js';
import { formatCount, formatTable, type Align } from './table.js';

const STATION_LABELS: Partial<Record<StationFigure, string>> = {
  utilisation: 'utilisation',
  throughput: 'throughput (/s)',
  meanWait: 'mean wait (s)',
  waitP50: 'wait p50 (s)',
  waitP90: 'wait p90 (s)',
  waitP95: 'wait p95 (s)',
  waitP99: 'wait p99 (s)',
  meanResponse: 'mean response (s)',
  responseP50: 'response p50 (s)',
  responseP90: 'response p90 (s)',
  responseP95: 'response p95 (s)',
  responseP99: 'response p99 (s)',
  meanInQueue: 'mean number waiting',
  meanInSystem: 'mean number present',
  lossProbability: 'loss probability',
  renegeProbability: 'renege probability',
};

const NETWORK_LABELS: Partial<Record<NetworkFigure, string>> = {
  throughput: 'throughput (/s)',
  meanResponse: 'mean response (s)',
  responseP50: 'response p50 (s)',
  responseP90: 'response p90 (s)',
  responseP95: 'response p95 (s)',
  responseP99: 'response p99 (s)',
  lossProbability: 'loss probability',
  renegeProbability: 'renege probability',
};

/** Formats a figure with 4 significant digits, or a dash when it is unknown. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  if (value === 0) return '0';
  if (Math.abs(value) >= 10_000) return formatCount(value);
  return Number(value.toPrecision(4)).toString();
}

function stationTitle(station: StationSpec): string {
  const parts: string[] = [station.type];
  if (station.type !== 'delay') {
    const noun = station.type === 'ps' ? 'core' : 'server';
    parts.push(`${station.servers} ${noun}${station.servers === 1 ? '' : 's'}`);
  }
  if (station.capacity !== Infinity) parts.push(`capacity ${station.capacity}`);
  return `Station ${station.name} (${parts.join(', ')})`;
}

// Loss and reneging rows appear only where they can happen.
function visibleFigures<K extends string>(
  labels: Partial<Record<K, string>>,
  comparisons: Comparisons<K>,
  showLoss: boolean,
  showRenege: boolean,
): K[] {
  return (Object.keys(labels) as K[]).filter((figure) => {
    if (figure === 'lossProbability') return showLoss;
    if (figure === 'renegeProbability') return showRenege;
    const comparison = comparisons[figure];
    return comparison.simulated !== null || comparison.exact !== null;
  });
}

function comparisonTable<K extends string>(
  labels: Partial<Record<K, string>>,
  comparisons: Comparisons<K>,
  figures: K[],
): string {
  const header = ['figure', 'simulated', '±95%', 'exact', 'difference'];
  const rows = figures.map((figure) => {
    const c: Comparison = comparisons[figure];
    const difference = formatFigure(c.difference);
    return [
      labels[figure] ?? figure,
      formatFigure(c.simulated),
      formatFigure(c.halfWidth),
      formatFigure(c.exact),
      // The mark sits right of the aligned digits.
      c.flagged ? `${difference} !` : `${difference}  `,
    ];
  });
  const align: Align[] = ['left', 'right', 'right', 'right', 'right'];
  return formatTable(header, rows, align);
}

function precisionText(model: NetworkModel, result: NetworkRunResult): string {
  const source =
    result.precision === 'batches'
      ? `${result.samples} batch means of the one replication`
      : `${result.replications} independent replications`;
  return (
    `±95% is the half-width of the 95 % confidence interval from ${source}.\n` +
    `! marks a difference from the exact value above ${FLAG_HALF_WIDTHS} x ±95%, more than the run's precision explains.`
  );
}

function runHeader(model: NetworkModel, result: NetworkRunResult): string {
  const warmup =
    'seconds' in model.warmup
      ? `${formatFigure(model.warmup.seconds)} s`
      : `${formatCount(model.warmup.customers)} customers`;
  const replications = `${result.replications} replication${result.replications === 1 ? '' : 's'}`;
  return [
    model.name,
    `Network scenario, seed ${result.seed}, ${replications} of ${formatFigure(model.duration)} s measured after a warm-up of ${warmup}.`,
    precisionText(model, result),
  ].join('\n');
}

function lossNotes(model: NetworkModel, result: NetworkRunResult): string[] {
  const notes: string[] = [];
  result.stations.forEach((station, i) => {
    const spec = model.stations[i]!;
    const arrivals = station.overall.arrivals.value;
    const lost = station.overall.lost.value;
    const reneged = station.overall.reneged.value;
    if (spec.capacity !== Infinity) {
      notes.push(
        `Station ${spec.name} holds at most ${spec.capacity} customers; arrivals that find it full are lost: ` +
          `${formatCount(lost)} of ${formatCount(arrivals)} arrivals per replication.`,
      );
    }
    if (reneged > 0) {
      notes.push(
        `At station ${spec.name}, ${formatCount(reneged)} customers per replication ran out of patience and left the queue.`,
      );
    }
  });
  return notes;
}

/** Formats the result of `sim run` on a network scenario as text. */
export function formatNetworkText(
  model: NetworkModel,
  result: NetworkRunResult,
  comparison: NetworkComparison,
  theory: NetworkTheory,
): string {
  const sections: string[] = [];
  if (result.trace.length > 0) {
    sections.push(`First ${result.trace.length} events of replication 1\n${formatTrace(result.trace)}`);
  }
  sections.push(runHeader(model, result));

  comparison.stations.forEach((station, i) => {
    const spec = model.stations[i]!;
    const reneges = model.classes.some((cls, k) => cls.patience !== undefined && station.classes[k] !== null);
    const showLoss = spec.capacity !== Infinity;
    const exact = station.model === null ? 'no exact result' : `exact: ${station.model}`;
    const overall = visibleFigures(STATION_LABELS, station.overall, showLoss, reneges);
    const blocks = [`${stationTitle(spec)} -- ${exact}\n${comparisonTable(STATION_LABELS, station.overall, overall)}`];

    const visiting = station.classes.filter((cls) => cls !== null);
    if (visiting.length > 1) {
      station.classes.forEach((cls, k) => {
        if (cls === null) return;
        const figures = visibleFigures(STATION_LABELS, cls, showLoss, reneges);
        blocks.push(`class ${model.classes[k]!.name}\n${comparisonTable(STATION_LABELS, cls, figures)}`);
      });
    }
    sections.push(blocks.join('\n\n'));
  });

  comparison.network.forEach((cls, k) => {
    const spec = model.classes[k]!;
    const kind = spec.arrival.kind === 'open' ? 'open' : `closed, population ${spec.arrival.population}`;
    const title = `Network, class ${spec.name} (${kind}): from entering to leaving the network`;
    const anyLoss = model.stations.some((station) => station.capacity !== Infinity);
    const figures = visibleFigures(NETWORK_LABELS, cls, anyLoss, spec.patience !== undefined);
    sections.push(`${title}\n${comparisonTable(NETWORK_LABELS, cls, figures)}`);
  });

  const notes = [...lossNotes(model, result), ...reasonNotes(theory)];
  notes.push(
    comparison.flagged === 0
      ? 'No figure differs from its exact value by more than the run\'s precision explains.'
      : `${comparison.flagged} figure(s) marked ! differ from the exact value by more than the run's precision explains.`,
  );
  sections.push(notes.join('\n'));
  return `${sections.join('\n\n')}\n`;
}

function reasonNotes(theory: NetworkTheory): string[] {
  return theory.components.flatMap((component) =>
    component.reasons.map((reason) => `No exact result: ${reason}.`),
  );
}

function figuresToJson<K extends string>(comparisons: Comparisons<K>): Record<string, Comparison> {
  const json: Record<string, Comparison> = {};
  for (const [figure, comparison] of Object.entries(comparisons) as [K, Comparison][]) {
    json[figure] = comparison;
  }
  return json;
}

/**
 * Formats the result of `sim run` on a network scenario as JSON. Keys come
 * in a fixed order and unknown values are null, so one seed gives
 * byte-identical output.
 */
export function formatNetworkJson(
  model: NetworkModel,
  result: NetworkRunResult,
  comparison: NetworkComparison,
  theory: NetworkTheory,
): string {
  const record = {
    scenario: model.name,
    kind: 'network',
    seed: result.seed,
    replications: result.replications,
    durationSeconds: model.duration,
    warmup: model.warmup,
    precision: { source: result.precision, samples: result.samples, flagHalfWidths: FLAG_HALF_WIDTHS },
    stations: Object.fromEntries(
      comparison.stations.map((station, i) => {
        const spec = model.stations[i]!;
        const classes = Object.fromEntries(
          station.classes.flatMap((cls, k) => (cls === null ? [] : [[model.classes[k]!.name, figuresToJson(cls)]])),
        );
        return [
          station.name,
          {
            type: spec.type,
            servers: Number.isFinite(spec.servers) ? spec.servers : null,
            capacity: Number.isFinite(spec.capacity) ? spec.capacity : null,
            exactModel: station.model,
            overall: figuresToJson(station.overall),
            classes,
          },
        ];
      }),
    ),
    network: Object.fromEntries(comparison.network.map((cls, k) => [model.classes[k]!.name, figuresToJson(cls)])),
    flagged: comparison.flagged,
    noExactResult: theory.components.flatMap((component) => component.reasons),
    trace: result.trace,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

// Loss and reneging rows appear only where they can happen.
function exactTable<K extends string>(labels: Partial<Record<K, string>>, figures: ExactFigures<K>): string {
  const rows = (Object.keys(labels) as K[])
    .filter((figure) => figures[figure] !== undefined)
    .filter((figure) => !(figure === 'lossProbability' || figure === 'renegeProbability') || figures[figure] !== 0)
    .map((figure) => [labels[figure] ?? figure, formatFigure(figures[figure])]);
  return formatTable(['figure', 'exact'], rows, ['left', 'right']);
}

/** Formats the exact results of `sim analyze` as text. */
export function formatTheoryText(model: NetworkModel, theory: NetworkTheory): string {
  const sections = [`${model.name}\nExact steady-state results; no simulation was run.`];
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
      sections.push(`Network, class ${model.classes[cls]!.name}\n${exactTable(NETWORK_LABELS, exact)}`);
    }
    if (component.populationCurve !== undefined) sections.push(populationTable(component.populationCurve));
  }
  return `${sections.join('\n\n')}\n`;
}

// At most about 25 rows: every population up to 25, then evenly spaced
// ones that end at the full population.
function populationTable(curve: readonly PopulationPoint[]): string {
  const step = Math.max(1, Math.ceil(curve.length / 25));
  const points = curve.filter((point, i) => (i + 1) % step === 0 || i === 0 || i === curve.length - 1);
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
export function formatTheoryJson(model: NetworkModel, theory: NetworkTheory): string {
  const record = {
    scenario: model.name,
    kind: 'network',
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
        return [station.name, { model: exact.model, overall: inFigureOrder(STATION_FIGURES, exact.overall) }];
      }),
    ),
    network: Object.fromEntries(
      model.classes.map((cls, k) => {
        const exact = theory.network[k];
        return [cls.name, exact === null || exact === undefined ? null : inFigureOrder(NETWORK_FIGURES, exact)];
      }),
    ),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

// Exact figures are collected in the order the formulas give them; the
// report lists them in the order of the figure list.
function inFigureOrder<K extends string>(order: readonly K[], figures: ExactFigures<K>): ExactFigures<K> {
  const ordered: ExactFigures<K> = {};
  for (const figure of order) {
    if (figures[figure] !== undefined) ordered[figure] = figures[figure];
  }
  return ordered;
}
