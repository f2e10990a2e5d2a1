import type { Cluster, ServerNode } from './cluster.js';
import { serveCommand } from './command.js';

/** Told when a watched message lands in its mailbox. */
export interface DeliveryWatcher {
  /** The message is in the mailbox as of `date` (seconds). */
  delivered(date: number): void;
}

/**
 * One accepted message on its way from a node's SMTP queue to the local
 * mailboxes on the filer and, for remote recipients, to the mail sink.
 * A delivery thread of the node handles the message from start to end:
 * each local copy costs CPU and NFS writes, and the relay to the sink
 * sends the message once over the LAN for all its remote recipients.
 */
export class Delivery {
  private localIndex = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly node: ServerNode,
    private readonly sizeBytes: number,
    private readonly localAccounts: readonly number[],
    private readonly watchers: readonly (DeliveryWatcher | null)[],
    private readonly remoteCount: number,
    private readonly sendDate: number,
  ) {}

  /** Queues the message for a delivery thread. */
  start(): void {
    this.node.deliveryThreads.request(onThreadGranted, this);
  }

  /** @internal */
  next(): void {
    const cluster = this.cluster;
    const smtp = cluster.config.smtp;

    if (this.localIndex < this.localAccounts.length) {
      const kilobytes = this.sizeBytes / 1024;
      const writes = Math.ceil(this.sizeBytes / cluster.config.filer.transferSize);
      serveCommand(
        cluster,
        this.node,
        smtp.localDelivery,
        smtp.localDeliveryCpuPerKb * kilobytes,
        0,
        writes,
        onLocalCopyStored,
        this,
      );
      return;
    }

    if (this.remoteCount > 0) {
      serveCommand(cluster, this.node, smtp.remoteDelivery, 0, 0, 0, onRelayStarted, this);
      return;
    }
    this.node.deliveryThreads.release();
  }

  /** @internal */
  localCopyStored(): void {
    const cluster = this.cluster;
    const account = this.localAccounts[this.localIndex] as number;
    cluster.store.append(account, this.sizeBytes);
    this.watchers[this.localIndex]?.delivered(cluster.sim.now);
    this.localIndex++;
    this.next();
  }

  /** @internal */
  relayStarted(): void {
    const network = this.cluster.config.network;
    const time = network.lanRoundTrip + this.sizeBytes / network.lanBytesPerSecond;
    this.cluster.sim.schedule(time, onRelayed, this);
  }

  /** @internal */
  relayed(): void {
    const cluster = this.cluster;
    for (let i = 0; i < this.remoteCount; i++) {
      cluster.observer.remoteDelivered(this.sendDate, cluster.sim.now);
    }
    this.node.deliveryThreads.release();
  }
}

function onThreadGranted(delivery: Delivery): void {
  delivery.next();
}
function onLocalCopyStored(delivery: Delivery): void {
  delivery.localCopyStored();
}
function onRelayStarted(delivery: Delivery): void {
  delivery.relayStarted();
}
function onRelayed(delivery: Delivery): void {
  delivery.relayed();
}
