import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import {
  POLICY_SCHEMA_FILE,
  POLICY_SCHEMA_ID,
  policyJsonSchema,
  policyJsonSchemaText,
} from '../../src/policy';

const root = join(__dirname, '..', '..');
const schemaPath = join(root, POLICY_SCHEMA_FILE);
const examplesDir = join(root, 'examples', 'policy');
const REGENERATE = 'npm run schema';

describe('schema/policy.schema.json', () => {
  it('is the schema generated from the zod schema', () => {
    const generated = policyJsonSchemaText();
    if (process.env.UPDATE_POLICY_SCHEMA === '1') writeFileSync(schemaPath, generated);
    let committed = '';
    try {
      committed = readFileSync(schemaPath, 'utf8');
    } catch {
      // reported below
    }
    if (committed !== generated) {
      throw new Error(
        `${POLICY_SCHEMA_FILE} is out of date with src/policy/schema.ts; regenerate it with:\n  ${REGENERATE}`,
      );
    }
  });

  it('names itself and the draft it follows, for editors', () => {
    const schema = policyJsonSchema();
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(POLICY_SCHEMA_ID);
  });
});

describe('the JSON Schema with ajv', () => {
  let validate: ReturnType<Ajv2020['compile']>;
  beforeAll(() => {
    // Strict mode: a keyword ajv does not know, or a misplaced one, fails the compile.
    // (strictRequired would reject the oneOf [{required: [repository]}, …] idiom.)
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    // `until` uses the standard formats date-time and date, as editors validate them.
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  });

  it.each(readdirSync(examplesDir).filter((name) => name.endsWith('.yaml')))(
    'accepts examples/policy/%s',
    (name) => {
      const document = parse(readFileSync(join(examplesDir, name), 'utf8'));
      expect(validate(document) ? [] : validate.errors).toEqual([]);
    },
  );

  it.each([
    ['an unknown key', { version: 1, repos: [] }],
    ['a missing version', { repositories: [] }],
    ['another version', { version: 2 }],
    ['a bad limit', { version: 1, user: { interaction_limit: { limit: 'everyone' } } }],
    [
      'an entry with both repository and select',
      {
        version: 1,
        repositories: [
          {
            repository: 'acme/api',
            select: { organization: 'acme' },
            pr_creation_cap: false,
          },
        ],
      },
    ],
    [
      'a selector with no owner',
      { version: 1, repositories: [{ select: { names: ['*'] }, pr_creation_cap: false }] },
    ],
    [
      'a cap of 1001',
      {
        version: 1,
        organizations: { acme: { pr_creation_cap: { max_open_pull_requests: 1001 } } },
      },
    ],
    [
      '101 logins',
      {
        version: 1,
        repositories: [
          {
            repository: 'acme/api',
            pr_bypass_list: Array.from({ length: 101 }, (_, i) => `user${i}`),
          },
        ],
      },
    ],
    ['an invalid organization name', { version: 1, organizations: { 'acme inc': {} } }],
  ])('rejects %s', (_, document) => {
    expect(validate(document)).toBe(false);
  });
});

describe('until in the JSON Schema', () => {
  test('a date-time or a date is accepted; anything else is not', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const policy = (until: unknown) => ({
      version: 1,
      repositories: [
        {
          repository: 'acme/api',
          interaction_limit: { limit: 'collaborators_only', renew: false, until },
        },
      ],
    });
    expect(validate(policy('2026-12-01T00:00:00Z'))).toBe(true);
    expect(validate(policy('2026-12-01'))).toBe(true);
    expect(validate(policy('next tuesday'))).toBe(false);
  });
});
