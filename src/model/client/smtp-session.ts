import type { Cluster, ServerNode } from '../cluster.js';
import { serveCommand } from '../command.js';
import type { CommandDemand } from '../config.js';
import { Delivery } from '../delivery.js';
import { Step, type SessionOutcome } from '../observer.js';
import type { ClientConfig } from './client-config.js';
import type { DeliveryProbe } from './delivery-probe.js';

/** One message as an SMTP client sends it. */
export interface SmtpMessage {
  /** True for a modem client, false for a LAN client or remote server. */
  modem: boolean;
  sizeBytes: number;
  /** Accounts of the local recipients, in RCPT TO order. */
  localAccounts: number[];
  /** Probe watching each local recipient, or null. */
  probes: (DeliveryProbe | null)[];
  remoteCount: number;
  /** True when the client will drop the connection during the DATA upload. */
  abortDuringData: boolean;
}

const enum Phase {
  Connect,
  Banner,
  Hello,
  MailFrom,
  RcptTo,
  Data,
  DataBody,
  Quit,
}

/**
 * One SMTP session: connect, then the greeting banner and HELO, MAIL
 * FROM, one RCPT TO per recipient, DATA with the message body, QUIT. The
 * Connect step is the TCP handshake; the Hello step starts when
 * connect() returns and so includes the wait for the banner. The SMTP
 * server gives each connection a thread of its own for the whole session,
 * so commands never wait for a thread once accepted. The pool is its
 * session table and the pool's queue its listen backlog. The
 * accepted message goes to the node's delivery queue.
 */
export class SmtpSession {
  private node!: ServerNode;
  private nodeIndex = -1;
  private phase = Phase.Connect;
  private sessionDate = 0;
  private stepDate = 0;
  private dataDate = 0;
  private recipientIndex = 0;
  private bannerArrived = false;
  private recipientsDate = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly client: ClientConfig,
    private readonly message: SmtpMessage,
  ) {}

  /** Starts the session at the current instant. */
  start(): void {
    const cluster = this.cluster;
    this.sessionDate = cluster.sim.now;
    this.stepDate = this.sessionDate;
    this.nodeIndex = cluster.smtpBalancer.connect();
    this.node = cluster.nodes[this.nodeIndex] as ServerNode;

    cluster.connector.connect(
      this.node.smtpSessions,
      { established: onEstablished, accepted: onAccepted, failed: onConnectFailed },
      this,
    );
  }

  /** @internal Runs when the server's kernel replies to the SYN. */
  established(): void {
    this.cluster.sim.schedule(this.roundTrip(), onConnectReturned, this);
  }

  /** @internal Runs when the client's connect() returns. */
  connectReturned(): void {
    this.record(Step.SmtpConnect, false);
    this.phase = Phase.Banner;
    this.stepDate = this.cluster.sim.now;
    if (this.bannerArrived) this.greet();
  }

  /** @internal Runs when the server accepts the connection on a thread. */
  accepted(): void {
    const demand = this.cluster.config.smtp.connect;
    serveCommand(this.cluster, this.node, demand, 0, 0, 0, onBannerWritten, this);
  }

  /** @internal */
  bannerWritten(): void {
    this.cluster.sim.schedule(this.roundTrip(), onBannerArrived, this);
  }

  /** @internal Runs when the greeting reaches the client. */
  bannerReceived(): void {
    this.bannerArrived = true;
    if (this.phase === Phase.Banner) this.greet();
  }

  private greet(): void {
    const waited = this.cluster.sim.now - this.stepDate;
    if (waited > this.client.replyTimeout) {
      this.abandonProbes();
      this.end('connect-error');
      return;
    }
    this.send(Phase.Hello, this.stepDate);
  }

  /** @internal */
  connectFailed(): void {
    const cluster = this.cluster;
    cluster.smtpBalancer.disconnect(this.nodeIndex);
    // After connect() returned, a failure means the server never accepted
    // the connection: the client times out waiting for the banner.
    if (this.phase === Phase.Connect) this.record(Step.SmtpConnect, true);
    this.abandonProbes();
    cluster.observer.session('smtp', this.sessionDate, this.stepDate, 'connect-error');
  }

  /** @internal Runs when the server has the reply to the current step ready. */
  served(): void {
    if (this.phase === Phase.DataBody) this.queueForDelivery();
    this.cluster.sim.schedule(this.roundTrip(), onReply, this);
  }

  /** @internal Runs when the client has the reply. */
  replyReceived(): void {
    const now = this.cluster.sim.now;
    const responseTime = now - this.stepDate;
    const timedOut = responseTime > this.client.replyTimeout;

    if (this.phase === Phase.DataBody) {
      this.recordData(now, !timedOut);
      if (timedOut) {
        this.abandonProbes();
        return this.end('timeout');
      }
      for (const probe of this.message.probes) probe?.start();
      return this.send(Phase.Quit);
    }

    this.record(this.stepOf(this.phase), timedOut);
    if (timedOut) return this.end('timeout');

    switch (this.phase) {
      case Phase.Connect:
      case Phase.Banner:
        return;
      case Phase.Hello:
        return this.send(Phase.MailFrom);
      case Phase.MailFrom: {
        const message = this.message;
        this.recipientsDate = this.cluster.sim.now;
        this.cluster.observer.recipients(
          this.recipientsDate,
          message.localAccounts.length,
          message.remoteCount,
        );
        return this.send(Phase.RcptTo);
      }
      case Phase.RcptTo:
        this.recipientIndex++;
        return this.send(this.recipientIndex < this.recipientCount() ? Phase.RcptTo : Phase.Data);
      case Phase.Data:
        return this.uploadBody();
      case Phase.Quit:
        return this.end('completed');
    }
  }

  /** @internal Runs when the last byte of the body has reached the server. */
  bodyUploaded(): void {
    this.stepDate = this.cluster.sim.now;
    const smtp = this.cluster.config.smtp;
    const kilobytes = this.message.sizeBytes / 1024;
    this.serve(smtp.dataEnd, smtp.dataCpuPerKb * kilobytes);
  }

  /** @internal Runs when an aborting client drops the connection. */
  dropped(): void {
    const now = this.cluster.sim.now;
    this.recordData(now, false);
    this.abandonProbes();
    this.end('disconnect');
  }

  private uploadBody(): void {
    const sim = this.cluster.sim;
    this.phase = Phase.DataBody;
    const uploadTime = this.message.sizeBytes / this.speed();

    if (this.message.abortDuringData) {
      sim.schedule(uploadTime, onDropped, this);
      return;
    }
    sim.schedule(uploadTime, onBodyUploaded, this);
  }

  private queueForDelivery(): void {
    const message = this.message;
    const delivery = new Delivery(
      this.cluster,
      this.node,
      message.sizeBytes,
      message.localAccounts,
      message.probes,
      message.remoteCount,
      this.recipientsDate,
    );
    delivery.start();
  }

  /** Sends the command of `phase`; its step started at `stepDate`. */
  private send(phase: Phase, stepDate = this.cluster.sim.now): void {
    this.phase = phase;
    this.stepDate = stepDate;
    if (phase === Phase.Data) this.dataDate = this.stepDate;

    const smtp = this.cluster.config.smtp;
    if (phase === Phase.RcptTo && this.recipientIndex < this.message.localAccounts.length) {
      this.serve(smtp.localRecipient, 0);
    } else if (phase === Phase.Data) {
      this.serve(smtp.data, 0);
    } else {
      this.serve(smtp.command, 0);
    }
  }

  private serve(demand: CommandDemand, extraCpu: number): void {
    serveCommand(this.cluster, this.node, demand, extraCpu, 0, 0, onServed, this);
  }

  private end(outcome: SessionOutcome): void {
    const cluster = this.cluster;
    this.node.smtpSessions.release();
    cluster.smtpBalancer.disconnect(this.nodeIndex);
    cluster.observer.session('smtp', this.sessionDate, this.stepDate, outcome);
  }

  private abandonProbes(): void {
    for (const probe of this.message.probes) probe?.abandon();
  }

  private record(step: Step, timedOut: boolean): void {
    const now = this.cluster.sim.now;
    const responseTime = now - this.stepDate;
    this.cluster.observer.step(step, this.sessionDate, this.stepDate, responseTime, timedOut, now);
  }

  private recordData(now: number, completed: boolean): void {
    this.cluster.observer.transfer(
      'smtp-data',
      this.sessionDate,
      this.dataDate,
      now - this.dataDate,
      this.message.sizeBytes,
      completed,
    );
  }

  private recipientCount(): number {
    return this.message.localAccounts.length + this.message.remoteCount;
  }

  private stepOf(phase: Phase): Step {
    switch (phase) {
      case Phase.Connect:
        return Step.SmtpConnect;
      case Phase.Banner:
      case Phase.Hello:
        return Step.SmtpHello;
      case Phase.MailFrom:
        return Step.SmtpMailFrom;
      case Phase.RcptTo:
        return Step.SmtpRcptTo;
      case Phase.Data:
      case Phase.DataBody:
        return Step.SmtpData;
      case Phase.Quit:
        return Step.SmtpQuit;
    }
  }

  private roundTrip(): number {
    return this.message.modem
      ? this.client.modemRoundTrip
      : this.cluster.config.network.lanRoundTrip;
  }

  private speed(): number {
    return this.message.modem
      ? this.client.modemBytesPerSecond
      : this.cluster.config.network.lanBytesPerSecond;
  }
}

function onEstablished(session: SmtpSession): void {
  session.established();
}
function onConnectReturned(session: SmtpSession): void {
  session.connectReturned();
}
function onAccepted(session: SmtpSession): void {
  session.accepted();
}
function onBannerWritten(session: SmtpSession): void {
  session.bannerWritten();
}
function onBannerArrived(session: SmtpSession): void {
  session.bannerReceived();
}
function onConnectFailed(session: SmtpSession): void {
  session.connectFailed();
}
function onServed(session: SmtpSession): void {
  session.served();
}
function onReply(session: SmtpSession): void {
  session.replyReceived();
}
function onBodyUploaded(session: SmtpSession): void {
  session.bodyUploaded();
}
function onDropped(session: SmtpSession): void {
  session.dropped();
}
