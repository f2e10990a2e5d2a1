/** Callback run when an event fires; `arg` is the value given to schedule. */
export type EventHandler<A> = (arg: A) => void;

/**
 * A scheduled event. The calendar orders events by `time`, then by `seq`,
 * so events at the same instant fire in the order they were scheduled.
 */
export interface ScheduledEvent {
  /** Simulated instant at which the event fires, in seconds. */
  readonly time: number;
  /** Insertion sequence number, the tie-breaker for equal times. */
  readonly seq: number;
  /** True once cancelled; the calendar drops it instead of firing it. */
  cancelled: boolean;
  readonly handler: EventHandler<never>;
  readonly arg: unknown;
}
