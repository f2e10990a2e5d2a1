import { describe, expect, it } from 'vitest';
import { EmpiricalDistribution } from '../../src/engine/distributions.js';
import { RandomStreams } from '../../src/engine/random.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { Step } from '../../src/model/observer.js';
import { FUNCTION_OF_STEP, STEP_FUNCTIONS } from '../../src/workload/specmail2001/functions.js';
import { SpecmailMeasurement } from '../../src/workload/specmail2001/measurement.js';
import { SPECMAIL2001_DEFAULTS } from '../../src/workload/specmail2001/parameters.js';
import { createPopulation, emptyMailboxShare } from '../../src/workload/specmail2001/population.js';
import { sessionRates } from '../../src/workload/specmail2001/rates.js';
import { runSpecmailLevel } from '../../src/workload/specmail2001/run-level.js';

const SMALL = 'test/fixtures/small-specmail.yaml';

describe('session rates', () => {
  // 500,000 users x 0.15 busy-hour share / 3,600 s = 20.833 per second.
  const rates = sessionRates(SPECMAIL2001_DEFAULTS, 100);

  it('counts 500,000 users at 2,500 MPM', () => {
    expect(rates.users).toBe(500_000);
  });
  it('gives 41.67 local SMTP sessions/s', () => {
    expect(rates.smtpLocal).toBeCloseTo(41.667, 3);
  });
  it('gives 37.50 remote SMTP sessions/s', () => {
    expect(rates.smtpRemote).toBeCloseTo(37.5, 3);
  });
  it('gives 20.83 random-pool POP sessions/s', () => {
    expect(rates.popRandom).toBeCloseTo(20.833, 3);
  });
  it('gives 62.50 retry-pool POP sessions/s', () => {
    expect(rates.popRetry).toBeCloseTo(62.5, 3);
  });
  it('scales every rate with the load level', () => {
    expect(sessionRates(SPECMAIL2001_DEFAULTS, 120).popRetry).toBeCloseTo(75, 3);
  });
});

describe('initial mail store', () => {
  it('leaves 21.28 % of random-pool mailboxes empty', () => {
    expect(emptyMailboxShare(3.7, 1)).toBeCloseTo(0.2128, 4);
  });
  it('leaves 90.91 % of retry-pool mailboxes empty', () => {
    expect(emptyMailboxShare(0.3, 3)).toBeCloseTo(0.9091, 4);
  });

  it('holds 3.43 messages per mailbox on average', () => {
    // Mean of the mixture: 0.925 x 3.70 + 0.075 x 0.10 = 3.43. With
    // 200,000 mailboxes the standard error of the mean is about
    // sqrt(0.925 x 17.4 / 200,000) = 0.009, so 0.04 is over 4 errors.
    const sizes = SPECMAIL2001_DEFAULTS.messageSizeKb;
    const table = new EmpiricalDistribution(sizes.values, sizes.percent);
    const random = new RandomStreams(7).stream('store');
    const population = createPopulation(SPECMAIL2001_DEFAULTS, 200_000, table, random);
    const mean = population.store.totalMessages / 200_000;
    expect(Math.abs(mean - 3.4325)).toBeLessThan(0.04);
  });
});

describe('quality-of-service limits', () => {
  const measurement = () => new SpecmailMeasurement(SPECMAIL2001_DEFAULTS, 100, 200);

  it('passes a step answered in 5 s', () => {
    const m = measurement();
    m.step(0, 150, 150, 5, false, 155);
    expect(m.steps[0]!.passes).toBe(1);
  });
  it('fails a step answered after 5 s', () => {
    const m = measurement();
    m.step(0, 150, 150, 5.001, false, 155.001);
    expect(m.steps[0]!.passes).toBe(0);
  });
  it('ignores a step finished early', () => {
    const m = measurement();
    m.step(0, 99, 99, 0.9, false, 99.9);
    expect(m.steps[0]!.attempts).toBe(0);
  });
  it('counts a step finished inside', () => {
    const m = measurement();
    m.step(0, 99, 99.5, 1, false, 100.5);
    expect(m.steps[0]!.attempts).toBe(1);
  });
  it('ignores a step finished at end', () => {
    const m = measurement();
    m.step(0, 150, 199, 1, false, 200);
    expect(m.steps[0]!.attempts).toBe(0);
  });
  it('counts a step of an earlier session', () => {
    const m = measurement();
    m.step(0, 50, 150, 1, false, 151);
    expect(m.steps[0]!.attempts).toBe(1);
  });
  it('counts a session by its last step', () => {
    const m = measurement();
    m.session('smtp', 50, 150, 'completed');
    m.session('smtp', 150, 210, 'completed');
    expect(m.smtpSessions).toBe(1);
  });
  it('allows 5 s plus size / 3,000 B/s for a transfer', () => {
    // 30,000 B: limit 5 + 10 = 15 s.
    const m = measurement();
    m.transfer('pop-retr', 150, 150, 15, 30_000, true);
    m.transfer('pop-retr', 150, 150, 15.01, 30_000, true);
    expect(m.popRetrieveTransfer.attempts).toBe(2);
    expect(m.popRetrieveTransfer.passes).toBe(1);
  });
  it('counts a transfer by its end', () => {
    const m = measurement();
    m.transfer('pop-retr', 150, 95, 10, 30_000, true);
    m.transfer('pop-retr', 150, 195, 10, 30_000, true);
    expect(m.popRetrieveTransfer.attempts).toBe(1);
  });
  it('fails an incomplete transfer', () => {
    const m = measurement();
    m.transfer('smtp-data', 150, 150, 1, 30_000, false);
    expect(m.smtpDataTransfer.passes).toBe(0);
  });
  it('counts a probe by its end', () => {
    const m = measurement();
    m.probe(95, 30, false, 130);
    m.probe(150, 61, false, 215);
    m.probe(150, 61, false, 199);
    m.probe(150, null, true, 170);
    expect(m.deliveryTime.attempts).toBe(3);
    expect(m.deliveryTime.passes).toBe(1);
    expect(m.probeConnectErrors).toBe(1);
  });
  it('counts a remote copy delivered after measurement as failed', () => {
    const m = measurement();
    m.recipients(150, 0, 2);
    m.remoteDelivered(150, 199);
    m.remoteDelivered(150, 201);
    expect(m.remoteDelivery.attempts).toBe(2);
    expect(m.remoteDelivery.passes).toBe(1);
  });
});

describe('small SPECmail2001 run', () => {
  const { model } = loadScenario(SMALL);
  const result = runSpecmailLevel(model, 100, 3);
  // 5,000 users: 0.2083 local SMTP sessions/s over 300 s is 62.5 expected
  // sessions; all four streams together expect 1,625 sessions.
  const rates = sessionRates(model.workload, 100);
  const expected = (rates.smtpLocal + rates.smtpRemote + rates.popRandom + rates.popRetry) * 300;

  it('starts sessions at the Poisson rate', () => {
    const started = result.functions['SMTP Connect'].attempts + result.functions['POP Connect'].attempts;
    // A Poisson count has standard deviation sqrt(mean); allow 4 of them.
    expect(Math.abs(started - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('sends one RCPT per recipient', () => {
    // Recipients count when the first RCPT TO is sent; only a session
    // whose RCPTs straddle the end of measurement could split them.
    const recipients = result.events['SMTP To Local'] + result.events['SMTP To Remote'];
    expect(Math.abs(result.functions['SMTP Rcpt To'].attempts - recipients)).toBeLessThanOrEqual(2);
  });

  it('ends about every measured SMTP session', () => {
    // Sessions count by their last step and connects by their first, so
    // the two differ only by sessions that straddle the window's edges:
    // about rate x session length, well under 1 % here.
    const ended =
      result.events['SMTP Session'] + result.events['SMTP Disconnect'] + result.events['SMTP Connect Error'];
    const connects = result.functions['SMTP Connect'].attempts;
    expect(Math.abs(ended - connects)).toBeLessThan(0.01 * connects);
  });

  it('counts no rejected session as served', () => {
    expect(result.events['SMTP Session']).toBe(result.functions['SMTP Quit'].attempts);
  });

  it('keeps utilisation within capacity', () => {
    for (const resource of Object.values(result.resources)) {
      expect(resource.utilisation).toBeLessThanOrEqual(1);
    }
  });

  it('gives identical results for one seed', () => {
    const again = runSpecmailLevel(model, 100, 3);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('gives other results for another seed', () => {
    const other = runSpecmailLevel(model, 100, 4);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(result));
  });
});

describe('step names', () => {
  it('follow the model step numbers', () => {
    const names = Object.entries(Step).map(([, step]) => FUNCTION_OF_STEP[step]);
    expect(names).toEqual([...STEP_FUNCTIONS]);
  });
});

describe('level progress', () => {
  it('reports shares without changing the result', () => {
    const { model } = loadScenario('test/fixtures/small-specmail.yaml');
    const shares: number[] = [];
    const plain = runSpecmailLevel(model, 100, 3);
    const watched = runSpecmailLevel(model, 100, 3, (share) => shares.push(share));
    expect(JSON.stringify(watched)).toBe(JSON.stringify(plain));
    expect(shares[0]).toBeCloseTo(0.05, 10);
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((share, i) => i === 0 || share > shares[i - 1]!)).toBe(true);
  });
});
