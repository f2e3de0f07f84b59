import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_SEED } from '../../src/emulator';
import { TOKENS, generateAppKeys, isWrite, useTestEmulator } from '../support/emulator';
import type { ActionRun, FakeRunner } from './harness';
import { fakeRunner, pullRequestEvent, runActionBundle } from './harness';

/**
 * The committed bundle run as the GitHub Actions runner runs it, against the emulator (which
 * checks every exchange, the comment calls included, against GitHub's OpenAPI description).
 */

const POLICY = `version: 1
repositories:
  - repository: acme/api
    interaction_limit:
      limit: contributors_only
      expiry: one_week
`;
const MARKER = '<!-- gh-interactions plan: policy.yaml -->';
const POLICY_TOKEN = TOKENS.octocat;
/** Plays github.token: the workflow's token, which writes the comment. */
const WORKFLOW_TOKEN = TOKENS.monalisa;

const APP_KEYS = generateAppKeys();
/** An App installed on acme only. */
const SEED = {
  ...DEFAULT_SEED,
  apps: [
    { id: 77, publicKeyPem: APP_KEYS.publicKeyPem, installations: [{ id: 7700, account: 'acme' }] },
  ],
};

describe('the GitHub Action (action/lib/index.js) against the emulator', () => {
  const emu = useTestEmulator({ seed: SEED });
  let runner: FakeRunner;
  let pr: number;

  const inputs = (command: string, extra: Record<string, string> = {}) => ({
    command,
    policy: 'policy.yaml',
    token: POLICY_TOKEN,
    'base-url': emu.url,
    'comment-token': WORKFLOW_TOKEN,
    'workflow-token': WORKFLOW_TOKEN,
    cache: '.gh-interactions-cache',
    ...extra,
  });

  beforeEach(async () => {
    runner = fakeRunner();
    runner.writePolicy('policy.yaml', POLICY);
    pr = await emu.admin.openPullRequest('acme/api');
    runner.writeEvent(pullRequestEvent('acme/api', pr));
  });

  /** Secrets appear only in the ::add-mask:: commands, which come before anything else. */
  function expectNoSecret(run: ActionRun, secrets: readonly string[]) {
    const lines = run.stdout.split('\n');
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'));
    for (const [index, line] of lines.entries()) {
      if (secrets.some((s) => line.includes(s))) {
        expect(line.startsWith('::add-mask::') && index < firstOther).toBe(true);
      }
    }
    const elsewhere = [
      run.stderr,
      JSON.stringify(run.outputs),
      run.summary,
      readFileSync(runner.outputFile, 'utf8'),
    ];
    for (const secret of secrets) for (const text of elsewhere) expect(text).not.toContain(secret);
  }

  it('plans on a pull request: one comment, created once, then edited in place', async () => {
    const first = await runActionBundle(runner, inputs('plan'), {
      GITHUB_EVENT_NAME: 'pull_request',
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs['exit-code']).toBe('2');
    expect(first.outputs.changes).toBe('1');
    const planJson = JSON.parse(readFileSync(first.outputs['plan-json'], 'utf8'));
    expect(planJson).toMatchObject({
      formatVersion: 1,
      changes: [{ kind: 'InteractionLimit', id: 'repo/acme/api', action: 'create' }],
    });
    // The annotation points at the policy line that declares the limit.
    expect(first.stdout).toMatch(
      /^::warning title=InteractionLimit repo\/acme\/api%3A create,file=policy\.yaml,line=4::missing: /m,
    );
    expect(first.summary).toContain('### gh-interactions: Plan for `policy.yaml`');
    expect(first.summary).toContain('1 to create');

    let comments = await emu.admin.issueComments('acme/api', pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].author).toBe('monalisa');
    expect(comments[0].body.startsWith(MARKER)).toBe(true);
    expect(comments[0].body).toContain('InteractionLimit `repo/acme/api`');
    expect(comments[0].body).toContain(
      '[`policy.yaml:4`](https://github.com/acme/api/blob/0123456789abcdef0123456789abcdef01234567/policy.yaml#L4)',
    );
    const commentId = comments[0].id;

    // The limit lands out of band; the next push plans again and edits the same comment.
    await emu.admin.setRepoLimit('acme/api', { limit: 'contributors_only', expiry: 'one_week' });
    await emu.admin.advanceClock(60);
    const second = await runActionBundle(runner, inputs('plan'), {
      GITHUB_EVENT_NAME: 'pull_request',
    });
    expect(second.code).toBe(0);
    expect(second.outputs['exit-code']).toBe('0');
    expect(second.outputs.changes).toBe('0');
    comments = await emu.admin.issueComments('acme/api', pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].id).toBe(commentId);
    expect(comments[0].body).toContain('No changes');
    expect(comments[0].updatedAt > comments[0].createdAt).toBe(true);

    expectNoSecret(first, [POLICY_TOKEN, WORKFLOW_TOKEN]);
    expectNoSecret(second, [POLICY_TOKEN, WORKFLOW_TOKEN]);
    // The ETag cache was written where the input said, and holds no token.
    expect(existsSync(`${runner.workspace}/.gh-interactions-cache`)).toBe(true);
  });

  it("refuses the workflow's own token before any request, and says why", async () => {
    await emu.admin.clearRequests();
    const run = await runActionBundle(runner, inputs('plan', { token: WORKFLOW_TOKEN }), {
      GITHUB_EVENT_NAME: 'pull_request',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input [token] is the workflow's own GITHUB_TOKEN.");
    expect(run.stdout).toContain('"Administration" repository permission (write)');
    expect(run.outputs['exit-code']).toBe('1');
    expect((await emu.admin.requests()).requests).toEqual([]);
    expectNoSecret(run, [WORKFLOW_TOKEN]);
  });

  it('applies on push, and refuses to apply for a pull request from a fork', async () => {
    runner.writeEvent(pullRequestEvent('acme/api', pr, 'mallory/api'));
    const refused = await runActionBundle(runner, inputs('apply'), {
      GITHUB_EVENT_NAME: 'pull_request_target',
    });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      '::error::Refusing [command] apply on a pull_request_target event from a fork',
    );
    expect((await emu.admin.requests()).requests.filter(isWrite)).toEqual([]);

    const applied = await runActionBundle(runner, inputs('apply'), { GITHUB_EVENT_NAME: 'push' });
    expect(applied.code).toBe(0);
    expect(applied.outputs['exit-code']).toBe('0');
    expect(applied.outputs.changes).toBe('1');
    expect(applied.summary).toContain('Apply complete: 1 applied');
    expect((await emu.admin.state()).limits.repos['acme/api']).toMatchObject({
      limit: 'contributors_only',
    });
    expect(await emu.admin.issueComments('acme/api', pr)).toEqual([]);
    expectNoSecret(applied, [POLICY_TOKEN, WORKFLOW_TOKEN]);
  });

  it('refuses an apply the rate limit left cannot pay for, before its first write', async () => {
    // The plan's reads (the policy's expansion and the limit) take what is left.
    await emu.admin.setRateLimit({ remaining: 2 });
    const run = await runActionBundle(runner, inputs('apply'), { GITHUB_EVENT_NAME: 'push' });
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toMatch(
      /::error::.*Nothing was written: this apply needs about 2 rate-limit units .* GitHub has 0 left \(core\)/,
    );
    expect((await emu.admin.requests()).requests.filter(isWrite)).toEqual([]);
    expectNoSecret(run, [POLICY_TOKEN, WORKFLOW_TOKEN]);
  });

  it('fails a scheduled drift check when GitHub drifted, with an annotation at the policy line', async () => {
    const run = await runActionBundle(runner, inputs('drift'), { GITHUB_EVENT_NAME: 'schedule' });
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toMatch(
      /^::warning title=InteractionLimit repo\/acme\/api%3A create,file=policy\.yaml,line=4::missing: /m,
    );
    expect(run.stdout).toContain('::error::Drift found: 1 resource(s) differ from policy.yaml');
    expect(run.summary).toContain('Drift found in `policy.yaml`');
    expect((await emu.admin.requests()).requests.filter(isWrite)).toEqual([]);
  });

  it('plans as a GitHub App, and explains a permission the App lacks', async () => {
    const app = {
      'app-id': '77',
      'app-installation-id': '7700',
      'app-private-key': APP_KEYS.privateKeyPem,
    };
    const { token: _token, ...withoutToken } = inputs('plan');
    const planned = await runActionBundle(
      runner,
      { ...withoutToken, ...app },
      {
        GITHUB_EVENT_NAME: 'pull_request',
      },
    );
    expect(planned.code).toBe(0);
    expect(planned.outputs.changes).toBe('1');
    expect(await emu.admin.issueComments('acme/api', pr)).toHaveLength(1);

    // octocat/hello-world is not on the App's installation: GitHub answers 403.
    runner.writePolicy('policy.yaml', POLICY.replace('acme/api', 'octocat/hello-world'));
    const refused = await runActionBundle(
      runner,
      { ...withoutToken, ...app },
      {
        GITHUB_EVENT_NAME: 'schedule',
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Resource not accessible by integration');
    expect(refused.stdout).toContain('The GitHub App lacks a permission this needs');
    const keyLines = APP_KEYS.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
    expectNoSecret(planned, keyLines);
    expectNoSecret(refused, keyLines);
  });
});
