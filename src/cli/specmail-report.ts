import { formatHtmlReport } from '../report/html-report.js';
import { formatJsonReport } from '../report/json-report.js';
import { formatTextReport } from '../report/text-report.js';
import type { SpecmailWorkload } from '../workload/specmail2001/parameters.js';
import type { RunResult } from '../workload/specmail2001/results.js';

/** Report formats of `sim run` for SPECmail2001 scenarios. */
export type SpecmailReportFormat = 'text' | 'json' | 'html';

/**
 * Formats a SPECmail2001 run as text, JSON or HTML. A run that lacks
 * `missingLevels` because it was interrupted is marked as partial.
 */
export function formatSpecmailReport(
  format: SpecmailReportFormat,
  result: RunResult,
  workload: SpecmailWorkload,
  missingLevels: readonly number[],
): string {
  if (format === 'json') return formatJsonReport(result, missingLevels);
  if (format === 'text') return formatTextReport(result, workload, missingLevels);
  return formatHtmlReport(result, workload, missingLevels);
}
