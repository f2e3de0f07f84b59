import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AdminRouter } from '../admin/router';
import { adminOrg, adminRepo, adminValidationFailed, parseAdminBody } from '../admin/router';
import type { EmulatorRuntime } from '../runtime';
import type { EmulatorState } from '../state/emulator-state';
import type { OrgRecord, RepoRecord } from '../state/model';
import type { CreationCapResponse } from './rules';
import { creationCapOf, parseCreationCapPatch, updateCreationCap } from './rules';

export interface AdminCreationCapInput {
  readonly enabled?: boolean;
  readonly max_open_pull_requests?: number;
  readonly include_drafts?: boolean;
  /** False makes GitHub's endpoints answer 405 for this org or repository. */
  readonly available?: boolean;
}

const creationCapBodySchema = z.strictObject({
  enabled: z.boolean().optional(),
  max_open_pull_requests: z.unknown().optional(),
  include_drafts: z.unknown().optional(),
  available: z.boolean().optional(),
});

/** Out-of-band cap changes, and whether the cap is available at all (405 when not). */
export function registerCreationCapAdminRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  const update =
    (find: (runtime: EmulatorRuntime, request: FastifyRequest) => OrgRecord | RepoRecord) =>
    (request: FastifyRequest) => {
      const target = find(runtime, request);
      const body = parseAdminBody(request, creationCapBodySchema, 'creation cap');
      const parsed = parseCreationCapPatch(body, false);
      if (!parsed.ok) return adminValidationFailed(parsed.errors);
      if (body.available !== undefined) target.creationCapAvailable = body.available;
      updateCreationCap(runtime.state, target, parsed.patch);
      return { status: 200, body: creationCapState(target) };
    };
  admin.route('PATCH', '/orgs/:org/creation-cap', update(adminOrg));
  admin.route('PATCH', '/repos/:owner/:repo/creation-cap', update(adminRepo));
}

export interface CreationCapState extends CreationCapResponse {
  /** False when GitHub would answer 405 (cap not available for this org or repository). */
  available: boolean;
}

function creationCapState(target: OrgRecord | RepoRecord): CreationCapState {
  return { ...creationCapOf(target), available: target.creationCapAvailable };
}

/** This feature's part of `GET /_emulator/state`. */
export interface CreationCapsSnapshot {
  creationCaps: {
    orgs: Record<string, CreationCapState>;
    repos: Record<string, CreationCapState>;
  };
}

export function creationCapsSnapshot(state: EmulatorState): CreationCapsSnapshot {
  const repos: Record<string, CreationCapState> = {};
  for (const repo of state.data.repos) repos[`${repo.owner}/${repo.name}`] = creationCapState(repo);
  const orgs: Record<string, CreationCapState> = {};
  for (const org of state.data.orgs) orgs[org.login] = creationCapState(org);
  return { creationCaps: { orgs, repos } };
}
