import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_ARGS_PATH, renderArgsModule } from './args';

/**
 * `npm run generate:pulumi`: writes src/pulumi/generated/args.ts from the core's attributes,
 * formatted with the repository's Prettier settings (a development dependency, so this script is
 * for the repository, not for users of the package).
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const file = join(root, GENERATED_ARGS_PATH);
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  const text = await prettier.format(renderArgsModule(), { ...options, filepath: file });
  writeFileSync(file, text);
  console.log(`wrote ${GENERATED_ARGS_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
