import { readFileSync } from 'node:fs';

/** What the Action needs of the event that started the workflow. */
export interface WorkflowEvent {
  /** GITHUB_EVENT_NAME: `pull_request`, `push`, `schedule`, … */
  readonly name: string;
  /** Set for pull_request and pull_request_target events. */
  readonly pullRequest?: {
    readonly owner: string;
    readonly repo: string;
    readonly number: number;
    /** The head branch lives in another repository (a fork): its workflows get no secrets. */
    readonly fromFork: boolean;
  };
}

export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const;

interface PullRequestPayload {
  pull_request?: {
    number?: number;
    head?: { repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  repository?: { name?: string; owner?: { login?: string } };
}

/**
 * The event from GITHUB_EVENT_PATH, the webhook payload the runner writes
 * (https://docs.github.com/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request).
 * A pull request is from a fork when its head repository is not its base repository (a deleted
 * fork has `head.repo: null`: still a fork).
 */
export function readWorkflowEvent(env: NodeJS.ProcessEnv): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (!(PULL_REQUEST_EVENTS as readonly string[]).includes(name) || !env.GITHUB_EVENT_PATH) {
    return { name };
  }
  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestPayload;
  } catch (error) {
    throw new Error(
      `GITHUB_EVENT_PATH: cannot read the ${name} event from "${env.GITHUB_EVENT_PATH}" (${(error as Error).message}).`,
      { cause: error },
    );
  }
  const pr = payload.pull_request;
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (!pr || typeof pr.number !== 'number' || !owner || !repo) return { name };
  const head = pr.head?.repo;
  const base = pr.base?.repo?.full_name ?? `${owner}/${repo}`;
  const fromFork = !head || (head.full_name ?? '').toLowerCase() !== base.toLowerCase();
  return { name, pullRequest: { owner, repo, number: pr.number, fromFork } };
}
