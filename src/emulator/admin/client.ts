import type { AdminCreationCapInput, CreationCapState } from '../creation-cap/admin';
import type { FaultSpec } from '../faults/registry';
import type { AdminLimitInput } from '../interaction-limits/admin';
import type { AdminIssueComment } from '../issue-comments/admin';
import type { LimitResponse } from '../interaction-limits/precedence';
import type { AdminRateLimitInput, ProfileView } from '../rate-limits/admin';
import type { ProfileInput } from '../rate-limits/profile';
import type { RateLimitStatus } from '../rate-limits/rate-limiter';
import type { RequestLogView } from '../request-log/log';
import type { Seed } from '../state/seed';
import type { StateSnapshot } from './snapshot';

export type { AdminCreationCapInput, AdminLimitInput, AdminRateLimitInput };

/** A failed admin call: the status and the emulator's message. */
export class EmulatorAdminError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: unknown,
  ) {
    const message =
      body && typeof body === 'object' && 'message' in body
        ? String(body.message)
        : JSON.stringify(body);
    super(`${method} ${path} answered ${status}: ${message}`);
    this.name = 'EmulatorAdminError';
  }
}

function splitRepo(fullName: string): string {
  const [owner, name, ...rest] = fullName.split('/');
  if (!owner || !name || rest.length > 0) {
    throw new Error(`Expected a repository as "owner/name", got "${fullName}".`);
  }
  return `${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

/**
 * A typed client for the emulator's admin API (`/_emulator/...`, see docs/emulator.md), used by
 * tests and the demo to arrange state, move the clock, inject faults and count requests.
 * Repositories are given as "owner/name".
 */
export class EmulatorAdminClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    // Accept the GHES form too: the admin API lives at the root.
    this.baseUrl = baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/, '');
  }

  /** Back to a seed (the emulator's own seed when absent): state, clock, log, faults. */
  reset(seed?: Seed): Promise<StateSnapshot> {
    return this.call('POST', '/reset', seed === undefined ? {} : { seed });
  }

  state(): Promise<StateSnapshot> {
    return this.call('GET', '/state');
  }

  async now(): Promise<string> {
    return (await this.call<{ now: string }>('GET', '/clock')).now;
  }

  /** Moves the emulator clock to an ISO time; returns the new time. */
  async setClock(now: string | Date): Promise<string> {
    const iso = typeof now === 'string' ? now : now.toISOString();
    return (await this.call<{ now: string }>('POST', '/clock', { now: iso })).now;
  }

  async advanceClock(seconds: number): Promise<string> {
    return (await this.call<{ now: string }>('POST', '/clock', { advanceSeconds: seconds })).now;
  }

  setOrgLimit(org: string, input: AdminLimitInput): Promise<LimitResponse> {
    return this.call('PUT', `/orgs/${encodeURIComponent(org)}/interaction-limits`, input);
  }

  async removeOrgLimit(org: string): Promise<void> {
    await this.call('DELETE', `/orgs/${encodeURIComponent(org)}/interaction-limits`);
  }

  setRepoLimit(repo: string, input: AdminLimitInput): Promise<LimitResponse> {
    return this.call('PUT', `/repos/${splitRepo(repo)}/interaction-limits`, input);
  }

  async removeRepoLimit(repo: string): Promise<void> {
    await this.call('DELETE', `/repos/${splitRepo(repo)}/interaction-limits`);
  }

  setUserLimit(login: string, input: AdminLimitInput): Promise<LimitResponse> {
    return this.call('PUT', `/users/${encodeURIComponent(login)}/interaction-limits`, input);
  }

  async removeUserLimit(login: string): Promise<void> {
    await this.call('DELETE', `/users/${encodeURIComponent(login)}/interaction-limits`);
  }

  /** Returns the list after the change (canonical logins). */
  async addBypassUsers(repo: string, users: readonly string[]): Promise<string[]> {
    return (
      await this.call<{ users: string[] }>('PUT', `/repos/${splitRepo(repo)}/bypass-list`, {
        users,
      })
    ).users;
  }

  async removeBypassUsers(repo: string, users: readonly string[]): Promise<string[]> {
    return (
      await this.call<{ users: string[] }>('DELETE', `/repos/${splitRepo(repo)}/bypass-list`, {
        users,
      })
    ).users;
  }

  updateOrgCreationCap(org: string, input: AdminCreationCapInput): Promise<CreationCapState> {
    return this.call('PATCH', `/orgs/${encodeURIComponent(org)}/creation-cap`, input);
  }

  updateRepoCreationCap(repo: string, input: AdminCreationCapInput): Promise<CreationCapState> {
    return this.call('PATCH', `/repos/${splitRepo(repo)}/creation-cap`, input);
  }

  /** "org/ORG" or "repo/OWNER/NAME" (the resource ids of PrCreationCap), or "OWNER/NAME". */
  updateCreationCap(target: string, input: AdminCreationCapInput): Promise<CreationCapState> {
    if (target.startsWith('org/')) return this.updateOrgCreationCap(target.slice(4), input);
    return this.updateRepoCreationCap(target.replace(/^repo\//, ''), input);
  }

  /** Opens a pull request (only its number and comments are emulated); returns its number. */
  async openPullRequest(repo: string, input: { title?: string; author?: string } = {}) {
    return (await this.call<{ number: number }>('POST', `/repos/${splitRepo(repo)}/pulls`, input))
      .number;
  }

  /** Opens an issue; returns its number. */
  async openIssue(repo: string, input: { title?: string; author?: string } = {}) {
    return (await this.call<{ number: number }>('POST', `/repos/${splitRepo(repo)}/issues`, input))
      .number;
  }

  /** The comments of an issue or pull request, oldest first. */
  async issueComments(repo: string, issueNumber: number): Promise<AdminIssueComment[]> {
    return (
      await this.call<{ comments: AdminIssueComment[] }>(
        'GET',
        `/repos/${splitRepo(repo)}/issues/${issueNumber}/comments`,
      )
    ).comments;
  }

  setRateLimit(
    input: AdminRateLimitInput,
  ): Promise<{ limitPerHour: number; budgets: Record<string, RateLimitStatus> }> {
    return this.call('PATCH', '/rate-limit', input);
  }

  /** The traffic profile in force (latency, secondary limits), refusals and usage. */
  profile(): Promise<ProfileView> {
    return this.call('GET', '/profile');
  }

  /**
   * Switches the profile and/or overrides its parts: `{profile: 'github'}`, `{latencyMs: 0}`,
   * `{secondaryLimits: false}`, `{secondaryLimits: {restPointsPerMinute: 10}}`.
   */
  setProfile(input: ProfileInput): Promise<ProfileView> {
    return this.call('POST', '/profile', input);
  }

  /** Requests a secondary limit refused since the request log was last cleared (or a reset). */
  async secondaryLimitRefusals(): Promise<number> {
    return (await this.profile()).secondaryLimitRefusals;
  }

  async addFault(spec: FaultSpec): Promise<string> {
    return (await this.call<{ id: string }>('POST', '/faults', spec)).id;
  }

  async faults(): Promise<Array<FaultSpec & { id: string; hits: number }>> {
    return (
      await this.call<{ faults: Array<FaultSpec & { id: string; hits: number }> }>('GET', '/faults')
    ).faults;
  }

  async removeFault(id: string): Promise<void> {
    await this.call('DELETE', `/faults/${encodeURIComponent(id)}`);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  requests(): Promise<RequestLogView> {
    return this.call('GET', '/requests');
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl}/_emulator${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        'user-agent': 'gh-interactions-emulator-admin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok)
      throw new EmulatorAdminError(response.status, method, `/_emulator${path}`, parsed);
    return parsed as T;
  }
}
