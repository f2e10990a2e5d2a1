import type { TraceRecord } from '../network/trace.js';
import { formatTable } from './table.js';

/**
 * Formats trace records as a table, one event a line: time in seconds,
 * customer, event, station, and the numbers waiting and present at the
 * station after the event (blank when the event is not at a station).
 */
export function formatTrace(records: readonly TraceRecord[]): string {
  const header = ['time', 'customer', 'event', 'station', 'queue', 'in station'];
  const rows = records.map((record) => [
    record.time.toFixed(4),
    record.customer,
    record.event,
    record.station,
    record.queue === null ? '' : String(record.queue),
    record.present === null ? '' : String(record.present),
  ]);
  return formatTable(header, rows, ['right', 'left', 'left', 'left', 'right', 'right']);
}
