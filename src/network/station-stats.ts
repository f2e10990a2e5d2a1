import { TimeAverage } from '../engine/statistics/time-average.js';
import { NetworkSums, StationSums } from './figures.js';

/** Live counters of one station for one class, or for all classes. */
class StationCounters {
  /** Sums of the current window; areas and duration are filled at harvest. */
  sums = new StationSums();
  /** Customers waiting now. */
  waiting = 0;
  /** Customers in service now. */
  inService = 0;
  readonly queue: TimeAverage;
  readonly system: TimeAverage;
  readonly busy: TimeAverage;
  private windowStart: number;

  constructor(now: number) {
    this.queue = new TimeAverage(now);
    this.system = new TimeAverage(now);
    this.busy = new TimeAverage(now);
    this.windowStart = now;
  }

  recordLevels(now: number): void {
    this.queue.update(now, this.waiting);
    this.system.update(now, this.waiting + this.inService);
  }

  recordWait(wait: number): void {
    const sums = this.sums;
    sums.waitCount++;
    sums.waitSum += wait;
    sums.waitHistogram.add(wait);
  }

  recordResponse(response: number): void {
    const sums = this.sums;
    sums.completions++;
    sums.responseCount++;
    sums.responseSum += response;
    sums.responseHistogram.add(response);
  }

  // Hands the window's sums over and starts a new window at `now`.
  harvest(now: number): StationSums {
    const sums = this.sums;
    const duration = now - this.windowStart;
    sums.duration = duration;
    sums.queueArea = this.queue.mean(now) * duration;
    sums.systemArea = this.system.mean(now) * duration;
    sums.busyArea = this.busy.mean(now) * duration;
    this.reset(now);
    return sums;
  }

  reset(now: number): void {
    this.sums = new StationSums();
    this.queue.reset(now);
    this.system.reset(now);
    this.busy.reset(now);
    this.windowStart = now;
  }
}

/**
 * Statistics of one station, per class and for all classes: arrivals,
 * losses, reneging, waits, response times and the time-weighted number
 * waiting, present and in service. Busy servers are counted one per
 * customer in service, or, at a processor-sharing station, as
 * min(n, cores) shared among the classes in proportion to their jobs.
 */
export class StationStats {
  readonly overall: StationCounters;
  readonly classes: StationCounters[];

  constructor(
    now: number,
    classCount: number,
    private readonly sharedServers: number | undefined,
  ) {
    this.overall = new StationCounters(now);
    this.classes = Array.from({ length: classCount }, () => new StationCounters(now));
  }

  /** Customers waiting now, all classes. */
  get waiting(): number {
    return this.overall.waiting;
  }

  /** Customers present now, waiting or in service, all classes. */
  get present(): number {
    return this.overall.waiting + this.overall.inService;
  }

  /** Counts an arrival of class `cls`, admitted or not. */
  arrive(cls: number): void {
    this.overall.sums.arrivals++;
    (this.classes[cls] as StationCounters).sums.arrivals++;
  }

  /** Counts an arrival that found the station full. */
  lose(cls: number): void {
    this.overall.sums.lost++;
    (this.classes[cls] as StationCounters).sums.lost++;
  }

  /** Records that a customer joined the queue. */
  startWaiting(now: number, cls: number): void {
    const counters = this.classes[cls] as StationCounters;
    counters.waiting++;
    this.overall.waiting++;
    counters.recordLevels(now);
    this.overall.recordLevels(now);
  }

  /** Records the start of a service after `wait` seconds in the queue. */
  startService(now: number, cls: number, wait: number, fromQueue: boolean): void {
    const counters = this.classes[cls] as StationCounters;
    if (fromQueue) {
      counters.waiting--;
      this.overall.waiting--;
    }
    counters.inService++;
    this.overall.inService++;
    counters.recordWait(wait);
    this.overall.recordWait(wait);
    this.recordChange(now, cls);
  }

  /** Records that a waiting customer reneged after `wait` seconds. */
  renege(now: number, cls: number, wait: number): void {
    const counters = this.classes[cls] as StationCounters;
    counters.waiting--;
    this.overall.waiting--;
    counters.sums.reneged++;
    this.overall.sums.reneged++;
    counters.recordWait(wait);
    this.overall.recordWait(wait);
    counters.recordLevels(now);
    this.overall.recordLevels(now);
  }

  /** Records a departure after `response` seconds in the station. */
  finish(now: number, cls: number, response: number): void {
    const counters = this.classes[cls] as StationCounters;
    counters.inService--;
    this.overall.inService--;
    counters.recordResponse(response);
    this.overall.recordResponse(response);
    this.recordChange(now, cls);
  }

  /** Hands over the sums of the window that ends now, all classes first. */
  harvest(now: number): { overall: StationSums; classes: StationSums[] } {
    return {
      overall: this.overall.harvest(now),
      classes: this.classes.map((counters) => counters.harvest(now)),
    };
  }

  /** Forgets everything counted so far and starts a window at `now`. */
  reset(now: number): void {
    this.overall.reset(now);
    for (const counters of this.classes) counters.reset(now);
  }

  private recordChange(now: number, cls: number): void {
    const counters = this.classes[cls] as StationCounters;
    const overall = this.overall;
    counters.recordLevels(now);
    overall.recordLevels(now);
    if (this.sharedServers === undefined) {
      counters.busy.update(now, counters.inService);
      overall.busy.update(now, overall.inService);
      return;
    }

    // Processor sharing: every class's share changes with the job count.
    const jobs = overall.inService;
    const busy = Math.min(jobs, this.sharedServers);
    overall.busy.update(now, busy);
    for (const other of this.classes) {
      if (other.inService > 0 || other === counters) {
        other.busy.update(now, jobs > 0 ? (busy * other.inService) / jobs : 0);
      }
    }
  }
}

/** Statistics of one class across the network. */
export class NetworkClassStats {
  /** Sums of the current window; the duration is filled at harvest. */
  sums = new NetworkSums();
  private windowStart: number;

  constructor(now: number) {
    this.windowStart = now;
  }

  /** Records a customer that left the network after `response` seconds. */
  complete(response: number): void {
    const sums = this.sums;
    sums.completions++;
    sums.responseSum += response;
    sums.responseHistogram.add(response);
  }

  /** Hands over the sums of the window that ends now and starts a new one. */
  harvest(now: number): NetworkSums {
    const sums = this.sums;
    sums.duration = now - this.windowStart;
    this.reset(now);
    return sums;
  }

  /** Forgets everything counted so far and starts a window at `now`. */
  reset(now: number): void {
    this.sums = new NetworkSums();
    this.windowStart = now;
  }
}
