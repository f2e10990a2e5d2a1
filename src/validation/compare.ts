import type { PublishedResult, Measure, ToleranceRule, Tolerances } from '../scenario/reference-schema.js';
import {
  EVENTS,
  FUNCTIONS,
  STEP_FUNCTIONS,
  SUMMARY_LINES,
  type EventName,
  type FunctionName,
  type StepFunction,
  type SummaryLine,
} from '../workload/specmail2001/functions.js';
import type { LevelResult, RunResult } from '../workload/specmail2001/results.js';

/** Outcome of one compared line. */
export type Verdict = 'PASS' | 'FAIL' | 'INFO';

/** One line of the validation table. */
export interface ValidationRow {
  loadPct: number;
  measure: Measure;
  line: string;
  simulated: number;
  published: number;
  /** simulated - published, in the measure's unit. */
  difference: number;
  /** The tolerance as text, such as "±0.5", "±25%" or "x1.5". */
  tolerance: string;
  verdict: Verdict;
}

/** The whole comparison of a run with a published result. */
export interface Validation {
  scenario: string;
  seed: number;
  /** The run's `--set` overrides, as given. */
  overrides: string[];
  /** Measurement phase per level, in seconds. */
  durationSeconds: number;
  rows: ValidationRow[];
  passed: number;
  failed: number;
}

interface Candidate {
  measure: Measure;
  line: string;
  simulated: number;
  published: number | undefined;
}

function candidates(level: LevelResult, published: PublishedResult, levelIndex: number): Candidate[] {
  const page = published.levels[String(level.loadPct)];
  const list: Candidate[] = [];

  for (const line of SUMMARY_LINES) {
    const pct = published.summary_compliance_pct[line]?.pct[levelIndex];
    list.push({
      measure: 'summary',
      line,
      simulated: level.summary[line as SummaryLine],
      published: pct ?? undefined,
    });
  }
  for (const name of FUNCTIONS) {
    const row = page?.functions[name];
    list.push({ measure: 'attempts', line: name, simulated: level.functions[name as FunctionName].attempts, published: row?.[0] });
    list.push({
      measure: 'functionPct',
      line: name,
      simulated: level.functions[name as FunctionName].pct,
      published: row?.[2] ?? undefined,
    });
  }
  for (const name of STEP_FUNCTIONS) {
    const times = page?.times_ms[name];
    const simulated = level.timesMs[name as StepFunction];
    list.push({ measure: 'averageTime', line: name, simulated: simulated.avg, published: times?.[2] });
    list.push({ measure: 'maxTime', line: name, simulated: simulated.max, published: times?.[1] });
  }
  for (const name of EVENTS) {
    list.push({ measure: 'events', line: name, simulated: level.events[name as EventName], published: page?.events[name] });
  }
  return list;
}

function matches(rule: ToleranceRule, loadPct: number, candidate: Candidate): boolean {
  return (
    rule.measure === candidate.measure &&
    (rule.levels === undefined || rule.levels.includes(loadPct)) &&
    (rule.lines === undefined || rule.lines.includes(candidate.line))
  );
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function judge(rule: ToleranceRule, simulated: number, published: number): { tolerance: string; verdict: Verdict } {
  if (rule.reportOnly) return { tolerance: '-', verdict: 'INFO' };

  const difference = Math.abs(simulated - published);
  if (rule.absolute !== undefined) {
    return { tolerance: `±${rule.absolute}`, verdict: difference <= rule.absolute + 1e-9 ? 'PASS' : 'FAIL' };
  }
  if (rule.relative !== undefined) {
    const allowed = rule.relative * Math.abs(published);
    const text = `±${round(rule.relative * 100)}%`;
    return { tolerance: text, verdict: difference <= allowed + 1e-9 ? 'PASS' : 'FAIL' };
  }

  const factor = rule.factor as number;
  const ratio = published === 0 || simulated === 0 ? Infinity : Math.max(simulated / published, published / simulated);
  return { tolerance: `x${factor}`, verdict: ratio <= factor ? 'PASS' : 'FAIL' };
}

/**
 * Compares every level of a run with a published result under the given
 * tolerance rules. The first rule that matches a line's measure, level and
 * name decides. Lines that no rule covers, or that the published result
 * lacks, are left out.
 */
export function validateRun(result: RunResult, published: PublishedResult, tolerances: Tolerances): Validation {
  const publishedLevels = Object.keys(published.levels).map(Number);
  const rows: ValidationRow[] = [];

  for (const level of result.levels) {
    const levelIndex = publishedLevels.indexOf(level.loadPct);
    for (const candidate of candidates(level, published, levelIndex)) {
      if (candidate.published === undefined) continue;
      const rule = tolerances.rules.find((r) => matches(r, level.loadPct, candidate));
      if (rule === undefined) continue;

      const { tolerance, verdict } = judge(rule, candidate.simulated, candidate.published);
      rows.push({
        loadPct: level.loadPct,
        measure: candidate.measure,
        line: candidate.line,
        simulated: candidate.simulated,
        published: candidate.published,
        difference: round(candidate.simulated - candidate.published),
        tolerance,
        verdict,
      });
    }
  }

  return {
    scenario: result.scenario,
    seed: result.seed,
    overrides: result.overrides,
    durationSeconds: result.durationSeconds,
    rows,
    passed: rows.filter((row) => row.verdict === 'PASS').length,
    failed: rows.filter((row) => row.verdict === 'FAIL').length,
  };
}
