import { describe, expect, it } from 'vitest';

import { loadYamlFile, parseYamlText } from '../../src/scenario/load-yaml.js';
import {
  publishedResultSchema,
  tolerancesSchema,
} from '../../src/scenario/reference-schema.js';
import { scenarioErrorOf as errorOf } from './scenario-error.js';

const PUBLISHED = 'mail.published.yaml';
const TOLERANCES = 'mail.tolerances.yaml';

/** A published result with one level and a few lines, as a file may give. */
const SMALL_RESULT = `rating_mpm: 25
users: 5000
summary_compliance_pct:
  POP Status: {limit_s: 5, required: '>95%', pct: [99.5]}
levels:
  '80':
    functions:
      POP Status: [202, 201, 99.5]
      POP Retrieve: [186, 169, 90.86]
    events:
      SMTP Disconnect: 3
    times_ms:
      POP Status: [0, 3211, 50.47]
`;

const FUNCTION_NAMES =
  'SMTP Connect, SMTP Hello, SMTP Mail From, SMTP Rcpt To, SMTP Data, ' +
  'SMTP Quit, POP Connect, POP User ID, POP Password, POP Status, ' +
  'POP Retrieve, POP Delete, POP Quit, Delivery Time, SMTP Data Response ' +
  'Time, POP Retrieve Response Time, Remote Message Delivery';

const EVENT_NAMES =
  '"SMTP Connect Error", "SMTP Protocol Error", "SMTP Disconnect", ' +
  '"SMTP Session", "SMTP To Local", "SMTP To Remote", "SINK Connect Error", ' +
  '"POP Connect Error", "POP Protocol Error", "POP Disconnect", ' +
  '"POP Session", "Delivery Time Connect Error"';

function parsePublished(text: string): unknown {
  return parseYamlText(text, PUBLISHED, publishedResultSchema, {
    documentName: 'published result (reference of mail.yaml)',
  });
}

function parseTolerances(text: string): unknown {
  return parseYamlText(text, TOLERANCES, tolerancesSchema, {
    documentName: 'tolerances (tolerances of mail.yaml)',
  });
}

describe('publishedResultSchema', () => {
  it('loads the shipped published results', () => {
    const shipped = loadYamlFile(
      'scenarios/specmail2001-intrastore.published.yaml',
      publishedResultSchema,
    );
    const fixture = loadYamlFile(
      'test/fixtures/small-specmail.published.yaml',
      publishedResultSchema,
    );

    expect(Object.keys(shipped.levels)).toEqual(['80', '100', '120']);
    expect(shipped.levels['120']?.functions['POP Retrieve']).toEqual([
      334193, 66522, 19.91,
    ]);
    expect(Object.keys(fixture.levels)).toEqual(['80', '100', '120']);
  });

  it('accepts a result that omits lines', () => {
    const result = parsePublished(SMALL_RESULT);

    expect(result).toMatchObject({
      levels: { '80': { functions: { 'POP Retrieve': [186, 169, 90.86] } } },
    });
  });

  it('reports a misspelt function name', () => {
    const text = SMALL_RESULT.replace('POP Retrieve:', 'POP Retreive:');

    const error = errorOf(() => parsePublished(text));

    expect(error.code).toBe('schema-invalid');
    expect(error.message).toBe(
      'mail.published.yaml: 1 problem in published result (reference of ' +
        'mail.yaml):\n' +
        '  mail.published.yaml:9:7: levels["80"].functions["POP Retreive"]: ' +
        'unknown key; did you mean "POP Retrieve"? Allowed keys here: ' +
        `${FUNCTION_NAMES}.`,
    );
  });

  it('reports a misspelt event name', () => {
    const text = SMALL_RESULT.replace('SMTP Disconnect:', 'SMTP Disconect:');

    const error = errorOf(() => parsePublished(text));

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.path).toEqual([
      'levels',
      '80',
      'events',
      'SMTP Disconect',
    ]);
    expect(error.problems[0]?.message).toMatch(
      /^unknown key; did you mean "SMTP Disconnect"\? Allowed keys here: SMTP Connect Error, /,
    );
  });

  it('reports an unknown top-level key', () => {
    const error = errorOf(() => parsePublished(`${SMALL_RESULT}ratingg: 3\n`));

    expect(error.message).toBe(
      'mail.published.yaml: 1 problem in published result (reference of ' +
        'mail.yaml):\n' +
        '  mail.published.yaml:14:1: ratingg: unknown key; remove it or use ' +
        'one of the allowed keys: rating_mpm, users, summary_compliance_pct, ' +
        'levels.',
    );
  });

  it('reports an unknown summary line', () => {
    const text = SMALL_RESULT.replace('  POP Status: {', '  POP Stats: {');

    const error = errorOf(() => parsePublished(text));

    expect(error.problems[0]?.line).toBe(4);
    expect(error.problems[0]?.message).toBe(
      'unknown key; did you mean "POP Status"? Allowed keys here: SMTP ' +
        'Connect, SMTP Data, POP Connect, POP Status, POP Retrieve, ' +
        'POP Delete, Delivery Time, Error Rate.',
    );
  });

  it('reports a level that is not a percentage', () => {
    const text = SMALL_RESULT.replace("'80':", "'8o':");

    const error = errorOf(() => parsePublished(text));

    expect(error.message).toBe(
      'mail.published.yaml: 1 problem in published result (reference of ' +
        'mail.yaml):\n' +
        '  mail.published.yaml:6:3: levels["8o"]: invalid key: not a load ' +
        'percentage written as a whole number, such as "80", got "8o".',
    );
  });

  it('reports a summary list of the wrong length', () => {
    const text = SMALL_RESULT.replace('pct: [99.5]', 'pct: [99.5, 100]');

    const error = errorOf(() => parsePublished(text));

    expect(error.message).toBe(
      'mail.published.yaml: 1 problem in published result (reference of ' +
        'mail.yaml):\n' +
        '  mail.published.yaml:4:51: summary_compliance_pct["POP Status"].pct: ' +
        'has 2 percentages but levels has 1; give one per level, in the ' +
        'order of levels, and null for a level without one.',
    );
  });
});

describe('tolerancesSchema', () => {
  it('loads the shipped tolerances', () => {
    const shipped = loadYamlFile(
      'scenarios/specmail2001-intrastore.tolerances.yaml',
      tolerancesSchema,
    );
    const fixture = loadYamlFile(
      'test/fixtures/small-specmail.tolerances.yaml',
      tolerancesSchema,
    );

    expect(shipped.rules).toHaveLength(12);
    expect(shipped.rules[6]?.lines).toEqual(['POP User ID']);
    expect(fixture.rules[3]?.lines).toEqual(['SMTP Disconnect', 'POP Disconnect']);
  });

  it('reports a misspelt line', () => {
    const text =
      'rules:\n' +
      '  - {measure: summary, absolute: 0.5}\n' +
      '  - {measure: events, lines: [SMTP Disconect, POP Disconnect], relative: 0.15}\n';

    const error = errorOf(() => parseTolerances(text));

    expect(error.code).toBe('schema-invalid');
    expect(error.message).toBe(
      'mail.tolerances.yaml: 1 problem in tolerances (tolerances of ' +
        'mail.yaml):\n' +
        '  mail.tolerances.yaml:3:31: rules[1].lines[0]: invalid value, got ' +
        `"SMTP Disconect"; expected one of ${EVENT_NAMES}. Did you mean ` +
        '"SMTP Disconnect"?',
    );
  });

  it('reports a line of another measure', () => {
    const text = 'rules:\n  - {measure: averageTime, lines: [Delivery Time], factor: 2}\n';

    const error = errorOf(() => parseTolerances(text));

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.path).toEqual(['rules', 0, 'lines', 0]);
    expect(error.problems[0]?.message).toMatch(
      /^invalid value, got "Delivery Time"; expected one of "SMTP Connect", .*"POP Quit"\.$/,
    );
  });

  it('accepts the lines of each measure', () => {
    const text =
      'rules:\n' +
      '  - {measure: summary, lines: [Error Rate], absolute: 0.3}\n' +
      '  - {measure: attempts, lines: [Delivery Time], relative: 0.01}\n' +
      '  - {measure: functionPct, lines: [Remote Message Delivery], absolute: 0.5}\n' +
      '  - {measure: averageTime, lines: [POP User ID], factor: 1.5}\n' +
      '  - {measure: maxTime, lines: [SMTP Hello], absolute: 1000}\n' +
      '  - {measure: events, lines: [POP Session], relative: 0.15}\n';

    const tolerances = parseTolerances(text) as { rules: unknown[] };

    expect(tolerances.rules).toHaveLength(6);
  });
});
