import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installProvider } from '../../src/terraform/protocol';
import { TOKENS, useTestEmulator } from '../support/emulator';
import type { TerraformRun, TerraformSandbox } from './support/terraform-cli';
import { PROVIDER_ENTRY, terraformSandbox } from './support/terraform-cli';

/**
 * The provider driven by a real Terraform 1.11, offline, against the emulator: the lifecycle a
 * team goes through (apply, drift, healing, renewal, import, a shadowed repository, destroy), and
 * the token kept out of the state, the output and the trace log.
 */
const emu = useTestEmulator({ resetBeforeEach: false });
const VERSION = '0.1.0';
const DAY = 24 * 3600;

/** A pattern for text Terraform may wrap: any run of spaces or line breaks between words. */
function wrapped(...parts: string[]): RegExp {
  const words = (text: string) =>
    text
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('\\s+');
  return new RegExp(parts.map(words).join('[\\s\\S]*'));
}

const MAIN_TF = (baseUrl: string) => `
terraform {
  required_providers {
    ghinteractions = { source = "gh-interactions/ghinteractions" }
  }
}

variable "github_token" {
  type      = string
  sensitive = true
}

provider "ghinteractions" {
  token    = var.github_token
  base_url = "${baseUrl}"
}

resource "ghinteractions_limit" "api" {
  repository = "acme/api"
  limit      = "contributors_only"
}

resource "ghinteractions_limit" "me" {
  user   = true
  limit  = "existing_users"
  expiry = "one_week"
}

resource "ghinteractions_pr_bypass_list" "api" {
  repository = "acme/api"
  users      = ["hubot", "jdoe"]
}

resource "ghinteractions_pr_creation_cap" "acme" {
  organization           = "acme"
  max_open_pull_requests = 5
  include_drafts         = true
}

data "ghinteractions_limit" "api" {
  repository = "acme/api"
  depends_on = [ghinteractions_limit.api]
}

output "api_origin" {
  value = data.ghinteractions_limit.api.origin
}
`;

describe('gh-interactions/ghinteractions under Terraform, against the emulator', () => {
  let sandbox: TerraformSandbox;
  let work: string;
  const outputs: string[] = [];
  const terraform = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<TerraformRun> => {
    const run = await sandbox.terraform(work, args, env);
    outputs.push(run.output);
    return run;
  };
  const plan = () => terraform(['plan', '-detailed-exitcode', '-input=false']);
  const apply = (env: NodeJS.ProcessEnv = {}) =>
    terraform(['apply', '-auto-approve', '-input=false'], env);
  const state = () => readFileSync(join(work, 'terraform.tfstate'), 'utf8');
  const managed = () =>
    (JSON.parse(state()) as { resources: { mode: string; type: string; name: string }[] }).resources
      .filter((resource) => resource.mode === 'managed')
      .map((resource) => `${resource.type}.${resource.name}`);

  beforeAll(async () => {
    sandbox = terraformSandbox();
    work = sandbox.directory('lifecycle');
    await installProvider({
      dir: join(work, 'terraform.d', 'plugins'),
      version: VERSION,
      entry: PROVIDER_ENTRY,
    });
    writeFileSync(join(work, 'main.tf'), MAIN_TF(emu.url));
    writeFileSync(join(work, 'terraform.tfvars'), `github_token = "${TOKENS.octocat}"\n`);
  });
  afterAll(() => sandbox.remove());

  it('1. init finds the provider offline; plan, apply', async () => {
    const init = await terraform(['init', '-input=false']);
    expect(init.output).toContain(`Installing gh-interactions/ghinteractions v${VERSION}`);
    expect(init.code).toBe(0);

    const planned = await plan();
    expect(planned.output).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(planned.code).toBe(2);

    const trace = join(sandbox.root, 'apply-trace.log');
    const applied = await apply({ TF_LOG: 'trace', TF_LOG_PATH: trace });
    expect(applied.output).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    expect(applied.output).toContain('api_origin = "repository"');
    expect(applied.code).toBe(0);
    // The trace log shows the provider at work, and never the token.
    const log = readFileSync(trace, 'utf8');
    expect(log).toContain('ApplyResourceChange');
    expect(log).not.toContain(TOKENS.octocat);

    const github = await emu.admin.state();
    expect(github.limits.repos['acme/api']?.limit).toBe('contributors_only');
    expect(github.limits.users.octocat?.limit).toBe('existing_users');
    expect(github.bypassLists['acme/api']).toEqual(['hubot', 'jdoe']);
    expect(github.creationCaps.orgs.acme).toMatchObject({
      enabled: true,
      max_open_pull_requests: 5,
      include_drafts: true,
    });
  }, 30_000);

  it('2. a second plan has nothing to do (exit 0)', async () => {
    const again = await plan();
    expect(again.output).toContain('No changes.');
    expect(again.code).toBe(0);
  }, 15_000);

  it('3–5. changes made on GitHub plan as updates with the reasons as warnings; apply heals', async () => {
    await emu.admin.setRepoLimit('acme/api', { limit: 'collaborators_only', expiry: 'one_month' });
    await emu.admin.addBypassUsers('acme/api', ['Spacewalker']);
    await emu.admin.removeBypassUsers('acme/api', ['jdoe']);
    await emu.admin.updateOrgCreationCap('acme', { max_open_pull_requests: 10 });

    const drift = await plan();
    expect(drift.output).toContain('Plan: 0 to add, 3 to change, 0 to destroy.');
    expect(drift.output).toContain('# ghinteractions_limit.api will be updated in-place');
    expect(drift.output).toMatch(
      wrapped(
        'Warning: Interaction limit repo/acme/api will be updated: changed on GitHub',
        'The limit is collaborators_only on GitHub; declared contributors_only.',
      ),
    );
    expect(drift.output).toMatch(
      wrapped(
        'Warning: Pull-request creation cap bypass list acme/api will be updated: logins added on GitHub, logins removed on GitHub',
        'On the bypass list of acme/api but not declared: Spacewalker.',
        'Declared but not on the bypass list of acme/api: jdoe.',
      ),
    );
    expect(drift.output).toMatch(
      wrapped('Warning: Pull-request creation cap org/acme will be updated: changed on GitHub'),
    );
    expect(drift.code).toBe(2);

    const healed = await apply();
    expect(healed.output).toContain('Apply complete! Resources: 0 added, 3 changed, 0 destroyed.');
    expect(healed.code).toBe(0);
    const github = await emu.admin.state();
    expect(github.limits.repos['acme/api']?.limit).toBe('contributors_only');
    expect([...github.bypassLists['acme/api']!].sort()).toEqual(['hubot', 'jdoe']);
    expect(github.creationCaps.orgs.acme?.max_open_pull_requests).toBe(5);
    expect((await plan()).code).toBe(0);
  }, 30_000);

  it('time: inside the renewal window, then past the expiry; apply renews', async () => {
    // The user limit (one_week, window 2 days) enters its window; the repository limit
    // (six_months, window 30 days) is far from it.
    await emu.admin.advanceClock(6 * DAY);
    const expiring = await plan();
    expect(expiring.output).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    expect(expiring.output).toMatch(
      wrapped(
        'Warning: Interaction limit user/octocat will be renewed: expires within its renewal window',
        'inside the renewal window of 2 days.',
      ),
    );
    expect(expiring.code).toBe(2);

    const expiresAt = (await emu.admin.state()).limits.users.octocat!.expires_at;
    await emu.admin.advanceClock(2 * DAY);
    const expired = await plan();
    expect(expired.output).toMatch(
      wrapped(
        'Warning: Interaction limit user/octocat will be renewed: no limit in force',
        `No limit is in force on user/octocat: it expired at ${expiresAt}.`,
      ),
    );
    expect(expired.code).toBe(2);

    const renewed = await apply();
    expect(renewed.output).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(renewed.code).toBe(0);
    const limit = (await emu.admin.state()).limits.users.octocat!;
    expect(Date.parse(limit.expires_at)).toBeGreaterThan(Date.parse(expiresAt));
    expect((await plan()).code).toBe(0);
  }, 30_000);

  it('6. terraform import by id, then a clean plan', async () => {
    const removed = await terraform([
      'state',
      'rm',
      'ghinteractions_limit.api',
      'ghinteractions_pr_bypass_list.api',
    ]);
    expect(removed.code).toBe(0);
    expect(managed()).toEqual(['ghinteractions_limit.me', 'ghinteractions_pr_creation_cap.acme']);

    const limit = await terraform([
      'import',
      '-input=false',
      'ghinteractions_limit.api',
      'repo/acme/api',
    ]);
    expect(limit.output).toContain('Import successful!');
    const list = await terraform([
      'import',
      '-input=false',
      'ghinteractions_pr_bypass_list.api',
      'acme/api',
    ]);
    expect(list.output).toContain('Import successful!');
    const clean = await plan();
    expect(clean.output).toContain('No changes.');
    expect(clean.code).toBe(0);
  }, 30_000);

  it('a repository under its organization’s limit: plan warns, apply fails naming org/acme and its expiry', async () => {
    const org = await emu.admin.setOrgLimit('acme', {
      limit: 'existing_users',
      expiry: 'one_week',
    });
    const summary = `Interaction limit repo/acme/api is overridden by org/acme (existing_users until ${org.expires_at})`;
    const shadowed = await plan();
    expect(shadowed.output).toContain(`Warning: ${summary}: terraform apply will fail`);
    expect(shadowed.code).toBe(2);

    const refused = await apply();
    expect(refused.output).toContain(`Error: ${summary}`);
    expect(refused.output).toMatch(
      wrapped('remove or change the limit of org/acme, or wait until it expires'),
    );
    expect(refused.code).toBe(1);
  }, 30_000);

  it('7. destroy, including the repository limit the organization’s limit already erased', async () => {
    const destroyed = await terraform(['destroy', '-auto-approve', '-input=false']);
    expect(destroyed.output).toContain('Destroy complete! Resources: 4 destroyed.');
    expect(destroyed.code).toBe(0);
    expect(managed()).toEqual([]);
    const github = await emu.admin.state();
    expect(github.limits.users.octocat).toBeUndefined();
    expect(github.limits.repos['acme/api']).toBeUndefined();
    expect(github.bypassLists['acme/api'] ?? []).toEqual([]);
    expect(github.creationCaps.orgs.acme?.enabled).toBe(false);
    // Not Terraform's: left alone.
    expect(github.limits.orgs.acme?.limit).toBe('existing_users');
  }, 30_000);

  it('the token given in the provider block never shows: not in the state, not in any output', async () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const output of outputs) expect(output).not.toContain(TOKENS.octocat);
    expect(state()).not.toContain(TOKENS.octocat);
    await sandbox.expectNothingLeftBehind();
  });

  it('with GITHUB_TOKEN instead, installed with `gh-interactions terraform install --user`', async () => {
    await emu.admin.reset();
    const envWork = sandbox.directory('from-env');
    const install = await sandbox.cli(envWork, ['terraform', 'install', '--user']);
    expect(install.output).toContain(join(sandbox.home, '.terraform.d', 'plugins'));
    expect(install.code).toBe(0);
    writeFileSync(
      join(envWork, 'main.tf'),
      [
        'terraform {',
        '  required_providers {',
        '    ghinteractions = { source = "gh-interactions/ghinteractions" }',
        '  }',
        '}',
        'resource "ghinteractions_limit" "docs" {',
        '  repository = "acme/docs"',
        '  limit      = "collaborators_only"',
        '  expiry     = "one_day"',
        '}',
        '',
      ].join('\n'),
    );
    const env = { GITHUB_TOKEN: TOKENS.octocat, GITHUB_BASE_URL: emu.url };
    const trace = join(sandbox.root, 'env-trace.log');
    const runs = [
      await sandbox.terraform(envWork, ['init', '-input=false'], env),
      await sandbox.terraform(envWork, ['apply', '-auto-approve', '-input=false'], {
        ...env,
        TF_LOG: 'trace',
        TF_LOG_PATH: trace,
      }),
      await sandbox.terraform(envWork, ['plan', '-detailed-exitcode', '-input=false'], env),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect((await emu.admin.state()).limits.repos['acme/docs']?.limit).toBe('collaborators_only');
    for (const text of [
      ...runs.map((run) => run.output),
      readFileSync(trace, 'utf8'),
      readFileSync(join(envWork, 'terraform.tfstate'), 'utf8'),
    ]) {
      expect(text).not.toContain(TOKENS.octocat);
    }
    await sandbox.expectNothingLeftBehind();
  }, 30_000);

  it('examples/terraform applies, plans clean and destroys as written', async () => {
    await emu.admin.reset();
    const example = sandbox.directory('example');
    cpSync(join(__dirname, '..', '..', 'examples', 'terraform'), example, { recursive: true });
    await installProvider({
      dir: join(example, 'terraform.d', 'plugins'),
      version: VERSION,
      entry: PROVIDER_ENTRY,
    });
    const env = { TF_VAR_github_token: TOKENS.octocat, TF_VAR_github_base_url: emu.url };
    const run = (args: string[]) => sandbox.terraform(example, [...args, '-input=false'], env);
    expect((await run(['init'])).code).toBe(0);
    const applied = await run(['apply', '-auto-approve']);
    expect(applied.output).toContain('Apply complete! Resources: 5 added, 0 changed, 0 destroyed.');
    expect(applied.output).toContain('my_limit_id = "user/octocat"');
    expect((await run(['plan', '-detailed-exitcode'])).code).toBe(0);
    expect((await run(['destroy', '-auto-approve'])).code).toBe(0);
    await sandbox.expectNothingLeftBehind();
  }, 30_000);
});
