import { NOT_ACCESSIBLE_BY_INTEGRATION } from '../auth/authenticate';
import type { Guarded } from '../auth/guards';
import { findVisibleRepo } from '../auth/guards';
import { repoRole } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { paginate } from '../http/pagination';
import type { HttpResult } from '../http/results';
import { basicError, notFound, ok, requireObjectBody, validationFailed } from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import type { CommentAuthor, IssueCommentRecord, IssueRecord } from './model';
import type { RepoRecord } from '../state/model';
import { issueComment } from './representations';
import {
  addComment,
  checkCommentBody,
  commentsOnIssue,
  editComment,
  findComment,
  findIssue,
} from './rules';

const DOCS = {
  list: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
  create: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  get: 'https://docs.github.com/rest/issues/comments#get-an-issue-comment',
  update: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
} as const;

/** A path number (`issue_number`, `comment_id`); anything else matches nothing, so 404. */
function pathNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
}

function authorOf(principal: Principal): CommentAuthor | undefined {
  if (principal.kind === 'user') return { type: 'User', login: principal.user.login };
  if (principal.kind === 'installation') return { type: 'Bot', appId: principal.app.id };
  return undefined;
}

/**
 * An installation acts only on the repositories of the account it is installed on; elsewhere
 * GitHub answers "Resource not accessible by integration". Every emulated installation is
 * assumed to hold the "Issues" or "Pull requests" write permission (docs/emulator.md).
 */
function integrationRefused(
  ctx: RouteContext,
  owner: string,
  docs: string,
): HttpResult | undefined {
  return ctx.principal.kind === 'installation' &&
    ctx.principal.installation.account.toLowerCase() !== owner.toLowerCase()
    ? basicError(403, NOT_ACCESSIBLE_BY_INTEGRATION, docs)
    : undefined;
}

function issueOf(
  ctx: RouteContext,
  docs: string,
): Guarded<{ repo: RepoRecord; issue: IssueRecord }> {
  const repo = findVisibleRepo(ctx);
  const number = pathNumber(ctx.params.issue_number);
  const issue = repo && number !== undefined ? findIssue(ctx.state, repo, number) : undefined;
  return repo && issue
    ? { ok: true, value: { repo, issue } }
    : { ok: false, error: notFound(docs) };
}

function commentOf(
  ctx: RouteContext,
  docs: string,
): Guarded<{ repo: RepoRecord; comment: IssueCommentRecord }> {
  const repo = findVisibleRepo(ctx);
  const id = pathNumber(ctx.params.comment_id);
  const comment = repo && id !== undefined ? findComment(ctx.state, repo, id) : undefined;
  return repo && comment
    ? { ok: true, value: { repo, comment } }
    : { ok: false, error: notFound(docs) };
}

/** The request's `body` field, or GitHub's 400/422. */
function commentBody(ctx: RouteContext, docs: string): Guarded<string> {
  const body = requireObjectBody(ctx.rawBody, 'IssueComment', docs);
  if (!body.ok) return body;
  const text = checkCommentBody(body.value);
  return text.ok ? text : { ok: false, error: validationFailed(docs, text.errors) };
}

/**
 * The conversation comments of issues and pull requests, for the GitHub Action's plan comment
 * (found by a marker, created once, then edited in place). Reading follows the repository's
 * visibility (public: anyone); commenting needs an account (any account on a public repository,
 * as on GitHub; locked conversations and interaction limits on commenters are not emulated);
 * editing needs the comment's author or write access (docs/emulator.md, "Issue comments").
 */
export const issueCommentRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: DOCS.list,
    auth: 'public',
    handler: (ctx) => {
      const found = issueOf(ctx, DOCS.list);
      if (!found.ok) return found.error;
      const { repo, issue } = found.value;
      const page = paginate(
        commentsOnIssue(ctx.state, issue),
        ctx.query,
        `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/issues/${issue.number}/comments`,
      );
      return {
        status: 200,
        body: page.items.map((c) => issueComment(ctx.state, repo, c, ctx.urls)),
        headers: page.link ? { link: page.link } : undefined,
      };
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: DOCS.create,
    auth: 'user',
    handler: (ctx) => {
      const found = issueOf(ctx, DOCS.create);
      if (!found.ok) return found.error;
      const { repo, issue } = found.value;
      const refused = integrationRefused(ctx, repo.owner, DOCS.create);
      if (refused) return refused;
      const author = authorOf(ctx.principal);
      if (!author) return basicError(401, 'Requires authentication', DOCS.create);
      const text = commentBody(ctx, DOCS.create);
      if (!text.ok) return text.error;
      const comment = issueComment(
        ctx.state,
        repo,
        addComment(ctx.state, issue, author, text.value),
        ctx.urls,
      );
      return { status: 201, body: comment, headers: { location: comment.url } };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    docs: DOCS.get,
    auth: 'public',
    handler: (ctx) => {
      const found = commentOf(ctx, DOCS.get);
      if (!found.ok) return found.error;
      return ok(issueComment(ctx.state, found.value.repo, found.value.comment, ctx.urls));
    },
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    docs: DOCS.update,
    auth: 'user',
    handler: (ctx) => {
      const found = commentOf(ctx, DOCS.update);
      if (!found.ok) return found.error;
      const { repo, comment } = found.value;
      const refused = integrationRefused(ctx, repo.owner, DOCS.update);
      if (refused) return refused;
      const author = authorOf(ctx.principal);
      const own =
        author !== undefined &&
        (author.type === 'User'
          ? comment.author.type === 'User' &&
            comment.author.login.toLowerCase() === author.login.toLowerCase()
          : comment.author.type === 'Bot' && comment.author.appId === author.appId);
      const role = repoRole(ctx.state, ctx.principal, repo);
      if (!own && role !== 'admin' && role !== 'maintain' && role !== 'write') {
        return basicError(
          403,
          'Must have write access to the repository to edit a comment someone else wrote.',
          DOCS.update,
        );
      }
      const text = commentBody(ctx, DOCS.update);
      if (!text.ok) return text.error;
      return ok(
        issueComment(ctx.state, repo, editComment(ctx.state, comment, text.value), ctx.urls),
      );
    },
  },
];
