import { describe, expect, it } from 'vitest';
import { captureOutput, output, sim } from './capture-output.js';

const HOCKEY = 'scenarios/teaching/hockey-stick.yaml';
const DESK = 'test/network/fixtures/trace-desk.yaml';
const BAD = 'test/network/fixtures/bad-network.yaml';

captureOutput();

describe('sim analyze', () => {
  it('prints the exact M/M/1 figures', async () => {
    const status = await sim('analyze', HOCKEY);
    expect(status).toBe(0);
    expect(output.stdout).toContain('Stations rho95; classes load95\nModel: M/M/1\n');
    expect(output.stdout).toMatch(/^mean response \(s\) +20$/m);
    expect(output.stdout).toMatch(/^utilisation +0\.95$/m);
  });

  it('applies --set', async () => {
    await sim('analyze', HOCKEY, '--set', 'classes.load95.arrivalRate=0.98');
    expect(output.stdout).toMatch(/^mean response \(s\) +50$/m);
    expect(output.stdout).toContain('\nOverrides: --set classes.load95.arrivalRate=0.98\n');
  });

  it('says why no exact result applies', async () => {
    const status = await sim('analyze', 'scenarios/teaching/balancing.yaml');
    expect(status).toBe(0);
    expect(output.stdout).toContain(
      'No exact result: dispatch group "roundRobin" uses round-robin, which does not split the ' +
        'arrivals into independent Poisson streams; only random dispatch has an exact result here.',
    );
  });

  it('prints the MVA population curve', async () => {
    await sim('analyze', 'scenarios/teaching/central-server.yaml');
    expect(output.stdout).toContain('Exact MVA by population');
    expect(output.stdout).toMatch(/^ +50 +3\.309 +5\.108 +0\.9928$/m);
  });

  it('writes JSON', async () => {
    await sim('analyze', 'scenarios/teaching/finite-buffer.yaml', '--format', 'json');
    const result = JSON.parse(output.stdout);
    expect(result.overrides).toEqual([]);
    expect(result.components.map((c: { model: string }) => c.model)).toEqual([
      'M/M/1/5',
      'M/G/5/5 (Erlang B)',
    ]);
    expect(result.stations.trunks.overall.lossProbability).toBeCloseTo(0.19907, 5);
  });
});

describe('sim run on a network', () => {
  it('prints the first events with --trace', async () => {
    const status = await sim('run', DESK, '--trace', '10', '-q');
    expect(status).toBe(0);
    expect(output.stdout.split('\n').slice(0, 13)).toEqual([
      'First 10 events of replication 1',
      '  time  customer  event          station  queue  in station',
      '------  --------  -------------  -------  -----  ----------',
      '0.0000  jobs#1    think',
      '0.0000  jobs#2    think',
      '0.0000  jobs#3    think',
      '0.5000  jobs#1    arrive         desk         0           1',
      '0.5000  jobs#1    start service  desk         0           1',
      '0.5000  jobs#2    arrive         desk         1           2',
      '0.5000  jobs#3    arrive         desk         2           3',
      '1.5000  jobs#1    depart         desk         2           2',
      '1.5000  jobs#2    start service  desk         1           2',
      '1.5000  jobs#1    exit',
    ]);
  });

  it('prints simulated beside exact values', async () => {
    const status = await sim('run', HOCKEY, '--duration', '20000', '-q');
    expect(status).toBe(0);
    expect(output.stdout).toContain('Station rho80 (fcfs, 1 server) -- exact: M/M/1\n');
    expect(output.stdout).toMatch(/^figure +simulated +±95% +exact +difference$/m);
    expect(output.stdout).toContain('from 20 batch means of the one replication');
    expect(output.stdout).toContain('\nOverrides: --set duration=20000\n');
  });

  it('writes JSON with a fixed shape', async () => {
    await sim('run', HOCKEY, '--duration', '5000', '--format', 'json', '-q');
    const result = JSON.parse(output.stdout);
    expect(Object.keys(result)).toEqual([
      'scenario',
      'kind',
      'seed',
      'overrides',
      'replications',
      'durationSeconds',
      'warmup',
      'precision',
      'stations',
      'network',
      'flagged',
      'noExactResult',
      'trace',
    ]);
    expect(result.overrides).toEqual(['duration=5000']);
    expect(Object.keys(result.stations.rho50.overall.meanResponse)).toEqual([
      'simulated',
      'halfWidth',
      'exact',
      'difference',
      'flagged',
    ]);
    expect(result.stations.rho50.overall.meanResponse.exact).toBe(2);
    expect(result.network.load90.meanResponse.exact).toBeCloseTo(10, 10);
  });

  it('prints byte-identical JSON for one seed', async () => {
    await sim('run', HOCKEY, '--duration', '3000', '--format', 'json', '--seed', '4', '-q');
    const first = output.stdout;
    output.stdout = '';
    await sim('run', HOCKEY, '--duration', '3000', '--format', 'json', '--seed', '4', '-q');
    expect(output.stdout).toBe(first);
  });

  it('says that arrivals to a full station are lost', async () => {
    await sim('run', 'scenarios/teaching/finite-buffer.yaml', '--duration', '5000', '-q');
    expect(output.stdout).toMatch(
      /^Station buffer holds at most 5 customers; arrivals that find it full are lost: [\d,]+ of [\d,]+ arrivals per replication\.$/m,
    );
  });
});

describe('sim run network errors', () => {
  it('lists every problem of a bad network', async () => {
    const status = await sim('run', BAD, '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      [
        'sim: test/network/fixtures/bad-network.yaml: 4 problems in scenario:',
        '  test/network/fixtures/bad-network.yaml:5:31: stations.cpu.capacity: capacity 1 is below servers 2; give a capacity of at least 2.',
        '  test/network/fixtures/bad-network.yaml:12:12: classes.jobs.routing.cpu: routing probabilities sum to 1.1, above 1; lower them so that they sum to at most 1 (the rest exits).',
        '  test/network/fixtures/bad-network.yaml:12:29: classes.jobs.routing.cpu.dsk: unknown station or dispatch group "dsk"; did you mean "disk"? Known: cpu, disk, exit.',
        '  test/network/fixtures/bad-network.yaml:14:5: classes.idle: give exactly one of arrivalRate or interarrival (an open class) or population (a closed class).',
        '',
      ].join('\n'),
    );
  });

  it('names an unknown distribution', async () => {
    const status = await sim('run', 'test/network/fixtures/bad-network-schema.yaml', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toContain(
      'bad-network-schema.yaml:5:26: stations.disk.service.type: invalid value, got "gamma"; expected one of ' +
        '"exponential", "deterministic", "uniform", "erlang", "hyperexponential", "lognormal", "empirical".',
    );
  });

  it('names an unstable station', async () => {
    const status = await sim('run', 'test/network/fixtures/unstable.yaml', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: test/network/fixtures/unstable.yaml: 1 problem in scenario:\n' +
        '  test/network/fixtures/unstable.yaml:5:11: stations.server: station "server" is unstable: ' +
        'its open classes bring 1.25 s of work per second for 1 server(s), a utilisation of 1.25 >= 1, ' +
        'so its queue grows without bound; lower the arrival rates, add servers, shorten the service ' +
        'time, or set a capacity.\n',
    );
  });

  it('names the --set behind an unstable station', async () => {
    const status = await sim('analyze', HOCKEY, '--set', 'classes.load95.arrivalRate=1.0');
    expect(status).toBe(2);
    expect(output.stderr).toContain(
      'or set a capacity. This is with --set classes.load95.arrivalRate=1.0.\n',
    );
  });

  it('lists the kinds for an unknown kind', async () => {
    const status = await sim('run', HOCKEY, '--set', 'kind=netwrk', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: scenarios/teaching/hockey-stick.yaml: 1 problem in scenario:\n' +
        '  --set kind=netwrk: kind: invalid value, got "netwrk"; expected one of "specmail2001", ' +
        '"network". Did you mean "network"?\n',
    );
  });

  it('rejects --trace for SPECmail2001', async () => {
    const status = await sim('run', 'test/fixtures/small-specmail.yaml', '--trace', '5', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: --trace: test/fixtures/small-specmail.yaml is a specmail2001 scenario; tracing is ' +
        'available for network scenarios (kind: network) only. Remove --trace.\n',
    );
  });

  it('rejects --levels for a network', async () => {
    const status = await sim('run', HOCKEY, '--levels', '80', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toContain(
      '--levels: scenarios/teaching/hockey-stick.yaml is a network scenario',
    );
  });

  it('rejects --workers for a network', async () => {
    const status = await sim('run', HOCKEY, '--workers', '2', '-q');
    expect(status).toBe(2);
    expect(output.stderr).toContain(
      '--workers: scenarios/teaching/hockey-stick.yaml is a network scenario, whose replications',
    );
  });

  it('sends sim validate users to sim run', async () => {
    const status = await sim('validate', HOCKEY, '-q');
    expect(status).toBe(2);
    expect(output.stderr).toBe(
      'sim: scenarios/teaching/hockey-stick.yaml: sim validate compares SPECmail2001 runs with ' +
        'published results; a network scenario has none. Run it with sim run, which compares every ' +
        'figure with its exact value.\n',
    );
  });

  it('rejects a bad trace count', async () => {
    const status = await sim('run', HOCKEY, '--trace', 'ten');
    expect(status).toBe(2);
    expect(output.stderr).toContain('got "ten"; give a whole number of events from 1 to 1000000.');
  });
});
