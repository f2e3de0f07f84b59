/**
 * GitHub's secondary rate limits, per principal (token user, installation, app, or IP when
 * anonymous: the keys of the primary limiter, `rateLimitKey`), as GitHub documents them
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits,
 * the same text on the GraphQL page):
 *
 * - "No more than 100 concurrent requests are allowed. This limit is shared across the REST API
 *   and GraphQL API."
 * - "No more than 900 points per minute are allowed for REST API endpoints, and no more than
 *   2,000 points per minute are allowed for the GraphQL API endpoint." A REST GET, HEAD or
 *   OPTIONS costs 1 point, a POST, PATCH, PUT or DELETE 5; a GraphQL request without mutations
 *   1, with mutations 5.
 * - "No more than 90 seconds of CPU time per 60 seconds of real time is allowed. No more than 60
 *   seconds of this CPU time may be for the GraphQL API. You can roughly estimate the CPU time by
 *   measuring the total response time for your API requests." Modeled as the emulator-clock time
 *   from each admitted request's arrival to its answer (an approximation, as GitHub says).
 * - "In general, no more than 80 content-generating requests per minute and no more than 500
 *   content-generating requests per hour are allowed." Optional here (off in every profile): which
 *   requests GitHub counts as content-generating is not documented; when on, every REST write and
 *   GraphQL mutation counts.
 *
 * Windows slide on the emulator clock (`EmulatorState.now()`), so tests move the clock instead of
 * waiting. A refused request costs nothing and is not in flight. Usage is runtime data: never
 * written to the state file, cleared by a reset.
 */
export const SECONDARY_LIMIT_KINDS = [
  'concurrency',
  'rest_points',
  'graphql_points',
  'server_time',
  'graphql_server_time',
  'content_creation_minute',
  'content_creation_hour',
] as const;
export type SecondaryLimitKind = (typeof SECONDARY_LIMIT_KINDS)[number];

export interface SecondaryLimitConfig {
  /** Requests in flight at once, REST and GraphQL together. GitHub: 100. */
  readonly maxConcurrent: number;
  /** REST points per window (GET/HEAD/OPTIONS 1, other methods 5). GitHub: 900 a minute. */
  readonly restPointsPerMinute: number;
  /** GraphQL points per window (query 1, mutation 5). GitHub: 2,000 a minute. */
  readonly graphqlPointsPerMinute: number;
  /** Server time (ms from arrival to answer, summed) per window. GitHub: 90 s a minute. */
  readonly serverMsPerMinute: number;
  /** The part of `serverMsPerMinute` GraphQL requests may use. GitHub: 60 s a minute. */
  readonly graphqlServerMsPerMinute: number;
  /** Content-generating requests (REST writes, GraphQL mutations) per window; off when absent. */
  readonly contentCreationPerMinute?: number;
  /** The same per 60 windows (an hour); off when absent. GitHub: 500 an hour. */
  readonly contentCreationPerHour?: number;
  /**
   * The window, in ms of the emulator clock. Every "per minute" number above is per window, so a
   * bench can run faster with the same numbers. GitHub: 60,000.
   */
  readonly windowMs: number;
  /** The status of a REST refusal: GitHub answers 403 or 429 (GraphQL refusals are 403). */
  readonly status: 403 | 429;
}

/** GitHub's documented numbers (content creation left off: see above). */
export const GITHUB_SECONDARY_LIMITS: SecondaryLimitConfig = Object.freeze({
  maxConcurrent: 100,
  restPointsPerMinute: 900,
  graphqlPointsPerMinute: 2000,
  serverMsPerMinute: 90_000,
  graphqlServerMsPerMinute: 60_000,
  windowMs: 60_000,
  status: 403,
});

/** What one request costs, decided from its method, path and body (`secondaryCost`). */
export interface SecondaryCost {
  readonly api: 'rest' | 'graphql';
  readonly points: number;
  /** A REST write or a GraphQL mutation. */
  readonly contentCreating: boolean;
}

export type Admission =
  | { readonly ok: true; readonly ticket: SecondaryTicket }
  | { readonly ok: false; readonly limit: SecondaryLimitKind; readonly retryAfterSeconds: number };

/** An admitted request: `release()` once it is answered (or dropped); later calls do nothing. */
export interface SecondaryTicket {
  release(): void;
}

/** What a principal has used in the current windows (admin API). */
export interface SecondaryUsage {
  readonly inFlight: number;
  readonly restPoints: number;
  readonly graphqlPoints: number;
  readonly serverMs: number;
  readonly graphqlServerMs: number;
  readonly contentCreationMinute: number;
  readonly contentCreationHour: number;
}

/** Amounts at times, in arrival order, summed over a window that slides with the clock. */
class SlidingWindow {
  private entries: Array<{ at: number; amount: number }> = [];
  private head = 0;
  private sum = 0;

  add(at: number, amount: number): void {
    if (amount <= 0) return;
    this.entries.push({ at, amount });
    this.sum += amount;
  }

  /** The total of the entries still inside the window ending at `now`. */
  total(now: number, windowMs: number): number {
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head];
      if (!entry || entry.at + windowMs > now) break;
      this.sum -= entry.amount;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return this.sum;
  }

  /** The first time the window's total is at most `target` (`now` when it already is). */
  fallsTo(now: number, windowMs: number, target: number): number {
    let total = this.total(now, windowMs);
    for (let i = this.head; i < this.entries.length && total > target; i++) {
      const entry = this.entries[i];
      if (!entry) break;
      total -= entry.amount;
      if (total <= target) return entry.at + windowMs;
    }
    return now;
  }
}

interface Usage {
  inFlight: number;
  readonly rest: SlidingWindow;
  readonly graphql: SlidingWindow;
  readonly serverMs: SlidingWindow;
  readonly graphqlServerMs: SlidingWindow;
  readonly contentMinute: SlidingWindow;
  readonly contentHour: SlidingWindow;
}

const HOUR_IN_WINDOWS = 60;

const noTicket: SecondaryTicket = { release() {} };

export class SecondaryLimiter {
  private usage = new Map<string, Usage>();
  private generation = 0;

  constructor(
    private config: SecondaryLimitConfig | false,
    private readonly nowMs: () => number,
  ) {}

  get limits(): SecondaryLimitConfig | false {
    return this.config;
  }

  /** Turns the limits on (with these numbers) or off; usage so far is kept. */
  configure(config: SecondaryLimitConfig | false): void {
    this.config = config;
  }

  /**
   * Admits a request and charges it, or says which limit refuses it and in how many seconds
   * (of the emulator clock, at least 1) it would be admitted. With the limits off every request
   * is admitted and nothing is recorded.
   */
  admit(key: string, cost: SecondaryCost): Admission {
    const config = this.config;
    if (!config) return { ok: true, ticket: noTicket };
    const now = this.nowMs();
    const usage = this.usageOf(key);
    const refusal = this.refusal(config, usage, cost, now);
    if (refusal) return { ok: false, ...refusal };

    (cost.api === 'graphql' ? usage.graphql : usage.rest).add(now, cost.points);
    if (cost.contentCreating) {
      usage.contentMinute.add(now, 1);
      usage.contentHour.add(now, 1);
    }
    usage.inFlight += 1;
    const generation = this.generation;
    let released = false;
    return {
      ok: true,
      ticket: {
        release: () => {
          if (released || generation !== this.generation) return;
          released = true;
          usage.inFlight -= 1;
          const end = this.nowMs();
          const elapsed = Math.max(0, end - now);
          usage.serverMs.add(end, elapsed);
          if (cost.api === 'graphql') usage.graphqlServerMs.add(end, elapsed);
        },
      },
    };
  }

  /** Usage in the current windows, per key (only keys seen since the limits were on). */
  usageByKey(): Record<string, SecondaryUsage> {
    const config = this.config || GITHUB_SECONDARY_LIMITS;
    const now = this.nowMs();
    const view: Record<string, SecondaryUsage> = {};
    for (const [key, usage] of this.usage) {
      view[key] = {
        inFlight: usage.inFlight,
        restPoints: usage.rest.total(now, config.windowMs),
        graphqlPoints: usage.graphql.total(now, config.windowMs),
        serverMs: usage.serverMs.total(now, config.windowMs),
        graphqlServerMs: usage.graphqlServerMs.total(now, config.windowMs),
        contentCreationMinute: usage.contentMinute.total(now, config.windowMs),
        contentCreationHour: usage.contentHour.total(now, config.windowMs * HOUR_IN_WINDOWS),
      };
    }
    return view;
  }

  /** Forgets all usage; tickets issued before do nothing when released. */
  clear(): void {
    this.usage.clear();
    this.generation += 1;
  }

  private refusal(
    config: SecondaryLimitConfig,
    usage: Usage,
    cost: SecondaryCost,
    now: number,
  ): { limit: SecondaryLimitKind; retryAfterSeconds: number } | undefined {
    const windowMs = config.windowMs;
    const seconds = (at: number) => Math.max(1, Math.ceil((at - now) / 1000));
    if (usage.inFlight >= config.maxConcurrent) {
      // Freed when a request in flight is answered, which the limiter cannot foresee.
      return { limit: 'concurrency', retryAfterSeconds: 1 };
    }
    const points = (
      limit: SecondaryLimitKind,
      window: SlidingWindow,
      max: number,
      amount: number,
      span = windowMs,
    ) => {
      if (window.total(now, span) + amount <= max) return undefined;
      // A request that alone exceeds the limit never fits; it waits for an empty window.
      return {
        limit,
        retryAfterSeconds: seconds(window.fallsTo(now, span, Math.max(0, max - amount))),
      };
    };
    const bucket =
      cost.api === 'graphql'
        ? points('graphql_points', usage.graphql, config.graphqlPointsPerMinute, cost.points)
        : points('rest_points', usage.rest, config.restPointsPerMinute, cost.points);
    if (bucket) return bucket;
    // Server time is known only once a request is answered: refused once the window is full.
    const serverTime =
      usage.serverMs.total(now, windowMs) >= config.serverMsPerMinute
        ? {
            limit: 'server_time' as const,
            retryAfterSeconds: seconds(
              usage.serverMs.fallsTo(now, windowMs, config.serverMsPerMinute - 1),
            ),
          }
        : cost.api === 'graphql' &&
            usage.graphqlServerMs.total(now, windowMs) >= config.graphqlServerMsPerMinute
          ? {
              limit: 'graphql_server_time' as const,
              retryAfterSeconds: seconds(
                usage.graphqlServerMs.fallsTo(now, windowMs, config.graphqlServerMsPerMinute - 1),
              ),
            }
          : undefined;
    if (serverTime) return serverTime;
    if (cost.contentCreating) {
      if (config.contentCreationPerMinute !== undefined) {
        const minute = points(
          'content_creation_minute',
          usage.contentMinute,
          config.contentCreationPerMinute,
          1,
        );
        if (minute) return minute;
      }
      if (config.contentCreationPerHour !== undefined) {
        const hour = points(
          'content_creation_hour',
          usage.contentHour,
          config.contentCreationPerHour,
          1,
          windowMs * HOUR_IN_WINDOWS,
        );
        if (hour) return hour;
      }
    }
    return undefined;
  }

  private usageOf(key: string): Usage {
    let usage = this.usage.get(key);
    if (!usage) {
      usage = {
        inFlight: 0,
        rest: new SlidingWindow(),
        graphql: new SlidingWindow(),
        serverMs: new SlidingWindow(),
        graphqlServerMs: new SlidingWindow(),
        contentMinute: new SlidingWindow(),
        contentHour: new SlidingWindow(),
      };
      this.usage.set(key, usage);
    }
    return usage;
  }
}

/** GitHub's GraphQL endpoint: `/graphql` (also `/api/v3/graphql`, rewritten) and GHES's `/api/graphql`. */
export function isGraphqlPath(path: string): boolean {
  return path === '/graphql' || path === '/api/graphql';
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The secondary-limit cost of a request: a `POST` to the GraphQL endpoint is GraphQL (5 points
 * for a mutation, 1 otherwise); anything else is REST (1 point for GET, HEAD, OPTIONS; 5 for the
 * other methods).
 */
export function secondaryCost(
  method: string,
  path: string,
  rawBody: string | undefined,
): SecondaryCost {
  const verb = method.toUpperCase();
  if (verb === 'POST' && isGraphqlPath(path)) {
    const mutation = graphqlOperationType(rawBody) === 'mutation';
    return { api: 'graphql', points: mutation ? 5 : 1, contentCreating: mutation };
  }
  const read = READ_METHODS.has(verb);
  return { api: 'rest', points: read ? 1 : 5, contentCreating: !read };
}

export type GraphqlOperationType = 'query' | 'mutation' | 'subscription';

/**
 * The type of the operation a GraphQL request runs, read cheaply from the body's `query` (and
 * `operationName`, when the document holds several operations) without parsing the document:
 * comments, strings and fragment definitions are skipped, and `{` at the top level is an
 * anonymous query. Anything unreadable counts as a query.
 */
export function graphqlOperationType(rawBody: string | undefined): GraphqlOperationType {
  let query: unknown;
  let operationName: unknown;
  try {
    const body = JSON.parse(rawBody ?? '') as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'query';
    ({ query, operationName } = body as Record<string, unknown>);
  } catch {
    return 'query';
  }
  if (typeof query !== 'string') return 'query';
  const operations = topLevelOperations(query);
  const chosen =
    typeof operationName === 'string' && operationName !== ''
      ? operations.find((op) => op.name === operationName)
      : operations[0];
  return chosen?.type ?? 'query';
}

function topLevelOperations(
  document: string,
): Array<{ type: GraphqlOperationType; name?: string }> {
  const operations: Array<{ type: GraphqlOperationType; name?: string }> = [];
  let depth = 0;
  let i = 0;
  let pending: { type: GraphqlOperationType; name?: string } | undefined;
  let expectName = false;
  let inFragment = false;
  // Object values in variable defaults (`($a: In = {x: 1})`) hold braces that open nothing.
  let parens = 0;
  while (i < document.length) {
    const c = document[i] ?? '';
    if (c === '#') {
      while (i < document.length && document[i] !== '\n' && document[i] !== '\r') i++;
      continue;
    }
    if (c === '"') {
      if (document.startsWith('"""', i)) {
        const end = document.indexOf('"""', i + 3);
        i = end === -1 ? document.length : end + 3;
      } else {
        i++;
        while (i < document.length && document[i] !== '"' && document[i] !== '\n') {
          i += document[i] === '\\' ? 2 : 1;
        }
        i++;
      }
      continue;
    }
    if (c === '(' || c === ')') {
      parens = Math.max(0, parens + (c === '(' ? 1 : -1));
      expectName = false;
      i++;
      continue;
    }
    if (parens > 0) {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0 && !inFragment) operations.push(pending ?? { type: 'query' });
      pending = undefined;
      expectName = false;
      depth++;
      i++;
      continue;
    }
    if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) inFragment = false;
      i++;
      continue;
    }
    if (/[_A-Za-z]/.test(c)) {
      let end = i + 1;
      while (end < document.length && /[_0-9A-Za-z]/.test(document[end] ?? '')) end++;
      const word = document.slice(i, end);
      if (depth === 0 && !inFragment) {
        if (expectName && pending) {
          pending.name = word;
          expectName = false;
        } else if (word === 'query' || word === 'mutation' || word === 'subscription') {
          pending = { type: word };
          expectName = true;
        } else if (word === 'fragment') {
          inFragment = true;
        }
      }
      i = end;
      continue;
    }
    if (c === '@' || c === '$') expectName = false;
    i++;
  }
  return operations;
}
