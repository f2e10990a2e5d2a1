import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.js';
import { PopSession } from '../../src/model/client/pop-session.js';
import { SmtpSession } from '../../src/model/client/smtp-session.js';
import { Step } from '../../src/model/observer.js';
import { tinyClientConfig, tinyCluster, tinyClusterConfig } from '../fixtures/tiny-cluster.js';

const random = new RandomStreams(1).stream('test');

describe('POP session', () => {
  // Modem client, 100 ms round trip, 10 ms CPU per command, PASS adds a
  // 20 ms directory lookup, RETR of 6,000 B adds one 5 ms NFS read and
  // then holds its thread for 6,000 B / 6,000 B/s = 1 s.
  //   connect 0     -> connect() returns at 0.100
  //   banner  0     -> thread, cpu to 0.010 -> arrives 0.110
  //   USER    0.110 -> 0.120 -> 0.220 (step from 0.100)
  //   PASS    0.220 -> 0.230 -> lookup 0.250 -> 0.350
  //   STAT    0.350 -> 0.360 -> 0.460
  //   RETR    0.460 -> 0.470 -> read 0.475 -> first byte 0.575,
  //           last byte 0.575 + 1 s = 1.575, thread free at 1.475
  //   DELE    1.575 -> 1.585 -> 1.685
  //   QUIT    1.685 -> 1.695 -> 1.795
  it('gives the hand-computed timeline', () => {
    const { sim, store, observer, cluster } = tinyCluster();
    store.append(3, 6000);
    new PopSession(cluster, tinyClientConfig(), random, 3, true, null).start();
    sim.run();

    expect(observer.log).toEqual([
      `step ${Step.PopConnect} at 0 took 100`,
      `step ${Step.PopUser} at 100 took 120`,
      `step ${Step.PopPass} at 220 took 130`,
      `step ${Step.PopStat} at 350 took 110`,
      `step ${Step.PopRetr} at 460 took 115`,
      'pop-retr at 460 took 1115 for 6000 B',
      `step ${Step.PopDele} at 1575 took 110`,
      `step ${Step.PopQuit} at 1685 took 110`,
      'pop session completed',
    ]);
    expect(sim.now).toBeCloseTo(1.795, 9);
  });

  it('empties the mailbox it downloads', () => {
    const { sim, store, cluster } = tinyCluster();
    store.append(3, 6000);
    store.append(3, 1000);
    new PopSession(cluster, tinyClientConfig(), random, 3, true, null).start();
    sim.run();

    expect(store.messageCount(3)).toBe(0);
    expect(store.totalMessages).toBe(0);
  });

  it('holds a thread for the modem transfer', () => {
    const { sim, store, cluster } = tinyCluster();
    store.append(3, 6000);
    new PopSession(cluster, tinyClientConfig(), random, 3, true, null).start();
    const threads = cluster.nodes[0]!.popThreads;

    sim.run(1.47);
    expect(threads.inUse).toBe(1);
    sim.run(1.48);
    expect(threads.inUse).toBe(0);
  });

  it('queues commands when all threads are busy', () => {
    // Two threads; three sessions each retrieving a 60,000 B message
    // hold both threads for 10 s, so the third RETR waits.
    const { sim, store, cluster } = tinyCluster();
    for (const account of [1, 2, 3]) store.append(account, 60_000);
    for (const account of [1, 2, 3]) {
      new PopSession(cluster, tinyClientConfig(), random, account, true, null).start();
    }
    sim.run();

    const threads = cluster.nodes[0]!.popThreads;
    expect(threads.waitTime.max).toBeGreaterThan(9);
  });
});

describe('SMTP session', () => {
  // Modem client sending 6,000 B to one local and one remote recipient.
  //   connect 0     -> connect() returns at 0.100
  //   banner  0     -> cpu to 0.010 -> arrives 0.110
  //   HELO    0.110 -> 0.120 -> 0.220 (step from 0.100)
  //   MAIL    0.220 -> 0.230 -> 0.330
  //   RCPT    0.330 -> 0.340 -> lookup 0.360 -> 0.460 (local)
  //   RCPT    0.460 -> 0.470 -> 0.570 (remote)
  //   DATA    0.570 -> 0.580 -> disk 0.588 -> 354 at 0.688
  //   body    0.688 + 1 s = 1.688 -> 1.698 -> disk 1.706 -> 250 at 1.806
  //   QUIT    1.806 -> 1.816 -> 1.916
  // Delivery from 1.706: local copy CPU to 1.716, NFS write to 1.721;
  // relay CPU to 1.731, then LAN 1 ms + 6,000 B at 6 MB/s = 1.733.
  it('gives the hand-computed timeline', () => {
    const { sim, store, observer, cluster } = tinyCluster();
    const message = {
      modem: true,
      sizeBytes: 6000,
      localAccounts: [4],
      probes: [null],
      remoteCount: 1,
      abortDuringData: false,
    };
    new SmtpSession(cluster, tinyClientConfig(), message).start();
    sim.run();

    expect(observer.log).toEqual([
      `step ${Step.SmtpConnect} at 0 took 100`,
      `step ${Step.SmtpHello} at 100 took 120`,
      `step ${Step.SmtpMailFrom} at 220 took 110`,
      'recipients 1 local 1 remote',
      `step ${Step.SmtpRcptTo} at 330 took 130`,
      `step ${Step.SmtpRcptTo} at 460 took 110`,
      `step ${Step.SmtpData} at 570 took 118`,
      'remote delivered at 1733',
      'smtp-data at 570 took 1236 for 6000 B',
      `step ${Step.SmtpQuit} at 1806 took 110`,
      'smtp session completed',
    ]);
    expect(store.messageCount(4)).toBe(1);
  });

  it('delivers nothing when the client drops during DATA', () => {
    const { sim, store, observer, cluster } = tinyCluster();
    const message = {
      modem: true,
      sizeBytes: 6000,
      localAccounts: [4],
      probes: [null],
      remoteCount: 1,
      abortDuringData: true,
    };
    new SmtpSession(cluster, tinyClientConfig(), message).start();
    sim.run();

    expect(store.messageCount(4)).toBe(0);
    expect(observer.log.slice(-2)).toEqual([
      'smtp-data at 570 took 1118 for 6000 B incomplete',
      'smtp session disconnect',
    ]);
    expect(cluster.nodes[0]!.smtpSessions.inUse).toBe(0);
  });
});

describe('connection limits', () => {
  it('delays the banner while the accept queue is full', () => {
    // One connection slot and no accept queue: the second client's ACK is
    // dropped, and its connection is accepted when the server's SYN-ACK
    // retransmitted at t=3 is answered, after the first session ended.
    const config = tinyClusterConfig();
    config.smtp.maxSessions = 1;
    config.smtp.acceptBacklog = 0;
    const { sim, observer, cluster } = tinyCluster(10, config);
    for (let i = 0; i < 2; i++) {
      const message = {
        modem: false,
        sizeBytes: 1000,
        localAccounts: [],
        probes: [],
        remoteCount: 1,
        abortDuringData: false,
      };
      new SmtpSession(cluster, tinyClientConfig(), message).start();
    }
    sim.run();

    const hellos = observer.log.filter((line) => line.startsWith(`step ${Step.SmtpHello} `));
    expect(hellos).toHaveLength(2);
    expect(hellos[1]).toMatch(/^step 1 at 1 took 30\d\d(\.\d)?$/);
    expect(cluster.connector.acksDropped).toBe(1);
    expect(observer.log.filter((line) => line === 'smtp session completed')).toHaveLength(2);
  });
});
