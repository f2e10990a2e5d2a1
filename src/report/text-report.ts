import {
  EVENTS,
  FUNCTIONS,
  STEP_FUNCTIONS,
  SUMMARY_LINES,
  type SummaryLine,
} from '../workload/specmail2001/functions.js';
import type { SpecmailWorkload } from '../workload/specmail2001/parameters.js';
import type { LevelResult, RunResult } from '../workload/specmail2001/results.js';
import { formatCount, formatDecimal, formatTable, type Align } from './table.js';
import { overridesLine } from './overrides-line.js';
import { limitText, requiredText } from './qos-text.js';

function summarySection(result: RunResult, workload: SpecmailWorkload): string {
  const header = ['Function', 'Limit', 'Required', ...result.levels.map((l) => `${l.loadPct}%`)];
  const rows = SUMMARY_LINES.map((line) => [
    line,
    limitText(line, workload),
    requiredText(line, workload),
    ...result.levels.map((level) => {
      const value = level.summary[line];
      if (Number.isNaN(value)) return 'n/a ';
      const mark = level.summaryPass[line] ? ' ' : '*';
      return `${formatDecimal(value, 2)}%${mark}`;
    }),
  ]);
  const align = header.map((_, i): Align => (i === 0 ? 'left' : 'right'));
  return [
    'Summary Results (* marks a line that fails its requirement)',
    formatTable(header, rows, align),
  ].join('\n');
}

function levelSection(level: LevelResult): string {
  const functionRows = FUNCTIONS.map((name) => {
    const f = level.functions[name];
    const pct = Number.isNaN(f.pct) ? 'n/a' : `${formatDecimal(f.pct, 2)}%`;
    return [name, formatCount(f.attempts), formatCount(f.passes), pct];
  });
  const eventRows = EVENTS.map((name) => [name, formatCount(level.events[name])]);
  const timeRows = STEP_FUNCTIONS.map((name) => {
    const t = level.timesMs[name];
    return [name, formatCount(t.min), formatCount(t.max), formatDecimal(t.avg, 2)];
  });
  const sizeRows = Object.entries(level.sizesKb).map(([name, s]) => [
    name,
    formatCount(s.min),
    formatCount(s.max),
    formatDecimal(s.avg, 2),
  ]);
  const resourceRows = Object.entries(level.resources).map(([name, r]) => [
    name,
    `${formatDecimal(100 * r.utilisation, 1)}%`,
    formatDecimal(r.meanBusy, 2),
    formatCount(r.maxBusy),
    formatDecimal(r.meanQueue, 2),
    formatCount(r.maxQueue),
    formatDecimal(r.meanWaitMs, 1),
  ]);

  return [
    `Detailed Results -- ${level.loadPct}% Load`,
    `Users ${formatCount(level.users)}, message rate ${formatCount(level.messageRatePerMin)} per minute`,
    '',
    formatTable(['Function', 'Attempts', '# Pass', '% Pass'], functionRows, ['left', 'right', 'right', 'right']),
    '',
    formatTable(['Event', 'Count'], eventRows, ['left', 'right']),
    '',
    formatTable(
      ['Function', 'Minimum Time', 'Maximum Time', 'Average Time'],
      timeRows,
      ['left', 'right', 'right', 'right'],
    ),
    '(times in ms)',
    '',
    formatTable(
      ['Function', 'Minimum Size', 'Maximum Size', 'Average Size'],
      sizeRows,
      ['left', 'right', 'right', 'right'],
    ),
    '',
    'Resources during measurement',
    formatTable(
      ['Resource', 'Utilisation', 'Mean busy', 'Max busy', 'Mean queue', 'Max queue', 'Mean wait ms'],
      resourceRows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `Sessions still open at the end of ramp-down: ${formatCount(level.sessionsInProgressAtEnd)}; ` +
      `events fired: ${formatCount(level.eventsFired)}`,
  ].join('\n');
}

/**
 * Returns the line that marks a report as partial: the run was
 * interrupted, and the report lacks `missingLevels` (in percent).
 */
export function partialReportNote(missingLevels: readonly number[]): string {
  const noun = missingLevels.length === 1 ? 'level' : 'levels';
  const list = missingLevels.map((level) => `${level} %`).join(', ');
  return (
    `PARTIAL REPORT: the run was interrupted, and this report lacks ` +
    `the unfinished ${noun} ${list}.`
  );
}

/**
 * Formats a run as a SPECmail2001 result page: the summary compliance
 * table across levels, then per level the function table, event counts,
 * response times, message sizes and resource usage. When `missingLevels`
 * is not empty, the first line marks the report as partial.
 */
export function formatTextReport(
  result: RunResult,
  workload: SpecmailWorkload,
  missingLevels: readonly number[] = [],
): string {
  const title = `SPECmail2001 result (simulated): ${result.scenario}`;
  const run =
    `Seed ${result.seed}, measurement ${formatCount(result.durationSeconds)} s per level, ` +
    `rating ${formatCount(workload.ratingMpm)} SPECmail2001 messages per minute`;
  const sections = [title, run];
  if (missingLevels.length > 0) sections.unshift(partialReportNote(missingLevels));
  sections.push(...overridesLine(result.overrides));
  sections.push('', summarySection(result, workload));
  for (const level of result.levels) sections.push('', levelSection(level));
  return `${sections.join('\n')}\n`;
}
