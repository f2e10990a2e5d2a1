import { afterEach, describe, expect, it, vi } from 'vitest';
import { interruptStatus, runSpecmailInterruptibly } from '../../src/cli/interrupt.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runSpecmail } from '../../src/workload/specmail2001/run.js';
// The compiled build is needed for levels on worker threads.
import { runSpecmail as runSpecmailOnWorkers } from '../../dist/workload/specmail2001/run.js';

const { model } = loadScenario('test/fixtures/small-specmail.yaml');
const OPTIONS = { scenario: 'small', seed: 1, levels: [80, 100, 120], durationSeconds: 30 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runSpecmail with an abort signal', () => {
  it('stops between levels in this thread', async () => {
    const controller = new AbortController();

    const result = await runSpecmail(model, {
      ...OPTIONS,
      signal: controller.signal,
      onLevel: () => controller.abort(),
    });

    expect(result.levels.map((level) => level.loadPct)).toEqual([80]);
  });

  it('keeps only finished levels on workers', async () => {
    const controller = new AbortController();

    const result = await runSpecmailOnWorkers(model, {
      ...OPTIONS,
      workers: 1,
      signal: controller.signal,
      onLevel: () => controller.abort(),
    });

    // One worker runs the highest load first.
    expect(result.levels.map((level) => level.loadPct)).toEqual([120]);
  });

  it('runs nothing when aborted before the start', async () => {
    const controller = new AbortController();
    controller.abort();

    const result = await runSpecmailOnWorkers(model, { ...OPTIONS, workers: 2, signal: controller.signal });

    expect(result.levels).toEqual([]);
  });
});

describe('runSpecmailInterruptibly', () => {
  it('lists the levels a SIGINT left out', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const run = await runSpecmailInterruptibly(model, {
      ...OPTIONS,
      onLevel: () => process.emit('SIGINT', 'SIGINT'),
    });

    expect(run.signal).toBe('SIGINT');
    expect(run.missingLevels).toEqual([100, 120]);
    expect(run.result.levels.map((level) => level.loadPct)).toEqual([80]);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/^sim: SIGINT received; stopping the run/);
  });

  it('removes its signal handlers', async () => {
    const sigint = process.listenerCount('SIGINT');
    const sigterm = process.listenerCount('SIGTERM');

    await runSpecmailInterruptibly(model, { ...OPTIONS, levels: [80] });

    expect(process.listenerCount('SIGINT')).toBe(sigint);
    expect(process.listenerCount('SIGTERM')).toBe(sigterm);
  });

  it('maps signals to shell exit statuses', () => {
    expect(interruptStatus('SIGINT')).toBe(130);
    expect(interruptStatus('SIGTERM')).toBe(143);
  });
});
