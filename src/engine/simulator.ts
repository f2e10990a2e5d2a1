import { Heap } from 'heap-js';
import type { EventHandler, ScheduledEvent } from './event.js';

function compareEvents(a: ScheduledEvent, b: ScheduledEvent): number {
  return a.time - b.time || a.seq - b.seq;
}

/**
 * Simulation clock and event calendar. Time is in seconds. Events at the
 * same instant fire in insertion order (FIFO), which makes runs
 * reproducible. Cancelled events stay in the heap and are skipped when
 * they reach the top, so cancelling costs O(1).
 */
export class Simulator {
  private readonly calendar = new Heap<ScheduledEvent>(compareEvents);
  private nextSeq = 0;
  private clock = 0;
  private fired = 0;

  /** Current simulated time in seconds. */
  get now(): number {
    return this.clock;
  }

  /** Number of events fired so far (cancelled events excluded). */
  get eventsFired(): number {
    return this.fired;
  }

  /** Number of events waiting in the calendar, cancelled ones included. */
  get pending(): number {
    return this.calendar.length;
  }

  /**
   * Schedules `handler(arg)` to run `delay` seconds from now and returns
   * the event, which `cancel` accepts.
   */
  schedule<A>(delay: number, handler: EventHandler<A>, arg: A): ScheduledEvent {
    if (!(delay >= 0)) {
      throw new RangeError(
        `schedule: delay ${delay} must be a number >= 0 (now ${this.clock})`,
      );
    }

    const event: ScheduledEvent = {
      time: this.clock + delay,
      seq: this.nextSeq++,
      cancelled: false,
      handler: handler as EventHandler<never>,
      arg,
    };
    this.calendar.push(event);
    return event;
  }

  /** Cancels an event that has not fired yet; cancelling twice is harmless. */
  cancel(event: ScheduledEvent): void {
    event.cancelled = true;
  }

  /**
   * Fires events in time order until the calendar is empty or the next
   * event lies beyond `until` (seconds). The clock then stands at `until`
   * (or at the last event when the calendar ran dry before it).
   */
  run(until = Infinity): void {
    const calendar = this.calendar;

    for (;;) {
      const next = calendar.peek();
      if (next === undefined || next.time > until) break;

      calendar.pop();
      if (next.cancelled) continue;

      this.clock = next.time;
      this.fired++;
      (next.handler as EventHandler<unknown>)(next.arg);
    }

    if (until !== Infinity && until > this.clock) this.clock = until;
  }
}
