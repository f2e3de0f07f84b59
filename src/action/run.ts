import * as core from '@actions/core';
import { Octokit } from '@octokit/rest';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ApplyResult, Change, Plan } from '../core';
import { applyPlan, pendingChanges } from '../core';
import { checkApplyBudget } from '../core/applier';
import { describeError } from '../cli/errors';
import { annotate, annotationPlace, workspacePath } from '../cli/github-actions';
import { connect, readOptions } from '../cli/connection';
import type { CliIO } from '../cli/io';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from '../cli/io';
import { planPolicy } from '../cli/policy-plan';
import { describe, renderPlan, renderPlanCompact } from '../cli/render-plan';
import { normalizeBaseUrl, packageVersion } from '../github';
import { upsertPlanComment } from './comment';
import type { WorkflowEvent } from './event';
import { PULL_REQUEST_EVENTS, readWorkflowEvent } from './event';
import type { ActionInputs } from './inputs';
import {
  ActionInputError,
  WORKFLOW_TOKEN_EXPLANATION,
  maskSecretInputs,
  readActionInputs,
} from './inputs';
import type { SourceLinks } from './render';
import { PLAIN, planCommentMarker, renderReport } from './render';

/** What the step reports (its outputs), and how it ends. */
export interface ActionOutcome {
  /** The CLI's: 0 nothing to do, 2 changes or drift, 1 error. */
  readonly exitCode: number;
  /** Changes that need attention (anything but unchanged); undefined when no plan was made. */
  readonly changes?: number;
  /** The plan as `plan --json` prints it. */
  readonly planJsonPath?: string;
  /** Why the step fails, when it does. */
  readonly failure?: string;
}

/**
 * The Action: mask the secrets, read and check the inputs, plan the policy, then for `plan`
 * comment on the pull request, for `drift` fail when GitHub drifted, for `apply` write. Every
 * command writes annotations at the policy lines and the job summary. Never throws: every error
 * becomes a failure with its explanation.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<ActionOutcome> {
  let inputs: ActionInputs | undefined;
  let planJsonPath: string | undefined;
  let changes: number | undefined;
  try {
    maskSecretInputs();
    inputs = readActionInputs();
    const event = readWorkflowEvent(env);
    if (inputs.command === 'apply') refuseApply(event, inputs);

    const io = actionIO(inputs, env);
    const client = connect(io, { cacheDir: inputs.cacheDir });
    const plan = await planPolicy(io, client, inputs.policy);
    changes = pendingChanges(plan).length;
    planJsonPath = writePlanJson(plan, inputs, env);

    const workspace = env.GITHUB_WORKSPACE;
    const where = { cwd: process.cwd(), workspace };
    const links = sourceLinks(env, where);
    const policyPath = workspacePath(inputs.policy, where);
    const footer = footerLine(env);

    if (inputs.command === 'apply') {
      core.info(renderPlanCompact(plan, PLAIN));
      // As the CLI does: an apply the rate limit cannot finish is refused before its first write.
      const graphql = readOptions(io).graphql;
      checkApplyBudget(client, plan, { graphql });
      const result = await applyWithProgress(client, plan, graphql);
      annotateApply(plan, result, where);
      await writeSummary(
        renderReport({ command: 'apply', policyPath, plan, apply: result, links, footer }),
      );
      const failed = result.results.filter((r) => r.outcome === 'failed');
      return {
        exitCode: result.ok ? EXIT_OK : EXIT_ERROR,
        changes,
        planJsonPath,
        ...(result.ok
          ? {}
          : {
              failure: explain(
                `${failed.length} change(s) failed:\n${failed.map((r) => `  ${r.kind} ${r.id}: ${r.message}`).join('\n')}`,
                inputs,
              ),
            }),
      };
    }

    core.info(renderPlan(plan, PLAIN, inputs.command === 'drift' ? 'drift' : 'plan'));
    for (const change of pendingChanges(plan)) annotate(change, where);
    const report = renderReport({ command: inputs.command, policyPath, plan, links, footer });
    await writeSummary(report);
    const exitCode = changes > 0 ? EXIT_CHANGES : EXIT_OK;

    let failure: string | undefined;
    if (inputs.command === 'drift' && changes > 0) {
      failure = `Drift found: ${changes} resource(s) differ from ${policyPath} (see the annotations and the job summary). Run the apply workflow to renew and restore them.`;
    }
    if (inputs.command === 'plan' && inputs.comment && event.pullRequest) {
      const commented = await commentOnPullRequest(inputs, event, policyPath, report, env);
      if (commented) failure = commented;
    }
    return { exitCode, changes, planJsonPath, ...(failure ? { failure } : {}) };
  } catch (error) {
    const message =
      error instanceof ActionInputError
        ? error.message
        : explain(describeError(error, env).replace(/^error: /, ''), inputs);
    return { exitCode: EXIT_ERROR, changes, planJsonPath, failure: message };
  }
}

/** Sets the outputs and ends the step: failed (exit 1) when the outcome says so. */
export function reportOutcome(outcome: ActionOutcome): void {
  core.setOutput('exit-code', String(outcome.exitCode));
  core.setOutput('changes', outcome.changes === undefined ? '' : String(outcome.changes));
  core.setOutput('plan-json', outcome.planJsonPath ?? '');
  if (outcome.failure) core.setFailed(outcome.failure);
}

/**
 * `apply` writes only when asked for explicitly, and never for a pull request from a fork: its
 * author controls the policy file the workflow would apply. On other pull requests it needs
 * `allow-apply-on-pull-request: true` (a policy should be applied once reviewed and merged).
 */
function refuseApply(event: WorkflowEvent, inputs: ActionInputs): void {
  if (!(PULL_REQUEST_EVENTS as readonly string[]).includes(event.name)) return;
  const pr = event.pullRequest;
  if (pr?.fromFork) {
    throw new ActionInputError(
      `Refusing [command] apply on a ${event.name} event from a fork (${pr.owner}/${pr.repo}#${pr.number}): the fork's author controls the policy file it would apply. ` +
        'Run apply on push to the default branch (examples/github-actions/apply-on-main.yml); on pull requests, run plan.',
    );
  }
  if (!inputs.allowApplyOnPullRequest) {
    throw new ActionInputError(
      `Refusing [command] apply on a ${event.name} event: apply runs on push, schedule or workflow_dispatch, once the policy is reviewed and merged. ` +
        'Run plan on pull requests, or set [allow-apply-on-pull-request] to true to apply from pull requests of this repository (never from forks).',
    );
  }
}

/** The CLI's IO, reading the connection from the inputs instead of the step's environment. */
function actionIO(inputs: ActionInputs, env: NodeJS.ProcessEnv): CliIO {
  const connection: NodeJS.ProcessEnv = { ...env };
  for (const name of [
    'GITHUB_TOKEN',
    'GITHUB_APP_ID',
    'GITHUB_APP_INSTALLATION_ID',
    'GITHUB_APP_PRIVATE_KEY',
    'GITHUB_APP_PEM_FILE',
    'GITHUB_BASE_URL',
  ]) {
    delete connection[name];
  }
  if (inputs.app) {
    connection.GITHUB_APP_ID = inputs.app.appId;
    connection.GITHUB_APP_INSTALLATION_ID = inputs.app.installationId;
    connection.GITHUB_APP_PRIVATE_KEY = inputs.app.privateKey;
  } else if (inputs.token) {
    connection.GITHUB_TOKEN = inputs.token;
  }
  // The runner's API URL (GitHub Enterprise Server included) unless the input names another.
  const baseUrl = inputs.baseUrl ?? env.GITHUB_API_URL;
  if (baseUrl) connection.GITHUB_BASE_URL = baseUrl;
  // Warnings (a selector that matched nothing) become workflow warnings; progress is not shown.
  const stderr = new PassThrough();
  stderr.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.startsWith('warning: ')) core.warning(line.slice('warning: '.length));
      else if (line.trim()) core.info(line);
    }
  });
  return {
    stdout: process.stdout,
    stderr,
    stdin: process.stdin,
    env: connection,
    cwd: process.cwd(),
  };
}

/** `plan --json`'s output, in the runner's temporary directory (one file per command and policy). */
function writePlanJson(plan: Plan, inputs: ActionInputs, env: NodeJS.ProcessEnv): string {
  const dir = env.RUNNER_TEMP || tmpdir();
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha256').update(inputs.policy).digest('hex').slice(0, 12);
  const path = join(dir, `gh-interactions-${inputs.command}-${id}.json`);
  writeFileSync(path, `${JSON.stringify(plan, null, 2)}\n`);
  return path;
}

async function applyWithProgress(
  client: ReturnType<typeof connect>,
  plan: Plan,
  graphql: boolean,
): Promise<ApplyResult> {
  return applyPlan(client, plan, {
    graphql,
    onProgress: (event) => {
      if (event.type === 'started' || event.change.action === 'none') return;
      if (event.type === 'confirmed' && event.result.outcome !== 'failed') return;
      const step = event.type === 'finished' ? `[${event.step}/${event.total}]` : '[read back]';
      core.info(
        `  ${step} ${describe(event.change)}: ${event.result.outcome}. ${event.result.message}`,
      );
    },
  });
}

/** Blocked changes and failed writes need a person: an error at the line that declares them. */
function annotateApply(
  plan: Plan,
  result: ApplyResult,
  where: { cwd: string; workspace?: string },
) {
  plan.changes.forEach((change: Change, index) => {
    const outcome = result.results[index];
    if (change.action === 'blocked') annotate(change, where);
    else if (outcome?.outcome === 'failed') {
      core.error(outcome.message, {
        title: `${change.kind} ${change.id}: apply failed`,
        ...annotationPlace(change.source, where),
      });
    }
  });
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.emptyBuffer().addRaw(markdown).write();
}

/** Links from "declared at" to the policy line in the commit the workflow runs on. */
function sourceLinks(
  env: NodeJS.ProcessEnv,
  where: { cwd: string; workspace?: string },
): SourceLinks {
  const repositoryPath = (file: string) => workspacePath(file, where);
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha && where.workspace
    ? { blobBase: `${server}/${repository}/blob/${sha}`, repositoryPath }
    : { repositoryPath };
}

function footerLine(env: NodeJS.ProcessEnv): string | undefined {
  const sha = env.GITHUB_SHA?.slice(0, 7);
  if (!sha) return undefined;
  const run =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? ` in [run ${env.GITHUB_RUN_NUMBER ?? env.GITHUB_RUN_ID}](${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID})`
      : '';
  return `gh-interactions ${packageVersion()}, commit ${sha}${run}.`;
}

/** Posts or edits the plan comment; returns why it could not, if it could not. */
async function commentOnPullRequest(
  inputs: ActionInputs,
  event: WorkflowEvent,
  policyPath: string,
  report: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const pr = event.pullRequest!;
  if (!inputs.commentToken) {
    return 'Input [comment-token] is empty: the plan comment needs a token that may write to the pull request (the default, github.token, with `permissions: pull-requests: write`).';
  }
  const octokit = new Octokit({
    auth: inputs.commentToken,
    baseUrl: normalizeBaseUrl(inputs.baseUrl ?? env.GITHUB_API_URL),
    userAgent: `gh-interactions/${packageVersion()} (github-action)`,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const marker = planCommentMarker(policyPath);
  try {
    const outcome = await upsertPlanComment(octokit, pr, marker, `${marker}\n${report}`);
    core.info(
      `${outcome.action === 'created' ? 'Posted' : 'Updated'} the plan comment: ${outcome.url}`,
    );
    return undefined;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const said = (error as Error).message;
    return (
      `Could not post the plan comment on ${pr.owner}/${pr.repo}#${pr.number} (${status ?? 'no answer'}: ${said}). ` +
      'The comment token (input [comment-token], github.token by default) needs `permissions: pull-requests: write` (or issues: write) in the workflow.'
    );
  }
}

/**
 * GitHub's "Resource not accessible by integration" (403) means an installation token without
 * the permission: the workflow's own token, or a GitHub App not granted it.
 */
function explain(message: string, inputs: ActionInputs | undefined): string {
  if (!/Resource not accessible by integration/i.test(message)) return message;
  if (inputs?.app) {
    return `${message}\nThe GitHub App lacks a permission this needs: grant it "Administration" repository permission (read and write) and, for organization limits and caps, "Administration" organization permission (read and write), then accept the new permissions on its installation. See docs/github-action.md#github-app.`;
  }
  return `${message}\n${WORKFLOW_TOKEN_EXPLANATION}`;
}
