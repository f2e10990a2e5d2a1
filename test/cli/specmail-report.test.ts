import { beforeAll, describe, expect, it } from 'vitest';
import { formatSpecmailReport } from '../../src/cli/specmail-report.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { RunResult } from '../../src/workload/specmail2001/results.js';
import { runSpecmail } from '../../src/workload/specmail2001/run.js';

const NOTE =
  'PARTIAL REPORT: the run was interrupted, and this report lacks the unfinished levels 100 %, 120 %.';

describe('formatSpecmailReport partial marker', () => {
  const { model } = loadScenario('test/fixtures/small-specmail.yaml');
  let result: RunResult;

  beforeAll(async () => {
    result = await runSpecmail(model, { scenario: 'small', seed: 1, levels: [80], durationSeconds: 30 });
  });

  it('puts the note first in text', () => {
    const report = formatSpecmailReport('text', result, model.workload, [100, 120]);

    expect(report.split('\n').slice(0, 2)).toEqual([NOTE, 'SPECmail2001 result (simulated): small']);
  });

  it('puts partial first in JSON', () => {
    const report = JSON.parse(formatSpecmailReport('json', result, model.workload, [100, 120]));

    expect(Object.keys(report)[0]).toBe('partial');
    expect(report.partial).toEqual({ reason: 'interrupted', missingLevels: [100, 120] });
    expect(report.levels.map((level: { loadPct: number }) => level.loadPct)).toEqual([80]);
  });

  it('shows the note at the top of HTML', () => {
    const page = formatSpecmailReport('html', result, model.workload, [100, 120]);

    expect(page).toContain(`<body>\n<p class="partial">${NOTE}</p>\n`);
    expect(page).toContain('id="sim-result">{"partial":{"reason":"interrupted","missingLevels":[100,120]},');
  });

  it('leaves a complete report unmarked', () => {
    for (const format of ['text', 'json', 'html'] as const) {
      expect(formatSpecmailReport(format, result, model.workload, [])).not.toContain('PARTIAL');
      expect(formatSpecmailReport(format, result, model.workload, [])).not.toContain('"partial"');
    }
  });
});
