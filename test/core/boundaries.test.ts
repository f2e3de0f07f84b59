import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Modules a fresh Node process has loaded after requiring `entry` from the built package. */
function modulesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
  );
}

describe('entry points load only what they need (npm test builds dist/ first)', () => {
  test('gh-interactions/core loads no CLI, Fastify, commander, policy, emulator or front door', () => {
    const loaded = modulesLoadedBy('gh-interactions/core');
    const offending = loaded.filter((path) =>
      /node_modules\/(fastify|commander|@pulumi|cdktf|cdktn|constructs|yaml)\/|\/dist\/(cli|emulator|policy|pulumi|terraform|cdktf)\//.test(
        path,
      ),
    );
    expect(offending).toEqual([]);
    expect(loaded.some((path) => path.endsWith('/dist/core/index.js'))).toBe(true);
  });

  test('the library root loads neither the CLI nor the emulator until runCli is called', () => {
    const loaded = modulesLoadedBy('gh-interactions');
    expect(
      loaded.filter((path) =>
        /node_modules\/(fastify|commander)\/|\/dist\/(cli|emulator)\//.test(path),
      ),
    ).toEqual([]);
  });
});

describe('import boundaries are enforced by the linter', () => {
  // ESLint loads its config with import(), which Jest's VM cannot run: lint in a child process.
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const lint = async (filePath: string, code: string) => {
    const run = spawnSync(
      process.execPath,
      [eslintBin, '--stdin', '--stdin-filename', filePath, '--format', 'json'],
      { cwd: root, input: code, encoding: 'utf8' },
    );
    const [result] = JSON.parse(run.stdout) as {
      messages: { ruleId: string; message: string }[];
    }[];
    return result.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);
  };

  test.each([
    ['src/core/example.ts', "import { main } from '../cli/main';\nvoid main;\n"],
    [
      'src/core/interaction-limit/example.ts',
      "import { parsePolicy } from '../../policy';\nvoid parsePolicy;\n",
    ],
    [
      'src/github/example.ts',
      "import { startEmulator } from '../emulator';\nvoid startEmulator;\n",
    ],
    ['src/core/example.ts', "import fastify from 'fastify';\nvoid fastify;\n"],
  ])('%s importing a front door or the CLI fails lint', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/core and github are the engine/);
  });

  test('a front door importing the CLI fails lint; importing the core does not', async () => {
    expect(
      await lint('src/pulumi/example.ts', "import { main } from '../cli/main';\nvoid main;\n"),
    ).toHaveLength(1);
    expect(
      await lint(
        'src/pulumi/example.ts',
        "import { planResources } from '../core';\nvoid planResources;\n",
      ),
    ).toEqual([]);
  });
});
