/** Kinds of traced event. */
export type TraceEvent =
  | 'arrive'
  | 'start service'
  | 'depart'
  | 'route'
  | 'exit'
  | 'lost'
  | 'renege'
  | 'think';

/** One traced event. */
export interface TraceRecord {
  /** Simulated time, in seconds. */
  time: number;
  /** Class and number of the customer, such as "jobs#3". */
  customer: string;
  event: TraceEvent;
  /** Station of the event; for `route`, the target (and the group that chose it). */
  station: string;
  /** Customers waiting at the station after the event; null when not at a station. */
  queue: number | null;
  /** Customers in the station, waiting or in service, after the event. */
  present: number | null;
}

/** Collects the first `limit` events of a run. */
export class Tracer {
  readonly records: TraceRecord[] = [];

  constructor(readonly limit: number) {}

  /** True once `limit` events are recorded; the run then stops tracing. */
  get full(): boolean {
    return this.records.length >= this.limit;
  }

  /** Records one event. */
  record(
    time: number,
    customer: string,
    event: TraceEvent,
    station: string,
    queue: number | null,
    present: number | null,
  ): void {
    this.records.push({ time, customer, event, station, queue, present });
  }
}

/** Formats trace records as a table, one event a line. */
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
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const rightAligned = new Set([0, 4, 5]);
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
