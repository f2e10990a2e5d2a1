import type { RandomStream } from '../../engine/random.js';
import type { Cluster } from '../cluster.js';
import type { DeliveryWatcher } from '../delivery.js';
import type { SessionOutcome } from '../observer.js';
import type { ClientConfig } from './client-config.js';
import { PopSession, type PollListener } from './pop-session.js';

/**
 * A delivery-time probe: from the moment the sender has its final reply
 * to DATA, it polls the recipient's mailbox over POP (connect, USER,
 * PASS, STAT, QUIT at LAN speed) until a STAT served after the delivery
 * shows the message. It reports the delivery time from the instant the
 * message was stored, as the server stamps it, so slow polls delay the
 * report but do not lengthen the time; a probe that has not seen the
 * message by its give-up time fails. The mailbox is kept out of ordinary
 * POP traffic while the probe runs.
 */
export class DeliveryProbe implements DeliveryWatcher, PollListener {
  private deliveredDate = Infinity;
  private sendDate = NaN;
  private foundDate = NaN;
  private connectError = false;

  constructor(
    private readonly cluster: Cluster,
    private readonly client: ClientConfig,
    private readonly random: RandomStream,
    private readonly account: number,
  ) {
    cluster.store.probed[account] = 1;
  }

  /** Starts polling now; the sender has just had its reply to DATA. */
  start(): void {
    this.sendDate = this.cluster.sim.now;
    this.pollNow();
  }

  /** Ends the probe at once, as when the sender's session was aborted. */
  abandon(): void {
    this.cluster.store.probed[this.account] = 0;
    const now = this.cluster.sim.now;
    this.cluster.observer.probe(now, null, false, now);
  }

  delivered(date: number): void {
    this.deliveredDate = date;
  }

  statServed(date: number): void {
    if (date >= this.deliveredDate && Number.isNaN(this.foundDate)) {
      this.foundDate = date;
    }
  }

  pollEnded(outcome: SessionOutcome, stepDate: number): void {
    if (outcome === 'connect-error') this.connectError = true;

    const elapsed = stepDate - this.sendDate;
    if (!Number.isNaN(this.foundDate)) {
      this.finish(Math.max(0, this.deliveredDate - this.sendDate));
      return;
    }
    if (elapsed + this.client.probePollInterval > this.client.probeGiveUp) {
      this.finish(null);
      return;
    }
    this.cluster.sim.schedule(this.client.probePollInterval, pollAgain, this);
  }

  /** @internal */
  pollNow(): void {
    const session = new PopSession(
      this.cluster,
      this.client,
      this.random,
      this.account,
      false,
      this,
    );
    session.start();
  }

  private finish(deliveryTime: number | null): void {
    this.cluster.store.probed[this.account] = 0;
    this.cluster.observer.probe(
      this.sendDate,
      deliveryTime,
      this.connectError,
      this.cluster.sim.now,
    );
  }
}

function pollAgain(probe: DeliveryProbe): void {
  probe.pollNow();
}
