import type { RunResult } from '../workload/specmail2001/results.js';

/**
 * Formats a run as JSON with the names of a SPECmail2001 result page, so
 * a script can compare it with a published result. Key order is fixed,
 * so the same run gives byte-identical output.
 */
export function formatJsonReport(result: RunResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
