import { describe, expect, it } from 'vitest';
import { checkParam, formatPath, requestHeaders, requireParams, serializeQuery } from '../../templates/core/builder.js';
import { ParamError } from '../../templates/core/errors.js';

function paramError(fn: () => unknown): ParamError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ParamError);
    return error as ParamError;
  }
  throw new Error('expected a ParamError');
}

describe('formatPath', () => {
  it('substitutes and percent-encodes every value as a whole', () => {
    expect(formatPath('/accounts/{account_id}/items/{id}', { account_id: 'a b/c?d#e%f', id: 42 })).toBe(
      '/accounts/a%20b%2Fc%3Fd%23e%25f/items/42',
    );
    expect(formatPath('/x/{v}', { v: 'é✓' })).toBe('/x/%C3%A9%E2%9C%93');
    expect(formatPath('/x/{v}', { v: true })).toBe('/x/true');
    expect(formatPath('/files/{name}.json', { name: '..' })).toBe('/files/...json');
  });

  it('leaves only RFC 3986 pchar characters in substituted values', () => {
    let all = '';
    for (let code = 0; code < 0x250; code++) all += String.fromCharCode(code);
    const formatted = formatPath('/x/{v}', { v: all }).slice('/x/'.length);
    expect(formatted).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})+$/);
    expect(decodeURIComponent(formatted)).toBe(all);
  });

  it.each([
    ['..', "'..'"],
    ['.', "'.'"],
    ['', 'empty'],
  ])('rejects a value that makes the segment %j', (value, shown) => {
    const error = paramError(() => formatPath('/accounts/{account_id}/x', { account_id: value }));
    expect(error.param).toBe('account_id');
    expect(error.message).toContain(shown);
  });

  it('rejects dot segments assembled from several placeholders', () => {
    expect(paramError(() => formatPath('/a/{x}{y}', { x: '.', y: '.' })).param).toBe('x');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an object', { a: 1 }],
    ['an array', ['a']],
    ['NaN', Number.NaN],
  ])('rejects %s', (_label, value) => {
    expect(paramError(() => formatPath('/a/{id}', { id: value })).param).toBe('id');
  });

  it('rejects a missing placeholder value, including inherited property names', () => {
    expect(paramError(() => formatPath('/a/{id}', {})).message).toContain("'id'");
    expect(paramError(() => formatPath('/a/{constructor}', {})).param).toBe('constructor');
  });

  it('rejects lone surrogates instead of throwing URIError', () => {
    expect(paramError(() => formatPath('/a/{id}', { id: '\ud800' })).param).toBe('id');
  });

  it('enforces constraints and names the parameter', () => {
    const constraints = {
      account_id: { maxLength: 4, minLength: 2, pattern: '^[a-z]+$' },
      kind: { enum: ['a', 'b'] },
      n: { minimum: 1, maximum: 10 },
    };
    const ok = { account_id: 'abc', kind: 'a', n: 5 };
    expect(formatPath('/{account_id}/{kind}/{n}', ok, constraints)).toBe('/abc/a/5');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ account_id: 'abcde' }, 'account_id', 'at most 4'],
      [{ account_id: 'a' }, 'account_id', 'at least 2'],
      [{ account_id: 'ab1' }, 'account_id', 'must match'],
      [{ kind: 'c' }, 'kind', 'one of "a", "b"'],
      [{ n: 0 }, 'n', '>= 1'],
      [{ n: 11 }, 'n', '<= 10'],
    ];
    for (const [override, param, message] of cases) {
      const error = paramError(() => formatPath('/{account_id}/{kind}/{n}', { ...ok, ...override }, constraints));
      expect(error.param).toBe(param);
      expect(error.message).toContain(message);
    }
  });

  it('counts code points for length limits and accepts legacy regex syntax', () => {
    expect(formatPath('/{e}', { e: '😀😀' }, { e: { maxLength: 2 } })).toBe('/%F0%9F%98%80%F0%9F%98%80');
    expect(formatPath('/{e}', { e: 'a-b' }, { e: { pattern: '^[\\w\\-]+$' } })).toBe('/a-b');
  });
});

describe('checkParam', () => {
  it('checks exclusive bounds and ignores undefined', () => {
    expect(() => checkParam('n', 5, { exclusiveMaximum: 5 })).toThrow(/'n' must be < 5/);
    expect(() => checkParam('n', 1, { exclusiveMinimum: 1 })).toThrow(/'n' must be > 1/);
    expect(() => checkParam('n', undefined, { minimum: 1 })).not.toThrow();
  });
});

describe('requireParams', () => {
  it('names every missing parameter', () => {
    const error = paramError(() => requireParams({ a: 1, b: undefined }, ['a', 'b', 'c']));
    expect(error.param).toBe('b');
    expect(error.message).toBe("Missing required parameters 'b', 'c'");
    expect(() => requireParams({ a: 0, b: null }, ['a', 'b'])).not.toThrow();
    expect(paramError(() => requireParams(undefined, ['a'])).message).toBe("Missing required parameter 'a'");
  });
});

describe('serializeQuery', () => {
  it('skips undefined and null and stringifies scalars and dates', () => {
    expect(
      serializeQuery([
        ['a', undefined],
        ['b', null],
        ['c', true],
        ['d', 1.5],
        ['e', new Date(Date.UTC(2024, 0, 2, 3, 4, 5))],
        ['f', 'x y'],
      ]),
    ).toEqual([
      ['c', 'true'],
      ['d', '1.5'],
      ['e', '2024-01-02T03:04:05.000Z'],
      ['f', 'x y'],
    ]);
  });

  it('serializes arrays per style and explode', () => {
    expect(serializeQuery([['ids', [1, 2, 3]]])).toEqual([
      ['ids', '1'],
      ['ids', '2'],
      ['ids', '3'],
    ]);
    expect(serializeQuery([['ids', [1, null, 3], { style: 'form', explode: false }]])).toEqual([['ids', '1,3']]);
    expect(serializeQuery([['ids', ['a', 'b'], { style: 'spaceDelimited' }]])).toEqual([['ids', 'a b']]);
    expect(serializeQuery([['ids', ['a', 'b'], { style: 'pipeDelimited' }]])).toEqual([['ids', 'a|b']]);
    expect(serializeQuery([['ids', [], { explode: false }]])).toEqual([]);
  });

  it('serializes objects per style', () => {
    const filter = { name: 'x', age: 3, gone: undefined };
    expect(serializeQuery([['filter', filter, { style: 'deepObject', explode: true }]])).toEqual([
      ['filter[name]', 'x'],
      ['filter[age]', '3'],
    ]);
    expect(serializeQuery([['filter', { range: { gte: 1 }, tags: ['a', 'b'] }, { style: 'deepObject' }]])).toEqual([
      ['filter[range][gte]', '1'],
      ['filter[tags]', 'a'],
      ['filter[tags]', 'b'],
    ]);
    expect(serializeQuery([['filter', filter]])).toEqual([
      ['name', 'x'],
      ['age', '3'],
    ]);
    expect(serializeQuery([['filter', filter, { explode: false }]])).toEqual([['filter', 'name,x,age,3']]);
  });
});

describe('requestHeaders', () => {
  it('sends header params as strings and leaves out undefined and null ones', () => {
    expect(requestHeaders([['X-Count', 3], ['X-Flag', false], ['X-None', undefined], ['X-Null', null], ['X-Name', 'a b']])).toEqual({
      'X-Count': '3',
      'X-Flag': 'false',
      'X-Name': 'a b',
    });
  });

  it('joins cookie params into one Cookie header with encoded values', () => {
    expect(requestHeaders([], [['sid', 'a;b c'], ['skip', undefined], ['n', 1]])).toEqual({ Cookie: 'sid=a%3Bb%20c; n=1' });
    expect(requestHeaders([['X-A', 'x']], [['skip', null]])).toEqual({ 'X-A': 'x' });
  });

  it('keeps a header named like an Object.prototype member as a plain header', () => {
    const headers = requestHeaders([['__proto__', 'p'], ['constructor', 'c']]);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.entries(headers)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
  });
});
