import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, authorizeRoute } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { principalName } from '../auth/principal';
import { faultResult } from '../faults/answers';
import type { FaultKind } from '../faults/registry';
import { primaryLimitExceeded } from '../rate-limits/answers';
import { rateLimitHeaders, rateLimitKey } from '../rate-limits/rate-limiter';
import type { SecondaryLimitKind } from '../rate-limits/secondary-limiter';
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
  /** Who the credentials name (anonymous when missing or refused), resolved on arrival. */
  caller?: Principal;
  principal?: Principal;
  /** The serialized response body, captured in onSend for `onExchange`. */
  responsePayload?: string;
  /** Set by a `drop_after_commit` fault: the route runs, and its answer is never sent. */
  dropAnswer?: boolean;
}

export function pathOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

function urlsFor(request: FastifyRequest, info: RequestInfo): Urls {
  const html = `http://${request.headers.host ?? `${request.hostname}`}`;
  return { api: info.ghes ? `${html}/api/v3` : html, html };
}

/** The headers of every GitHub answer. */
export function writeCommonHeaders(
  runtime: EmulatorRuntime,
  reply: FastifyReply,
  info: RequestInfo,
): void {
  reply.header('x-github-request-id', info.requestId);
  // The Date header follows the emulator clock: @octokit/auth-app uses it to correct JWT skew.
  reply.header('date', new Date(runtime.state.now()).toUTCString());
  reply.header('vary', 'Accept, Authorization, Cookie, X-GitHub-OTP');
  reply.header('x-github-media-type', 'github.v3; format=json');
}

/**
 * Answers one GitHub request the way GitHub would, once the secondary limits have admitted it
 * (http/admission.ts, a preHandler hook for every GitHub route): injected faults first (they
 * stand for the network and GitHub's front end), then the API version, credentials, the primary
 * rate limit, who may call the route, the route itself, and finally ETag/304 and the rate-limit
 * headers. `route` is undefined for paths GitHub does not have (404).
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
  writeCommonHeaders(runtime, reply, info);

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
    // Logged with who sent what, so a test can tell which write never reached the route.
    const caller = info.caller ?? (await callerOf(runtime, request.headers.authorization, docs));
    runtime.log.add({
      ...logEntry(runtime, request, 0, principalName(caller)),
      fault: 'drop',
    });
    reply.hijack();
    request.raw.socket.destroy();
    return;
  }
  if (decision.terminal?.kind === 'drop_after_commit') {
    // The route runs (a write commits), then the answer is lost: see send().
    info.dropAnswer = true;
  } else if (decision.terminal) {
    send(runtime, request, reply, info, faultResult(state, decision.terminal, info.requestId), {
      fault: decision.terminal.kind,
    });
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
    send(runtime, request, reply, info, auth.error, { rateKey });
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
    send(runtime, request, reply, info, notFound(), { rateKey });
    return;
  }
  const denied = authorizeRoute(principal, route.auth, docs);
  if (denied) {
    send(runtime, request, reply, info, denied, { rateKey });
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
  send(runtime, request, reply, info, result, {
    // GraphQL answers from its own bucket (graphql/routes.ts).
    rateKey: route.ownRateLimit ? undefined : rateKey,
    etagIdentity: principalName(principal) ?? 'anonymous',
  });
}

/** Who the credentials name, anonymous when they are missing or refused. */
async function callerOf(
  runtime: EmulatorRuntime,
  authorization: string | undefined,
  docs: string,
): Promise<Principal> {
  const auth = await authenticate(runtime.state, authorization, docs);
  return auth.ok ? auth.principal : { kind: 'anonymous' };
}

/** The request-log fields every entry has: method, path, query, status, user, body, time. */
function logEntry(
  runtime: EmulatorRuntime,
  request: FastifyRequest,
  status: number,
  user: string | null,
) {
  return {
    method: request.method,
    path: pathOf(request.url),
    query: request.query as Record<string, string | string[]>,
    status,
    user,
    ...(typeof request.body === 'string' && request.body !== ''
      ? { body: parseOrRaw(request.body) }
      : {}),
    at: new Date(runtime.state.now()).toISOString(),
  };
}

export interface SendOptions {
  /** The primary rate-limit bucket: its headers are added, and the request counted. */
  readonly rateKey?: string;
  /** With `rateKey`: add the headers without counting the request. */
  readonly free?: boolean;
  /** Who the ETag is computed for. @default 'anonymous' */
  readonly etagIdentity?: string;
  /** Logged with the request. */
  readonly fault?: FaultKind;
  readonly secondaryLimit?: SecondaryLimitKind;
}

/**
 * Serializes a result; for a 200 GET adds the ETag and turns a matching If-None-Match into a 304
 * (which is not counted against the rate limit); adds the rate-limit headers for `rateKey`;
 * logs the request. After a `drop_after_commit` fault, destroys the connection instead of
 * answering (logged with status 0 and the status it would have had).
 */
export function send(
  runtime: EmulatorRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  info: RequestInfo,
  result: HttpResult,
  options: SendOptions = {},
): void {
  const { rateKey, etagIdentity = 'anonymous' } = options;
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
      status === 304 || options.free
        ? runtime.rateLimiter.status(rateKey)
        : runtime.rateLimiter.consume(rateKey);
    for (const [name, value] of Object.entries(rateLimitHeaders(limit))) reply.header(name, value);
  }
  const user = info.principal
    ? principalName(info.principal)
    : info.caller
      ? principalName(info.caller)
      : null;
  if (info.dropAnswer) {
    runtime.log.add({
      ...logEntry(runtime, request, 0, user),
      fault: 'drop_after_commit',
      routeStatus: status,
    });
    reply.hijack();
    request.raw.socket.destroy();
    return;
  }
  runtime.log.add({
    ...logEntry(runtime, request, status, user),
    ...(options.fault ? { fault: options.fault } : {}),
    ...(options.secondaryLimit ? { secondaryLimit: options.secondaryLimit } : {}),
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
