import { z } from 'zod';
import { checkAnswer } from './answers';
import type { GitHubClient } from './client';
import { callGitHub } from './call';
import { NotFoundError } from './errors';

const UserSchema = z.object({ login: z.string().min(1), id: z.number() }).loose();

/**
 * Whether a GitHub user (or organization) has this login: `GET /users/{username}`, 404 → false.
 * GitHub's 422 on a bypass-list addition does not say which login is unknown; this does.
 */
export async function loginExists(client: GitHubClient, login: string): Promise<boolean> {
  try {
    const response = await callGitHub(
      client,
      { permission: 'any token (public user profiles)', scope: `user/${login}` },
      () => client.octokit.request('GET /users/{username}', { username: login }),
    );
    checkAnswer(UserSchema, response, 'a user {login, id, …}');
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
