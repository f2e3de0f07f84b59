import type { Octokit } from '@octokit/rest';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export interface CommentOutcome {
  readonly action: 'created' | 'updated';
  readonly id: number;
  readonly url: string;
}

/**
 * Posts the plan comment, or edits the one already there: the comment whose body starts with
 * `marker`, found by listing the pull request's conversation comments (every pull request is an
 * issue; https://docs.github.com/rest/issues/comments). One comment per policy file, edited in
 * place on every push, never a new one each time. A page of 100 is the most GitHub serves.
 */
export async function upsertPlanComment(
  octokit: Octokit,
  pr: PullRequestRef,
  marker: string,
  body: string,
): Promise<CommentOutcome> {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`;
  let existing: { id: number } | undefined;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  })) {
    existing = page.data.find((c) => (c.body ?? '').startsWith(marker));
    if (existing) break;
  }
  if (existing) {
    const updated = await octokit.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body: text,
    });
    return { action: 'updated', id: updated.data.id, url: updated.data.html_url };
  }
  const created = await octokit.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body: text,
  });
  return { action: 'created', id: created.data.id, url: created.data.html_url };
}
