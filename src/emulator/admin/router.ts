import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ValidationErrorItem } from '../http/results';
import { parseJsonBody } from '../http/results';
import type { EmulatorRuntime } from '../runtime';
import type { OrgRecord, RepoRecord, UserRecord } from '../state/model';
import { SeedError } from '../state/seed';

/**
 * The frame of the emulator's own API under `/_emulator/` (no auth): each feature folder
 * registers its admin routes through an `AdminRouter` (see admin/routes.ts). Handlers return an
 * answer or throw `AdminError`; bad input is 400 with a message naming the field, unknown orgs,
 * repos and users are 404.
 */
export const ADMIN_PREFIX = '/_emulator';

export interface AdminAnswer {
  readonly status: number;
  readonly body?: unknown;
}

export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type AdminMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AdminRouter {
  readonly runtime: EmulatorRuntime;
  /** `url` is relative to `/_emulator` and may hold `:param`s. */
  route(method: AdminMethod, url: string, handler: (request: FastifyRequest) => AdminAnswer): void;
}

export function createAdminRouter(app: FastifyInstance, runtime: EmulatorRuntime): AdminRouter {
  return {
    runtime,
    route(method, url, handler) {
      app.route({
        method,
        url: `${ADMIN_PREFIX}${url}`,
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
    },
  };
}

/** The body checked against `schema` (an empty body reads as `{}`), or a 400 naming each field. */
export function parseAdminBody<T>(request: FastifyRequest, schema: z.ZodType<T>, what: string): T {
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

/** The same rules as GitHub's endpoints, so the same 422 (without GitHub's doc fields). */
export function adminValidationFailed(errors: readonly ValidationErrorItem[]): AdminAnswer {
  return { status: 422, body: { message: 'Validation Failed', errors } };
}

export function adminParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? '';
}

/** The org of the `:org` path parameter, or 404. */
export function adminOrg(runtime: EmulatorRuntime, request: FastifyRequest): OrgRecord {
  const found = runtime.state.findOrg(adminParam(request, 'org'));
  if (!found)
    throw new AdminError(404, `No organization "${adminParam(request, 'org')}" in the emulator.`);
  return found;
}

/** The repository of the `:owner/:repo` path parameters, or 404. */
export function adminRepo(runtime: EmulatorRuntime, request: FastifyRequest): RepoRecord {
  const owner = adminParam(request, 'owner');
  const repo = adminParam(request, 'repo');
  const found = runtime.state.findRepo(owner, repo);
  if (!found) throw new AdminError(404, `No repository "${owner}/${repo}" in the emulator.`);
  return found;
}

export function adminUser(runtime: EmulatorRuntime, login: string): UserRecord {
  const user = runtime.state.findUser(login);
  if (!user) throw new AdminError(404, `No user "${login}" in the emulator.`);
  return user;
}
