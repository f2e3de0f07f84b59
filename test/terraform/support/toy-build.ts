import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** The built protocol module the toy provider runs against (`npm test` builds it first). */
export const DIST_PROTOCOL = resolve(__dirname, '../../../dist/terraform/protocol/index.js');

/**
 * Writes the toy provider as plain JavaScript into `directory` and returns its entry file.
 *
 * toy-provider.ts is transpiled (types stripped, no type check) with the TypeScript compiler,
 * which is a dev dependency already; it has no imports of its own, and the entry hands it the
 * built protocol module from dist/. So the process Terraform starts is plain `node entry.js`,
 * loading exactly what a real provider loads, with no ts-node or loader hooks in the way.
 */
export function buildToyProvider(directory: string): string {
  if (!existsSync(DIST_PROTOCOL)) {
    throw new Error(
      `${DIST_PROTOCOL} is missing: run \`npm run build\` first (\`npm test\` does it).`,
    );
  }
  const source = readFileSync(join(__dirname, 'toy-provider.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: 'toy-provider.ts',
  });
  const provider = join(directory, 'toy-provider.js');
  writeFileSync(provider, outputText);
  const entry = join(directory, 'toy-entry.js');
  writeFileSync(
    entry,
    `require(${JSON.stringify(provider)}).serveToyProvider(require(${JSON.stringify(DIST_PROTOCOL)}));\n`,
  );
  return entry;
}
