/**
 * Writes a `sim run --format json` result in the layout of a published
 * result, so that a scenario can serve as its own reference in tests.
 *
 *   npx sim run test/fixtures/small-specmail.yaml --format json > run.json
 *   npx tsx test/support/write-reference.ts run.json > test/fixtures/small-specmail.published.yaml
 *
 * Rerun it whenever a change to the model or the workload changes the
 * small scenario's results on purpose.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';

interface RunLevel {
  loadPct: number;
  users: number;
  messageRatePerMin: number;
  summary: Record<string, number>;
  functions: Record<string, { attempts: number; passes: number; pct: number }>;
  events: Record<string, number>;
  timesMs: Record<string, { min: number; max: number; avg: number }>;
}

interface Run {
  scenario: string;
  seed: number;
  levels: RunLevel[];
}

const LIMITS_S: Record<string, number | null> = { 'Delivery Time': 60, 'Error Rate': null };

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: tsx test/support/write-reference.ts RUN.json\n');
  process.exit(2);
}
const run = JSON.parse(readFileSync(file, 'utf8')) as Run;
const full = run.levels.find((level) => level.loadPct === 100) ?? run.levels[0];
if (full === undefined) {
  process.stderr.write(`${file}: contains no levels; give the JSON of a sim run.\n`);
  process.exit(2);
}

const lines = Object.keys(full.summary);
const summary = Object.fromEntries(
  lines.map((line) => [
    line,
    {
      limit_s: line in LIMITS_S ? LIMITS_S[line] : 5,
      required: line === 'Error Rate' ? '<1%' : '>95%',
      pct: run.levels.map((level) => level.summary[line]),
    },
  ]),
);
const levels = Object.fromEntries(
  run.levels.map((level) => [
    String(level.loadPct),
    {
      functions: Object.fromEntries(
        Object.entries(level.functions).map(([name, f]) => [name, [f.attempts, f.passes, f.pct]]),
      ),
      events: level.events,
      times_ms: Object.fromEntries(
        Object.entries(level.timesMs).map(([name, t]) => [name, [t.min, t.max, t.avg]]),
      ),
    },
  ]),
);

const header =
  `# A result of the scenario "${run.scenario}" with seed ${run.seed}, in the\n` +
  '# layout of a published result, so that sim validate can be tested\n' +
  '# against a reference it must match line for line.\n';
process.stdout.write(
  header +
    stringify({
      rating_mpm: full.messageRatePerMin,
      users: full.users,
      summary_compliance_pct: summary,
      levels,
    }),
);
