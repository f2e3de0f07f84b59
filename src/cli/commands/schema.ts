import { policyJsonSchemaText } from '../../policy';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';

/** Prints the policy file's JSON Schema (also published as schema/policy.schema.json). */
export async function schemaCommand(io: CliIO): Promise<number> {
  const text = policyJsonSchemaText();
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT_OK;
}
