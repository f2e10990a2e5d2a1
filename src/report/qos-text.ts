import type { SummaryLine } from '../workload/specmail2001/functions.js';
import type { SpecmailWorkload } from '../workload/specmail2001/parameters.js';

/** Returns the response-time limit of a summary line as a result page shows it. */
export function limitText(line: SummaryLine, workload: SpecmailWorkload): string {
  if (line === 'Error Rate') return 'NA';
  if (line === 'Delivery Time') return `${workload.qos.deliveryLimit} s`;
  return `${workload.qos.stepLimit} s`;
}

/** Returns the required share of a summary line, such as `>95%`. */
export function requiredText(line: SummaryLine, workload: SpecmailWorkload): string {
  return line === 'Error Rate'
    ? `<${workload.qos.maxErrorPercent}%`
    : `>${workload.qos.requiredPercent}%`;
}
