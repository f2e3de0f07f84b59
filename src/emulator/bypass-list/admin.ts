import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AdminRouter } from '../admin/router';
import { adminRepo, adminValidationFailed, parseAdminBody } from '../admin/router';
import type { EmulatorState } from '../state/emulator-state';
import { addBypassUsers, removeBypassUsers } from './rules';

const usersBodySchema = z.strictObject({ users: z.unknown() });

/** Out-of-band bypass-list changes: GitHub's rules (422 otherwise), no permission checks. */
export function registerBypassListAdminRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  const change = (apply: typeof addBypassUsers) => (request: FastifyRequest) => {
    const target = adminRepo(runtime, request);
    const body = parseAdminBody(request, usersBodySchema, 'bypass list');
    const result = apply(runtime.state, target, body.users);
    if (!result.ok) return adminValidationFailed(result.errors);
    return { status: 200, body: { users: [...target.bypassList] } };
  };
  admin.route('PUT', '/repos/:owner/:repo/bypass-list', change(addBypassUsers));
  admin.route('DELETE', '/repos/:owner/:repo/bypass-list', change(removeBypassUsers));
}

/** This feature's part of `GET /_emulator/state`. */
export interface BypassListsSnapshot {
  /** Non-empty bypass lists, canonical logins in insertion order. */
  bypassLists: Record<string, string[]>;
}

export function bypassListsSnapshot(state: EmulatorState): BypassListsSnapshot {
  const bypassLists: Record<string, string[]> = {};
  for (const repo of state.data.repos) {
    if (repo.bypassList.length > 0)
      bypassLists[`${repo.owner}/${repo.name}`] = [...repo.bypassList];
  }
  return { bypassLists };
}
