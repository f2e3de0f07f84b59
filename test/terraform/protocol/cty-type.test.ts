import {
  CtyTypeError,
  cty,
  ctyTypeEquals,
  ctyTypeFromJSON,
  ctyTypeToJSON,
  decodeCtyType,
  describeCtyType,
  encodeCtyType,
} from '../../../src/terraform/protocol';
import type { CtyType } from '../../../src/terraform/protocol';

describe('cty type JSON (Schema.Attribute.type bytes)', () => {
  const cases: Array<[string, CtyType, string]> = [
    ['string', cty.string, '"string"'],
    ['number', cty.number, '"number"'],
    ['bool', cty.bool, '"bool"'],
    ['dynamic', cty.dynamic, '"dynamic"'],
    ['a list', cty.list(cty.string), '["list","string"]'],
    ['a set', cty.set(cty.number), '["set","number"]'],
    ['a map', cty.map(cty.bool), '["map","bool"]'],
    ['a tuple', cty.tuple([cty.string, cty.number]), '["tuple",["string","number"]]'],
    [
      'an object, attributes sorted by name as go-cty writes them',
      cty.object({ zeta: cty.string, alpha: cty.list(cty.number) }),
      '["object",{"alpha":["list","number"],"zeta":"string"}]',
    ],
    [
      'an object with optional attributes (type constraints)',
      cty.object({ a: cty.string, b: cty.string }, ['b']),
      '["object",{"a":"string","b":"string"},["b"]]',
    ],
    [
      'nested collections of objects',
      cty.set(cty.object({ logins: cty.list(cty.map(cty.string)) })),
      '["set",["object",{"logins":["list",["map","string"]]}]]',
    ],
  ];

  it.each(cases)('encodes and decodes %s', (_name, type, json) => {
    expect(encodeCtyType(type).toString('utf8')).toBe(json);
    expect(decodeCtyType(Buffer.from(json))).toEqual(type);
    expect(decodeCtyType(json)).toEqual(type);
    expect(ctyTypeFromJSON(ctyTypeToJSON(type))).toEqual(type);
  });

  it.each([
    ['not JSON', 'string', /Invalid cty type JSON "string"/],
    ['an unknown primitive', '"text"', /Unknown cty type "text"/],
    ['an unknown kind', '["bag","string"]', /Unknown cty type kind "bag"/],
    ['a kind without argument', '["list"]', /expected a primitive name or a \[kind, argument\]/],
    ['a bad element deep inside', '["list",["map","strin"]]', /"strin" at list\(…\)map\(…\)/],
    ['an object without attributes', '["object","string"]', /expected an object of attribute/],
    ['a tuple without element list', '["tuple","string"]', /expected an array of element types/],
  ])('refuses %s, naming it', (_name, json, message) => {
    expect(() => decodeCtyType(json)).toThrow(CtyTypeError);
    expect(() => decodeCtyType(json)).toThrow(message);
  });

  it('compares types structurally, whatever the attribute order', () => {
    expect(
      ctyTypeEquals(
        cty.object({ a: cty.string, b: cty.list(cty.number) }),
        cty.object({ b: cty.list(cty.number), a: cty.string }),
      ),
    ).toBe(true);
    expect(ctyTypeEquals(cty.list(cty.string), cty.set(cty.string))).toBe(false);
    expect(ctyTypeEquals(cty.object({ a: cty.string }), cty.object({ b: cty.string }))).toBe(false);
    expect(ctyTypeEquals(cty.object({ a: cty.string }), cty.object({ a: cty.string }, ['a']))).toBe(
      false,
    );
    expect(ctyTypeEquals(cty.tuple([cty.string]), cty.tuple([cty.string, cty.string]))).toBe(false);
  });

  it('describes types as Terraform spells them', () => {
    expect(describeCtyType(cty.map(cty.list(cty.string)))).toBe('map(list(string))');
    expect(describeCtyType(cty.object({ b: cty.bool, a: cty.number }))).toBe(
      'object({a=number, b=bool})',
    );
    expect(describeCtyType(cty.tuple([cty.string, cty.dynamic]))).toBe('tuple([string, dynamic])');
  });
});
