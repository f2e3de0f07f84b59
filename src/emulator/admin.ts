import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addBypassUsers, removeBypassUsers } from './bypass-list';
import { creationCapOf, parseCreationCapPatch, updateCreationCap } from './creation-cap';
import { faultSpecSchema } from './faults';
import { parseJsonBody } from './http/results';
import {
  DEFAULT_EXPIRY,
  limitResponse,
  newLimit,
  removeOrgLimit,
  removeRepoLimit,
  removeUserLimit,
  setOrgLimit,
  setRepoLimit,
  setUserLimit,
} from './limits';
import type { LimitOrigin, LimitRecord, OrgRecord, RepoRecord } from './model';
import { INTERACTION_EXPIRIES, INTERACTION_GROUPS } from './model';
import type { EmulatorRuntime } from './runtime';
import { rateLimitKey } from './runtime';
import { SeedError, validateSeed } from './seed';
import { snapshot } from './snapshot';
import { isoSeconds } from './state';

/**
 * The emulator's own API under `/_emulator/` (no auth): reset, clock, out-of-band changes as a
 * person clicking in GitHub's UI would make them (no permission checks, no 409, the same
 * precedence side effects), faults, the request log and a state dump. Documented in
 * docs/emulator.md "Admin API"; `EmulatorAdminClient` wraps it.
 */

interface AdminAnswer {
  status: number;
  body?: unknown;
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseBody<T>(request: FastifyRequest, schema: z.ZodType<T>, what: string): T {
  const parsed = parseJsonBody(typeof request.body === 'string' ? request.body : undefined);
  if (parsed.kind === 'unparsable') throw new AdminError(400, `${what}: the body is not JSON.`);
  const value = parsed.kind === 'empty' ? {} : parsed.value;
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) =>
        `[${issue.path.join('.') || 'body'}] ${issue.message}${
          'input' in issue && issue.input !== undefined
            ? ` (got ${JSON.stringify(issue.input)})`
            : ''
        }`,
    );
    throw new AdminError(400, `${what}: ${problems.join('; ')}`);
  }
  return result.data;
}

const limitBodySchema = z
  .strictObject({
    limit: z.enum(INTERACTION_GROUPS),
    expiry: z.enum(INTERACTION_EXPIRIES).optional(),
    expires_at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.expiry === undefined || b.expires_at === undefined, {
    message: 'give either [expiry] or [expires_at], not both',
  });

const usersBodySchema = z.strictObject({ users: z.unknown() });

const creationCapBodySchema = z.strictObject({
  enabled: z.boolean().optional(),
  max_open_pull_requests: z.unknown().optional(),
  available: z.boolean().optional(),
});

const clockBodySchema = z
  .strictObject({
    now: z.iso.datetime({ offset: true }).optional(),
    advanceSeconds: z.number().optional(),
  })
  .refine((b) => (b.now === undefined) !== (b.advanceSeconds === undefined), {
    message: 'give exactly one of [now] or [advanceSeconds]',
  });

const rateLimitBodySchema = z.strictObject({
  limitPerHour: z.number().int().positive().optional(),
  remaining: z.number().int().min(0).optional(),
  /** Only this user's budget (default: every token user and installation). */
  login: z.string().optional(),
});

const resetBodySchema = z.strictObject({ seed: z.unknown().optional() });

export function registerAdminRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;

  const route = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    handler: (request: FastifyRequest) => AdminAnswer,
  ) => {
    app.route({
      method,
      url: `/_emulator${url}`,
      config: { admin: true },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        let answer: AdminAnswer;
        try {
          answer = handler(request);
        } catch (error) {
          if (error instanceof AdminError)
            answer = { status: error.status, body: { message: error.message } };
          else if (error instanceof SeedError)
            answer = { status: 400, body: { message: error.message, problems: error.problems } };
          else throw error;
        }
        reply.code(answer.status);
        if (answer.body === undefined) return reply.send();
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .send(JSON.stringify(answer.body));
      },
    });
  };

  const param = (request: FastifyRequest, name: string) =>
    (request.params as Record<string, string>)[name] ?? '';
  const org = (request: FastifyRequest): OrgRecord => {
    const found = state.findOrg(param(request, 'org'));
    if (!found)
      throw new AdminError(404, `No organization "${param(request, 'org')}" in the emulator.`);
    return found;
  };
  const repo = (request: FastifyRequest): RepoRecord => {
    const name = `${param(request, 'owner')}/${param(request, 'repo')}`;
    const found = state.findRepo(param(request, 'owner'), param(request, 'repo'));
    if (!found) throw new AdminError(404, `No repository "${name}" in the emulator.`);
    return found;
  };
  const userOrThrow = (login: string) => {
    const user = state.findUser(login);
    if (!user) throw new AdminError(404, `No user "${login}" in the emulator.`);
    return user;
  };
  const limitFrom = (request: FastifyRequest): LimitRecord => {
    const body = parseBody(request, limitBodySchema, 'interaction limit');
    if (body.expires_at !== undefined) {
      return { limit: body.limit, expiresAt: isoSeconds(Date.parse(body.expires_at)) };
    }
    return newLimit(body.limit, body.expiry ?? DEFAULT_EXPIRY, state.now());
  };
  const shown = (record: LimitRecord, origin: LimitOrigin): AdminAnswer => ({
    status: 200,
    body: limitResponse(record, origin),
  });

  route('POST', '/reset', (request) => {
    const body = parseBody(request, resetBodySchema, 'reset');
    runtime.reset(body.seed === undefined ? undefined : validateSeed(body.seed, 'reset body'));
    return { status: 200, body: snapshot(state) };
  });
  route('GET', '/state', () => ({ status: 200, body: snapshot(state) }));

  route('GET', '/clock', () => ({
    status: 200,
    body: { now: new Date(state.now()).toISOString() },
  }));
  route('POST', '/clock', (request) => {
    const body = parseBody(request, clockBodySchema, 'clock');
    if (body.now !== undefined) state.setClock(Date.parse(body.now));
    else state.advanceClock(body.advanceSeconds ?? 0);
    return { status: 200, body: { now: new Date(state.now()).toISOString() } };
  });

  route('PUT', '/orgs/:org/interaction-limits', (request) => {
    const target = org(request);
    const record = limitFrom(request);
    setOrgLimit(state, target, record);
    return shown(record, 'organization');
  });
  route('DELETE', '/orgs/:org/interaction-limits', (request) => {
    removeOrgLimit(state, org(request));
    return { status: 204 };
  });
  route('PUT', '/users/:login/interaction-limits', (request) => {
    const user = userOrThrow(param(request, 'login'));
    const record = limitFrom(request);
    setUserLimit(state, user, record);
    return shown(record, 'user');
  });
  route('DELETE', '/users/:login/interaction-limits', (request) => {
    removeUserLimit(state, userOrThrow(param(request, 'login')));
    return { status: 204 };
  });
  route('PUT', '/repos/:owner/:repo/interaction-limits', (request) => {
    const target = repo(request);
    const record = limitFrom(request);
    // Stored even while an owner limit is in force: it shows once that one is gone.
    setRepoLimit(state, target, record);
    return shown(record, 'repository');
  });
  route('DELETE', '/repos/:owner/:repo/interaction-limits', (request) => {
    removeRepoLimit(state, repo(request));
    return { status: 204 };
  });

  const bypass = (apply: typeof addBypassUsers) => (request: FastifyRequest) => {
    const target = repo(request);
    const body = parseBody(request, usersBodySchema, 'bypass list');
    const result = apply(state, target, body.users);
    if (!result.ok) {
      return { status: 422, body: { message: 'Validation Failed', errors: result.errors } };
    }
    return { status: 200, body: { users: [...target.bypassList] } };
  };
  route('PUT', '/repos/:owner/:repo/bypass-list', bypass(addBypassUsers));
  route('DELETE', '/repos/:owner/:repo/bypass-list', bypass(removeBypassUsers));

  const creationCap =
    (find: (request: FastifyRequest) => OrgRecord | RepoRecord) => (request: FastifyRequest) => {
      const target = find(request);
      const body = parseBody(request, creationCapBodySchema, 'creation cap');
      const parsed = parseCreationCapPatch(body, false);
      if (!parsed.ok)
        return { status: 422, body: { message: 'Validation Failed', errors: parsed.errors } };
      if (body.available !== undefined) target.creationCapAvailable = body.available;
      updateCreationCap(state, target, parsed.patch);
      return {
        status: 200,
        body: { ...creationCapOf(target), available: target.creationCapAvailable },
      };
    };
  route('PATCH', '/orgs/:org/creation-cap', creationCap(org));
  route('PATCH', '/repos/:owner/:repo/creation-cap', creationCap(repo));

  route('PATCH', '/rate-limit', (request) => {
    const body = parseBody(request, rateLimitBodySchema, 'rate limit');
    if (body.limitPerHour !== undefined) {
      state.data.rateLimitPerHour = body.limitPerHour;
      state.changed();
    }
    if (body.remaining !== undefined) {
      const keys = body.login
        ? [rateLimitKey({ kind: 'user', user: userOrThrow(body.login) }, '')]
        : [
            ...state.data.userTokens.flatMap((t) => {
              const user = state.findUser(t.login);
              return user ? [rateLimitKey({ kind: 'user', user }, '')] : [];
            }),
            ...state.data.apps.flatMap((a) => a.installations.map((i) => `installation:${i.id}`)),
          ];
      for (const key of keys) runtime.rateLimiter.setRemaining(key, body.remaining);
    }
    const budgets: Record<string, unknown> = {};
    for (const key of runtime.rateLimiter.keys()) budgets[key] = runtime.rateLimiter.status(key);
    return { status: 200, body: { limitPerHour: state.data.rateLimitPerHour, budgets } };
  });

  route('GET', '/faults', () => ({ status: 200, body: { faults: runtime.faults.list() } }));
  route('POST', '/faults', (request) => {
    const spec = parseBody(request, faultSpecSchema, 'fault');
    if (spec.kind === 'status' && spec.status === undefined) {
      throw new AdminError(400, 'fault: a "status" fault needs [status], e.g. 502.');
    }
    return { status: 201, body: { id: runtime.faults.add(spec).id } };
  });
  route('DELETE', '/faults', () => {
    runtime.faults.clear();
    return { status: 204 };
  });
  route('DELETE', '/faults/:id', (request) => {
    if (!runtime.faults.remove(param(request, 'id'))) {
      throw new AdminError(404, `No fault "${param(request, 'id')}".`);
    }
    return { status: 204 };
  });

  route('GET', '/requests', () => ({ status: 200, body: runtime.log.view() }));
  route('DELETE', '/requests', () => {
    runtime.log.clear();
    return { status: 204 };
  });
}
