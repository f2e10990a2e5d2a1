import type { EventHandler, ScheduledEvent } from './event.js';

/** Calendar entry; a class so that every event has one hidden class. */
class CalendarEvent implements ScheduledEvent {
  cancelled = false;

  constructor(
    readonly time: number,
    readonly seq: number,
    readonly handler: EventHandler<never>,
    readonly arg: unknown,
  ) {}
}

const INITIAL_CAPACITY = 1024;

/**
 * Simulation clock and event calendar. Time is in seconds. Events at the
 * same instant fire in insertion order (FIFO), which makes runs
 * reproducible. Cancelled events stay in the heap and are skipped when
 * they reach the top, so cancelling costs O(1).
 *
 * The calendar is a binary min-heap ordered by (time, seq), kept in two
 * typed arrays: each entry's time and the number of the slot that
 * contains its event. Sifting moves only numbers, so it neither boxes
 * doubles nor stores object pointers, and it reads an event only when
 * two times are equal.
 */
export class Simulator {
  /** Heap entries' times, in heap order. */
  private times = new Float64Array(INITIAL_CAPACITY);
  /** Heap entries' slot numbers, in heap order. */
  private slotIds = new Int32Array(INITIAL_CAPACITY);
  /** Events by slot number; undefined for a free slot. */
  private slots: (CalendarEvent | undefined)[] = new Array<CalendarEvent | undefined>(INITIAL_CAPACITY).fill(undefined);
  /** Stack of free slot numbers. */
  private freeIds = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private size = 0;
  private nextSeq = 0;
  private clock = 0;
  private fired = 0;

  constructor() {
    this.pushFreeIds(0, INITIAL_CAPACITY);
  }

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
    return this.size;
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

    const event = new CalendarEvent(this.clock + delay, this.nextSeq++, handler as EventHandler<never>, arg);
    this.insert(event);
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
    while (this.size > 0) {
      const time = this.times[0] as number;
      if (time > until) break;

      const next = this.removeFirst();
      if (next.cancelled) continue;

      this.clock = time;
      this.fired++;
      (next.handler as EventHandler<unknown>)(next.arg);
    }

    if (until !== Infinity && until > this.clock) this.clock = until;
  }

  // Adds an event at the bottom of the heap and moves it up past every
  // parent that comes after it.
  private insert(event: CalendarEvent): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const slotIds = this.slotIds;
    const time = event.time;
    const slotId = this.freeIds[--this.freeCount] as number;
    this.slots[slotId] = event;

    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent] as number;
      // seq grows with every insert, so a parent at the same time always
      // came first and stops the climb.
      if (parentTime <= time) break;
      times[hole] = parentTime;
      slotIds[hole] = slotIds[parent] as number;
      hole = parent;
    }
    times[hole] = time;
    slotIds[hole] = slotId;
  }

  // Removes and returns the first event: the last entry fills the root's
  // place and sinks below every child that comes before it.
  private removeFirst(): CalendarEvent {
    const times = this.times;
    const slotIds = this.slotIds;
    const firstId = slotIds[0] as number;
    const first = this.slot(firstId);
    this.slots[firstId] = undefined;
    this.freeIds[this.freeCount++] = firstId;

    const last = --this.size;
    if (last === 0) return first;
    const time = times[last] as number;
    const slotId = slotIds[last] as number;

    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      let childTime = times[child] as number;
      const right = child + 1;
      if (right < last) {
        const rightTime = times[right] as number;
        if (rightTime < childTime || (rightTime === childTime && this.seqAt(right) < this.seqAt(child))) {
          child = right;
          childTime = rightTime;
        }
      }
      if (childTime > time || (childTime === time && this.seqAt(child) > this.slot(slotId).seq)) break;
      times[hole] = childTime;
      slotIds[hole] = slotIds[child] as number;
      hole = child;
    }
    times[hole] = time;
    slotIds[hole] = slotId;
    return first;
  }

  private slot(slotId: number): CalendarEvent {
    return this.slots[slotId] as CalendarEvent;
  }

  // Sequence number of the event at heap position `index`.
  private seqAt(index: number): number {
    return this.slot(this.slotIds[index] as number).seq;
  }

  // Doubles the capacity of the heap and of the slot table.
  private grow(): void {
    const capacity = this.times.length;
    const times = new Float64Array(capacity * 2);
    const slotIds = new Int32Array(capacity * 2);
    times.set(this.times);
    slotIds.set(this.slotIds);
    this.times = times;
    this.slotIds = slotIds;

    // Every slot is in use when the heap is full, so the free stack is
    // empty and only the new slots go on it.
    this.freeIds = new Int32Array(capacity * 2);
    for (let i = capacity; i < capacity * 2; i++) this.slots.push(undefined);
    this.pushFreeIds(capacity, capacity * 2);
  }

  // Pushes slots [from, to) on the free stack, lowest number on top.
  private pushFreeIds(from: number, to: number): void {
    for (let id = to - 1; id >= from; id--) this.freeIds[this.freeCount++] = id;
  }
}
