import { cty, encodeCtyType, impliedType } from '../../../src/terraform/protocol';

describe('impliedType: the cty type of a schema block', () => {
  it('has one attribute per attribute and per nested block', () => {
    expect(
      impliedType({
        attributes: [
          { name: 'id', type: encodeCtyType(cty.string), computed: true },
          { name: 'logins', type: encodeCtyType(cty.set(cty.string)), required: true },
          {
            name: 'window',
            nested_type: {
              nesting: 'SINGLE',
              attributes: [{ name: 'seconds', type: encodeCtyType(cty.number) }],
            },
          },
          {
            name: 'targets',
            nested_type: {
              nesting: 'LIST',
              attributes: [{ name: 'name', type: encodeCtyType(cty.string) }],
            },
          },
        ],
        block_types: [
          {
            type_name: 'renewal',
            nesting: 'SINGLE',
            block: { attributes: [{ name: 'enabled', type: encodeCtyType(cty.bool) }] },
          },
          { type_name: 'rule', nesting: 'SET', block: {} },
          {
            type_name: 'dyn',
            nesting: 'LIST',
            block: { attributes: [{ name: 'v', type: encodeCtyType(cty.dynamic) }] },
          },
        ],
      }),
    ).toEqual(
      cty.object({
        id: cty.string,
        logins: cty.set(cty.string),
        window: cty.object({ seconds: cty.number }),
        targets: cty.list(cty.object({ name: cty.string })),
        renewal: cty.object({ enabled: cty.bool }),
        rule: cty.set(cty.object({})),
        // Terraform types a list block holding dynamic attributes as a dynamic tuple.
        dyn: cty.dynamic,
      }),
    );
  });

  it('names an attribute that has no type', () => {
    expect(() => impliedType({ attributes: [{ name: 'broken' }] })).toThrow(
      'Attribute "broken" has neither a type nor a nested_type',
    );
  });
});
