import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cdktfFramework from '../../src/cdktf/framework';
import * as cdktnFramework from '../../src/cdktn/framework';

const root = join(__dirname, '..', '..');
const generatedDirectory = join(root, 'src', 'cdktn', 'generated');

describe('cdktn: one source, built twice', () => {
  it('src/cdktn/generated/ is src/cdktf/ as `node src/cdktn/generate.js` writes it (run it after editing src/cdktf)', () => {
    // A child process: the generator formats with Prettier, which Jest's VM cannot import().
    const check = spawnSync(process.execPath, ['src/cdktn/generate.js', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('has a copy of every module of src/cdktf but its framework module', () => {
    const sources = readdirSync(join(root, 'src', 'cdktf')).filter((f) => f !== 'framework.ts');
    expect(readdirSync(generatedDirectory).sort()).toEqual(sources.sort());
  });

  it('the generated modules import the framework only through src/cdktn/framework.ts', () => {
    for (const file of readdirSync(generatedDirectory)) {
      const text = readFileSync(join(generatedDirectory, file), 'utf8');
      expect({ file, cdktf: /from 'cdktf'|require\('cdktf'\)/.test(text) }).toEqual({
        file,
        cdktf: false,
      });
    }
  });

  it('both framework modules provide the same names, from their own framework', () => {
    expect(Object.keys(cdktnFramework).sort()).toEqual(Object.keys(cdktfFramework).sort());
    expect(cdktfFramework.FRAMEWORK).toBe('cdktf');
    expect(cdktnFramework.FRAMEWORK).toBe('cdktn');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(cdktnFramework.TerraformResource).toBe(require('cdktn').TerraformResource);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(cdktfFramework.TerraformResource).toBe(require('cdktf').TerraformResource);
    expect(cdktnFramework.TerraformResource).not.toBe(cdktfFramework.TerraformResource);
  });
});
