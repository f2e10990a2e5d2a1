import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Output of the command under test, cleared before each test. */
export const output = { stdout: '', stderr: '' };

/** Captures standard output and error in `output` for every test of the file. */
export function captureOutput(): void {
  beforeEach(() => {
    output.stdout = '';
    output.stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      output.stderr += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });
}

/** Runs the `sim` command line with `args` and returns its exit status. */
export function sim(...args: string[]): Promise<number> {
  return main(['node', 'sim', ...args]);
}
