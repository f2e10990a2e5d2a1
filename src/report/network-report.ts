/**
 * Text and JSON reports of `sim run` on network scenarios: simulated
 * figures beside the exact ones, with the difference and a flag.
 */
import type {
  Comparison,
  Comparisons,
  NetworkComparison,
  StationComparison,
} from '../network/compare.js';
import { FLAG_HALF_WIDTHS } from '../network/compare.js';
import type { NetworkFigure, StationFigure } from '../network/figures.js';
import type { NetworkModel, StationSpec } from '../network/model.js';
import type { NetworkRunResult } from '../network/run-network.js';
import type { NetworkTheory } from '../network/theory/types.js';
import { formatTrace } from './trace.js';
import { formatCount, formatTable, type Align } from './table.js';
import { overridesLine } from './overrides-line.js';

/** Row labels of station figures, in report order. */
export const STATION_LABELS: Partial<Record<StationFigure, string>> = {
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

/** Row labels of network figures, in report order. */
export const NETWORK_LABELS: Partial<Record<NetworkFigure, string>> = {
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
  // Rounding error of a value that is exactly 0, such as an exact p50
  // waiting time of 2.5e-17 s, prints as 0.
  if (Math.abs(value) < 1e-12) return '0';
  if (Math.abs(value) >= 10_000) return formatCount(value);
  return Number(value.toPrecision(4)).toString();
}

/** Returns the title line of a station: name, discipline, servers and capacity. */
export function stationTitle(station: StationSpec): string {
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

function precisionText(result: NetworkRunResult): string {
  const source =
    result.precision === 'batches'
      ? `${result.samples} batch means of the one replication`
      : `${result.replications} independent replications`;
  return (
    `±95% is the half-width of the 95 % confidence interval from ${source}.\n` +
    `! marks a difference from the exact value above ${FLAG_HALF_WIDTHS} x ±95%, ` +
    "more than the run's precision explains."
  );
}

function runHeader(model: NetworkModel, result: NetworkRunResult, overrides: readonly string[]): string {
  const warmup =
    'seconds' in model.warmup
      ? `${formatFigure(model.warmup.seconds)} s`
      : `${formatCount(model.warmup.customers)} customers`;
  const replications = `${result.replications} replication${result.replications === 1 ? '' : 's'}`;
  const duration = formatFigure(model.duration);
  return [
    model.name,
    `Network scenario, seed ${result.seed}, ${replications} of ${duration} s measured ` +
      `after a warm-up of ${warmup}.`,
    ...overridesLine(overrides),
    precisionText(result),
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
        `Station ${spec.name} holds at most ${spec.capacity} customers; arrivals that find ` +
          `it full are lost: ${formatCount(lost)} of ${formatCount(arrivals)} arrivals ` +
          'per replication.',
      );
    }
    if (reneged > 0) {
      notes.push(
        `At station ${spec.name}, ${formatCount(reneged)} customers per replication ran out ` +
          'of patience and left the queue.',
      );
    }
  });
  return notes;
}

function stationSection(model: NetworkModel, station: StationComparison, index: number): string {
  const spec = model.stations[index]!;
  const reneges = model.classes.some(
    (cls, k) => cls.patience !== undefined && station.classes[k] !== null,
  );
  const showLoss = spec.capacity !== Infinity;
  const exact = station.model === null ? 'no exact result' : `exact: ${station.model}`;
  const overall = visibleFigures(STATION_LABELS, station.overall, showLoss, reneges);
  const table = comparisonTable(STATION_LABELS, station.overall, overall);
  const blocks = [`${stationTitle(spec)} -- ${exact}\n${table}`];

  // Per-class tables only add information when several classes visit.
  const visiting = station.classes.filter((cls) => cls !== null);
  if (visiting.length > 1) {
    station.classes.forEach((cls, k) => {
      if (cls === null) return;
      const figures = visibleFigures(STATION_LABELS, cls, showLoss, reneges);
      const classTable = comparisonTable(STATION_LABELS, cls, figures);
      blocks.push(`class ${model.classes[k]!.name}\n${classTable}`);
    });
  }
  return blocks.join('\n\n');
}

function networkSection(
  model: NetworkModel,
  comparisons: Comparisons<NetworkFigure>,
  index: number,
): string {
  const spec = model.classes[index]!;
  const kind =
    spec.arrival.kind === 'open' ? 'open' : `closed, population ${spec.arrival.population}`;
  const title = `Network, class ${spec.name} (${kind}): from entering to leaving the network`;
  const anyLoss = model.stations.some((station) => station.capacity !== Infinity);
  const figures = visibleFigures(NETWORK_LABELS, comparisons, anyLoss, spec.patience !== undefined);
  return `${title}\n${comparisonTable(NETWORK_LABELS, comparisons, figures)}`;
}

/**
 * Formats the result of `sim run` on a network scenario as text.
 * `overrides` are the run's `--set` values, as given.
 */
export function formatNetworkText(
  model: NetworkModel,
  result: NetworkRunResult,
  comparison: NetworkComparison,
  theory: NetworkTheory,
  overrides: readonly string[],
): string {
  const sections: string[] = [];
  if (result.trace.length > 0) {
    const title = `First ${result.trace.length} events of replication 1`;
    sections.push(`${title}\n${formatTrace(result.trace)}`);
  }
  sections.push(runHeader(model, result, overrides));
  comparison.stations.forEach((station, i) => sections.push(stationSection(model, station, i)));
  comparison.network.forEach((cls, k) => sections.push(networkSection(model, cls, k)));

  const notes = [...lossNotes(model, result), ...reasonNotes(theory)];
  notes.push(
    comparison.flagged === 0
      ? "No figure differs from its exact value by more than the run's precision explains."
      : `${comparison.flagged} figure(s) marked ! differ from the exact value by more ` +
          "than the run's precision explains.",
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
  overrides: readonly string[],
): string {
  const record = {
    scenario: model.name,
    kind: 'network',
    seed: result.seed,
    overrides,
    replications: result.replications,
    durationSeconds: model.duration,
    warmup: model.warmup,
    precision: {
      source: result.precision,
      samples: result.samples,
      flagHalfWidths: FLAG_HALF_WIDTHS,
    },
    stations: Object.fromEntries(
      comparison.stations.map((station, i) => {
        const spec = model.stations[i]!;
        const classes = Object.fromEntries(
          station.classes.flatMap((cls, k) =>
            cls === null ? [] : [[model.classes[k]!.name, figuresToJson(cls)]],
          ),
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
    network: Object.fromEntries(
      comparison.network.map((cls, k) => [model.classes[k]!.name, figuresToJson(cls)]),
    ),
    flagged: comparison.flagged,
    noExactResult: theory.components.flatMap((component) => component.reasons),
    trace: result.trace,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}
