import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AdminAnswer, AdminRouter } from '../admin/router';
import {
  AdminError,
  adminOrg,
  adminParam,
  adminRepo,
  adminUser,
  parseAdminBody,
} from '../admin/router';
import type { EmulatorState } from '../state/emulator-state';
import type { RepoRecord } from '../state/model';
import { isoSeconds } from '../state/time';
import { DEFAULT_EXPIRY, activeLimit, newLimit } from './expiry';
import type { InteractionExpiry, InteractionGroup, LimitOrigin, LimitRecord } from './model';
import { INTERACTION_EXPIRIES, INTERACTION_GROUPS } from './model';
import type { LimitResponse } from './precedence';
import {
  PRIVATE_REPOSITORY_MESSAGE,
  acceptsLimits,
  effectiveRepoLimit,
  limitResponse,
  ownerLimit,
  removeOrgLimit,
  removeRepoLimit,
  removeUserLimit,
  setOrgLimit,
  setRepoLimit,
  setUserLimit,
} from './precedence';

/** `{limit, expiry?}` (expires now + expiry) or `{limit, expires_at}` (an exact time). */
export type AdminLimitInput =
  | { readonly limit: InteractionGroup; readonly expiry?: InteractionExpiry }
  | { readonly limit: InteractionGroup; readonly expires_at: string };

const limitBodySchema = z
  .strictObject({
    limit: z.enum(INTERACTION_GROUPS),
    expiry: z.enum(INTERACTION_EXPIRIES).optional(),
    expires_at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.expiry === undefined || b.expires_at === undefined, {
    message: 'give either [expiry] or [expires_at], not both',
  });

/**
 * Out-of-band limits, as a person clicking in GitHub's UI sets them: no permission checks, the
 * same precedence side effects (an org limit still deletes its repositories' limits). What GitHub
 * refuses to everyone is refused here too: a limit on a private repository (405), a repository
 * limit while the owner's is in force (409).
 */
export function registerInteractionLimitAdminRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  const { state } = runtime;
  const limitFrom = (request: FastifyRequest): LimitRecord => {
    const body = parseAdminBody(request, limitBodySchema, 'interaction limit');
    if (body.expires_at !== undefined) {
      return { limit: body.limit, expiresAt: isoSeconds(Date.parse(body.expires_at)) };
    }
    return newLimit(body.limit, body.expiry ?? DEFAULT_EXPIRY, state.now());
  };
  const shown = (record: LimitRecord, origin: LimitOrigin): AdminAnswer => ({
    status: 200,
    body: limitResponse(record, origin),
  });

  admin.route('PUT', '/orgs/:org/interaction-limits', (request) => {
    const target = adminOrg(runtime, request);
    const record = limitFrom(request);
    setOrgLimit(state, target, record);
    return shown(record, 'organization');
  });
  admin.route('DELETE', '/orgs/:org/interaction-limits', (request) => {
    removeOrgLimit(state, adminOrg(runtime, request));
    return { status: 204 };
  });
  admin.route('PUT', '/users/:login/interaction-limits', (request) => {
    const user = adminUser(runtime, adminParam(request, 'login'));
    const record = limitFrom(request);
    setUserLimit(state, user, record);
    return shown(record, 'user');
  });
  admin.route('DELETE', '/users/:login/interaction-limits', (request) => {
    removeUserLimit(state, adminUser(runtime, adminParam(request, 'login')));
    return { status: 204 };
  });
  // A private repository has no limit to set or remove, in the UI as through the API (405).
  const limitableRepo = (request: FastifyRequest): RepoRecord => {
    const target = adminRepo(runtime, request);
    if (!acceptsLimits(target)) throw new AdminError(405, PRIVATE_REPOSITORY_MESSAGE);
    return target;
  };
  admin.route('PUT', '/repos/:owner/:repo/interaction-limits', (request) => {
    const target = limitableRepo(request);
    const record = limitFrom(request);
    // The owner's limit has overwritten the repository's: nothing to store under it (as GitHub).
    const owner = ownerLimit(state, target);
    if (owner) {
      throw new AdminError(
        409,
        `An interaction limit is set for the ${owner.origin} ${owner.owner} until ${owner.record.expiresAt}; a repository limit cannot be set under it.`,
      );
    }
    setRepoLimit(state, target, record);
    return shown(record, 'repository');
  });
  admin.route('DELETE', '/repos/:owner/:repo/interaction-limits', (request) => {
    removeRepoLimit(state, limitableRepo(request));
    return { status: 204 };
  });
}

/** A limit as stored on a scope (before precedence), GitHub field names. */
export interface StoredLimit {
  limit: InteractionGroup;
  expires_at: string;
}

/** This feature's part of `GET /_emulator/state`. */
export interface InteractionLimitsSnapshot {
  /** Limits in force, as stored on each scope (a repository's own limit only). */
  limits: {
    orgs: Record<string, StoredLimit>;
    users: Record<string, StoredLimit>;
    repos: Record<string, StoredLimit>;
  };
  /** What `GET /repos/{owner}/{repo}/interaction-limits` shows, for every repository with a limit. */
  effectiveRepoLimits: Record<string, LimitResponse>;
}

export function interactionLimitsSnapshot(state: EmulatorState): InteractionLimitsSnapshot {
  const now = state.now();
  const data = state.data;
  const stored = <T extends { limit?: LimitRecord }>(items: T[], key: (item: T) => string) => {
    const out: Record<string, StoredLimit> = {};
    for (const item of items) {
      const record = activeLimit(item.limit, now);
      if (record) out[key(item)] = { limit: record.limit, expires_at: record.expiresAt };
    }
    return out;
  };
  const fullName = (r: { owner: string; name: string }) => `${r.owner}/${r.name}`;
  const effectiveRepoLimits: Record<string, LimitResponse> = {};
  for (const repo of data.repos) {
    const effective = effectiveRepoLimit(state, repo);
    if (effective) effectiveRepoLimits[fullName(repo)] = effective;
  }
  return {
    limits: {
      orgs: stored(data.orgs, (o) => o.login),
      users: stored(data.users, (u) => u.login),
      repos: stored(data.repos, fullName),
    },
    effectiveRepoLimits,
  };
}
