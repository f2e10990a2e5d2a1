import { describe, expect, it } from 'vitest';

import { splitOverride } from '../../src/scenario/override-path.js';

const EXAMPLE = 'such as software.pop.threads=200 or workload.levels[1]=90';
const BRACKETS =
  'brackets hold a list index, such as levels[1], or a key in double ' +
  'quotes, such as functions["POP Retrieve"], and end with "]".';

describe('splitOverride', () => {
  it.each([
    ['software.pop.threads=200', ['software', 'pop', 'threads'], '200'],
    ['workload.levels[1]=90', ['workload', 'levels', '1'], '90'],
    ['workload.levels.1=90', ['workload', 'levels', '1'], '90'],
    ['servers[0].cpu.cores=2', ['servers', '0', 'cpu', 'cores'], '2'],
    ['grid[1][2]=x', ['grid', '1', '2'], 'x'],
    ['[0]=x', ['0'], 'x'],
    ['f["POP Retrieve"]=1', ['f', 'POP Retrieve'], '1'],
    ['f["a.b=c"].d=1', ['f', 'a.b=c', 'd'], '1'],
    ['f["say \\"hi\\""]=1', ['f', 'say "hi"'], '1'],
    ['my class.rate=2', ['my class', 'rate'], '2'],
    ['a=b=c', ['a'], 'b=c'],
    ['a=', ['a'], ''],
  ])('splits %s', (text, path, valueText) => {
    expect(splitOverride(text)).toEqual({ path, valueText });
  });

  it.each([
    ['seed', `missing "=", expected key.path=value, ${EXAMPLE}.`],
    ['a..b=1', `invalid key path, got "a..b"; separate keys with single dots, ${EXAMPLE}.`],
    ['.a=1', `invalid key path, got ".a"; separate keys with single dots, ${EXAMPLE}.`],
    ['a.=1', `invalid key path, got "a."; give a key before "=" and no dot at the end, ${EXAMPLE}.`],
    ['=1', `invalid key path, got ""; give a key before "=" and no dot at the end, ${EXAMPLE}.`],
    ['a. .b=1', `invalid key path, got "a. .b"; a key cannot be blank, ${EXAMPLE}.`],
    ['a[1]b=1', `invalid key path, got "a[1]b"; put a dot or a bracket after "]", ${EXAMPLE}.`],
    ['a[x]=1', `invalid key path, got "a[x]"; ${BRACKETS}`],
    ['a[1=1', `invalid key path, got "a[1"; ${BRACKETS}`],
    ['a[-1]=1', `invalid key path, got "a[-1]"; ${BRACKETS}`],
  ])('rejects %s', (text, error) => {
    expect(splitOverride(text)).toEqual({ error });
  });
});
