import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import { ADMIN_PREFIX } from './admin/router';
import { registerAdminRoutes } from './admin/routes';
import { GITHUB_ROUTES } from './github-routes';
import { admitGitHubRequest } from './http/admission';
import type { RequestInfo } from './http/github-pipeline';
import { handleGitHubRequest, pathOf } from './http/github-pipeline';
import { basicError } from './http/results';
import type { GitHubRoute } from './http/route';
import { profileInputSchema, resolveProfile } from './rate-limits/profile';
import { createRuntime } from './runtime';
import { DEFAULT_SEED } from './state/default-seed';
import { validateSeed } from './state/seed';
import type { EmulatorOptions, Exchange, RunningEmulator } from './types';

export { GITHUB_ROUTES };

import { DEFAULT_HOST, DEFAULT_PORT } from './defaults';

export { DEFAULT_HOST, DEFAULT_PORT };

/** GitHub Enterprise Server serves the REST API under /api/v3; the emulator serves both layouts. */
const GHES_PREFIX = '/api/v3';

interface RouteConfig {
  readonly admin?: boolean;
  readonly operation?: { method: string; pathTemplate: string };
}

function redactedHeaders(request: FastifyRequest): Exchange['requestHeaders'] {
  const headers: Record<string, string | string[] | undefined> = { ...request.headers };
  if (headers.authorization !== undefined) headers.authorization = 'REDACTED';
  return headers;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The profile the options ask for; throws naming the option when a value is out of range. */
function profileFromOptions(options: EmulatorOptions) {
  const input = {
    profile: options.profile,
    latencyMs: options.latencyMs,
    secondaryLimits: options.secondaryLimits,
  };
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
    );
    throw new TypeError(`startEmulator: ${problems.join('; ')}`);
  }
  return resolveProfile(parsed.data);
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = options.seed ? validateSeed(options.seed) : DEFAULT_SEED;
  const runtime = createRuntime({
    seed,
    now: options.now ?? Date.now,
    stateFile: options.stateFile,
    profile: profileFromOptions(options),
  });
  const infos = new WeakMap<FastifyRequest, RequestInfo>();
  const ghesRequests = new WeakSet<IncomingMessage>();
  const callbackErrors: unknown[] = [];
  const instanceTag = randomBytes(2).toString('hex').toUpperCase();
  let requestCount = 0;

  const app = Fastify({
    logger: options.logger ?? false,
    rewriteUrl: (req) => {
      const url = req.url ?? '/';
      if (
        url === GHES_PREFIX ||
        url.startsWith(`${GHES_PREFIX}/`) ||
        url.startsWith(`${GHES_PREFIX}?`)
      ) {
        ghesRequests.add(req);
        return url.slice(GHES_PREFIX.length) || '/';
      }
      return url;
    },
  });

  // GitHub parses request bodies as JSON whatever the Content-Type (curl -d sends a form type),
  // so bodies are kept as text for the routes to parse.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request) => {
    requestCount += 1;
    infos.set(request, {
      requestId: `${instanceTag}:${requestCount.toString(16).toUpperCase().padStart(6, '0')}:${process.pid.toString(16).toUpperCase()}`,
      ghes: ghesRequests.has(request.raw),
    });
  });
  // Secondary limits and the profile's latency, for every GitHub route (whoever registered it)
  // and the 404 handler; admin routes are exempt.
  app.addHook('preHandler', async (request, reply) => {
    const config = (reply.routeOptions.config ?? {}) as RouteConfig;
    if (config.admin === true || pathOf(request.url).startsWith(`${ADMIN_PREFIX}/`)) return;
    const info = infos.get(request);
    if (!info) throw new Error('BUG: request without info (onRequest hook did not run)');
    if (!(await admitGitHubRequest(runtime, request, reply, info))) return reply;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const info = infos.get(request);
    if (info && (typeof payload === 'string' || payload === undefined || payload === null)) {
      info.responsePayload = payload ?? undefined;
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!options.onExchange && !runtime.events.hasListeners('exchange')) return;
    const config = (reply.routeOptions.config ?? {}) as RouteConfig;
    const info = infos.get(request);
    const exchange: Exchange = {
      method: request.method,
      path: pathOf(request.url),
      query: request.query as Record<string, string | string[]>,
      requestHeaders: redactedHeaders(request),
      requestBody: parseJson(typeof request.body === 'string' ? request.body : undefined),
      status: reply.statusCode,
      responseHeaders: reply.getHeaders() as Exchange['responseHeaders'],
      responseBody: parseJson(info?.responsePayload),
      operation: config.operation,
      admin: config.admin === true || pathOf(request.url).startsWith(`${ADMIN_PREFIX}/`),
    };
    try {
      options.onExchange?.(exchange);
    } catch (error) {
      // Reported by close(): a throwing hook must not take the server down mid-test.
      callbackErrors.push(error);
    }
    runtime.events.emit('exchange', exchange);
  });

  const githubHandler =
    (route: GitHubRoute | undefined) => async (request: FastifyRequest, reply: FastifyReply) => {
      const info = infos.get(request);
      if (!info) throw new Error('BUG: request without info (onRequest hook did not run)');
      await handleGitHubRequest(runtime, route, request, reply, info);
    };

  for (const route of GITHUB_ROUTES) {
    app.route({
      method: route.method,
      url: route.template.replace(/\{(\w+)\}/g, ':$1'),
      config: {
        operation: { method: route.method, pathTemplate: route.template },
      } satisfies RouteConfig,
      handler: githubHandler(route),
    });
  }
  registerAdminRoutes(app, runtime);
  app.setNotFoundHandler(async (request, reply) => {
    if (pathOf(request.url).startsWith(`${ADMIN_PREFIX}/`)) {
      reply.code(404).send({
        message: `No admin route ${request.method} ${pathOf(request.url)}; see docs/emulator.md "Admin API".`,
      });
      return;
    }
    await githubHandler(undefined)(request, reply);
  });
  app.setErrorHandler(async (error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const result = basicError(
      status,
      status === 500 ? `Server Error: ${error.message}` : error.message,
    );
    reply
      .code(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(result.body));
  });

  await app.listen({ host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error(
      `BUG: the emulator is not listening on a TCP port (address ${String(address)})`,
    );
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    state: runtime.state,
    get profile() {
      return runtime.profile;
    },
    on: runtime.events.on,
    waitFor: runtime.events.waitFor,
    async close() {
      // Held answers would keep their connections, and so the server, open forever.
      runtime.heldAnswers.releaseAll();
      await app.close();
      runtime.events.close();
      const errors = [...callbackErrors, ...runtime.events.listenerErrors];
      if (errors.length > 0) {
        throw new AggregateError(
          errors,
          `onExchange or an event listener threw ${errors.length} time(s)`,
        );
      }
    },
  };
}
