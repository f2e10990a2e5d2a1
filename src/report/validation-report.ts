import type { Validation } from '../validation/compare.js';
import { formatTable } from './table.js';

const MEASURE_NAMES = {
  summary: 'summary %',
  attempts: 'attempts',
  functionPct: 'pass %',
  averageTime: 'avg ms',
  maxTime: 'max ms',
  events: 'events',
} as const;

function number(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Formats a validation as a table: per level and line, the simulated and
 * published values, their difference, the tolerance and the verdict,
 * followed by a one-line summary.
 */
export function formatValidationReport(validation: Validation): string {
  const rows = validation.rows.map((row) => [
    `${row.loadPct}%`,
    MEASURE_NAMES[row.measure],
    row.line,
    number(row.simulated),
    number(row.published),
    `${row.difference > 0 ? '+' : ''}${number(row.difference)}`,
    row.tolerance,
    row.verdict,
  ]);
  const table = formatTable(
    ['Level', 'Measure', 'Line', 'Simulated', 'Published', 'Difference', 'Tolerance', 'Result'],
    rows,
    ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
  const verdict = validation.failed === 0 ? 'PASS' : 'FAIL';
  const run = [
    `scenario ${validation.scenario}`,
    `seed ${validation.seed}`,
    `measurement ${number(validation.durationSeconds)} s per level`,
    ...validation.overrides.map((override) => `--set ${override}`),
  ];
  const summary =
    `${verdict}: ${validation.passed} lines pass, ${validation.failed} fail (${run.join(', ')})`;
  return `${table}\n\n${summary}\n`;
}
