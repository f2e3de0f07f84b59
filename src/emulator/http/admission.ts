import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { secondaryLimitExceeded } from '../rate-limits/answers';
import { rateLimitKey } from '../rate-limits/rate-limiter';
import { secondaryCost } from '../rate-limits/secondary-limiter';
import type { EmulatorRuntime } from '../runtime';
import type { RequestInfo } from './github-pipeline';
import { pathOf, send, writeCommonHeaders } from './github-pipeline';
import { REST_DOCS_URL } from './results';

/**
 * The front door of every GitHub request, whatever route serves it (REST routes, the 404
 * handler, `POST /graphql`): server.ts runs it as a preHandler hook, after the body is read and
 * before the handler. It charges the request to GitHub's secondary limits (rate-limits/
 * secondary-limiter.ts) on arrival, keyed like the primary limit (the credentials' user,
 * installation or app; the IP when anonymous or refused), and refuses it there when a limit is
 * exceeded, with GitHub's answer. An admitted request is in flight until its connection's
 * response closes (answered or dropped); then its server time is recorded. Then the profile's
 * latency is waited, in real time. Resolves false when it has answered (refused) the request.
 *
 * Admin requests (`/_emulator/*`) never come here.
 */
export async function admitGitHubRequest(
  runtime: EmulatorRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  info: RequestInfo,
): Promise<boolean> {
  const path = pathOf(request.url);
  const cost = secondaryCost(
    request.method,
    path,
    typeof request.body === 'string' ? request.body : undefined,
  );
  const auth = await authenticate(runtime.state, request.headers.authorization, REST_DOCS_URL);
  const caller: Principal = auth.ok ? auth.principal : { kind: 'anonymous' };
  info.caller = caller;
  const key = rateLimitKey(caller, request.ip);
  const admission = runtime.secondaryLimiter.admit(key, cost);
  const { latencyMs, secondaryLimits } = runtime.profile;
  if (admission.ok) {
    runtime.log.addPoints(cost.api, cost.points);
    const { ticket } = admission;
    if (reply.raw.writableFinished || reply.raw.destroyed) ticket.release();
    else reply.raw.once('close', () => ticket.release());
    if (latencyMs > 0) await delay(latencyMs);
    return true;
  }
  if (latencyMs > 0) await delay(latencyMs);
  writeCommonHeaders(runtime, reply, info);
  send(
    runtime,
    request,
    reply,
    info,
    secondaryLimitExceeded(
      // GitHub's GraphQL page: "the response status will be `200` or `403`" (429 is REST's).
      secondaryLimits && cost.api === 'rest' ? secondaryLimits.status : 403,
      info.requestId,
      admission.retryAfterSeconds,
    ),
    {
      // GraphQL has its own primary budget (the GraphQL route's business): no core headers.
      rateKey: cost.api === 'rest' && auth.ok ? key : undefined,
      free: true,
      secondaryLimit: admission.limit,
    },
  );
  return false;
}
