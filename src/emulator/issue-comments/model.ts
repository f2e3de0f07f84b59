/**
 * Issues, pull requests and their comments (state/model.ts). The emulator keeps only what the
 * GitHub Action needs: a pull request to comment on, and the comments on it. Every pull request
 * is an issue, and its conversation comments are issue comments
 * (https://docs.github.com/rest/issues/comments: "Every pull request is an issue, but not every
 * issue is a pull request").
 */
export interface IssueRecord {
  /** The repository's id (stable across renames, unlike its name). */
  readonly repoId: number;
  /** Numbers count up per repository, issues and pull requests together, from 1. */
  readonly number: number;
  readonly title: string;
  readonly pullRequest: boolean;
  /** Canonical login of the user who opened it. */
  readonly author: string;
  readonly createdAt: string;
}

/** Who wrote a comment: a user, or a GitHub App installation (shown as `<slug>[bot]`). */
export type CommentAuthor =
  | { readonly type: 'User'; readonly login: string }
  | { readonly type: 'Bot'; readonly appId: number };

export interface IssueCommentRecord {
  /** Unique across the emulator, as GitHub's comment ids are (the PATCH path has no issue). */
  readonly id: number;
  readonly repoId: number;
  readonly issueNumber: number;
  readonly author: CommentAuthor;
  body: string;
  readonly createdAt: string;
  updatedAt: string;
}

/**
 * What the state holds of this feature. Optional, so state files written before the feature
 * existed still load (they hold no issues).
 */
export interface IssueCommentFields {
  issues?: IssueRecord[];
  issueComments?: IssueCommentRecord[];
}
