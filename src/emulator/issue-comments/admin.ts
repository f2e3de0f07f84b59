import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { botLogin } from '../apps/model';
import type { AdminRouter } from '../admin/router';
import { AdminError, adminParam, adminRepo, adminUser, parseAdminBody } from '../admin/router';
import type { EmulatorState } from '../state/emulator-state';
import type { RepoRecord } from '../state/model';
import type { CommentAuthor, IssueCommentRecord } from './model';
import { commentsOnIssue, findIssue, openIssue } from './rules';

const openBodySchema = z.strictObject({
  title: z.string().min(1).optional(),
  /** Login of the author; default: the repository's owner (or its organization's first owner). */
  author: z.string().min(1).optional(),
});

/** A comment as the admin API and the state snapshot show it. */
export interface AdminIssueComment {
  id: number;
  /** A user's login, or `<slug>[bot]` for a GitHub App. */
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Opening issues and pull requests (GitHub's own endpoints for that are not emulated: only their
 * comments are), and reading the comments of one, as a person looking at the page would.
 */
export function registerIssueCommentAdminRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  const open = (pullRequest: boolean) => (request: FastifyRequest) => {
    const repo = adminRepo(runtime, request);
    const body = parseAdminBody(request, openBodySchema, pullRequest ? 'pull request' : 'issue');
    const author = body.author
      ? adminUser(runtime, body.author).login
      : defaultAuthor(runtime.state, repo);
    const issue = openIssue(runtime.state, repo, {
      title: body.title ?? (pullRequest ? 'A pull request' : 'An issue'),
      pullRequest,
      author,
    });
    return { status: 201, body: { number: issue.number } };
  };
  admin.route('POST', '/repos/:owner/:repo/pulls', open(true));
  admin.route('POST', '/repos/:owner/:repo/issues', open(false));
  admin.route('GET', '/repos/:owner/:repo/issues/:number/comments', (request) => {
    const repo = adminRepo(runtime, request);
    const raw = adminParam(request, 'number');
    const issue = /^\d+$/.test(raw) ? findIssue(runtime.state, repo, Number(raw)) : undefined;
    if (!issue)
      throw new AdminError(404, `No issue or pull request #${raw} in ${repo.owner}/${repo.name}.`);
    return {
      status: 200,
      body: {
        comments: commentsOnIssue(runtime.state, issue).map((c) => adminComment(runtime.state, c)),
      },
    };
  });
}

function defaultAuthor(state: EmulatorState, repo: RepoRecord): string {
  if (state.findUser(repo.owner)) return repo.owner;
  const owner = state.findOrg(repo.owner)?.owners[0];
  if (!owner) throw new AdminError(400, `pull request: give [author]; ${repo.owner} has no owner.`);
  return owner;
}

function authorName(state: EmulatorState, author: CommentAuthor): string {
  if (author.type === 'User') return author.login;
  const app = state.findApp(author.appId);
  return app ? botLogin(app) : `app:${author.appId}`;
}

function adminComment(state: EmulatorState, comment: IssueCommentRecord): AdminIssueComment {
  return {
    id: comment.id,
    author: authorName(state, comment.author),
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
  };
}

/** This feature's part of `GET /_emulator/state`. */
export interface IssueCommentsSnapshot {
  /** Comments by `owner/name#number`, for issues and pull requests that have any. */
  issueComments: Record<string, AdminIssueComment[]>;
}

export function issueCommentsSnapshot(state: EmulatorState): IssueCommentsSnapshot {
  const issueComments: Record<string, AdminIssueComment[]> = {};
  for (const issue of state.data.issues ?? []) {
    const comments = commentsOnIssue(state, issue);
    const repo = state.data.repos.find((r) => r.id === issue.repoId);
    if (comments.length > 0 && repo) {
      issueComments[`${repo.owner}/${repo.name}#${issue.number}`] = comments.map((c) =>
        adminComment(state, c),
      );
    }
  }
  return { issueComments };
}
