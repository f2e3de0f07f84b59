import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import { TOKENS, useTestEmulator, isWrite } from '../support/emulator';

/** The CLI meets what GitHub really does (issue: "What GitHub really does"), against the emulator. */
const emu = useTestEmulator();
const dir = mkdtempSync(join(tmpdir(), 'ghi-behaviour-'));

function policyFile(name: string, yaml: string): string {
  const file = join(dir, name);
  writeFileSync(file, `version: 1\n${yaml}`);
  return file;
}

const writes = async () =>
  (await emu.admin.requests()).requests.filter(isWrite).map((r) => `${r.method} ${r.path}`);

describe('the CLI and what GitHub really does', () => {
  test('an interaction limit on a private repository is an error before any write', async () => {
    const file = policyFile(
      'private.yaml',
      'repositories:\n  - repository: acme/internal\n    interaction_limit: { limit: existing_users }\n',
    );
    const plan = await runCli(['apply', '--yes', file], emulatorEnv(emu.url));
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      'acme/internal is private: GitHub allows no interaction limit on private repositories',
    );
    expect(await writes()).toEqual([]);
  });

  test('ids use GitHub spelling, not the policy file', async () => {
    const file = policyFile(
      'spelling.yaml',
      'organizations:\n  ACME: { pr_creation_cap: false }\nrepositories:\n  - repository: ACME/Website\n    pr_bypass_list: [hubot]\n',
    );
    const plan = await runCli(['plan', '--json', file], emulatorEnv(emu.url));
    const ids = (JSON.parse(plan.stdout) as { changes: { id: string }[] }).changes.map((c) => c.id);
    expect(ids).toEqual(['org/acme', 'acme/website']);
  });

  test('a read-only token: plan names what it cannot see and why, and reports no drift', async () => {
    const plan = await runCli(
      ['plan', 'examples/policy/acme.yaml'],
      emulatorEnv(emu.url, { GITHUB_TOKEN: TOKENS.monalisa }),
    );
    expect(plan.code).toBe(1);
    expect(plan.stdout).not.toContain('will be created');
    expect(plan.stderr).toMatch(
      /Nothing was planned: all \d+ declared resources could not be read from GitHub/,
    );
    // The same refusal of several repositories is one line, with the count and the first three.
    expect(plan.stderr).toMatch(
      /\d+ resources \(InteractionLimit repo\/acme\/\w+, InteractionLimit repo\/acme\/\w+, InteractionLimit repo\/acme\/\w+ and \d+ more\): Permission denied/,
    );
    expect(plan.stderr).toMatch(
      /PrBypassList acme\/website: .*"Administration" repository permission, write/,
    );
  });

  test('a bypass list with a login GitHub does not know: the error names it, nothing else is sent', async () => {
    const file = policyFile(
      'ghost.yaml',
      'repositories:\n  - repository: acme/api\n    pr_bypass_list: [hubot, no-such-user-here]\n',
    );
    const apply = await runCli(['apply', '--yes', file], emulatorEnv(emu.url));
    expect(apply.code).toBe(1);
    expect(apply.stdout + apply.stderr).toContain(
      'this login is not a GitHub user: no-such-user-here',
    );
    expect(await writes()).toEqual(['PUT /repos/acme/api/interaction-limits/pulls/bypass-list']);
    expect((await emu.admin.state()).bypassLists['acme/api'] ?? []).toEqual([]);
  });
});
