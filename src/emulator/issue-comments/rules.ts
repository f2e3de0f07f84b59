import type { ValidationErrorItem } from '../http/results';
import type { EmulatorState } from '../state/emulator-state';
import type { RepoRecord } from '../state/model';
import { isoSeconds } from '../state/time';
import type { CommentAuthor, IssueCommentRecord, IssueRecord } from './model';

/** Comment bodies GitHub accepts: "body is too long (maximum is 65536 characters)". */
export const MAX_COMMENT_BODY_LENGTH = 65536;

function issuesOf(state: EmulatorState): IssueRecord[] {
  return (state.data.issues ??= []);
}

function commentsOf(state: EmulatorState): IssueCommentRecord[] {
  return (state.data.issueComments ??= []);
}

export function findIssue(
  state: EmulatorState,
  repo: RepoRecord,
  number: number,
): IssueRecord | undefined {
  return (state.data.issues ?? []).find((i) => i.repoId === repo.id && i.number === number);
}

/** Opens an issue or a pull request: the next number of the repository. */
export function openIssue(
  state: EmulatorState,
  repo: RepoRecord,
  input: { title: string; pullRequest: boolean; author: string },
): IssueRecord {
  const issues = issuesOf(state);
  const number =
    issues.filter((i) => i.repoId === repo.id).reduce((max, i) => Math.max(max, i.number), 0) + 1;
  const issue: IssueRecord = {
    repoId: repo.id,
    number,
    title: input.title,
    pullRequest: input.pullRequest,
    author: input.author,
    createdAt: isoSeconds(state.now()),
  };
  issues.push(issue);
  state.changed();
  return issue;
}

/** The comments of one issue, oldest first ("By default, issue comments are ordered by ascending ID"). */
export function commentsOnIssue(state: EmulatorState, issue: IssueRecord): IssueCommentRecord[] {
  return (state.data.issueComments ?? [])
    .filter((c) => c.repoId === issue.repoId && c.issueNumber === issue.number)
    .sort((a, b) => a.id - b.id);
}

export function findComment(
  state: EmulatorState,
  repo: RepoRecord,
  id: number,
): IssueCommentRecord | undefined {
  return (state.data.issueComments ?? []).find((c) => c.repoId === repo.id && c.id === id);
}

/** The `body` of a create or update request, or GitHub's 422 items. */
export function checkCommentBody(
  body: Record<string, unknown>,
): { ok: true; value: string } | { ok: false; errors: ValidationErrorItem[] } {
  const value = body.body;
  if (value === undefined) {
    return {
      ok: false,
      errors: [{ resource: 'IssueComment', field: 'body', code: 'missing_field' }],
    };
  }
  if (typeof value !== 'string') {
    return {
      ok: false,
      errors: [
        {
          resource: 'IssueComment',
          field: 'body',
          code: 'invalid',
          message: 'body must be a string.',
        },
      ],
    };
  }
  if (value.trim() === '' || value.length > MAX_COMMENT_BODY_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          resource: 'IssueComment',
          field: 'body',
          code: 'custom',
          message:
            value.trim() === ''
              ? "body can't be blank"
              : `body is too long (maximum is ${MAX_COMMENT_BODY_LENGTH} characters)`,
        },
      ],
    };
  }
  return { ok: true, value };
}

export function addComment(
  state: EmulatorState,
  issue: IssueRecord,
  author: CommentAuthor,
  body: string,
): IssueCommentRecord {
  const comments = commentsOf(state);
  const now = isoSeconds(state.now());
  const comment: IssueCommentRecord = {
    id: comments.reduce((max, c) => Math.max(max, c.id), 0) + 1,
    repoId: issue.repoId,
    issueNumber: issue.number,
    author,
    body,
    createdAt: now,
    updatedAt: now,
  };
  comments.push(comment);
  state.changed();
  return comment;
}

export function editComment(
  state: EmulatorState,
  comment: IssueCommentRecord,
  body: string,
): IssueCommentRecord {
  comment.body = body;
  comment.updatedAt = isoSeconds(state.now());
  state.changed();
  return comment;
}
