import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, authorizeRoute } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { principalName } from '../auth/principal';
import { faultResult } from '../faults/answers';
import { primaryLimitExceeded } from '../rate-limits/answers';
import { rateLimitHeaders, rateLimitKey } from '../rate-limits/rate-limiter';
import type { EmulatorRuntime } from '../runtime';
import { selectApiVersion } from './api-version';
import { computeEtag, ifNoneMatchHits } from './etag';
import type { HttpResult } from './results';
import { notFound, REST_DOCS_URL } from './results';
import type { GitHubRoute, QueryValue, Urls } from './route';

/** Per-request facts the hooks in server.ts share with the pipeline. */
export interface RequestInfo {
  readonly requestId: string;
  /** True when the client used the GHES layout (`/api/v3/...`). */
  readonly ghes: boolean;
  principal?: Principal;
  /** The serialized response body, captured in onSend for `onExchange`. */
  responsePayload?: string;
}

export function pathOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

function urlsFor(request: FastifyRequest, info: RequestInfo): Urls {
  const html = `http://${request.headers.host ?? `${request.hostname}`}`;
  return { api: info.ghes ? `${html}/api/v3` : html, html };
}

/**
 * Answers one GitHub request the way GitHub would: injected faults first (they stand for the
 * network and GitHub's front end), then the API version, credentials, the primary rate limit,
 * who may call the route, the route itself, and finally ETag/304 and the rate-limit headers.
 * `route` is undefined for paths GitHub does not have (404).
 */
export async function handleGitHubRequest(
  runtime: EmulatorRuntime,
  route: GitHubRoute | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
  info: RequestInfo,
): Promise<void> {
  const { state } = runtime;
  const path = pathOf(request.url);
  const docs = route?.docs ?? REST_DOCS_URL;
  reply.header('x-github-request-id', info.requestId);
  // The Date header follows the emulator clock: @octokit/auth-app uses it to correct JWT skew.
  reply.header('date', new Date(state.now()).toUTCString());
  reply.header('vary', 'Accept, Authorization, Cookie, X-GitHub-OTP');
  reply.header('x-github-media-type', 'github.v3; format=json');

  const decision = runtime.faults.decide(request.method, path);
  // Held before the events go out, so a listener that moves the clock at once releases it.
  const held =
    decision.emulatorLatencyMs > 0
      ? runtime.heldAnswers.hold(state.now() + decision.emulatorLatencyMs)
      : undefined;
  for (const fault of decision.fired) {
    runtime.events.emit('fault', {
      faultId: fault.id,
      kind: fault.kind,
      method: request.method,
      path,
    });
  }
  if (decision.realLatencyMs > 0) await delay(decision.realLatencyMs);
  if (held) await held;
  if (decision.terminal?.kind === 'drop') {
    runtime.log.add({
      method: request.method,
      path,
      query: request.query as Record<string, string | string[]>,
      status: 0,
      user: null,
      at: new Date(state.now()).toISOString(),
    });
    reply.hijack();
    request.raw.socket.destroy();
    return;
  }
  if (decision.terminal) {
    send(runtime, request, reply, info, faultResult(state, decision.terminal, info.requestId));
    return;
  }

  const version = selectApiVersion(request.headers['x-github-api-version']);
  if (!version.ok) {
    send(runtime, request, reply, info, version.error);
    return;
  }
  reply.header('x-github-api-version-selected', version.version);

  const auth = await authenticate(state, request.headers.authorization, docs);
  const principal: Principal = auth.ok ? auth.principal : { kind: 'anonymous' };
  info.principal = principal;
  const rateKey = rateLimitKey(principal, request.ip);
  if (!auth.ok) {
    send(runtime, request, reply, info, auth.error, rateKey);
    return;
  }
  const status = runtime.rateLimiter.status(rateKey);
  if (status.remaining === 0 && !route?.ownRateLimit) {
    send(
      runtime,
      request,
      reply,
      info,
      primaryLimitExceeded(principal, request.ip, info.requestId, status),
    );
    return;
  }
  if (!route) {
    send(runtime, request, reply, info, notFound(), rateKey);
    return;
  }
  const denied = authorizeRoute(principal, route.auth, docs);
  if (denied) {
    send(runtime, request, reply, info, denied, rateKey);
    return;
  }
  const result = route.handler({
    state,
    principal,
    path,
    params: request.params as Record<string, string>,
    query: request.query as Record<string, QueryValue>,
    rawBody: typeof request.body === 'string' ? request.body : undefined,
    urls: urlsFor(request, info),
  });
  const coreKey = route.ownRateLimit ? undefined : rateKey;
  send(runtime, request, reply, info, result, coreKey, principalName(principal) ?? 'anonymous');
}

/**
 * Serializes a result; for a 200 GET adds the ETag and turns a matching If-None-Match into a 304
 * (which is not counted against the rate limit); adds the rate-limit headers for `rateKey`.
 */
function send(
  runtime: EmulatorRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  info: RequestInfo,
  result: HttpResult,
  rateKey?: string,
  etagIdentity = 'anonymous',
): void {
  let status = result.status;
  let payload = result.body === undefined ? '' : JSON.stringify(result.body);
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  if (request.method === 'GET' && status === 200) {
    const etag = computeEtag(payload, etagIdentity);
    reply.header('etag', etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      status = 304;
      payload = '';
    }
  }
  if (rateKey) {
    const limit =
      status === 304 ? runtime.rateLimiter.status(rateKey) : runtime.rateLimiter.consume(rateKey);
    for (const [name, value] of Object.entries(rateLimitHeaders(limit))) reply.header(name, value);
  }
  runtime.log.add({
    method: request.method,
    path: pathOf(request.url),
    query: request.query as Record<string, string | string[]>,
    status,
    user: info.principal ? principalName(info.principal) : null,
    ...(typeof request.body === 'string' && request.body !== ''
      ? { body: parseOrRaw(request.body) }
      : {}),
    at: new Date(runtime.state.now()).toISOString(),
  });
  reply.code(status);
  if (payload === '') {
    reply.removeHeader('content-type');
    reply.send();
  } else {
    reply.header('content-type', 'application/json; charset=utf-8');
    reply.send(payload);
  }
}

function parseOrRaw(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
