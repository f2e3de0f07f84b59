import { decode, encode, ExtData } from '@msgpack/msgpack';
import fc from 'fast-check';
import {
  CtyDynamic,
  CtyValueError,
  cty,
  decodeCtyJson,
  decodeCtyMsgpack,
  encodeCtyJson,
  encodeCtyMsgpack,
  fromDynamicValue,
  fromRawState,
  isUnknown,
  isWhollyKnown,
  toDynamicValue,
  unknown,
} from '../../../src/terraform/protocol';
import type { CtyType, CtyValue } from '../../../src/terraform/protocol';

/** Bytes as Terraform writes them. */
const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => [...Buffer.from(text, 'utf8')];
const fixstr = (text: string) => [0xa0 | Buffer.byteLength(text), ...utf8(text)];

const roundTrip = (value: CtyValue, type: CtyType) =>
  decodeCtyMsgpack(encodeCtyMsgpack(value, type), type);

describe('cty msgpack: null and unknown', () => {
  it('reads and writes null as msgpack nil, whatever the type', () => {
    for (const type of [cty.string, cty.list(cty.number), cty.object({ a: cty.bool })]) {
      expect(Buffer.from(encodeCtyMsgpack(null, type))).toEqual(Buffer.from([0xc0]));
      expect(decodeCtyMsgpack(bytes(0xc0), type)).toBeNull();
    }
  });

  it('writes unknown as extension 0 with an empty payload', () => {
    expect(Buffer.from(encodeCtyMsgpack(unknown, cty.string))).toEqual(
      Buffer.from([0xc7, 0x00, 0x00]),
    );
  });

  it("reads go-cty's own unknown encoding (fixext1, code 0)", () => {
    expect(decodeCtyMsgpack(bytes(0xd4, 0x00, 0x00), cty.string)).toBe(unknown);
  });

  it('reads a refined unknown (extension 12 with a refinement payload) as unknown', () => {
    // Refinements map {1: false} ("definitely not null") and {2: "to"} (string prefix).
    const notNull = [0x81, 0x01, 0xc2];
    const prefix = [0x81, 0x02, ...fixstr('to')];
    expect(decodeCtyMsgpack(bytes(0xc7, notNull.length, 0x0c, ...notNull), cty.string)).toBe(
      unknown,
    );
    expect(decodeCtyMsgpack(bytes(0xc7, prefix.length, 0x0c, ...prefix), cty.string)).toBe(unknown);
  });

  it.each([
    ['code 5', [0xd4, 0x05, 0x00]],
    ['code 127 with a 16-byte payload', [0xd8, 0x7f, ...new Array<number>(16).fill(1)]],
    ['code -1 (not a timestamp here)', [0xd6, 0xff, 0x00, 0x00, 0x00, 0x01]],
    ['code -128 in ext 32', [0xc9, 0, 0, 0, 1, 0x80, 0x00]],
  ])('reads any other extension as unknown: %s', (_name, encoded) => {
    expect(decodeCtyMsgpack(Uint8Array.from(encoded), cty.number)).toBe(unknown);
  });

  it('keeps unknowns nested in collections and objects', () => {
    const type = cty.object({
      id: cty.string,
      tags: cty.map(cty.string),
      ids: cty.list(cty.string),
    });
    const value = { id: unknown, tags: { a: unknown }, ids: ['x', unknown] };
    const decoded = roundTrip(value, type);
    expect(decoded).toEqual(value);
    expect(isWhollyKnown(decoded)).toBe(false);
    expect(isWhollyKnown(roundTrip({ id: 'a', tags: {}, ids: [] }, type))).toBe(true);
    expect(isUnknown((decoded as { id: CtyValue }).id)).toBe(true);
  });

  it('an unknown has no JSON form', () => {
    expect(() => encodeCtyJson({ id: unknown }, cty.object({ id: cty.string }))).toThrow(
      'value.id: an unknown value cannot be encoded as JSON',
    );
  });
});

describe('cty msgpack: numbers', () => {
  it.each([
    ['a positive fixint', [0x2a], 42],
    ['a negative fixint', [0xff], -1],
    ['an int64', [0xd3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe], -2],
    ['a uint32', [0xce, 0x00, 0x01, 0x00, 0x00], 65536],
    ['a float64', [0xcb, ...Buffer.from(new Float64Array([1.5]).buffer).reverse()], 1.5],
    ['a float32', [0xca, ...Buffer.from(new Float32Array([0.25]).buffer).reverse()], 0.25],
    ['a decimal string', fixstr('12.75'), 12.75],
    ['a big decimal string', fixstr('123456789012345678901234567890'), 1.2345678901234568e29],
    ['a negative exponent string', fixstr('-1e-3'), -0.001],
  ])('reads %s', (_name, encoded, expected) => {
    expect(decodeCtyMsgpack(Uint8Array.from(encoded), cty.number)).toBe(expected);
  });

  it('writes integers as msgpack ints and fractions as float64', () => {
    expect(Buffer.from(encodeCtyMsgpack(7, cty.number))).toEqual(Buffer.from([0x07]));
    expect(encodeCtyMsgpack(1.5, cty.number)[0]).toBe(0xcb);
  });

  it.each([
    ['a word', fixstr('many')],
    ['an empty string', [0xa0]],
    ['a bool', [0xc3]],
  ])('refuses %s as a number, with the value received', (_name, encoded) => {
    expect(() => decodeCtyMsgpack(Uint8Array.from(encoded), cty.number)).toThrow(
      /^value: expected number, got /,
    );
  });
});

describe('cty msgpack: collections and objects', () => {
  const ruleType = cty.object({
    name: cty.string,
    enabled: cty.bool,
    max: cty.number,
    logins: cty.set(cty.string),
    labels: cty.map(cty.string),
  });
  const type = cty.object({ id: cty.string, rules: cty.list(ruleType) });

  it('round-trips a nested object, list, set and map', () => {
    const value = {
      id: 'repo/acme/api',
      rules: [
        {
          name: 'a',
          enabled: true,
          max: 10,
          logins: ['hubot', 'octocat'],
          labels: { env: 'prod' },
        },
        { name: 'b', enabled: false, max: 0.5, logins: [], labels: {} },
      ],
    };
    expect(roundTrip(value, type)).toEqual(value);
  });

  it('writes every object attribute, a missing one as nil', () => {
    const written = decode(encodeCtyMsgpack({ id: 'x' }, type)) as Record<string, unknown>;
    expect(Object.keys(written).sort()).toEqual(['id', 'rules']);
    expect(written.rules).toBeNull();
    const nested = decode(encodeCtyMsgpack({ id: 'x', rules: [{ name: 'n' }] }, type)) as {
      rules: Array<Record<string, unknown>>;
    };
    expect(nested.rules[0]).toEqual({
      name: 'n',
      enabled: null,
      max: null,
      logins: null,
      labels: null,
    });
  });

  it('reads an object that lacks attributes with them null', () => {
    const encoded = encode({ id: 'x' });
    expect(decodeCtyMsgpack(encoded, type)).toEqual({ id: 'x', rules: null });
  });

  it('refuses an attribute the type does not have, on both sides, naming it', () => {
    expect(() => encodeCtyMsgpack({ id: 'x', idd: 'y' }, type)).toThrow(
      'value: attribute "idd" is not in the type; expected only "id", "rules"',
    );
    expect(() => decodeCtyMsgpack(encode({ id: 'x', extra: 1 }), type)).toThrow(
      'value: unexpected attribute "extra"; the type has "id", "rules"',
    );
    expect(
      decodeCtyMsgpack(encode({ id: 'x', extra: 1 }), type, { ignoreUndefinedAttributes: true }),
    ).toEqual({
      id: 'x',
      rules: null,
    });
  });

  it('names the path of a value that does not fit its type', () => {
    const bad = { id: 'x', rules: [{ name: 'a' }, { name: 3 }] } as unknown as CtyValue;
    expect(() => encodeCtyMsgpack(bad, type)).toThrow(CtyValueError);
    expect(() => encodeCtyMsgpack(bad, type)).toThrow(
      'value.rules[1].name: expected string, got number 3',
    );
    const badMap = encode({ id: 'x', rules: [{ labels: { 'a b': true } }] });
    expect(() => decodeCtyMsgpack(badMap, type)).toThrow(
      'value.rules[0].labels["a b"]: expected string, got boolean true',
    );
  });

  it('reads strings Terraform sent as msgpack bin', () => {
    expect(decodeCtyMsgpack(bytes(0xc4, 0x02, ...utf8('hi')), cty.string)).toBe('hi');
  });

  it('writes strings in Unicode normal form C, as cty holds them', () => {
    const decomposed = 'e\u0301';
    expect(decode(encodeCtyMsgpack(decomposed, cty.string))).toBe('\u00e9');
  });

  it('round-trips tuples and refuses one of the wrong length', () => {
    const tuple = cty.tuple([cty.string, cty.number, cty.bool]);
    expect(roundTrip(['a', 1, true], tuple)).toEqual(['a', 1, true]);
    expect(() => encodeCtyMsgpack(['a'], tuple)).toThrow(
      /expected tuple\(\[string, number, bool\]\), got an array of 1/,
    );
  });

  it('reports bytes that are not msgpack', () => {
    expect(() => decodeCtyMsgpack(bytes(0xc1), cty.string)).toThrow(/value: not valid MessagePack/);
  });

  it('refuses a map key "__proto__" with a message (a limit of @msgpack/msgpack), not a crash', () => {
    const encoded = bytes(0x81, ...fixstr('__proto__'), ...fixstr('x'));
    expect(() => decodeCtyMsgpack(encoded, cty.map(cty.string))).toThrow(CtyValueError);
  });
});

describe('cty msgpack: dynamic', () => {
  it('reads [type JSON, value] into a CtyDynamic', () => {
    const encoded = bytes(0x92, 0xc4, 0x08, ...utf8('"string"'), ...fixstr('hi'));
    expect(decodeCtyMsgpack(encoded, cty.dynamic)).toEqual(new CtyDynamic(cty.string, 'hi'));
  });

  it('reads the type given as a msgpack string too', () => {
    const encoded = bytes(0x92, ...fixstr('["list","number"]'), 0x91, 0x01);
    expect(decodeCtyMsgpack(encoded, cty.dynamic)).toEqual(
      new CtyDynamic(cty.list(cty.number), [1]),
    );
  });

  it('round-trips a CtyDynamic, and writes the type as bin JSON', () => {
    const value = new CtyDynamic(cty.map(cty.bool), { a: true });
    expect(roundTrip(value, cty.dynamic)).toEqual(value);
    const [typeBytes] = decode(encodeCtyMsgpack(value, cty.dynamic)) as [Uint8Array, unknown];
    expect(Buffer.from(typeBytes).toString('utf8')).toBe('["map","bool"]');
  });

  it('implies the type of a plain value written into a dynamic attribute', () => {
    expect(roundTrip({ a: 'x', n: [1, 'y'] }, cty.dynamic)).toEqual(
      new CtyDynamic(cty.object({ a: cty.string, n: cty.tuple([cty.number, cty.string]) }), {
        a: 'x',
        n: [1, 'y'],
      }),
    );
  });

  it('reads an unknown or null dynamic value as such', () => {
    expect(decodeCtyMsgpack(bytes(0xd4, 0, 0), cty.dynamic)).toBe(unknown);
    expect(decodeCtyMsgpack(bytes(0xc0), cty.dynamic)).toBeNull();
  });
});

describe('cty JSON (DynamicValue.json, RawState.json)', () => {
  const type = cty.object({ id: cty.string, count: cty.number, tags: cty.set(cty.string) });

  it('reads an object, its numbers and collections', () => {
    expect(decodeCtyJson('{"id":"a","count":3,"tags":["x"]}', type)).toEqual({
      id: 'a',
      count: 3,
      tags: ['x'],
    });
    expect(decodeCtyJson(Buffer.from('{"id":null,"count":1.5,"tags":null}'), type)).toEqual({
      id: null,
      count: 1.5,
      tags: null,
    });
  });

  it('reads a dynamic value as {"type", "value"}', () => {
    expect(decodeCtyJson('{"type":["list","string"],"value":["a"]}', cty.dynamic)).toEqual(
      new CtyDynamic(cty.list(cty.string), ['a']),
    );
  });

  it('writes JSON that reads back the same', () => {
    const value = { id: 'a', count: 2, tags: ['x', 'y'] };
    expect(decodeCtyJson(encodeCtyJson(value, type), type)).toEqual(value);
    expect(JSON.parse(encodeCtyJson(new CtyDynamic(cty.string, 's'), cty.dynamic))).toEqual({
      type: 'string',
      value: 's',
    });
  });

  it('reports text that is not JSON', () => {
    expect(() => decodeCtyJson('{', type)).toThrow(/value: not valid JSON/);
  });
});

describe('DynamicValue and RawState helpers', () => {
  const type = cty.object({ id: cty.string });

  it('answers with msgpack', () => {
    const dynamicValue = toDynamicValue({ id: 'a' }, type);
    expect(Object.keys(dynamicValue)).toEqual(['msgpack']);
    expect(fromDynamicValue(dynamicValue, type)).toEqual({ id: 'a' });
  });

  it('reads msgpack first, then JSON, and an absent value as null', () => {
    expect(
      fromDynamicValue({ msgpack: Buffer.alloc(0), json: Buffer.from('{"id":"j"}') }, type),
    ).toEqual({
      id: 'j',
    });
    expect(fromDynamicValue(null, type)).toBeNull();
    expect(fromDynamicValue({ msgpack: Buffer.alloc(0), json: Buffer.alloc(0) }, type)).toBeNull();
  });

  it('reads stored state, dropping attributes a newer schema removed', () => {
    const raw = { json: Buffer.from('{"id":"a","removed_in_v2":true}'), flatmap: {} };
    expect(fromRawState(raw, type)).toEqual({ id: 'a' });
    expect(() => fromRawState(raw, type, {})).toThrow(/unexpected attribute "removed_in_v2"/);
  });

  it('refuses pre-0.12 flatmap state, saying what it expected', () => {
    expect(() => fromRawState({ json: Buffer.alloc(0), flatmap: { id: 'a' } }, type)).toThrow(
      /legacy flatmap format.*expected JSON/,
    );
  });
});

describe('cty msgpack: round trip (property)', () => {
  const leafType = fc.constantFrom<CtyType>(cty.string, cty.number, cty.bool);
  const { type: typeArbitrary } = fc.letrec<{ type: CtyType }>((tie) => ({
    type: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafType,
      tie('type').map((t) => cty.list(t)),
      tie('type').map((t) => cty.set(t)),
      tie('type').map((t) => cty.map(t)),
      fc
        .dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), tie('type'), { maxKeys: 4 })
        .map((attributes) => cty.object(attributes)),
    ),
  }));
  const key = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__');

  const valueOf = (type: CtyType): fc.Arbitrary<CtyValue> => {
    const known = (): fc.Arbitrary<CtyValue> => {
      if (type === 'string') return fc.string({ maxLength: 10 }).map((s) => s.normalize('NFC'));
      if (type === 'bool') return fc.boolean();
      if (type === 'number') {
        return fc
          .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
          .map((n) => (n === 0 ? 0 : n));
      }
      if (typeof type === 'string') throw new Error(`no arbitrary for ${type}`);
      switch (type.kind) {
        case 'list':
        case 'set':
          return fc.array(valueOf(type.element), { maxLength: 3 });
        case 'map':
          return fc.dictionary(key, valueOf(type.element), { maxKeys: 3 });
        case 'object':
          return fc.record(
            Object.fromEntries(Object.entries(type.attributes).map(([n, t]) => [n, valueOf(t)])),
          );
        case 'tuple':
          return fc.tuple(...type.elements.map(valueOf));
      }
    };
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(unknown) },
      { weight: 6, arbitrary: known() },
    );
  };

  it('decodes what it encodes, for any type and value', () => {
    fc.assert(
      fc.property(
        typeArbitrary.chain((type) => fc.tuple(fc.constant(type), valueOf(type))),
        ([type, value]) => {
          expect(roundTrip(value, type)).toEqual(value);
          expect(
            isWhollyKnown(value) ? decodeCtyJson(encodeCtyJson(value, type), type) : value,
          ).toEqual(value);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ExtData is what @msgpack/msgpack hands back for extensions it does not know; pin that a plain
// decode of our unknown really is an extension (so Terraform sees an unknown, not a value).
test('our unknown is a msgpack extension to any reader', () => {
  expect(decode(encodeCtyMsgpack(unknown, cty.string))).toBeInstanceOf(ExtData);
});
