import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Seed } from '../../src/emulator';
import { DEFAULT_SEED } from '../../src/emulator';
import { emulatorEnv, runBinary, runCli } from '../support/cli';
import { isWrite, useTestEmulator } from '../support/emulator';

/**
 * Issue 12.7: a 403 on one organization stopped every valid change elsewhere. Now each unreadable
 * resource is reported with its reason; the default still refuses the whole run (nothing
 * surprising happens), and `--skip-unreadable` applies the rest, then exits 1.
 *
 * The seed adds an organization `globex` that octocat's token does not own: octocat administers
 * one of its repositories (globex/site) and cannot see into the other (globex/tools).
 * (A policy cannot declare an organization limit and limits of its repositories together, so
 * the dependency of a repository limit on an unreadable owner limit is tested in the planner's
 * tests, test/core/planner-unreadable.test.ts.)
 */
const seed: Seed = {
  ...DEFAULT_SEED,
  users: [...(DEFAULT_SEED.users ?? []), { login: 'gina', token: 'gho_emulator_gina' }],
  orgs: [...(DEFAULT_SEED.orgs ?? []), { login: 'globex', name: 'Globex', owners: ['gina'] }],
  repos: [
    ...(DEFAULT_SEED.repos ?? []),
    { owner: 'globex', name: 'site', admins: ['octocat'] },
    { owner: 'globex', name: 'tools' },
  ],
};
const emu = useTestEmulator({ seed });

const POLICY = `version: 1
organizations:
  acme:
    pr_creation_cap: { max_open_pull_requests: 3 }
  globex:
    pr_creation_cap: { max_open_pull_requests: 5 }
repositories:
  - repository: acme/api
    pr_bypass_list: [hubot]
  - repository: acme/website
    interaction_limit: { limit: contributors_only }
  - repository: globex/site
    interaction_limit: { limit: collaborators_only }
    pr_bypass_list: [hubot]
  - repository: globex/tools
    interaction_limit: { limit: collaborators_only }
`;

function policyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-unreadable-'));
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, POLICY);
  return file;
}

async function writes(): Promise<string[]> {
  const { requests } = await emu.admin.requests();
  return requests.filter(isWrite).map((r) => `${r.method} ${r.path}`);
}

describe('unreadable resources (issue 12.7)', () => {
  test('by default the whole run is refused: every unreadable resource is listed with its reason, nothing is written', async () => {
    const file = policyFile();
    for (const args of [
      ['plan', file],
      ['drift', file],
      ['apply', '--yes', file],
    ]) {
      const run = await runCli(args, emulatorEnv(emu.url));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'Nothing was planned: 2 of 7 declared resources could not be read from GitHub:',
      );
      expect(run.stderr).toMatch(
        /PrCreationCap org\/globex: Permission denied: this needs an organization owner.*\(403 GET \/orgs\/globex\/interaction-limits\/pulls\/creation-cap/,
      );
      expect(run.stderr).toMatch(
        /InteractionLimit repo\/globex\/tools: Permission denied: this needs admin rights on the repository/,
      );
      expect(run.stderr).toContain(
        'To plan and apply the 5 readable resources anyway, pass --skip-unreadable (the command still exits 1).',
      );
    }
    expect(await writes()).toEqual([]);
  });

  test('drift --format github --skip-unreadable: an error annotation at each unreadable declaration, and the summary says they were not checked', async () => {
    const file = policyFile();
    const summary = join(mkdtempSync(join(tmpdir(), 'ghi-summary-')), 'summary.md');
    writeFileSync(summary, '');
    const run = await runBinary(['drift', '--format', 'github', '--skip-unreadable', file], {
      ...emulatorEnv(emu.url),
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(errors.map((line) => line.replace(/::not read.*$/, ''))).toEqual([
      `::error title=PrCreationCap org/globex%3A unreadable,file=${file},line=6`,
      `::error title=InteractionLimit repo/globex/tools%3A unreadable,file=${file},line=16`,
    ]);
    expect(errors[0]).toMatch(/::not read from GitHub, so not checked: Permission denied/);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain(
      '**Not checked:** 2 declared resources could not be read from GitHub (or depend on one that could not):',
    );
    expect(markdown).toContain('| InteractionLimit `repo/globex/tools` | Permission denied');
  });

  test('--skip-unreadable: plan and drift show the readable changes and list the rest, exit 1', async () => {
    const file = policyFile();
    for (const command of ['plan', 'drift']) {
      const run = await runCli([command, '--skip-unreadable', file], emulatorEnv(emu.url));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('PrCreationCap org/acme');
      expect(run.stdout).toContain(
        'Not planned: 2 of 7 declared resources could not be read from GitHub (or depend on one that could not), so this plan leaves them out:',
      );
      expect(run.stdout).toMatch(/PrCreationCap org\/globex: Permission denied/);
      expect(run.stdout).toContain('InteractionLimit repo/globex/site');
    }
    const json = await runCli(['plan', '--json', '--skip-unreadable', file], emulatorEnv(emu.url));
    const plan = JSON.parse(json.stdout) as {
      changes: { id: string }[];
      unreadable: { kind: string; id: string; error?: { status: number }; dependsOn?: string }[];
    };
    expect(plan.changes.map((c) => c.id)).toEqual([
      'org/acme',
      'acme/api',
      'repo/acme/website',
      'repo/globex/site',
      'globex/site',
    ]);
    expect(plan.unreadable).toEqual([
      expect.objectContaining({
        kind: 'PrCreationCap',
        id: 'org/globex',
        error: expect.objectContaining({ status: 403 }),
      }),
      expect.objectContaining({
        kind: 'InteractionLimit',
        id: 'repo/globex/tools',
        error: expect.objectContaining({ status: 403 }),
      }),
    ]);
    expect(await writes()).toEqual([]);
  });

  test('apply --skip-unreadable writes the readable changes and exits 1', async () => {
    const run = await runCli(
      ['apply', '--yes', '--skip-unreadable', policyFile()],
      emulatorEnv(emu.url),
    );
    expect(run.code).toBe(1);
    expect((await writes()).sort()).toEqual(
      [
        'PATCH /orgs/acme/interaction-limits/pulls/creation-cap',
        'PUT /repos/acme/api/interaction-limits/pulls/bypass-list',
        'PUT /repos/acme/website/interaction-limits',
        'PUT /repos/globex/site/interaction-limits',
        'PUT /repos/globex/site/interaction-limits/pulls/bypass-list',
      ].sort(),
    );
    expect(run.stdout).toContain('Apply complete: 5 applied, 0 failed, 0 blocked, 0 unchanged.');
    expect(run.stdout).toContain(
      '2 declared resources were not read, so not applied (listed above).',
    );
    const state = await emu.admin.state();
    expect(state.bypassLists['globex/site']).toEqual(['hubot']);
  });

  test('when nothing at all can be read, --skip-unreadable says so instead of "No changes"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-unreadable-'));
    const file = join(dir, 'globex.yaml');
    writeFileSync(
      file,
      'version: 1\norganizations:\n  globex:\n    interaction_limit: { limit: existing_users }\nrepositories:\n  - repository: globex/tools\n    pr_bypass_list: [hubot]\n',
    );
    const run = await runCli(['drift', '--skip-unreadable', file], emulatorEnv(emu.url));
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('No changes');
    expect(run.stdout).toContain(
      'Nothing was planned: all 2 declared resources could not be read from GitHub:',
    );
  });
});
