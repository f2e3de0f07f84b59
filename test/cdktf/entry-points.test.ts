import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Modules a fresh Node process has loaded after requiring `entry` from the built package. */
function modulesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
  ) as string[];
}

describe('the CDKTF entry points load only their framework (npm test builds dist/ first)', () => {
  test('gh-interactions/cdktf loads cdktf, and no Pulumi, cdktn, provider binding, CLI, policy or emulator', () => {
    const loaded = modulesLoadedBy('gh-interactions/cdktf');
    expect(
      loaded.filter((path) =>
        /node_modules\/(@pulumi|cdktn|@cdktf\/provider-github|fastify|commander|yaml)\/|\/dist\/(cli|emulator|policy|pulumi|cdktn)\//.test(
          path,
        ),
      ),
    ).toEqual([]);
    expect(loaded.some((path) => path.includes('/node_modules/cdktf/'))).toBe(true);
    expect(loaded.some((path) => path.endsWith('/dist/cdktf/index.js'))).toBe(true);
  });

  test('gh-interactions/cdktn loads cdktn, and no cdktf', () => {
    const loaded = modulesLoadedBy('gh-interactions/cdktn');
    expect(
      loaded.filter((path) =>
        /node_modules\/(@pulumi|cdktf|@cdktf\/[^/]+|fastify|commander|yaml)\/|\/dist\/(cli|emulator|policy|pulumi|cdktf)\//.test(
          path,
        ),
      ),
    ).toEqual([]);
    expect(loaded.some((path) => path.includes('/node_modules/cdktn/'))).toBe(true);
  });

  test('the constructs do not load the provider itself (gRPC, the protocol server)', () => {
    const loaded = modulesLoadedBy('gh-interactions/cdktf');
    expect(
      loaded.filter((path) => /@grpc|\/dist\/terraform\/(?!protocol\/launcher\.js)/.test(path)),
    ).toEqual([]);
  });
});
