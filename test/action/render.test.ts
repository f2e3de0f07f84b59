import { Octokit } from '@octokit/rest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { upsertPlanComment } from '../../src/action/comment';
import { MAX_COMMENT_LENGTH, planCommentMarker, renderReport } from '../../src/action/render';
import { connect } from '../../src/cli/connection';
import { planPolicy } from '../../src/cli/policy-plan';
import type { Change, Plan } from '../../src/core';
import { TOKENS, gitHubRequest, useTestEmulator } from '../support/emulator';

const POLICY = `version: 1
repositories:
  - repository: acme/api
    pr_bypass_list:
      - hubot
  - repository: acme/website
    interaction_limit:
      limit: contributors_only
`;

describe('the plan comment', () => {
  const emu = useTestEmulator();

  /** A real plan: a bypass list to fill, and a repository limit shadowed by its org's (blocked). */
  async function realPlan(): Promise<Plan> {
    const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-render-'));
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    const io = {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: { GITHUB_TOKEN: TOKENS.octocat, GITHUB_BASE_URL: emu.url },
      cwd: dir,
    };
    await emu.admin.setOrgLimit('acme', { limit: 'collaborators_only' });
    return planPolicy(io, connect(io), join(dir, 'policy.yaml'));
  }

  it('shows each change with where it is declared, why, and what to do', async () => {
    const plan = await realPlan();
    const text = renderReport({
      command: 'plan',
      policyPath: 'policy.yaml',
      plan,
      links: {
        blobBase: 'https://github.com/acme/policies/blob/abc',
        repositoryPath: () => 'policy.yaml',
      },
    });
    expect(text).toContain('### gh-interactions: Plan for `policy.yaml`');
    expect(text).toMatch(/\*\*Plan: .* 1 blocked, 0 unchanged\.\*\*/);
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| change'));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('`acme/api`'))).toContain(
      '[`policy.yaml:4`](https://github.com/acme/policies/blob/abc/policy.yaml#L4)',
    );
    const blocked = rows.find((r) => r.includes('`repo/acme/website`'))!;
    expect(blocked).toContain('⛔ blocked');
    expect(blocked).toContain('**shadowed**');
    expect(blocked.split(' | ')[4].length).toBeGreaterThan(10); // the remedy
    expect(text).toContain('<details><summary>Full plan</summary>');
  });

  it('stays under the size GitHub accepts for a comment, saying how many rows it left out', async () => {
    const plan = await realPlan();
    const change = plan.changes[0];
    const many: Change[] = Array.from({ length: 3000 }, (_, i) => ({
      ...change,
      id: `org/org-${i}`,
    }));
    const big: Plan = { ...plan, changes: many, summary: { ...plan.summary, update: many.length } };
    const text = renderReport({ command: 'plan', policyPath: 'policy.yaml', plan: big });
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(text).toMatch(/\| … \| and \d+ more \|/);
    expect(text).not.toContain('<details>');
  });

  it('escapes table cells and fences the full plan whatever it contains', async () => {
    const plan = await realPlan();
    const odd = {
      ...plan,
      changes: plan.changes.map((c) => ({
        ...c,
        reasons: c.reasons.map((r) => ({ ...r, message: 'a | b\n```\nc' })),
      })),
    } as Plan;
    const text = renderReport({ command: 'drift', policyPath: 'p.yaml', plan: odd });
    expect(text).toContain('a \\| b<br>```<br>c');
    expect(text).toMatch(/^````text$/m);
    expect(text).toContain('### gh-interactions: Drift found in `p.yaml`');
  });

  it('marks the comment per policy file, and keeps the marker an HTML comment', () => {
    expect(planCommentMarker('policies/acme.yaml')).toBe(
      '<!-- gh-interactions plan: policies/acme.yaml -->',
    );
    expect(planCommentMarker('a-->b.yaml')).not.toMatch(/--.*--.*-->.*-->/);
    expect(planCommentMarker('a-->b.yaml').match(/-->/g)).toHaveLength(1);
  });

  it('finds its comment past the first page of 100 and edits it, leaving the others alone', async () => {
    const number = await emu.admin.openPullRequest('acme/api');
    const path = `/repos/acme/api/issues/${number}/comments`;
    for (let i = 0; i < 120; i++) {
      await gitHubRequest(emu.url, 'POST', path, {
        token: TOKENS.monalisa,
        body: { body: i === 110 ? '<!-- gh-interactions plan: p.yaml -->\nold plan' : `chat ${i}` },
      });
    }
    // Someone quoting the marker later in a comment is not the plan comment.
    await gitHubRequest(emu.url, 'POST', path, {
      token: TOKENS.monalisa,
      body: { body: '> <!-- gh-interactions plan: p.yaml -->' },
    });
    const octokit = new Octokit({ auth: TOKENS.monalisa, baseUrl: emu.url });
    const marker = planCommentMarker('p.yaml');
    const outcome = await upsertPlanComment(
      octokit,
      { owner: 'acme', repo: 'api', number },
      marker,
      'new plan',
    );
    expect(outcome.action).toBe('updated');
    const comments = await emu.admin.issueComments('acme/api', number);
    expect(comments).toHaveLength(121);
    expect(comments[110]).toMatchObject({ id: outcome.id, body: `${marker}\nnew plan` });
    expect(comments.filter((c) => c.body.includes('new plan'))).toHaveLength(1);
  });
});
