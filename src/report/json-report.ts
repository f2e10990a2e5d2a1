import type { RunResult } from '../workload/specmail2001/results.js';

/** Marker of a partial report: the cause and the levels it lacks. */
export interface PartialMarker {
  /** Cause of the missing levels. Only an interrupt stops a run early. */
  reason: 'interrupted';
  /** Requested levels that did not finish, in percent. */
  missingLevels: number[];
}

/**
 * Formats a run as JSON with the names of a SPECmail2001 result page, so
 * a script can compare it with a published result. Key order is fixed,
 * so the same run gives byte-identical output. When `missingLevels` is
 * not empty, a first key `partial` (a PartialMarker) names them.
 */
export function formatJsonReport(result: RunResult, missingLevels: readonly number[] = []): string {
  const record =
    missingLevels.length > 0 ? { partial: partialMarker(missingLevels), ...result } : result;
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Returns the `partial` record of a report that lacks `missingLevels`. */
export function partialMarker(missingLevels: readonly number[]): PartialMarker {
  return { reason: 'interrupted', missingLevels: [...missingLevels] };
}
