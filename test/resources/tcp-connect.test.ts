import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { Simulator } from '../../src/engine/simulator.js';
import { Pool } from '../../src/resources/pool.js';
import { TcpConnector } from '../../src/resources/tcp-connect.js';

/** Pauses before the 2nd, 3rd and 4th SYN, so SYNs go out at 0, 3, 9, 21. */
const RETRY_DELAYS = [3, 6, 12];

type Outcome = 'established' | 'accepted' | 'failed';
type OutcomeEntry = [time: number, outcome: Outcome];

interface SetUpOptions {
  queueLimit?: number;
  synLossProbability?: number;
  ackLossProbability?: number;
  /** Takes the pool's only unit at t=0 before the client connects. */
  holdBusy: boolean;
}

function setUp(options: SetUpOptions) {
  const sim = new Simulator();
  const pool = new Pool(sim, 'backlog', {
    capacity: 1,
    queueLimit: options.queueLimit ?? 0,
  });
  if (options.holdBusy) pool.request(() => {}, undefined);

  const random = new RandomStreams(5).stream('packet-loss');
  const connector = new TcpConnector(
    sim,
    {
      synRetryDelays: RETRY_DELAYS,
      synLossProbability: options.synLossProbability ?? 0,
      ackLossProbability: options.ackLossProbability ?? 0,
    },
    random,
  );

  const outcomes: OutcomeEntry[] = [];
  const callbacks = {
    established: () => {
      outcomes.push([sim.now, 'established']);
    },
    accepted: () => {
      outcomes.push([sim.now, 'accepted']);
    },
    failed: () => {
      outcomes.push([sim.now, 'failed']);
    },
  };
  return { sim, pool, connector, outcomes, callbacks };
}

describe('TcpConnector', () => {
  it('full backlog fails after last retry', () => {
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      holdBusy: true,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([[21, 'failed']]);
    expect(connector.synsSent).toBe(4);
    expect(connector.synsDropped).toBe(4);
    expect(pool.inUse).toBe(1);
  });

  it('SYNs go out at 0, 3, 9 and 21', () => {
    const { sim, pool, connector, callbacks } = setUp({ holdBusy: true });
    const synTimes: number[] = [];
    let seenSyns = 0;
    // Samples synsSent at every whole second up to 30 s. A retry due at
    // second t was scheduled before the sample at t, so it fires first.
    const sample = (): void => {
      if (connector.synsSent > seenSyns) {
        synTimes.push(sim.now);
        seenSyns = connector.synsSent;
      }
      if (sim.now < 30) sim.schedule(1, sample, undefined);
    };
    connector.connect(pool, callbacks, undefined);
    sample();
    sim.run();

    expect(synTimes).toEqual([0, 3, 9, 21]);
  });

  it('retry after release is accepted', () => {
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      holdBusy: true,
    });
    sim.schedule(5, () => pool.release(), undefined);
    connector.connect(pool, callbacks, undefined);
    sim.run();

    // SYNs at 0 and 3 find the backlog full, but the one at 9 finds it free.
    expect(outcomes).toEqual([
      [9, 'established'],
      [9, 'accepted'],
    ]);
    expect(connector.synsSent).toBe(3);
    expect(connector.synsDropped).toBe(2);
    expect(pool.inUse).toBe(1);
  });

  it('total SYN loss fails without requests', () => {
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      synLossProbability: 1,
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([[21, 'failed']]);
    expect(connector.synsSent).toBe(4);
    expect(connector.synsDropped).toBe(4);
    expect(pool.inUse).toBe(0);
    expect(pool.rejected).toBe(0);
    expect(pool.waitTime.count).toBe(0);
  });

  it('free pool accepts synchronously', () => {
    const { pool, connector, outcomes, callbacks } = setUp({
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);

    // No run() call: both callbacks must run inside connect.
    expect(outcomes).toEqual([
      [0, 'established'],
      [0, 'accepted'],
    ]);
    expect(connector.synsSent).toBe(1);
    expect(connector.synsDropped).toBe(0);
    expect(pool.inUse).toBe(1);
  });

  it('queued connection accepts on release', () => {
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      queueLimit: 1,
      holdBusy: true,
    });
    sim.schedule(4, () => pool.release(), undefined);
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([
      [0, 'established'],
      [4, 'accepted'],
    ]);
    expect(connector.synsSent).toBe(1);
    expect(connector.synsDropped).toBe(0);
  });

  it('lost ACKs delay accept to 21', () => {
    // connect() returns at t=0, but the server queues the connection only
    // when the ACK after its third SYN-ACK retransmission arrives, after
    // 3 + 6 + 12 s.
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      ackLossProbability: 1,
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([
      [0, 'established'],
      [21, 'accepted'],
    ]);
    expect(connector.acksLost).toBe(3);
    expect(connector.synsSent).toBe(1);
  });

  it('backlog full after ACK loss fails', () => {
    // The ACKs are lost until t=21 as above. Another client takes the only
    // unit at t=1 and keeps it, so the ACK at t=21 is dropped and, with
    // every retransmission used, the connection fails then.
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      ackLossProbability: 1,
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);
    sim.schedule(1, () => pool.request(() => {}, undefined), undefined);
    sim.run();

    expect(outcomes).toEqual([
      [0, 'established'],
      [21, 'failed'],
    ]);
    expect(connector.acksLost).toBe(4);
    expect(pool.rejected).toBe(1);
  });

  it('arg reaches the callbacks', () => {
    const { pool, connector } = setUp({ holdBusy: false });
    const received: string[] = [];
    const record = (session: string): void => {
      received.push(session);
    };
    connector.connect(
      pool,
      { established: record, accepted: record, failed: record },
      'session 17',
    );
    expect(received).toEqual(['session 17', 'session 17']);
  });
});
