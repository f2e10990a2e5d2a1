import { EmpiricalDistribution } from '../../engine/distributions.js';
import type { RandomStream, RandomStreams } from '../../engine/random.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Cluster } from '../../model/cluster.js';
import { DeliveryProbe } from '../../model/client/delivery-probe.js';
import { PopSession } from '../../model/client/pop-session.js';
import { SmtpSession, type SmtpMessage } from '../../model/client/smtp-session.js';
import type { SpecmailWorkload } from './parameters.js';
import type { Population } from './population.js';
import type { SessionRates } from './rates.js';

/** Tries to find an account that no delivery-time probe is watching. */
const MAX_ACCOUNT_DRAWS = 16;

/**
 * Generates the four SPECmail2001 session streams as independent Poisson
 * processes, whose rate rises linearly from zero over the ramp-up (by
 * thinning: an arrival at time t < rampUp is kept with probability
 * t / rampUp): SMTP from local users (modem or LAN, recipients local or
 * remote), SMTP from remote servers (LAN, local recipients only), POP
 * checks of random-pool accounts, and POP checks of retry-pool accounts,
 * which come round in a fixed cycle so each is rechecked a pool-size over
 * rate later (600 s with the benchmark's shares).
 */
export class SpecmailGenerator {
  /** Sessions started and not yet ended. */
  openSessions = 0;
  private readonly sizes: EmpiricalDistribution;
  private readonly recipientCounts: EmpiricalDistribution;
  private readonly smtpLocalArrivals: RandomStream;
  private readonly smtpRemoteArrivals: RandomStream;
  private readonly popRandomArrivals: RandomStream;
  private readonly popRetryArrivals: RandomStream;
  private readonly messages: RandomStream;
  private readonly accounts: RandomStream;
  private readonly clientRandom: RandomStream;

  constructor(
    private readonly sim: Simulator,
    private readonly cluster: Cluster,
    private readonly workload: SpecmailWorkload,
    private readonly rates: SessionRates,
    private readonly population: Population,
    streams: RandomStreams,
  ) {
    const sizes = workload.messageSizeKb;
    this.sizes = new EmpiricalDistribution(sizes.values, sizes.percent);
    const recipients = workload.recipientsPerMessage;
    this.recipientCounts = new EmpiricalDistribution(recipients.values, recipients.percent);
    this.smtpLocalArrivals = streams.stream('arrivals.smtp-local');
    this.smtpRemoteArrivals = streams.stream('arrivals.smtp-remote');
    this.popRandomArrivals = streams.stream('arrivals.pop-random');
    this.popRetryArrivals = streams.stream('arrivals.pop-retry');
    this.messages = streams.stream('workload.messages');
    this.accounts = streams.stream('workload.accounts');
    this.clientRandom = streams.stream('workload.clients');
  }

  /** Schedules the first arrival of every session stream. */
  start(): void {
    this.next(this.rates.smtpLocal, this.smtpLocalArrivals, onSmtpLocal);
    this.next(this.rates.smtpRemote, this.smtpRemoteArrivals, onSmtpRemote);
    this.next(this.rates.popRandom, this.popRandomArrivals, onPopRandom);
    this.next(this.rates.popRetry, this.popRetryArrivals, onPopRetry);
  }

  /** @internal */
  smtpArrival(fromRemoteServer: boolean): void {
    const arrivals = fromRemoteServer ? this.smtpRemoteArrivals : this.smtpLocalArrivals;
    if (fromRemoteServer) {
      this.next(this.rates.smtpRemote, arrivals, onSmtpRemote);
    } else {
      this.next(this.rates.smtpLocal, arrivals, onSmtpLocal);
    }
    if (!this.keep(arrivals)) return;

    const random = this.messages;
    const workload = this.workload;
    const message: SmtpMessage = {
      modem: !fromRemoteServer && random.next() < workload.modemShare,
      sizeBytes: this.sizes.sample(random) * 1024,
      localAccounts: [],
      probes: [],
      remoteCount: 0,
      abortDuringData: random.next() < workload.smtpDisconnectShare,
    };

    const count = this.recipientCounts.sample(random);
    for (let i = 0; i < count; i++) {
      if (!fromRemoteServer && random.next() < workload.remoteRecipientShare) {
        message.remoteCount++;
        continue;
      }
      const account = Math.floor(this.accounts.next() * this.population.users);
      message.localAccounts.push(account);
      message.probes.push(this.maybeProbe(account));
    }

    this.openSessions++;
    new SmtpSession(this.cluster, workload.clients, message).start();
  }

  /** @internal */
  popArrival(retryPool: boolean): void {
    const arrivals = retryPool ? this.popRetryArrivals : this.popRandomArrivals;
    if (retryPool) {
      this.next(this.rates.popRetry, arrivals, onPopRetry);
    } else {
      this.next(this.rates.popRandom, arrivals, onPopRandom);
    }
    if (!this.keep(arrivals)) return;

    const account = retryPool ? this.nextRetryAccount() : this.randomPoolAccount();
    if (account < 0) return;

    const modem = this.clientRandom.next() < this.workload.modemShare;
    this.openSessions++;
    new PopSession(
      this.cluster,
      this.workload.clients,
      this.clientRandom,
      account,
      modem,
      null,
    ).start();
  }

  // Probes watch random-pool mailboxes only: taking a retry-pool mailbox
  // out of POP traffic would break its fixed recheck cycle. The draw comes
  // first so that every copy consumes the same random numbers.
  private maybeProbe(account: number): DeliveryProbe | null {
    const store = this.cluster.store;
    const drawn = this.messages.next() < this.workload.deliveryProbeShare;
    if (!drawn || store.probed[account] === 1) return null;
    if (account < this.population.retryCount) return null;
    return new DeliveryProbe(this.cluster, this.workload.clients, this.clientRandom, account);
  }

  private randomPoolAccount(): number {
    const { users, retryCount, store } = this.population;
    const poolSize = users - retryCount;
    for (let i = 0; i < MAX_ACCOUNT_DRAWS; i++) {
      const account = retryCount + Math.floor(this.accounts.next() * poolSize);
      if (store.probed[account] === 0) return account;
    }
    return -1;
  }

  private nextRetryAccount(): number {
    const population = this.population;
    for (let i = 0; i < MAX_ACCOUNT_DRAWS; i++) {
      const account = population.retryQueue[population.retryHead] as number;
      population.retryHead = (population.retryHead + 1) % population.retryCount;
      if (population.store.probed[account] === 0) return account;
    }
    return -1;
  }

  private next(
    rate: number,
    random: RandomStream,
    handler: (generator: SpecmailGenerator) => void,
  ): void {
    if (!(rate > 0)) return;
    const gap = -Math.log(1 - random.next()) / rate;
    this.sim.schedule(gap, handler, this);
  }

  /** Returns false for an arrival that the ramp-up thins out. */
  private keep(random: RandomStream): boolean {
    const rampUp = this.workload.phases.rampUp;
    const now = this.sim.now;
    return now >= rampUp || random.next() * rampUp < now;
  }
}

function onSmtpLocal(generator: SpecmailGenerator): void {
  generator.smtpArrival(false);
}
function onSmtpRemote(generator: SpecmailGenerator): void {
  generator.smtpArrival(true);
}
function onPopRandom(generator: SpecmailGenerator): void {
  generator.popArrival(false);
}
function onPopRetry(generator: SpecmailGenerator): void {
  generator.popArrival(true);
}
