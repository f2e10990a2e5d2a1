import { Tally } from '../../engine/statistics/tally.js';
import { STEP_COUNT, type MailObserver, type SessionOutcome, type Step } from '../../model/observer.js';
import type { SpecmailWorkload } from './parameters.js';

/** Attempts and passes of one function. */
export class PassCounter {
  attempts = 0;
  passes = 0;

  /** Counts one attempt, and a pass when `passed`. */
  add(passed: boolean): void {
    this.attempts++;
    if (passed) this.passes++;
  }
}

/**
 * Measures a SPECmail2001 load level as the benchmark does. A step counts
 * when the client finishes it inside the measurement phase, whenever its
 * session began. The client finishes a step when it has read the whole
 * reply (for RETR, the last byte of the message) or stops waiting. A RETR's
 * transfer counts with its step, and a delivery-time probe counts when it
 * finds the message or gives up.
 * A session's outcome counts by the time of its last step, so a completed
 * session counts with its QUIT. Recipients count when the
 * first RCPT TO is sent. Every step is checked
 * against its quality-of-service limit, and times are kept as streaming
 * tallies (no samples).
 */
export class SpecmailMeasurement implements MailObserver {
  readonly steps: PassCounter[] = Array.from({ length: STEP_COUNT }, () => new PassCounter());
  readonly stepTimes: Tally[] = Array.from({ length: STEP_COUNT }, () => new Tally());
  readonly deliveryTime = new PassCounter();
  readonly smtpDataTransfer = new PassCounter();
  readonly popRetrieveTransfer = new PassCounter();
  readonly remoteDelivery = new PassCounter();
  readonly smtpDataSize = new Tally();
  readonly popRetrieveSize = new Tally();

  smtpConnectErrors = 0;
  popConnectErrors = 0;
  smtpDisconnects = 0;
  popDisconnects = 0;
  smtpTimeouts = 0;
  popTimeouts = 0;
  smtpSessions = 0;
  popSessions = 0;
  smtpSessionAttempts = 0;
  popSessionAttempts = 0;
  recipientsLocal = 0;
  recipientsRemote = 0;
  probeConnectErrors = 0;
  /** Sessions ended at any time, measured or not. */
  sessionsEnded = 0;

  constructor(
    private readonly workload: SpecmailWorkload,
    /** First instant of the measurement phase, in seconds. */
    readonly start: number,
    /** End of the measurement phase (exclusive), in seconds. */
    readonly end: number,
  ) {}

  private inWindow(date: number): boolean {
    return date >= this.start && date < this.end;
  }

  step(
    step: Step,
    sessionDate: number,
    stepDate: number,
    responseTime: number,
    timedOut: boolean,
    readDate: number,
  ): void {
    if (!this.inWindow(readDate)) return;
    const passed = !timedOut && responseTime <= this.workload.qos.stepLimit;
    (this.steps[step] as PassCounter).add(passed);
    (this.stepTimes[step] as Tally).add(responseTime * 1000);
  }

  transfer(
    kind: 'smtp-data' | 'pop-retr',
    sessionDate: number,
    stepDate: number,
    transferTime: number,
    sizeBytes: number,
    completed: boolean,
  ): void {
    if (!this.inWindow(stepDate + transferTime)) return;
    const qos = this.workload.qos;
    const limit = qos.stepLimit + sizeBytes / qos.transferBytesPerSecond;
    const passed = completed && transferTime <= limit;

    if (kind === 'smtp-data') {
      this.smtpDataTransfer.add(passed);
      this.smtpDataSize.add(sizeBytes / 1024);
    } else {
      this.popRetrieveTransfer.add(passed);
      this.popRetrieveSize.add(sizeBytes / 1024);
    }
  }

  recipients(date: number, local: number, remote: number): void {
    if (!this.inWindow(date)) return;
    this.recipientsLocal += local;
    this.recipientsRemote += remote;
    this.remoteDelivery.attempts += remote;
  }

  session(
    protocol: 'smtp' | 'pop',
    startDate: number,
    lastStepDate: number,
    outcome: SessionOutcome,
  ): void {
    this.sessionsEnded++;
    if (!this.inWindow(lastStepDate)) return;
    const smtp = protocol === 'smtp';
    if (smtp) this.smtpSessionAttempts++;
    else this.popSessionAttempts++;

    switch (outcome) {
      case 'completed':
        if (smtp) this.smtpSessions++;
        else this.popSessions++;
        break;
      case 'disconnect':
        if (smtp) this.smtpDisconnects++;
        else this.popDisconnects++;
        break;
      case 'connect-error':
        if (smtp) this.smtpConnectErrors++;
        else this.popConnectErrors++;
        break;
      case 'timeout':
        if (smtp) this.smtpTimeouts++;
        else this.popTimeouts++;
        break;
    }
  }

  remoteDelivered(sendDate: number, deliveredDate: number): void {
    if (!this.inWindow(sendDate)) return;
    if (deliveredDate < this.end) this.remoteDelivery.passes++;
  }

  probe(sendDate: number, deliveryTime: number | null, connectError: boolean, endDate: number): void {
    if (!this.inWindow(endDate)) return;
    const passed = deliveryTime !== null && deliveryTime <= this.workload.qos.deliveryLimit;
    this.deliveryTime.add(passed);
    if (connectError) this.probeConnectErrors++;
  }
}
