import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { providerEntryFile } from '../../src/cdktf/provider-package';
import { installProvider, installProviderSync } from '../../src/terraform/protocol/launcher';

/** Every file under `dir`: relative path → content and mode. */
function tree(dir: string): Record<string, { text: string; mode: number }> {
  const files: Record<string, { text: string; mode: number }> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files[relative(dir, path)] = {
          text: readFileSync(path, 'utf8'),
          mode: statSync(path).mode,
        };
    }
  };
  walk(dir);
  return files;
}

describe('installProviderSync: what a synth writes', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cdktf-launcher-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the same tree as installProvider (layout, script, mode)', async () => {
    const options = {
      version: '1.2.3',
      entry: '/opt/gh interactions/main.js',
      nodePath: '/usr/bin/node',
    };
    const synchronous = installProviderSync({ ...options, dir: join(root, 'sync') });
    const asynchronous = await installProvider({ ...options, dir: join(root, 'async') });
    expect(tree(join(root, 'sync'))).toEqual(tree(join(root, 'async')));
    expect(relative(join(root, 'sync'), synchronous.executablePath)).toBe(
      relative(join(root, 'async'), asynchronous.executablePath),
    );
  });

  it('replaces a launcher already there (a second synth)', () => {
    const dir = join(root, 'plugins');
    installProviderSync({ dir, version: '1.2.3', entry: '/a/main.js' });
    const { executablePath } = installProviderSync({ dir, version: '1.2.3', entry: '/b/main.js' });
    expect(readFileSync(executablePath, 'utf8')).toContain("'/b/main.js'");
    expect(readdirSync(join(executablePath, '..'))).toHaveLength(1);
  });

  it('points at the built provider of this package', () => {
    expect(providerEntryFile()).toBe(join(__dirname, '..', '..', 'dist', 'terraform', 'main.js'));
  });
});
