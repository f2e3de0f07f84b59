import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

describe('engines: package.json, the README and the dependency tree agree', () => {
  const supported = pkg.engines.node;
  // The first version of each supported line: 20.19.0, 22.13.0, 24.0.0.
  const lines = supported.split('||').map((range) => semver.minVersion(range.trim())!.version);

  test('every locked package accepts the first version of each supported Node line (no EBADENGINE on npm ci)', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
        if (!wanted) return [];
        return lines
          .filter((version) => !semver.satisfies(version, wanted))
          .map((version) => `${name} wants node ${wanted}; ${version} is supported`);
      });
    expect(refusing).toEqual([]);
  });

  test('the README states the same minimum', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(
      'Requires Node.js 20.19 or later on Node 20, 22.13 or later on Node 22, or Node 24',
    );
    expect(lines).toEqual(['20.19.0', '22.13.0', '24.0.0']);
  });
});
