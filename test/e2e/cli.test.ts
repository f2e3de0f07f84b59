import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedRequest } from '../../src/emulator';
import { emulatorEnv, runBinary, runCli } from '../support/cli';
import { useTestEmulator, isWrite } from '../support/emulator';

const POLICY = 'examples/policy/acme.yaml';
const DAY = 24 * 3600;
const TOKEN = 'gho_emulator_octocat';

const writes = (requests: readonly LoggedRequest[]) => requests.filter(isWrite);

const emu = useTestEmulator({ lifetime: 'test' });
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  env = emulatorEnv(emu.url);
});

describe('gh-interactions: the main story against the emulator', () => {
  test('validate → plan → apply → plan is clean', async () => {
    const validate = await runCli(['validate', POLICY], env);
    expect(validate).toMatchObject({ code: 0 });
    expect(validate.stdout).toContain('acme.yaml is valid');

    const plan = await runCli(['plan', POLICY], env);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('+ InteractionLimit repo/acme/website will be created');
    expect(plan.stdout).toMatch(/Plan: \d+ to create/);
    expect(writes((await emu.admin.requests()).requests)).toEqual([]);

    const apply = await runCli(['apply', '--yes', POLICY], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete: \d+ applied, 0 failed, 0 blocked/);
    const state = await emu.admin.state();
    expect(state.limits.repos['acme/website'].limit).toBe('contributors_only');
    expect(state.limits.repos['acme/api'].limit).toBe('existing_users');
    expect(state.limits.repos['acme/docs'].limit).toBe('existing_users');
    expect(state.limits.repos['acme/legacy']).toBeUndefined();
    expect(state.limits.repos['acme/internal']).toBeUndefined();
    expect(state.bypassLists['acme/website']).toEqual(['hubot', 'jdoe']);
    expect(state.creationCaps.orgs.acme).toMatchObject({
      enabled: true,
      max_open_pull_requests: 3,
    });

    const again = await runCli(['plan', POLICY], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });

  test('out-of-band changes show as drift with reasons; apply heals what it can and explains the rest', async () => {
    expect((await runCli(['apply', '--yes', POLICY], env)).code).toBe(0);

    await emu.admin.advanceClock(24 * DAY);
    await emu.admin.removeRepoLimit('octocat/linguist');
    await emu.admin.addBypassUsers('acme/website', ['Spacewalker']);
    await emu.admin.updateOrgCreationCap('acme', { enabled: true, max_open_pull_requests: 10 });
    const orgLimit = await emu.admin.setOrgLimit('acme', {
      limit: 'collaborators_only',
      expiry: 'one_week',
    });
    await emu.admin.clearRequests();

    const drift = await runCli(['drift', POLICY], env);
    expect(drift.code).toBe(2);
    const out = drift.stdout;
    expect(out).toContain('Drift found');
    expect(out).toMatch(
      /InteractionLimit repo\/octocat\/hello-world will be created[\s\S]*?missing:/,
    );
    expect(out).toMatch(/InteractionLimit repo\/octocat\/linguist will be created[\s\S]*?missing:/);
    expect(out).toMatch(
      /InteractionLimit repo\/octocat\/Spoon-Knife will be renewed[\s\S]*?expiring:/,
    );
    expect(out).toMatch(
      /PrBypassList acme\/website will be updated[\s\S]*?added out of band:[^\n]*Spacewalker/,
    );
    expect(out).toMatch(/PrCreationCap org\/acme will be updated[\s\S]*?changed:[^\n]*10[^\n]*3/);
    for (const repo of ['api', 'docs', 'website']) {
      expect(out).toMatch(
        new RegExp(
          `! InteractionLimit repo/acme/${repo} is blocked[\\s\\S]*?shadowed:[^\\n]*org/acme`,
        ),
      );
    }
    expect(out).toContain(orgLimit.expires_at);
    expect(out).toContain('to do:');
    expect(writes((await emu.admin.requests()).requests)).toEqual([]);

    const apply = await runCli(['apply', '--yes', POLICY], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete: 5 applied, 0 failed, 3 blocked/);
    const log = (await emu.admin.requests()).requests;
    expect(
      writes(log).filter(
        (r) => r.path.startsWith('/repos/acme/') && r.path.endsWith('/interaction-limits'),
      ),
    ).toEqual([]);
    expect(log.some((r) => r.status === 409)).toBe(false);

    const state = await emu.admin.state();
    expect(state.bypassLists['acme/website']).toEqual(['hubot', 'jdoe']);
    expect(state.creationCaps.orgs.acme.max_open_pull_requests).toBe(3);
    expect(state.limits.repos['octocat/linguist'].limit).toBe('existing_users');
    expect(Date.parse(state.limits.repos['octocat/Spoon-Knife'].expires_at)).toBeGreaterThan(
      Date.parse(state.now) + 29 * DAY * 1000,
    );

    const plan = await runCli(['plan', POLICY], env);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(
      /Plan: 0 to create, 0 to update, 0 to renew, 0 to remove, 3 blocked/,
    );

    await emu.admin.removeOrgLimit('acme');
    expect((await runCli(['apply', '--yes', POLICY], env)).code).toBe(0);
    expect((await runCli(['plan', POLICY], env)).code).toBe(0);
  });
});

describe('gh-interactions plan: machine output and saved plans', () => {
  test('--json prints the documented plan format', async () => {
    const run = await runCli(['plan', '--json', POLICY], env);
    expect(run.code).toBe(2);
    const plan = JSON.parse(run.stdout);
    expect(plan.formatVersion).toBe(1);
    expect(plan.summary.create).toBeGreaterThan(0);
    const website = plan.changes.find(
      (c: { kind: string; id: string }) =>
        c.kind === 'InteractionLimit' && c.id === 'repo/acme/website',
    );
    expect(website).toMatchObject({
      action: 'create',
      before: null,
      after: { limit: 'contributors_only', expiry: 'one_month' },
      reasons: [expect.objectContaining({ type: 'missing' })],
    });
    expect(website.source).toMatch(/acme\.yaml:\d+/);
  });

  test('--out saves a plan that apply executes; a stale one is refused and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghi-plan-'));
    const planFile = join(dir, 'plan.json');
    expect((await runCli(['plan', '--out', planFile, POLICY], env)).code).toBe(2);
    const saved = readFileSync(planFile, 'utf8');
    expect(saved).not.toContain(TOKEN);
    expect(JSON.parse(saved)).toMatchObject({ format: 'gh-interactions-plan', baseUrl: emu.url });

    // Someone changes GitHub after the plan was made: the plan no longer describes it.
    await emu.admin.setRepoLimit('acme/api', { limit: 'collaborators_only', expiry: 'one_day' });
    await emu.admin.clearRequests();
    const stale = await runCli(['apply', '--yes', planFile], env);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('is stale; nothing was written');
    expect(stale.stderr).toContain('InteractionLimit repo/acme/api');
    expect(writes((await emu.admin.requests()).requests)).toEqual([]);

    expect((await runCli(['plan', '--out', planFile, POLICY], env)).code).toBe(2);
    const apply = await runCli(['apply', '--yes', planFile], env);
    expect(apply.code).toBe(0);
    expect((await runCli(['plan', POLICY], env)).code).toBe(0);
  });
});

describe('gh-interactions: a saved plan where a policy is expected', () => {
  test('validate, plan and drift say it is a saved plan and how to apply it, before any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghi-plan-'));
    const planFile = join(dir, 'plan.json');
    expect((await runCli(['plan', '--out', planFile, POLICY], env)).code).toBe(2);
    await emu.admin.clearRequests();
    for (const command of ['validate', 'plan', 'drift']) {
      const run = await runCli([command, planFile], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: ${planFile} is a saved plan (written by \`plan --out\`), not a policy file; use apply: \`gh-interactions apply ${planFile}\`, or run ${command} on its policy: \`gh-interactions ${command} ${POLICY}\`.\n`,
      );
    }
    expect((await emu.admin.requests()).requests).toEqual([]);
    // What the message says to run works.
    expect((await runCli(['apply', '--yes', planFile], env)).code).toBe(0);
  });
});

describe('gh-interactions drift --format github (the binary, as the Actions runner runs it)', () => {
  test('writes workflow annotations at the declaration and a Markdown step summary', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'ghi-summary-')), 'summary.md');
    writeFileSync(summary, '');
    const run = await runBinary(['drift', '--format', 'github', POLICY], {
      ...env,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^::warning title=InteractionLimit repo\/acme\/website%3A create,file=examples\/policy\/acme\.yaml,line=\d+(,col=\d+)?::missing: /m,
    );
    expect(run.stdout).toContain('Drift found: GitHub differs from the declaration.');
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## gh-interactions drift: examples/policy/acme.yaml');
    expect(markdown).toContain('| InteractionLimit `repo/acme/website` | create |');
  });

  test('names the policy relative to GITHUB_WORKSPACE, so annotations attach to it in the pull request', async () => {
    const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'ghi-workspace-')));
    mkdirSync(join(workspace, 'infra'));
    const policy = join(workspace, 'infra', 'policy.yaml');
    copyFileSync(POLICY, policy);
    const githubEnv = { ...env, GITHUB_WORKSPACE: workspace };
    const files = (stdout: string) => [
      ...new Set(
        [...stdout.matchAll(/^::warning title=[^,]*,file=([^,]*),line=/gm)].map((m) => m[1]),
      ),
    ];

    // Run from a subdirectory (`working-directory: infra`), or given an absolute path.
    const fromInfra = await runBinary(['drift', '--format', 'github', 'policy.yaml'], githubEnv, {
      cwd: join(workspace, 'infra'),
    });
    expect(fromInfra.code).toBe(2);
    expect(files(fromInfra.stdout)).toEqual(['infra/policy.yaml']);
    const absolute = await runBinary(['drift', '--format', 'github', policy], githubEnv);
    expect(files(absolute.stdout)).toEqual(['infra/policy.yaml']);

    // A policy outside the workspace is named as given.
    const outside = await runBinary(['drift', '--format', 'github', POLICY], githubEnv);
    expect(files(outside.stdout)).toEqual([POLICY]);
  });

  test('exit 0 and a clean summary when nothing drifted', async () => {
    await runCli(['apply', '--yes', POLICY], env);
    // The runner creates the summary file before the step runs.
    const summary = join(mkdtempSync(join(tmpdir(), 'ghi-summary-')), 'summary.md');
    writeFileSync(summary, '');
    const run = await runBinary(['drift', '--format', 'github', POLICY], {
      ...env,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::warning');
    expect(readFileSync(summary, 'utf8')).toContain('No drift');
  });
});

describe('gh-interactions apply: confirmation', () => {
  test('refuses to apply without --yes when not in a terminal, and writes nothing', async () => {
    const run = await runCli(['apply', POLICY], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pass --yes');
    expect(writes((await emu.admin.requests()).requests)).toEqual([]);
  });
});

describe('gh-interactions: exit codes and secrets', () => {
  test('errors exit 1 and never print the token', async () => {
    const badToken = 'ghp_thisTokenIsWrong0000000000000000';
    const run = await runCli(['plan', POLICY], emulatorEnv(emu.url, { GITHUB_TOKEN: badToken }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('GitHub rejected the credentials');
    expect(run.stdout + run.stderr).not.toContain(badToken);
  });

  test('schema prints the JSON Schema of the policy file', async () => {
    const run = await runCli(['schema'], {});
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toMatch(/json-schema/);
    expect(JSON.stringify(schema)).toContain('interaction_limit');
  });

  test('an unknown command or flag exits 1 with usage', async () => {
    const run = await runCli(['plan', '--frobnicate', POLICY], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });
});
