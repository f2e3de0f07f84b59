import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  installProvider,
  launcherScript,
  providerExecutableName,
  terraformPlatform,
} from '../../../src/terraform/protocol';

describe('provider launcher', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'launcher-test-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('maps Node platforms to Terraform platforms', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('linux', 'arm64')).toBe('linux_arm64');
    expect(terraformPlatform('freebsd', 'ia32')).toBe('freebsd_386');
    expect(() => terraformPlatform('win32', 'x64')).toThrow(/only \.exe providers; use WSL/);
    expect(() => terraformPlatform('aix', 'x64')).toThrow(/cannot be installed on aix\/x64/);
  });

  it('names the executable as Terraform looks for it', () => {
    expect(providerExecutableName('0.1.0')).toBe('terraform-provider-ghinteractions_v0.1.0');
  });

  it('writes a sh script that execs node on the entry, quoting paths', () => {
    const script = launcherScript({ entry: "/opt/it's here/main.js", nodePath: '/usr/bin/node' });
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`exec '/usr/bin/node' '/opt/it'\\''s here/main.js' "$@"\n`);
    expect(launcherScript({ entry: '/e.js' })).toContain(`'${process.execPath}'`);
    expect(() => launcherScript({ entry: 'main.js' })).toThrow(
      '[entry] must be an absolute path, because Terraform runs the provider from another directory; received "main.js"',
    );
  });

  it('installs into the unpacked mirror layout, executable, and the launcher runs the entry', async () => {
    const entry = join(directory, "entry with 'quote'.js");
    writeFileSync(entry, "process.stdout.write(JSON.stringify(process.argv.slice(2)) + '\\n');\n");
    const installed = await installProvider({
      dir: join(directory, 'plugins'),
      version: '1.2.3-beta.1',
      entry,
    });
    const platform = terraformPlatform();
    expect(installed.executablePath).toBe(
      join(
        directory,
        'plugins/registry.terraform.io/gh-interactions/ghinteractions/1.2.3-beta.1',
        platform,
        'terraform-provider-ghinteractions_v1.2.3-beta.1',
      ),
    );
    expect(readdirSync(installed.packageDirectory)).toEqual([
      'terraform-provider-ghinteractions_v1.2.3-beta.1',
    ]);
    expect(statSync(installed.executablePath).mode & 0o777).toBe(0o755);
    expect(execFileSync(installed.executablePath, ['a', 'b c'], { encoding: 'utf8' })).toBe(
      '["a","b c"]\n',
    );
    // Installing again replaces the launcher in place.
    await installProvider({ dir: join(directory, 'plugins'), version: '1.2.3-beta.1', entry });
    expect(readdirSync(installed.packageDirectory)).toHaveLength(1);
  });

  it('refuses a version Terraform would not accept', async () => {
    await expect(
      installProvider({ dir: directory, version: 'v0.1.0', entry: '/e.js' }),
    ).rejects.toThrow(
      '[version] must be a semantic version such as 0.1.0 (no leading "v"); received "v0.1.0"',
    );
  });
});
