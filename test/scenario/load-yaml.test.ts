import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { loadYamlFile, parseYamlText } from '../../src/scenario/load-yaml.js';
import { applyOverrides } from '../../src/scenario/overrides.js';
import { scenarioErrorOf as errorOf } from './scenario-error.js';

const schema = z.strictObject({
  name: z.string(),
  network: z.strictObject({
    latencyMs: z.number().positive(),
    protocol: z.enum(['tcp', 'udp']),
  }),
  servers: z
    .array(
      z.strictObject({
        name: z.string(),
        cpus: z.number().int().positive(),
        queue: z.enum(['fifo', 'lifo']).default('fifo'),
      }),
    )
    .min(1),
  seed: z.number().int().default(1),
});

const FILE = 'scenario.yaml';

const VALID = `name: small cluster
network:
  latencyMs: 2
  protocol: tcp
servers:
  - name: a
    cpus: 4
  - name: b
    cpus: 8
    queue: lifo
`;

function parse(text: string, overrides: string[] = []): unknown {
  return parseYamlText(text, FILE, schema, { overrides });
}

describe('parseYamlText', () => {
  it('parses valid scenario with defaults', () => {
    expect(parse(VALID)).toEqual({
      name: 'small cluster',
      network: { latencyMs: 2, protocol: 'tcp' },
      servers: [
        { name: 'a', cpus: 4, queue: 'fifo' },
        { name: 'b', cpus: 8, queue: 'lifo' },
      ],
      seed: 1,
    });
  });

  it('reports wrong type at nested path', () => {
    const error = errorOf(() => parse(VALID.replace('cpus: 8', 'cpus: eight')));

    expect(error.code).toBe('schema-invalid');
    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:9:11: servers[1].cpus: wrong type, got "eight"; ' +
        'expected a number.',
    );
  });

  it('lists problems with positions', () => {
    const error = errorOf(() => parse(VALID.replace('cpus: 8', 'cpus: eight')));

    expect(error.problems).toEqual([
      {
        file: FILE,
        line: 9,
        column: 11,
        path: ['servers', 1, 'cpus'],
        message: 'wrong type, got "eight"; expected a number.',
      },
    ]);
  });

  it('reports negative number', () => {
    const error = errorOf(() =>
      parse(VALID.replace('latencyMs: 2', 'latencyMs: -3')),
    );

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:3:14: network.latencyMs: too small, got -3; ' +
        'expected a number greater than 0.',
    );
  });

  it('reports enum typo with suggestion', () => {
    const error = errorOf(() =>
      parse(VALID.replace('protocol: tcp', 'protocol: tpc')),
    );

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:4:13: network.protocol: invalid value, got "tpc"; ' +
        'expected one of "tcp", "udp". Did you mean "tcp"?',
    );
  });

  it('reports unknown key with suggestion', () => {
    const error = errorOf(() => parse(VALID.replace('cpus: 4', 'cpuz: 4')));

    expect(error.message).toBe(
      'scenario.yaml: 2 problems in scenario:\n' +
        '  scenario.yaml:6:5: servers[0].cpus: missing required key; ' +
        'add "cpus" with a number under servers[0].\n' +
        '  scenario.yaml:7:5: servers[0].cpuz: unknown key; ' +
        'did you mean "cpus"? Allowed keys here: name, cpus, queue.',
    );
  });

  it('reports unknown key without close match', () => {
    const error = errorOf(() => parse(`${VALID}color: red\n`));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:11:1: color: unknown key; remove it or use one of ' +
        'the allowed keys: name, network, servers, seed.',
    );
  });

  it('reports missing key at parent', () => {
    const error = errorOf(() => parse(VALID.replace('  protocol: tcp\n', '')));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:2:1: network.protocol: missing required key; ' +
        'add "protocol" with one of "tcp", "udp" under network.',
    );
  });

  it('reports missing key at top level', () => {
    const text = VALID.replace('name: small cluster\n', '');

    const error = errorOf(() => parse(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:1:1: name: missing required key; ' +
        'add "name" with a string at the top level.',
    );
  });

  it('reports empty value at its key', () => {
    const text = VALID.replace('latencyMs: 2', 'latencyMs:');

    const error = errorOf(() => parse(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:3:3: network.latencyMs: wrong type, got null; ' +
        'expected a number.',
    );
  });

  it('sorts two problems by line', () => {
    const text = `name: small cluster
servers:
  - name: a
    cpus: 0
network:
  latencyMs: fast
  protocol: tcp
`;
    const error = errorOf(() => parse(text));

    expect(error.message).toBe(
      'scenario.yaml: 2 problems in scenario:\n' +
        '  scenario.yaml:4:11: servers[0].cpus: too small, got 0; ' +
        'expected a number greater than 0.\n' +
        '  scenario.yaml:6:14: network.latencyMs: wrong type, got "fast"; ' +
        'expected a number.',
    );
  });

  it('reports short list', () => {
    const text = VALID.replace(/servers:[^]*$/, 'servers: []\n');

    const error = errorOf(() => parse(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:5:10: servers: too few items, ' +
        'got a list of 0 items; ' +
        'expected at least 1 item.',
    );
  });

  it('reports every YAML syntax error', () => {
    const text = `name: [small
network:
  latencyMs: 2
  latencyMs: 3
`;
    const error = errorOf(() => parse(text));

    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toBe(
      'scenario.yaml: 2 YAML syntax errors:\n' +
        '  scenario.yaml:2:1: Flow sequence in block collection must be ' +
        'sufficiently indented and end with a ]\n' +
        '  scenario.yaml:4:3: Map keys must be unique',
    );
  });

  it('reports wrong type of document', () => {
    const error = errorOf(() => parse('42'));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:1:1: wrong type, got 42; expected a map.',
    );
  });

  it('reports empty document with examples', () => {
    const error = errorOf(() => parse('# nothing yet\n'));

    expect(error.code).toBe('file-empty');
    expect(error.message).toBe(
      'scenario.yaml: the file is empty or has only comments, so it ' +
        'contains no scenario; write one there, starting from a copy of an ' +
        'example such as scenarios/specmail2001-intrastore.yaml (a ' +
        'SPECmail2001 mail cluster) or scenarios/teaching/jackson-feedback.yaml ' +
        '(a queueing network).',
    );
  });

  it('names the document kind when empty', () => {
    const error = errorOf(() =>
      parseYamlText('', FILE, schema, { documentName: 'published result' }),
    );

    expect(error.message).toBe(
      'scenario.yaml: the file is empty or has only comments, so it ' +
        'contains no published result; write it there as a YAML map, like ' +
        'the examples in scenarios.',
    );
  });

  it('reports deep nesting at its position', () => {
    const depth = 5000;
    const text = `name: x\nnetwork: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

    const error = errorOf(() => parse(text));

    expect(error.code).toBe('yaml-too-deep');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.line).toBe(2);
    expect(error.message).toMatch(
      /^scenario\.yaml:2:\d+: maps and lists are nested too deeply to parse \(the YAML parser ran out of stack here\); a scenario nests them only a few levels deep, so remove the extra brackets or indentation\.$/,
    );
  });

  it('reports a value past two bounds once', () => {
    const bounded = z.strictObject({
      seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    });

    const error = errorOf(() =>
      parseYamlText('seed: 1', FILE, bounded, {
        overrides: ['seed=99999999999999999999'],
      }),
    );

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  --set seed=99999999999999999999: seed: too large, got ' +
        '100000000000000000000; expected an integer at most 9007199254740991.',
    );
  });

  it('keeps the tighter of two bounds', () => {
    const bounded = z.strictObject({ count: z.number().int().max(10) });

    const error = errorOf(() => parseYamlText('count: 1e20', FILE, bounded));

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toBe(
      'too large, got 100000000000000000000; expected a number at most 10.',
    );
  });
});

describe('parseYamlText overrides', () => {
  it('applies overrides before validation', () => {
    const data = parse(VALID, ['servers.0.cpus=16', 'seed=7', 'name=big']);

    expect(data).toMatchObject({
      name: 'big',
      servers: [{ cpus: 16 }, { cpus: 8 }],
      seed: 7,
    });
  });

  it('reports bad override value at option', () => {
    const error = errorOf(() => parse(VALID, ['network.latencyMs=-5']));

    expect(error.code).toBe('schema-invalid');
    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  --set network.latencyMs=-5: network.latencyMs: too small, got -5; ' +
        'expected a number greater than 0.',
    );
  });

  it('reports new unknown key at option', () => {
    const error = errorOf(() => parse(VALID, ['network.latncyMs=5']));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  --set network.latncyMs=5: network.latncyMs: unknown key; ' +
        'did you mean "latencyMs"? Allowed keys here: latencyMs, protocol.',
    );
  });

  it('reports list given as plain text', () => {
    const error = errorOf(() => parse(VALID, ['servers=a,b']));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  --set servers=a,b: servers: wrong type, got "a,b"; expected a ' +
        'list. In --set, write a list as [50, 60] and a map as {cpuMs: 2}.',
    );
  });

  it('reports problem inside a set list at option', () => {
    const error = errorOf(() =>
      parse(VALID, ['servers=[{name: c, cpus: 0}]']),
    );

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  --set servers=[{name: c, cpus: 0}]: servers[0].cpus: too small, ' +
        'got 0; expected a number greater than 0.',
    );
  });

  it('places bracket path problem at option', () => {
    const error = errorOf(() => parse(VALID, ['servers[1].cpus=-1']));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  --set servers[1].cpus=-1: servers[1].cpus: too small, got -1; ' +
        'expected a number greater than 0.',
    );
  });

  it('reports unknown override path', () => {
    const error = errorOf(() => parse(VALID, ['netwrk.latencyMs=5']));

    expect(error.code).toBe('override-invalid');
    expect(error.message).toBe(
      'scenario.yaml: 1 invalid --set option:\n' +
        '  --set netwrk.latencyMs=5: netwrk: unknown key; did you mean ' +
        '"network"? Keys in the file here: name, network, servers.',
    );
  });
});

describe('applyOverrides', () => {
  it('leaves input unchanged', () => {
    const data = { network: { latencyMs: 2 } };

    applyOverrides(data, ['network.latencyMs=9'], FILE);

    expect(data).toEqual({ network: { latencyMs: 2 } });
  });

  it('parses values as YAML scalars', () => {
    const sets = ['a=12', 'b=true', 'c=text', 'd="12"', 'e=', 'f=x: y'];

    const data = applyOverrides({}, sets, FILE);

    expect(data).toEqual({
      a: 12,
      b: true,
      c: 'text',
      d: '12',
      e: null,
      f: 'x: y',
    });
  });

  it('parses flow lists and maps', () => {
    const sets = ['a=[50, 60]', 'b={cpuMs: 2, diskWrites: 1}', 'c=[]', 'd=[x, "y,z"]'];

    const data = applyOverrides({}, sets, FILE);

    expect(data).toEqual({
      a: [50, 60],
      b: { cpuMs: 2, diskWrites: 1 },
      c: [],
      d: ['x', 'y,z'],
    });
  });

  it('sets list items by bracket and dot', () => {
    const data = { servers: [{ cpus: 4 }, { cpus: 8 }], levels: [80, 100] };
    const sets = ['servers[1].cpus=16', 'levels.0=50', 'levels[1]=90'];

    const result = applyOverrides(data, sets, FILE);

    expect(result).toEqual({
      servers: [{ cpus: 4 }, { cpus: 16 }],
      levels: [50, 90],
    });
  });

  it('sets quoted keys in brackets', () => {
    const data = { functions: { 'POP Retrieve': 1, 'a.b': 2 } };
    const sets = ['functions["POP Retrieve"]=5', 'functions["a.b"]=6'];

    const result = applyOverrides(data, sets, FILE);

    expect(result).toEqual({ functions: { 'POP Retrieve': 5, 'a.b': 6 } });
  });

  it('reports broken flow value', () => {
    const error = errorOf(() => applyOverrides({}, ['a=[1, 2'], FILE));

    expect(error.code).toBe('override-invalid');
    expect(error.message).toBe(
      'scenario.yaml: 1 invalid --set option:\n' +
        '  --set a=[1, 2: invalid YAML list or map, got "[1, 2" (Flow ' +
        'sequence must end with a ]); write a list as [50, 60] and a map ' +
        'as {cpuMs: 2}, and quote strings that contain commas or brackets.',
    );
  });

  it('reports bracket index out of range', () => {
    const data = { levels: [80, 100] };

    const error = errorOf(() => applyOverrides(data, ['levels[2]=90'], FILE));

    expect(error.message).toBe(
      'scenario.yaml: 1 invalid --set option:\n' +
        '  --set levels[2]=90: levels[2]: list index out of range, got 2; ' +
        'use an index from 0 to 1.',
    );
  });

  it('reports every invalid option', () => {
    const data = { servers: [{ cpus: 4 }], seed: 1 };
    const sets = [
      'servers.3.cpus=2',
      'servers.x=2',
      'seed.x=2',
      'seed',
      'a..b=1',
    ];

    const error = errorOf(() => applyOverrides(data, sets, FILE));

    expect(error.message).toBe(
      'scenario.yaml: 5 invalid --set options:\n' +
        '  --set servers.3.cpus=2: servers[3]: list index out of range, ' +
        'got 3; use an index from 0 to 0.\n' +
        '  --set servers.x=2: servers.x: expected a list index, got "x"; ' +
        'use an index from 0 to 0.\n' +
        '  --set seed.x=2: seed: not a map or list, got 1; set seed itself ' +
        'or fix the key path.\n' +
        '  --set seed: missing "=", expected key.path=value, such as ' +
        'software.pop.threads=200 or workload.levels[1]=90.\n' +
        '  --set a..b=1: invalid key path, got "a..b"; separate keys with ' +
        'single dots, such as software.pop.threads=200 or ' +
        'workload.levels[1]=90.',
    );
  });
});

describe('loadYamlFile', () => {
  it('loads file from disk', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sim-scenario-'));
    const file = join(directory, 'scenario.yaml');
    writeFileSync(file, VALID);

    const data = loadYamlFile(file, schema);

    expect(data.servers[0]?.queue).toBe('fifo');
  });

  it('reports missing file', () => {
    const file = join(tmpdir(), 'sim-no-such-dir', 'missing.yaml');

    const error = errorOf(() => loadYamlFile(file, schema));

    expect(error.code).toBe('file-not-found');
    expect(error.message).toBe(
      `${file}: scenario file not found (resolved to ${resolve(file)}); ` +
        'check the path and the current directory.',
    );
  });

  it('reports directory as unreadable', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sim-scenario-'));

    const error = errorOf(() => loadYamlFile(directory, schema));

    expect(error.code).toBe('file-unreadable');
    expect(error.message).toBe(
      `${directory}: cannot read scenario file, got a directory; ` +
        'give the path of a YAML file.',
    );
  });
});

const unionSchema = z.strictObject({
  arrival: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('poisson'),
      ratePerSecond: z.number().positive(),
    }),
    z.strictObject({ kind: z.literal('fixed'), intervalMs: z.number() }),
  ]),
  size: z.union([z.number(), z.string()]).optional(),
  limit: z.union([z.number(), z.strictObject({ max: z.number() })]).optional(),
  window: z
    .strictObject({ start: z.number(), end: z.number() })
    .refine((window) => window.end > window.start, 'end must be after start')
    .optional(),
});

function parseUnion(text: string): unknown {
  return parseYamlText(text, FILE, unionSchema);
}

describe('parseYamlText unions and refinements', () => {
  it('reports discriminator typo', () => {
    const error = errorOf(() => parseUnion('arrival:\n  kind: poison\n'));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:2:9: arrival.kind: invalid value, got "poison"; ' +
        'expected one of "poisson", "fixed". Did you mean "poisson"?',
    );
  });

  it('reports unknown key of union member', () => {
    const text = 'arrival:\n  kind: fixed\n  intervalMs: 5\n  rate: 2\n';

    const error = errorOf(() => parseUnion(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:4:3: arrival.rate: unknown key; remove it or use ' +
        'one of the allowed keys: kind, intervalMs.',
    );
  });

  it('reports type rejected by every member', () => {
    const text = 'arrival: {kind: fixed, intervalMs: 5}\nsize: true\n';

    const error = errorOf(() => parseUnion(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:2:7: size: wrong type, got true; ' +
        'expected a number or a string.',
    );
  });

  it('reports problem of closest member', () => {
    const text = 'arrival: {kind: fixed, intervalMs: 5}\nlimit:\n  max: x\n';

    const error = errorOf(() => parseUnion(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:3:8: limit.max: wrong type, got "x"; ' +
        'expected a number.',
    );
  });

  it('reports refinement message', () => {
    const text =
      'arrival: {kind: fixed, intervalMs: 5}\nwindow: {start: 5, end: 1}\n';

    const error = errorOf(() => parseUnion(text));

    expect(error.message).toBe(
      'scenario.yaml: 1 problem in scenario:\n' +
        '  scenario.yaml:2:9: window: end must be after start.',
    );
  });
});
