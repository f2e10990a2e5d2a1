/**
 * HTML report of `sim run` on SPECmail2001 scenarios: one self-contained
 * page with the summary compliance table, charts and per-level tables.
 */
import {
  FUNCTIONS,
  STEP_FUNCTIONS,
  SUMMARY_LINES,
  type SummaryLine,
} from '../workload/specmail2001/functions.js';
import type { SpecmailWorkload } from '../workload/specmail2001/parameters.js';
import type { LevelResult, RunResult } from '../workload/specmail2001/results.js';
import { CHART_SCRIPT, readChartBundle } from './html-charts.js';
import { formatCount, formatDecimal } from './table.js';
import { limitText, requiredText } from './qos-text.js';
import { partialMarker } from './json-report.js';
import { partialReportNote } from './text-report.js';

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.75rem; }
th { text-align: right; background: #f3f3f3; }
th:first-child { text-align: left; }
.table-scroll { overflow-x: auto; }
@media (max-width: 40rem) { th, td { padding: 0.2rem 0.4rem; font-size: 0.85rem; } }
td { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child { text-align: left; }
td.pass { color: #1b5e20; }
td.fail { color: #b00020; font-weight: bold; }
td.na { color: #777; }
.partial { color: #b00020; font-weight: bold; }
.chart { position: relative; height: 24rem; margin-bottom: 1rem; }
.note { color: #555; font-size: 0.9rem; }
`;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// JSON.parse reads `\u003c` as `<`, and with no `<` left, no text in the
// record can close the script element or open an HTML comment in it.
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function headerRow(header: string[]): string {
  return `<tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>`;
}

function row(cells: string[]): string {
  return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function table(header: string[], rows: string[]): string {
  return (
    `<div class="table-scroll"><table>\n<thead>${headerRow(header)}</thead>\n` +
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`
  );
}

function summaryCell(level: LevelResult, line: SummaryLine): string {
  const value = level.summary[line];
  if (Number.isNaN(value)) return `<td data-level="${level.loadPct}" class="na">n/a</td>`;
  const verdict = level.summaryPass[line] ? 'PASS' : 'FAIL';
  const text = `${formatDecimal(value, 2)}% ${verdict}`;
  return `<td data-level="${level.loadPct}" class="${verdict.toLowerCase()}">${text}</td>`;
}

function summarySection(result: RunResult, workload: SpecmailWorkload): string {
  const header = ['Function', 'Limit', 'Required', ...result.levels.map((level) => `${level.loadPct}%`)];
  const rows = SUMMARY_LINES.map((line) => {
    const labels = [line, limitText(line, workload), requiredText(line, workload)];
    const values = result.levels.map((level) => summaryCell(level, line));
    const labelCells = labels.map((label) => `<td>${escapeHtml(label)}</td>`);
    return `<tr data-line="${escapeHtml(line)}">${labelCells.join('')}${values.join('')}</tr>`;
  });
  return [
    '<h2>Summary Results</h2>',
    '<p class="note">Share of attempts within the limit, with the verdict against the requirement; ' +
      'n/a means the level measured no attempt.</p>',
    table(header, rows),
  ].join('\n');
}

function chartSection(workload: SpecmailWorkload): string {
  const required = workload.qos.requiredPercent;
  return [
    '<h2>Summary compliance by level</h2>',
    `<p class="note">The dashed line marks the ${required}% requirement. ` +
      `Error Rate, which must stay below ${workload.qos.maxErrorPercent}%, is in the table only.</p>`,
    `<div class="chart"><canvas id="compliance-chart" data-required-percent="${required}"></canvas></div>`,
    '<h2>Average response time per step</h2>',
    '<p class="note">Steps without attempts have no bar.</p>',
    '<div class="chart"><canvas id="time-chart"></canvas></div>',
  ].join('\n');
}

function levelSection(level: LevelResult): string {
  const functionRows = FUNCTIONS.map((name) => {
    const f = level.functions[name];
    const pct = Number.isNaN(f.pct) ? 'n/a' : `${formatDecimal(f.pct, 2)}%`;
    return row([name, formatCount(f.attempts), formatCount(f.passes), pct]);
  });
  const timeRows = STEP_FUNCTIONS.map((name) => {
    const t = level.timesMs[name];
    return row([name, formatCount(t.min), formatCount(t.max), formatDecimal(t.avg, 2)]);
  });

  return [
    `<h3>Detailed Results -- ${level.loadPct}% Load</h3>`,
    `<p>Users ${formatCount(level.users)}, message rate ` +
      `${formatCount(level.messageRatePerMin)} per minute</p>`,
    table(['Function', 'Attempts', '# Pass', '% Pass'], functionRows),
    table(['Function', 'Minimum Time', 'Maximum Time', 'Average Time'], timeRows),
    '<p class="note">Times in ms.</p>',
  ].join('\n');
}

/**
 * Formats a run as one HTML page that needs no network to view: the
 * summary compliance table with PASS/FAIL per level, a compliance chart
 * against the requirement, average response time per step, and per level
 * the function and response-time tables. The page inlines Chart.js and
 * embeds the run as the JSON record of `--format json` in the
 * `<script type="application/json" id="sim-result">` element. A run that
 * lacks `missingLevels` because it was interrupted opens with a note, and
 * its record has the same `partial` marker as the JSON report.
 */
export function formatHtmlReport(
  result: RunResult,
  workload: SpecmailWorkload,
  missingLevels: readonly number[] = [],
): string {
  const title = `SPECmail2001 result (simulated): ${result.scenario}`;
  const levels = result.levels.map((level) => `${level.loadPct}%`).join(', ');
  const run =
    `Seed ${result.seed}, levels ${levels}, measurement ${formatCount(result.durationSeconds)} s ` +
    `per level, rating ${formatCount(workload.ratingMpm)} SPECmail2001 messages per minute`;
  const partial = missingLevels.length > 0;
  const header = [`<h1>${escapeHtml(title)}</h1>`, `<p>${escapeHtml(run)}</p>`];
  if (partial) header.unshift(`<p class="partial">${escapeHtml(partialReportNote(missingLevels))}</p>`);
  if (result.overrides.length > 0) {
    const overrides = result.overrides.map((set) => `--set ${set}`).join(' ');
    header.push(`<p>Overrides: <code>${escapeHtml(overrides)}</code></p>`);
  }

  const record = partial ? { partial: partialMarker(missingLevels), ...result } : result;
  const body = [
    ...header,
    summarySection(result, workload),
    chartSection(workload),
    '<h2>Detailed Results</h2>',
    ...result.levels.map(levelSection),
    `<script type="application/json" id="sim-result">${embedJson(record)}</script>`,
    `<script>${readChartBundle()}</script>`,
    `<script>${CHART_SCRIPT}</script>`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
