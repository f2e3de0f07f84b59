import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

/** Modules a fresh Node process has loaded after requiring `entry` from the built package. */
function modulesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
  ) as string[];
}

describe('gh-interactions/pulumi as a package entry point (npm test builds dist/ first)', () => {
  test('exported as ./pulumi, from dist/, which the package ships', () => {
    expect(pkg.exports['./pulumi']).toEqual({
      types: './dist/pulumi/index.d.ts',
      default: './dist/pulumi/index.js',
    });
    expect(pkg.files).toContain('dist/');
  });

  test('@pulumi/pulumi is an optional peer (>=3.150 <4), so a CLI user installs no Pulumi', () => {
    expect(pkg.peerDependencies['@pulumi/pulumi']).toBe('>=3.150.0 <4');
    expect(pkg.peerDependenciesMeta['@pulumi/pulumi']).toEqual({ optional: true });
    expect(pkg.dependencies['@pulumi/pulumi']).toBeUndefined();
    // The development copy is one the peer range accepts, on a line that runs on Node 20.
    const dev = semver.minVersion(pkg.devDependencies['@pulumi/pulumi'])!;
    expect(semver.satisfies(dev, pkg.peerDependencies['@pulumi/pulumi'])).toBe(true);
  });

  test('importing it loads Pulumi and the resource classes only: no engine, Octokit, CLI, policy, emulator, CDKTF or Terraform', () => {
    const loaded = modulesLoadedBy('gh-interactions/pulumi');
    expect(loaded.some((path) => path.endsWith('/dist/pulumi/index.js'))).toBe(true);
    expect(loaded.some((path) => path.includes('/node_modules/@pulumi/pulumi/'))).toBe(true);
    const offending = loaded.filter((path) =>
      /node_modules\/(@octokit|fastify|commander|yaml|cdktf|cdktn|constructs|@cdktf)\/|\/dist\/(core|github|cli|emulator|policy|terraform|cdktf|cdktn)\//.test(
        path,
      ),
    );
    expect(offending).toEqual([]);
  });

  test('the library and the engine load no Pulumi', () => {
    for (const entry of ['gh-interactions', 'gh-interactions/core']) {
      expect(modulesLoadedBy(entry).filter((path) => path.includes('/@pulumi/'))).toEqual([]);
    }
  });
});
