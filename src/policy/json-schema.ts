import { z } from 'zod';
import { RepositoryEntrySchema, PolicySchema, SelectorSchema } from './schema';

/**
 * Where the published schema can be fetched: `schema/` ships in the npm package, so unpkg serves
 * the file of the latest release. Editors also accept a relative path, as the examples use.
 */
export const POLICY_SCHEMA_ID = 'https://unpkg.com/gh-interactions/schema/policy.schema.json';

/** The committed copy, relative to the package root; a test keeps it equal to the generated one. */
export const POLICY_SCHEMA_FILE = 'schema/policy.schema.json';

/**
 * The JSON Schema (draft 2020-12) of the policy file, generated from the zod schema, for editors
 * (`# yaml-language-server: $schema=…`) and other validators. It checks shape, types, enums,
 * patterns and ranges; the loader checks more (renewal windows against expiries, duplicates,
 * contradictions), so a file the schema accepts can still be rejected by `validate`.
 */
export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PolicySchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // The "exactly one of" rules live in superRefine, which JSON Schema cannot see; say them
      // again here so editors flag an entry with both (or neither).
      if (zodSchema === RepositoryEntrySchema) {
        jsonSchema.oneOf = [{ required: ['repository'] }, { required: ['select'] }];
      }
      if (zodSchema === SelectorSchema) {
        jsonSchema.oneOf = [{ required: ['organization'] }, { required: ['user'] }];
      }
    },
  }) as Record<string, unknown>;
  const { $schema, title, description, ...rest } = generated;
  return { $schema, $id: POLICY_SCHEMA_ID, title, description, ...rest };
}

/**
 * The schema as committed and as `gh-interactions schema` prints it (so the two are the same bytes;
 * `schema/` is left out of Prettier for that reason).
 */
export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
