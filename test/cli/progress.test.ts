import { describe, expect, it } from 'vitest';
import { progressLogger } from '../../src/cli/progress.js';

describe('progressLogger', () => {
  it('prints at most every 10 s', () => {
    const lines: string[] = [];
    const onProgress = progressLogger((line) => lines.push(line));

    onProgress(120, 0.2, 5);
    onProgress(120, 0.4, 10.5);
    onProgress(120, 0.5, 15);
    onProgress(100, 0.3, 21);

    expect(lines).toEqual([
      'sim: level 120 %: 40 % of its simulated time done after 10.5 s',
      'sim: level 100 %: 30 % of its simulated time done after 21.0 s',
    ]);
  });

  it('skips a finished level', () => {
    const lines: string[] = [];
    progressLogger((line) => lines.push(line))(80, 1, 30);
    expect(lines).toEqual([]);
  });
});
