import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_SCRIPT, inlineScript } from '../../src/report/html-charts.js';
import { formatHtmlReport } from '../../src/report/html-report.js';
import { formatJsonReport } from '../../src/report/json-report.js';
import {
  EVENTS,
  FUNCTIONS,
  STEP_FUNCTIONS,
  SUMMARY_LINES,
  type SummaryLine,
} from '../../src/workload/specmail2001/functions.js';
import { SPECMAIL2001_DEFAULTS } from '../../src/workload/specmail2001/parameters.js';
import type { LevelResult, RunResult } from '../../src/workload/specmail2001/results.js';
import { embeddedJsonText, summaryCell, tableRow } from './html-page.js';

// Summary values chosen on both sides of the requirements: more than 95 %
// of attempts within the limit, and an error rate below 1 %. Exactly 95 %
// fails, because the requirement is strict. NaN is a level without attempts.
const PASSING: Record<SummaryLine, number> = {
  'SMTP Connect': 99.5,
  'SMTP Data': 100,
  'POP Connect': 95.01,
  'POP Status': 99.9,
  'POP Retrieve': 98,
  'POP Delete': 97.25,
  'Delivery Time': 96,
  'Error Rate': 0.5,
};
const FAILING: Record<SummaryLine, number> = {
  'SMTP Connect': 94.99,
  'SMTP Data': 95,
  'POP Connect': 99,
  'POP Status': 21.5,
  'POP Retrieve': 21.47,
  'POP Delete': 21.62,
  'Delivery Time': NaN,
  'Error Rate': 1.2,
};

function meetsRequirement(line: SummaryLine, value: number): boolean {
  return line === 'Error Rate' ? value < 1 : value > 95;
}

function level(loadPct: number, summary: Record<SummaryLine, number>): LevelResult {
  const summaryPass = Object.fromEntries(
    SUMMARY_LINES.map((line) => [line, meetsRequirement(line, summary[line])]),
  ) as Record<SummaryLine, boolean>;
  const functions = Object.fromEntries(
    FUNCTIONS.map((name, i) => [name, { attempts: 1000 + i, passes: 990 + i, pct: 99.0 + i / 100 }]),
  ) as LevelResult['functions'];
  functions['Delivery Time'] = { attempts: 0, passes: 0, pct: NaN };
  const timesMs = Object.fromEntries(
    STEP_FUNCTIONS.map((name, i) => [name, { min: i, max: 2000 + i, avg: 10.5 * (i + 1) }]),
  ) as LevelResult['timesMs'];
  timesMs['POP Quit'] = { min: 0, max: 0, avg: 0 };

  return {
    loadPct,
    users: 5000 * loadPct,
    messageRatePerMin: 25 * loadPct,
    summary,
    summaryPass,
    functions,
    events: Object.fromEntries(EVENTS.map((name) => [name, 0])) as LevelResult['events'],
    timesMs,
    sizesKb: {
      'SMTP Data (KB up)': { min: 1, max: 2, avg: 1.5 },
      'POP Retrieve (KB down)': { min: 1, max: 2, avg: 1.5 },
    },
    resources: {},
    sessionsInProgressAtEnd: 0,
    eventsFired: 1,
  };
}

function run(scenario = 'Two-level test run'): RunResult {
  return {
    scenario,
    seed: 42,
    overrides: ['software.pop.threads=200'],
    durationSeconds: 3600,
    levels: [level(80, PASSING), level(120, FAILING)],
  };
}

function chartBundle(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  const bundle = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  return bundle.replace(/^\/\/# sourceMappingURL=.*$/m, '').trim();
}

describe('HTML report summary table', () => {
  const page = formatHtmlReport(run(), SPECMAIL2001_DEFAULTS);

  it('passes lines above 95 %', () => {
    expect(summaryCell(page, 'SMTP Connect', 80)).toEqual({ verdict: 'pass', text: '99.50% PASS' });
    expect(summaryCell(page, 'POP Connect', 80)).toEqual({ verdict: 'pass', text: '95.01% PASS' });
    expect(summaryCell(page, 'POP Connect', 120)).toEqual({ verdict: 'pass', text: '99.00% PASS' });
  });

  it('fails lines at or below 95 %', () => {
    expect(summaryCell(page, 'SMTP Connect', 120)).toEqual({ verdict: 'fail', text: '94.99% FAIL' });
    expect(summaryCell(page, 'SMTP Data', 120)).toEqual({ verdict: 'fail', text: '95.00% FAIL' });
    expect(summaryCell(page, 'POP Status', 120)).toEqual({ verdict: 'fail', text: '21.50% FAIL' });
  });

  it('judges Error Rate against 1 %', () => {
    expect(summaryCell(page, 'Error Rate', 80)).toEqual({ verdict: 'pass', text: '0.50% PASS' });
    expect(summaryCell(page, 'Error Rate', 120)).toEqual({ verdict: 'fail', text: '1.20% FAIL' });
  });

  it('shows n/a without a verdict', () => {
    expect(summaryCell(page, 'Delivery Time', 80)).toEqual({ verdict: 'pass', text: '96.00% PASS' });
    expect(summaryCell(page, 'Delivery Time', 120)).toEqual({ verdict: 'na', text: 'n/a' });
  });

  it('states the scenario\'s requirements', () => {
    const qos = { ...SPECMAIL2001_DEFAULTS.qos, requiredPercent: 90, maxErrorPercent: 2, stepLimit: 4 };
    const strict = formatHtmlReport(run(), { ...SPECMAIL2001_DEFAULTS, qos });
    expect(strict).toContain('<tr data-line="SMTP Data"><td>SMTP Data</td><td>4 s</td><td>&gt;90%</td>');
    expect(strict).toContain('<tr data-line="Error Rate"><td>Error Rate</td><td>NA</td><td>&lt;2%</td>');
    expect(strict).toContain('<canvas id="compliance-chart" data-required-percent="90">');
  });

  it('lists limits and requirements', () => {
    expect(page).toContain('<tr data-line="SMTP Data"><td>SMTP Data</td><td>5 s</td><td>&gt;95%</td>');
    expect(page).toContain('<tr data-line="Delivery Time"><td>Delivery Time</td><td>60 s</td><td>&gt;95%</td>');
    expect(page).toContain('<tr data-line="Error Rate"><td>Error Rate</td><td>NA</td><td>&lt;1%</td>');
  });
});

describe('HTML report header and level tables', () => {
  const page = formatHtmlReport(run(), SPECMAIL2001_DEFAULTS);

  it('names the scenario, seed and levels', () => {
    expect(page).toContain('<h1>SPECmail2001 result (simulated): Two-level test run</h1>');
    expect(page).toContain('Seed 42, levels 80%, 120%, measurement 3,600 s per level');
    expect(page).toContain('<code>--set software.pop.threads=200</code>');
  });

  it('lists attempts, passes and pct', () => {
    expect(tableRow(page, ['120% Load', '# Pass'], 'SMTP Hello')).toEqual(['1,001', '991', '99.01%']);
    expect(tableRow(page, ['120% Load', '# Pass'], 'Delivery Time')).toEqual(['0', '0', 'n/a']);
  });

  it('lists min, max and avg times', () => {
    expect(tableRow(page, ['80% Load', 'Minimum Time'], 'SMTP Data')).toEqual(['4', '2,004', '52.50']);
  });
});

describe('HTML report embedded record', () => {
  it('parses back to the JSON report', () => {
    const result = run();
    const page = formatHtmlReport(result, SPECMAIL2001_DEFAULTS);
    expect(JSON.parse(embeddedJsonText(page))).toEqual(JSON.parse(formatJsonReport(result)));
  });

  it('keeps a </script> in the name inside', () => {
    const name = 'Mail </script><script>alert(1)</script> <!-- <SCRIPT> end';
    const page = formatHtmlReport(run(name), SPECMAIL2001_DEFAULTS);
    expect(JSON.parse(embeddedJsonText(page)).scenario).toBe(name);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('Mail &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &lt;SCRIPT&gt; end');
  });
});

describe('HTML report scripts', () => {
  const page = formatHtmlReport(run(), SPECMAIL2001_DEFAULTS);

  it('inlines the Chart.js bundle', () => {
    expect(page).toContain(chartBundle());
    expect(page).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(page).not.toContain('sourceMappingURL');
  });

  it('escapes </script in inlined code', () => {
    const source =
      'return ["</script>", `</SCRIPT>`, /^[</script]+$/.test("</script")]; // </script>\n' +
      '//# sourceMappingURL=chart.umd.min.js.map';
    const inlined = inlineScript(source);
    expect(inlined).not.toMatch(/<\/script/i);
    expect(inlined).not.toContain('sourceMappingURL');
    expect(new Function(inlined)()).toEqual(['</script>', '</SCRIPT>', true]);
  });

  it('has no link to another file', () => {
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/\shref=/i);
  });
});

/** Chart configurations the page script passes to Chart.js, with a stand-in DOM. */
function drawCharts(result: RunResult): { canvas: unknown; config: any }[] {
  const page = formatHtmlReport(result, SPECMAIL2001_DEFAULTS);
  const required = /<canvas id="compliance-chart" data-required-percent="([^"]*)">/.exec(page);
  const elements: Record<string, unknown> = {
    'sim-result': { textContent: embeddedJsonText(page) },
    'compliance-chart': { dataset: { requiredPercent: required?.[1] } },
    'time-chart': {},
  };
  const document = { getElementById: (id: string) => elements[id] };
  const charts: { canvas: unknown; config: any }[] = [];
  function Chart(canvas: unknown, config: unknown): void {
    charts.push({ canvas, config });
  }
  new Function('document', 'Chart', CHART_SCRIPT)(document, Chart);
  return charts;
}

describe('HTML report chart script', () => {
  const charts = drawCharts(run());
  const [compliance, times] = charts;

  it('draws two charts', () => {
    expect(charts).toHaveLength(2);
  });

  it('groups compliance bars by level', () => {
    const data = compliance?.config.data;
    expect(data.labels).toEqual(['80%', '120%']);
    expect(data.datasets.map((set: { label: string }) => set.label)).toEqual(
      SUMMARY_LINES.filter((line) => line !== 'Error Rate'),
    );
    expect(data.datasets[0].data).toEqual([99.5, 94.99]);
    expect(data.datasets[6].data).toEqual([96, null]);
  });

  it('keeps the full axis for a collapse', () => {
    // The lowest bar is POP Retrieve at 21.47 % in the 120 % level.
    expect(compliance?.config.options.scales.y.min).toBe(0);
    expect(compliance?.config.options.scales.y.max).toBe(100);
  });

  it('zooms the axis when every line passes', () => {
    // The lowest bar is POP Connect at 95.01 %, just above the 95 % line.
    const passing = { ...run(), levels: [level(80, PASSING)] };
    const [zoomed] = drawCharts(passing);
    expect(zoomed?.config.options.scales.y.min).toBe(90);
  });

  it('draws the 95 % line across the plot', () => {
    const calls: string[] = [];
    const context = {
      save: () => {},
      restore: () => {},
      setLineDash: () => {},
      beginPath: () => {},
      stroke: () => {},
      fillRect: () => {},
      fillText: (text: string) => calls.push(`text ${text}`),
      measureText: () => ({ width: 60 }),
      moveTo: (x: number, y: number) => calls.push(`move ${x} ${y}`),
      lineTo: (x: number, y: number) => calls.push(`line ${x} ${y}`),
    };
    const chart = {
      ctx: context,
      chartArea: { left: 40, right: 900 },
      scales: { y: { getPixelForValue: (value: number) => 1000 - value } },
    };
    compliance?.config.plugins[0].afterDatasetsDraw(chart);
    expect(calls).toEqual(['move 40 905', 'line 900 905', 'text 95% required']);
  });

  it('plots average times per step and level', () => {
    const data = times?.config.data;
    expect(data.labels).toEqual([...STEP_FUNCTIONS]);
    expect(data.datasets.map((set: { label: string }) => set.label)).toEqual(['80%', '120%']);
    expect(data.datasets[1].data[0]).toBe(10.5);
    expect(times?.config.options.scales.y.type).toBe('logarithmic');
  });

  it('labels 1, 2 and 5 per decade', () => {
    const label = times?.config.options.scales.y.ticks.callback;
    expect([1, 2, 5, 10, 200, 5000, 20000].map((value) => label(value))).toEqual([
      '1', '2', '5', '10', '200', '5,000', '20,000',
    ]);
    expect([3, 60, 700, 6000, 8000].map((value) => label(value))).toEqual(['', '', '', '', '']);
  });

  it('leaves out a zero average', () => {
    // POP Quit, the last step, has no attempts; log scales have no 0.
    expect(times?.config.data.datasets[0].data[12]).toBeNull();
  });
});
