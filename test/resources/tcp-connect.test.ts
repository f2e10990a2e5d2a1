import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { Simulator } from '../../src/engine/simulator.js';
import { Pool } from '../../src/resources/pool.js';
import { TcpConnector } from '../../src/resources/tcp-connect.js';

/** Pauses before the 2nd, 3rd and 4th SYN, so SYNs go out at 0, 3, 9, 21. */
const RETRY_DELAYS = [3, 6, 12];
/** SYN-ACKs go out at 0, 3, 9, 21, 45 and 93. */
const SYN_ACK_RETRY_DELAYS = [3, 6, 12, 24, 48];

type Outcome = 'established' | 'accepted' | 'failed';
type OutcomeEntry = [time: number, outcome: Outcome];

interface SetUpOptions {
  queueLimit?: number;
  synLossProbability?: number;
  ackLossProbability?: number;
  /** Defaults to the higher of the two first-packet probabilities. */
  retransmitLossProbability?: number;
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
      synAckRetryDelays: SYN_ACK_RETRY_DELAYS,
      synLossProbability: options.synLossProbability ?? 0,
      ackLossProbability: options.ackLossProbability ?? 0,
      retransmitLossProbability:
        options.retransmitLossProbability ??
        Math.max(options.synLossProbability ?? 0, options.ackLossProbability ?? 0),
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
  it('lost first SYN retried once', () => {
    // The first SYN is lost, its retransmission 3 s later is not.
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      synLossProbability: 1,
      retransmitLossProbability: 0,
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([
      [3, 'established'],
      [3, 'accepted'],
    ]);
    expect(connector.synsSent).toBe(2);
  });

  it('total SYN loss fails at 21', () => {
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      synLossProbability: 1,
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([[21, 'failed']]);
    expect(connector.synsSent).toBe(4);
    expect(connector.synsLost).toBe(4);
    expect(pool.inUse).toBe(0);
    expect(pool.rejected).toBe(0);
    expect(pool.waitTime.count).toBe(0);
  });

  it('SYNs go out at 0, 3, 9 and 21', () => {
    const { sim, pool, connector, callbacks } = setUp({
      synLossProbability: 1,
      holdBusy: false,
    });
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
    expect(connector.acksDropped).toBe(0);
  });

  it('full accept queue drops the ACK', () => {
    // The only unit is busy and the accept queue holds nothing, so the
    // ACK is dropped; the unit frees at t=5, and the ACK answering the
    // SYN-ACK retransmitted at t=9 finds room.
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      holdBusy: true,
    });
    sim.schedule(5, () => pool.release(), undefined);
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([
      [0, 'established'],
      [9, 'accepted'],
    ]);
    expect(connector.acksDropped).toBe(2);
    expect(pool.rejected).toBe(2);
  });

  it('full accept queue fails at 93', () => {
    // The server retransmits its SYN-ACK at 3, 9, 21, 45 and 93 s, finds
    // the accept queue full every time and then gives up.
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      holdBusy: true,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([
      [0, 'established'],
      [93, 'failed'],
    ]);
    expect(connector.acksDropped).toBe(6);
    expect(connector.synsSent).toBe(1);
  });

  it('lost ACKs delay accept to 21', () => {
    // connect() returns at t=0, but the server queues the connection only
    // when the ACK after its third SYN-ACK retransmission arrives, after
    // 3 + 6 + 12 s.
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      ackLossProbability: 1,
      retransmitLossProbability: 1,
      holdBusy: false,
    });
    let acceptedAt = -1;
    connector.connect(
      pool,
      { ...callbacks, accepted: () => (acceptedAt = sim.now) },
      undefined,
    );
    sim.run(21.5);
    expect(acceptedAt).toBe(-1);
    expect(connector.acksLost).toBe(4);
    expect(outcomes).toEqual([[0, 'established']]);
  });

  it('ACK lost once accepts at 3', () => {
    const { sim, pool, connector, outcomes, callbacks } = setUp({
      ackLossProbability: 1,
      retransmitLossProbability: 0,
      holdBusy: false,
    });
    connector.connect(pool, callbacks, undefined);
    sim.run();

    expect(outcomes).toEqual([
      [0, 'established'],
      [3, 'accepted'],
    ]);
    expect(connector.acksLost).toBe(1);
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
