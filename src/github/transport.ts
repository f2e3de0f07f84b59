import type { Octokit } from '@octokit/rest';
import { backoffMs, MAX_BACKOFF_UNITS } from './backoff';
import { CircuitBreaker } from './circuit';
import type { EtagCache } from './etag-cache';
import type { RequestContext } from './errors';
import {
  RateLimitedError,
  RequestTimeoutError,
  WriteOutcomeUnknownError,
  describeCause,
} from './errors';
import { RunDeadline } from './deadline';
import type { PointsKind } from './pacing';
import { Pacer, graphqlOperationType } from './pacing';
import type { RateLimitStatus } from './rate-limits';
import { RateLimitBook, rateLimitSignal } from './rate-limits';
import type { ClientTimers, PacingSettings } from './settings';
import { Watchdog } from './watchdog';
import type { ParsedOptions, RequestOptions, WireResponse } from './wire';
import { expandSimpleRoute, fromCache, sendDirect, withCredentials } from './wire';

/** Tracks the total time spent waiting for rate limits so a run never hangs for hours. */
export interface RateLimitWaitBudget {
  readonly maxSeconds: number;
  /** GitHub seconds waited so far; waits that overlap (concurrent requests) count once. */
  waitedSeconds: number;
}

/** What the client has done so far (for reports and the bench). */
export interface ClientStats {
  /** Requests that went out (each retry counts). */
  readonly requestsSent: number;
  /** Secondary-limit points spent on REST requests (GET/HEAD 1, other methods 5). */
  readonly restPoints: number;
  /** Secondary-limit points spent on GraphQL requests (query 1, mutation 5). */
  readonly graphqlPoints: number;
  /** Milliseconds requests spent waiting for pacing, summed over requests. */
  readonly pacingWaitMs: number;
  /** Retries after a 5xx, a time-out or a dropped connection. */
  readonly retries: number;
  /** Retries after a rate-limit answer. */
  readonly rateLimitRetries: number;
  /** Requests failed without being sent (rate limit known to be used up, or circuit open). */
  readonly notSent: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  /** Sent as `X-GitHub-Api-Version` on every request. */
  readonly apiVersion: string;
  /**
   * How requests get their credential. `token` (a token, or none): the transport sends them
   * itself, straight to `fetch`. `strategy` (a GitHub App): through Octokit's pipeline, whose
   * auth strategy fetches, refreshes and retries installation tokens.
   */
  readonly auth: 'token' | 'strategy';
  readonly etags: EtagCache;
  /** Prefix of the ETag keys: the credential's identity, the base URL, the API version. */
  readonly etagNamespace: string;
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly requestTimeoutMs: number;
  readonly writeIntervalMs: number;
  readonly pacing: Required<PacingSettings> | undefined;
  readonly circuitBreakerThreshold: number;
  /** The whole run's deadline, from when the client is made; undefined: none. */
  readonly deadlineSeconds: number | undefined;
  readonly rateLimitWait: RateLimitWaitBudget;
  readonly timers: ClientTimers;
}

/** https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app */
const INSTALLATION_TOKEN_PATH = /\/app\/installations\/[^/]+\/access_tokens$/;
const GRAPHQL_PATH = /(^|\/)graphql$/;
/** Secondary-limit answers allowed per request before giving up (as plugin-throttling did). */
const MAX_RATE_LIMIT_RETRIES = 10;
/** GitHub's advice when a secondary limit gives no `retry-after`: wait at least a minute. */
const DEFAULT_SECONDARY_WAIT_SECONDS = 60;
/** Refused, unknown host, bad certificate: retrying does not help. */
const FINAL_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'EAI_NODATA',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

type Options = RequestOptions;
type Response = WireResponse;
type Request = (options: Options) => Promise<Response>;
interface OctokitError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  cause?: unknown;
}

interface RequestInfo {
  readonly method: string;
  /** A request for an installation token (sent by the auth strategy from inside another). */
  readonly token: boolean;
  readonly write: boolean;
  readonly kind: PointsKind;
  readonly points: number;
  /** The primary rate limit it counts against. */
  readonly resource: 'core' | 'graphql';
}

/**
 * Everything between Octokit and `fetch`, as one request hook (`octokit.hook.wrap`):
 *
 * - the circuit breaker: after a run of network failures or 5xx, fail at once;
 * - the primary rate limit: known from every answer's headers, waited for (within the cap on
 *   waiting) or failed locally once GitHub said it is used up, so no request is sent that is
 *   known to be refused;
 * - secondary limits: paced under proactively (Pacer); a `retry-after` pauses every request;
 * - writes one at a time, `writeIntervalMs` apart (a retried write keeps its place);
 * - a time-out per request;
 * - retries of 5xx, time-outs and dropped connections, per request, with jittered back-off;
 *   never of a refused connection, a DNS failure or another 4xx;
 * - conditional requests: GETs carry `If-None-Match`, a 304 is served from the ETag cache;
 * - GitHub's clock from the `Date` header.
 *
 * A request that need not wait costs no timer and no queue: a few comparisons, then `fetch`.
 */
export class Transport {
  readonly book = new RateLimitBook();
  private readonly pacer: Pacer | undefined;
  private readonly breaker: CircuitBreaker;
  private readonly runDeadline: RunDeadline | undefined;
  private readonly watchdog: Watchdog;
  private readonly timers: ClientTimers;
  /** Errors already final (retried or not retryable): an outer request must not retry them. */
  private readonly finalErrors = new WeakSet<object>();
  private clockOffsetMs = 0;
  /** Until then (local clock) no request is sent: a secondary limit said to wait. */
  private pausedUntil = 0;
  /** Rate-limit waits already paid for up to this time (local clock), so overlaps count once. */
  private waitCoveredUntil = 0;
  private writeTail: Promise<unknown> = Promise.resolve();
  private authorizationHeader: Promise<string | undefined> | undefined;
  private lastWriteEndedAt = Number.NEGATIVE_INFINITY;
  private readonly counters = {
    requestsSent: 0,
    restPoints: 0,
    graphqlPoints: 0,
    pacingWaitMs: 0,
    retries: 0,
    rateLimitRetries: 0,
    notSent: 0,
  };

  constructor(
    private readonly octokit: Octokit,
    private readonly options: TransportOptions,
  ) {
    this.timers = options.timers;
    this.watchdog = new Watchdog(options.requestTimeoutMs);
    this.pacer = options.pacing ? new Pacer(options.pacing, options.timers) : undefined;
    this.breaker = new CircuitBreaker(
      options.circuitBreakerThreshold,
      options.baseUrl,
      options.timers,
      (error) => this.pacer?.failAll(error),
    );
    this.runDeadline =
      options.deadlineSeconds === undefined
        ? undefined
        : new RunDeadline(options.deadlineSeconds, options.baseUrl, options.timers, (error) =>
            this.pacer?.failAll(error),
          );
    octokit.hook.wrap('request', (request, endpointOptions) =>
      this.handle(request as unknown as Request, endpointOptions as unknown as Options),
    );
  }

  /** GitHub's clock: the local clock corrected by the last `Date` header. */
  serverNowMs(): number {
    return this.timers.now() + this.clockOffsetMs;
  }

  rateLimit(resource: string): RateLimitStatus | undefined {
    return this.book.status(resource);
  }

  stats(): ClientStats {
    return { ...this.counters };
  }

  private handle(request: Request, options: Options): Promise<Response> {
    const method = String(options.method).toUpperCase();
    const url = String(options.url);
    options.headers['x-github-api-version'] = this.options.apiVersion;
    const token = INSTALLATION_TOKEN_PATH.test(url);
    const read = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
    let info: RequestInfo;
    if (GRAPHQL_PATH.test(url) && method === 'POST') {
      const mutation = graphqlOperationType(options.query) === 'mutation';
      info = {
        method,
        token,
        write: mutation,
        kind: 'graphql',
        points: mutation ? 5 : 1,
        resource: 'graphql',
      };
    } else {
      info = {
        method,
        token,
        write: !read && !token,
        kind: 'rest',
        points: read ? 1 : 5,
        resource: 'core',
      };
    }
    if (!info.write) return this.send(request, options, info);
    // One write at a time, `writeIntervalMs` apart (GitHub's advice to integrators:
    // https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests).
    // Installation-token requests are exempt: the auth strategy sends them from inside a write.
    const run = this.writeTail.then(async () => {
      const wait = this.lastWriteEndedAt + this.options.writeIntervalMs - this.timers.now();
      if (wait > 0) await this.sleep(wait);
      try {
        return await this.send(request, options, info);
      } finally {
        this.lastWriteEndedAt = this.timers.now();
      }
    });
    this.writeTail = run.catch(() => undefined);
    return run;
  }

  private async send(request: Request, options: Options, info: RequestInfo): Promise<Response> {
    // Octokit's URL expansion, once per request: the ETag key, the path errors name and, when the
    // transport sends the request itself, the URL and body.
    const parsed =
      expandSimpleRoute(options) ??
      (this.octokit.request.endpoint.parse(options as never) as ParsedOptions);
    const direct = this.options.auth === 'token';
    let context: RequestContext | undefined;
    const contextOf = (): RequestContext =>
      (context ??= { method: info.method, path: this.pathOf(parsed.url) });
    let etagKey: string | undefined;
    let cached: ReturnType<EtagCache['get']>;
    if (info.method === 'GET' && !info.token) {
      etagKey = `${this.options.etagNamespace}|${parsed.url}`;
      cached = this.options.etags.get(etagKey);
    }
    let retries = 0;
    let rateLimitRetries = 0;
    let attempts = 0;
    const baseHeaders = options.headers;
    const baseRequest = options.request;
    const callerSignal = baseRequest?.signal;
    const authorization = direct ? await this.authorization() : undefined;
    /** The direct path's headers: the same for every attempt. */
    let directHeaders: Record<string, string> | undefined;

    for (;;) {
      this.breakerCheck(contextOf);
      if (!info.token) await this.gate(info, contextOf);
      let slot = false;
      if (this.pacer) {
        let waited: number;
        try {
          waited = await this.pacer.acquire(info.kind, info.points, !info.token);
        } catch (error) {
          // The circuit opened, or the deadline passed, while this request queued.
          this.counters.notSent++;
          throw this.final(error as Error);
        }
        slot = !info.token;
        this.counters.pacingWaitMs += waited;
        // While it queued, GitHub may have said to stop.
        if (!info.token && this.mustWait(info)) {
          if (slot) this.pacer.release();
          continue;
        }
      }

      attempts++;
      this.counters.requestsSent++;
      if (info.kind === 'rest') this.counters.restPoints += info.points;
      else this.counters.graphqlPoints += info.points;
      const deadline = this.watchdog.start();
      const signals = [deadline.signal];
      if (callerSignal) signals.push(callerSignal);
      if (this.runDeadline) signals.push(this.runDeadline.signal);
      const signal = signals.length === 1 ? deadline.signal : AbortSignal.any(signals);
      const sentAt = this.timers.now();
      let response: Response | undefined;
      let failure: unknown;
      try {
        if (direct) {
          response = await sendDirect(
            parsed,
            (directHeaders ??= withCredentials(parsed.headers, authorization, cached?.etag)),
            signal,
            baseRequest?.fetch,
            this.warn,
          );
        } else {
          // The hooks inside this one see the options object Octokit made for this call, so the
          // attempt's settings go on it, each a new object: `options.request` starts as the
          // client's defaults, shared by every request.
          options.headers = cached ? { ...baseHeaders, 'if-none-match': cached.etag } : baseHeaders;
          options.request = { ...baseRequest, signal };
          response = await request(options);
        }
      } catch (error) {
        failure = error;
      } finally {
        deadline.done();
        if (slot) this.pacer?.release(this.timers.now() - sentAt);
      }
      if (!response && this.runDeadline?.passed) {
        throw this.final(this.runDeadline.signal.reason as Error);
      }
      const timedOut = deadline.timedOut && !callerSignal?.aborted;

      if (response && !timedOut) {
        this.observe(response.headers, info);
        this.breaker.success();
        // Only the direct path answers a 304 (Octokit throws it, see below).
        if (response.status === 304 && cached) {
          this.options.etags.hits++;
          return fromCache(cached, parsed.url, response.headers);
        }
        // GraphQL's primary limit answers 200 with a RATE_LIMITED error and `remaining: 0`
        // (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#exceeding-the-rate-limit):
        // wait for the reset like a REST 403, within the cap; past it, the answer goes back as it is.
        if (info.kind === 'graphql' && isGraphqlRateLimited(response)) {
          const reset = Number(response.headers['x-ratelimit-reset']);
          const untilMs = this.untilReset(Number.isFinite(reset) ? reset * 1000 : undefined);
          if (rateLimitRetries < MAX_RATE_LIMIT_RETRIES && this.chargeWait(untilMs)) {
            rateLimitRetries++;
            this.counters.rateLimitRetries++;
            await this.sleep(untilMs - this.timers.now());
            continue;
          }
          return response;
        }
        if (etagKey) {
          this.options.etags.misses++;
          const etag = response.headers.etag;
          if (response.status === 200 && etag) {
            this.options.etags.set(etagKey, {
              etag,
              data: response.data,
              headers: pickHeaders(response.headers),
            });
          }
        }
        return response;
      }

      // A nested request (the installation token) already had its retries: no more here.
      if (typeof failure === 'object' && failure !== null && this.finalErrors.has(failure)) {
        throw failure;
      }
      const error = (failure ?? new Error('timed out')) as OctokitError;
      const answer = timedOut ? undefined : error.response;

      if (answer) {
        const status = error.status ?? 0;
        const answerHeaders = answer.headers ?? {};
        this.observe(answerHeaders, info);
        if (status === 304 && cached && etagKey) {
          this.breaker.success();
          this.options.etags.hits++;
          return fromCache(cached, parsed.url, { ...answerHeaders });
        }
        if (status < 500) {
          this.breaker.success();
          const signalled = rateLimitSignal(status, answerHeaders, githubMessage(error));
          if (!signalled) throw this.final(error);
          let untilMs: number;
          if (signalled.kind === 'secondary') {
            const seconds = signalled.retryAfterSeconds ?? DEFAULT_SECONDARY_WAIT_SECONDS;
            untilMs = this.timers.now() + seconds * this.options.retryBaseMs;
            // GitHub asks integrators to stop altogether until then, not just this request.
            this.pausedUntil = Math.max(this.pausedUntil, untilMs);
          } else {
            untilMs = this.untilReset(
              signalled.resetSeconds !== undefined ? signalled.resetSeconds * 1000 : undefined,
            );
          }
          if (rateLimitRetries >= MAX_RATE_LIMIT_RETRIES || !this.chargeWait(untilMs)) {
            throw this.final(error);
          }
          rateLimitRetries++;
          this.counters.rateLimitRetries++;
          await this.sleep(untilMs - this.timers.now());
          continue;
        }
      } else if (!timedOut) {
        if (callerSignal?.aborted) throw this.final(error);
        if (isFinalNetworkError(error)) {
          // Said at once: the breaker counts it, and this request's own error names the cause.
          const opened = this.breaker.failure(
            contextOf(),
            describeCause(error.cause ?? error),
            error,
          );
          throw this.final(opened ?? error);
        }
      }
      if (!answer && info.write) {
        // The write went out and nothing came back: it may have been applied. Not retried blindly;
        // the caller reads the resource back (the applier does) or the next plan shows it.
        const what = timedOut
          ? `no answer within ${this.options.requestTimeoutMs} ms`
          : describeCause(error.cause ?? error);
        const opened = this.breaker.failure(contextOf(), what, error);
        throw this.final(
          opened ?? new WriteOutcomeUnknownError(contextOf(), this.options.baseUrl, what, error),
        );
      }

      // 5xx, a time-out or a dropped connection: retry with back-off, unless the run of failures
      // opened the circuit or this request used its retries.
      const finalError = timedOut
        ? new RequestTimeoutError(
            contextOf(),
            this.options.baseUrl,
            this.options.requestTimeoutMs,
            attempts,
          )
        : error;
      const description = timedOut
        ? `no answer within ${this.options.requestTimeoutMs} ms`
        : answer
          ? `${error.status ?? 'no'} ${githubMessage(error) || 'server error'}`
          : describeCause(error.cause ?? error);
      const opened = this.breaker.failure(contextOf(), description, finalError);
      if (opened) throw this.final(opened);
      if (retries >= this.options.retries) throw this.final(finalError);
      const retryAfter = Number(answer?.headers?.['retry-after']);
      const delay =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? Math.min(retryAfter, MAX_BACKOFF_UNITS) * this.options.retryBaseMs
          : backoffMs(retries, this.options.retryBaseMs, this.timers.random);
      retries++;
      this.counters.retries++;
      if (delay > 0) await this.sleep(delay);
    }
  }

  /**
   * Before sending: waits out a secondary-limit pause and a used-up primary limit, or fails
   * locally when that wait would pass the cap.
   */
  private async gate(info: RequestInfo, contextOf: () => RequestContext): Promise<void> {
    for (;;) {
      const now = this.timers.now();
      const exhausted = this.book.exhaustedUntil(info.resource, this.serverNowMs());
      const paused = this.pausedUntil > now ? this.pausedUntil : 0;
      if (!exhausted && !paused) return;
      const untilMs = Math.max(paused, exhausted ? this.untilReset(exhausted) : 0);
      if (!this.chargeWait(untilMs)) {
        this.counters.notSent++;
        const context = contextOf();
        const resetAt = exhausted
          ? new Date(exhausted)
          : new Date(this.serverNowMs() + (paused - now) * (1000 / this.options.retryBaseMs));
        throw this.final(
          new RateLimitedError(
            {
              ...context,
              status: 403,
              githubMessage: exhausted
                ? `API rate limit exceeded (${info.resource}; known from an earlier answer)`
                : 'You have exceeded a secondary rate limit (known from an earlier answer)',
            },
            exhausted ? 'primary' : 'secondary',
            resetAt,
            this.options.rateLimitWait.maxSeconds,
            false,
            this.serverNowMs(),
          ),
        );
      }
      await this.sleep(untilMs - now);
    }
  }

  /** Whether `gate` would wait or fail now. */
  private mustWait(info: RequestInfo): boolean {
    return (
      this.pausedUntil > this.timers.now() ||
      this.book.exhaustedUntil(info.resource, this.serverNowMs()) !== undefined
    );
  }

  /**
   * The local time to wait until for a primary limit resetting at `resetMs` on GitHub's clock,
   * one second late (the `Date` header is to the second); tests scale seconds with retryBaseMs.
   */
  private untilReset(resetMs: number | undefined): number {
    const githubMs =
      resetMs === undefined ? DEFAULT_SECONDARY_WAIT_SECONDS * 1000 : resetMs - this.serverNowMs();
    const seconds = Math.max(1, Math.ceil(githubMs / 1000) + 1);
    return this.timers.now() + seconds * this.options.retryBaseMs;
  }

  /**
   * Pays for waiting until `untilMs` (local clock) from the budget, if it allows: only the part
   * not already paid for by a concurrent wait counts.
   */
  private chargeWait(untilMs: number): boolean {
    const budget = this.options.rateLimitWait;
    const from = Math.max(this.timers.now(), this.waitCoveredUntil);
    const seconds = Math.max(0, untilMs - from) / this.options.retryBaseMs;
    if (budget.waitedSeconds + seconds > budget.maxSeconds) return false;
    budget.waitedSeconds += seconds;
    this.waitCoveredUntil = Math.max(this.waitCoveredUntil, untilMs);
    return true;
  }

  private breakerCheck(contextOf: () => RequestContext): void {
    try {
      this.breaker.check();
      this.runDeadline?.check(contextOf);
    } catch (error) {
      this.counters.notSent++;
      throw this.final(error as Error);
    }
  }

  /** Sleeps, unless the circuit opens or the deadline passes meanwhile (then throws that error). */
  private async sleep(ms: number): Promise<void> {
    if (ms <= 0) return;
    const signal = this.runDeadline
      ? AbortSignal.any([this.breaker.signal, this.runDeadline.signal])
      : this.breaker.signal;
    try {
      await this.timers.sleep(ms, signal);
    } catch (error) {
      throw this.final(error as Error);
    }
  }

  private observe(headers: Record<string, string | undefined> | undefined, info: RequestInfo) {
    if (!headers) return;
    const serverDate = headers.date ? Date.parse(headers.date) : NaN;
    if (Number.isFinite(serverDate)) this.clockOffsetMs = serverDate - this.timers.now();
    // The token request counts against the app's own limit, not the installation's.
    if (!info.token) this.book.record(headers, info.resource);
  }

  private final<E>(error: E): E {
    if (typeof error === 'object' && error !== null) this.finalErrors.add(error);
    return error;
  }

  /** Octokit's warning log (a deprecated endpoint's warning, as Octokit gives it). */
  private readonly warn = (message: string) => this.octokit.log.warn(message);

  /** The `Authorization` header of the token strategy (none when unauthenticated), looked up once. */
  private authorization(): Promise<string | undefined> {
    return (this.authorizationHeader ??= this.octokit.auth().then((value) => {
      const auth = value as { type?: string; token?: string; tokenType?: string };
      if (auth.type !== 'token' || !auth.token) return undefined;
      // As @octokit/auth-token prefixes it: a JWT is a bearer token.
      return `${auth.tokenType === 'app' ? 'bearer' : 'token'} ${auth.token}`;
    }));
  }

  private pathOf(url: string): string {
    try {
      const parsed = new URL(url, this.options.baseUrl);
      return parsed.pathname + parsed.search;
    } catch {
      return url;
    }
  }
}

function isGraphqlRateLimited(response: Response): boolean {
  if (response.headers['x-ratelimit-remaining'] !== '0') return false;
  const errors = (response.data as { errors?: unknown } | undefined)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((e) => (e as { type?: unknown } | null)?.type === 'RATE_LIMITED')
  );
}

function githubMessage(error: OctokitError): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : (error.message ?? '');
}

/** Connection refused, DNS failure, bad certificate: anywhere in the cause chain. */
export function isFinalNetworkError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const e = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && FINAL_NETWORK_CODES.has(e.code)) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isFinalNetworkError(inner))) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

function pickHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ['etag', 'link', 'content-type']) {
    const value = headers[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}
