// Builds the cdktn constructs from the cdktf ones: `node src/cdktn/generate.js` copies every
// module of src/cdktf/ but framework.ts into src/cdktn/generated/, pointing its framework import
// at src/cdktn/framework.ts (cdktn) and its other relative imports one level further up. One
// source, compiled twice: a class extends one framework's TerraformResource, so a construct
// built for cdktf does not work in a cdktn app, and the reverse. test/cdktn/generated.test.ts
// fails when the copies are stale (`node src/cdktn/generate.js --check`). Not part of the package (tsconfig.build.json compiles .ts).
const {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  mkdirSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const sourceDirectory = join(root, 'src', 'cdktf');
const targetDirectory = join(__dirname, 'generated');

/** The module that names the framework; each build has its own. */
const FRAMEWORK_MODULE = 'framework.ts';

function header(file) {
  return [
    `// Generated from src/cdktf/${file} by src/cdktn/generate.js: do not edit.`,
    '// Edit src/cdktf/ and run `node src/cdktn/generate.js`.',
    '',
  ].join('\n');
}

/** The cdktn copy of one cdktf module, before formatting. */
function rewrite(file, text) {
  const rewritten = text
    // '../core' → '../../core': the copies sit one folder deeper.
    .replace(/(['"])\.\.\//g, '$1../../')
    // './framework' → '../framework' (src/cdktn/framework.ts)
    .replace(/(['"])\.\/framework\1/g, '$1../framework$1');
  return header(file) + rewritten;
}

/** Every generated file: name → formatted content. */
async function generatedFiles() {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(join(targetDirectory, 'index.ts'))) ?? {};
  const files = new Map();
  for (const file of readdirSync(sourceDirectory).sort()) {
    if (!file.endsWith('.ts') || file === FRAMEWORK_MODULE) continue;
    const text = rewrite(file, readFileSync(join(sourceDirectory, file), 'utf8'));
    files.set(
      file,
      await prettier.format(text, { ...options, filepath: join(targetDirectory, file) }),
    );
  }
  return files;
}

/** The generated files that differ from what the generator writes (missing, stale or extra). */
async function staleFiles() {
  const expected = await generatedFiles();
  const actual = existsSync(targetDirectory) ? readdirSync(targetDirectory) : [];
  const stale = [...expected]
    .filter(
      ([file, text]) =>
        !actual.includes(file) || readFileSync(join(targetDirectory, file), 'utf8') !== text,
    )
    .map(([file]) => file);
  return [...stale, ...actual.filter((file) => !expected.has(file))].sort();
}

async function main() {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length > 0) {
      process.stderr.write(
        `src/cdktn/generated/ is stale (${stale.join(', ')}): run node src/cdktn/generate.js\n`,
      );
      process.exitCode = 1;
    }
    return;
  }
  const files = await generatedFiles();
  rmSync(targetDirectory, { recursive: true, force: true });
  mkdirSync(targetDirectory, { recursive: true });
  for (const [file, text] of files) writeFileSync(join(targetDirectory, file), text);
  process.stdout.write(`wrote ${files.size} files to ${targetDirectory}\n`);
}

module.exports = { generatedFiles, staleFiles, targetDirectory };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}
