import { botLogin } from '../apps/model';
import { isOrgOwner } from '../auth/permissions';
import { nodeId } from '../http/node-id';
import type { Urls } from '../http/route';
import type { EmulatorState } from '../state/emulator-state';
import type { RepoRecord } from '../state/model';
import { simpleUser } from '../users/representations';
import type { CommentAuthor, IssueCommentRecord } from './model';

/** A GitHub App's bot account; GitHub gives bots their own user ids, the emulator derives one. */
const BOT_ID_BASE = 41_000_000;

function authorUser(state: EmulatorState, author: CommentAuthor, urls: Urls) {
  if (author.type === 'User') {
    const user = state.findUser(author.login);
    return user ? simpleUser({ type: 'User', record: user }, urls) : null;
  }
  const app = state.findApp(author.appId);
  if (!app) return null;
  const login = botLogin(app);
  const id = BOT_ID_BASE + app.id;
  // A bot is shown as a user of type Bot, with its own node id and the App's page; its URLs
  // carry the login escaped (`[bot]` is not allowed in a URI as is).
  const record = { id, login: encodeURIComponent(login), name: app.name, createdAt: app.createdAt };
  return {
    ...simpleUser({ type: 'User', record }, urls),
    login,
    node_id: nodeId('Bot', id),
    avatar_url: `${urls.html}/avatars/in/${app.id}?v=4`,
    html_url: `${urls.html}/apps/${app.slug}`,
    type: 'Bot',
  };
}

/**
 * `author_association` (OpenAPI `author-association`): OWNER for the repository's owner (or an
 * owner of its organization), MEMBER for other organization members, COLLABORATOR for accounts
 * given a role on the repository, NONE otherwise (bots included).
 */
function authorAssociation(state: EmulatorState, repo: RepoRecord, author: CommentAuthor) {
  if (author.type !== 'User') return 'NONE';
  const login = author.login.toLowerCase();
  const user = state.findUser(login);
  if (!user) return 'NONE';
  if (repo.owner.toLowerCase() === login) return 'OWNER';
  const org = state.findOrg(repo.owner);
  if (org && isOrgOwner({ kind: 'user', user }, org)) return 'OWNER';
  if (org?.members.some((m) => m.toLowerCase() === login)) return 'MEMBER';
  const roles = [...repo.admins, ...repo.maintainers, ...repo.writers, ...repo.readers];
  return roles.some((r) => r.toLowerCase() === login) ? 'COLLABORATOR' : 'NONE';
}

/** `issue-comment`, with every field the OpenAPI schema requires. */
export function issueComment(
  state: EmulatorState,
  repo: RepoRecord,
  comment: IssueCommentRecord,
  urls: Urls,
) {
  const repoApi = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const issue = (state.data.issues ?? []).find(
    (i) => i.repoId === repo.id && i.number === comment.issueNumber,
  );
  const kind = issue?.pullRequest ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${repoApi}/issues/comments/${comment.id}`,
    html_url: `${urls.html}/${repo.owner}/${repo.name}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: authorUser(state, comment.author, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoApi}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(state, repo, comment.author),
  };
}
