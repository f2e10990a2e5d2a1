import { formatHtmlReport } from '../report/html-report.js';
import { formatJsonReport } from '../report/json-report.js';
import { formatTextReport, partialReportNote } from '../report/text-report.js';
import type { SpecmailWorkload } from '../workload/specmail2001/parameters.js';
import type { RunResult } from '../workload/specmail2001/results.js';

/** Report formats of `sim run` for SPECmail2001 scenarios. */
export type SpecmailReportFormat = 'text' | 'json' | 'html';

// NOTE: the HTML report has no partial marker of its own, so the note is
// put in after <body>, and the run record embedded in the page does not
// carry it. The note holds only digits, letters and "%,.", so it needs
// no escaping.
function markPartialHtml(page: string, missingLevels: readonly number[]): string {
  const banner = `<p><strong>${partialReportNote(missingLevels)}</strong></p>`;
  return page.replace('<body>\n', `<body>\n${banner}\n`);
}

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

  const page = formatHtmlReport(result, workload);
  return missingLevels.length > 0 ? markPartialHtml(page, missingLevels) : page;
}
