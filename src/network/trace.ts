/** Kinds of traced event. */
export type TraceEvent =
  'arrive' | 'start service' | 'depart' | 'route' | 'exit' | 'lost' | 'renege' | 'think';

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
