import type { ClientTimers, PacingSettings } from './settings';

/** The most points one request costs (a REST write or a GraphQL mutation). */
export const MAX_REQUEST_POINTS = 5;
/** Share of a window's points that may go at once (the bucket's size). */
const BURST_SHARE = 0.03;
/**
 * Share of a window's points kept unspent, for the distance between the client's clock and
 * GitHub's (latency varies from request to request, so requests sent a window apart can arrive
 * a little closer together).
 */
const MARGIN_SHARE = 0.02;

export type PointsKind = 'rest' | 'graphql';

/**
 * Proactive pacing under GitHub's secondary limits, so they are never provoked: requests in
 * flight at most `maxConcurrent`, REST and GraphQL points each through a token bucket, and server
 * time (response times summed) under `serverMsPerMinute` a window.
 *
 * A bucket holds a small burst (3% of a window's points, at least one write) and refills at
 * `(points × 0.98 − burst) / windowMs`, so any window of `windowMs` spends at most 98% of the
 * points: steady, never the whole minute's points in the first second and then nothing. A long
 * run goes at 95% of the documented rate (1.05× the floor of points needed / points a minute).
 *
 * Nothing waits, and no timer is set, while a request's points and a slot are free: the cost of
 * pacing a request that need not wait is a little arithmetic.
 */
export class Pacer {
  private inFlight = 0;
  private slotWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private readonly buckets: Record<PointsKind, TokenBucket>;
  private readonly serverTime: ServerTimeWindow;
  private stop = new AbortController();

  constructor(
    readonly settings: Required<PacingSettings>,
    private readonly timers: ClientTimers,
  ) {
    this.buckets = {
      rest: new TokenBucket(settings.restPointsPerMinute, settings.windowMs, timers),
      graphql: new TokenBucket(settings.graphqlPointsPerMinute, settings.windowMs, timers),
    };
    this.serverTime = new ServerTimeWindow(
      settings.serverMsPerMinute * (1 - MARGIN_SHARE),
      settings.windowMs,
    );
  }

  /**
   * Waits for a slot (unless `slot` is false), then for the points, then for server time;
   * resolves with the milliseconds waited. The caller must `release()` a slot it was given, once
   * its request ends.
   */
  async acquire(kind: PointsKind, points: number, slot: boolean): Promise<number> {
    const started = this.timers.now();
    if (slot) {
      if (this.inFlight < this.settings.maxConcurrent && this.slotWaiters.length === 0) {
        this.inFlight++;
      } else {
        await new Promise<void>((resolve, reject) => this.slotWaiters.push({ resolve, reject }));
      }
    }
    try {
      await this.buckets[kind].take(points);
      for (;;) {
        const waitMs = this.serverTime.waitMs(this.timers.now());
        if (waitMs <= 0) break;
        await this.timers.sleep(waitMs, this.stop.signal);
      }
    } catch (error) {
      if (slot) this.release();
      throw error;
    }
    return this.timers.now() - started;
  }

  /**
   * A request ended after `elapsedMs` (its server time, as GitHub suggests estimating it); frees
   * its slot, handing it straight to the first waiter if any.
   */
  release(elapsedMs = 0): void {
    this.serverTime.add(this.timers.now(), elapsedMs);
    const next = this.slotWaiters.shift();
    if (next) next.resolve();
    else this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Rejects every waiting request at once (the circuit breaker opened, the deadline passed). */
  failAll(error: unknown): void {
    const waiters = this.slotWaiters;
    this.slotWaiters = [];
    for (const waiter of waiters) waiter.reject(error);
    this.buckets.rest.failAll(error);
    this.buckets.graphql.failAll(error);
    this.stop.abort(error);
    this.stop = new AbortController();
  }

  /** Requests waiting for a slot or for points. */
  get waiting(): number {
    return this.slotWaiters.length + this.buckets.rest.waiting + this.buckets.graphql.waiting;
  }
}

/**
 * Server time (each request's time from sending to its answer, summed) over a sliding window:
 * GitHub allows 90 s a minute and suggests estimating it by "measuring the total response time".
 * The client's measure includes the network both ways, so it errs high: on the safe side.
 */
class ServerTimeWindow {
  private entries: Array<{ at: number; ms: number }> = [];
  private head = 0;
  private sum = 0;

  constructor(
    private readonly maxMs: number,
    private readonly windowMs: number,
  ) {}

  add(at: number, ms: number): void {
    if (!(ms > 0)) return;
    this.entries.push({ at, ms });
    this.sum += ms;
  }

  /** How long until the window holds less than the limit (0: now). */
  waitMs(now: number): number {
    while (this.head < this.entries.length && this.entries[this.head].at + this.windowMs <= now) {
      this.sum -= this.entries[this.head].ms;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.sum < this.maxMs) return 0;
    let sum = this.sum;
    for (let i = this.head; i < this.entries.length; i++) {
      sum -= this.entries[i].ms;
      if (sum < this.maxMs) return Math.max(1, this.entries[i].at + this.windowMs - now);
    }
    return 1;
  }
}

/** Points refilled at a steady rate, served first come, first served. */
export class TokenBucket {
  readonly capacity: number;
  /** Points per millisecond. */
  readonly rate: number;
  private tokens: number;
  private updatedAt: number;
  private queue: Array<{ cost: number; resolve: () => void; reject: (error: unknown) => void }> =
    [];
  private pumping = false;
  private stop = new AbortController();

  constructor(
    pointsPerWindow: number,
    windowMs: number,
    private readonly timers: ClientTimers,
  ) {
    this.capacity = Math.max(MAX_REQUEST_POINTS, Math.floor(pointsPerWindow * BURST_SHARE));
    const steady = Math.max(
      pointsPerWindow * (1 - MARGIN_SHARE) - this.capacity,
      pointsPerWindow / 2,
    );
    this.rate = steady / windowMs;
    this.tokens = this.capacity;
    this.updatedAt = timers.now();
  }

  /** Resolves at once (no timer) when the points are there and nobody is waiting before. */
  take(cost: number): Promise<void> | void {
    this.refill();
    if (this.queue.length === 0 && this.tokens >= cost) {
      this.tokens -= cost;
      return;
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ cost: Math.min(cost, this.capacity), resolve, reject });
      void this.pump();
    });
  }

  failAll(error: unknown): void {
    const queue = this.queue;
    this.queue = [];
    for (const waiter of queue) waiter.reject(error);
    this.stop.abort(error);
    this.stop = new AbortController();
  }

  get waiting(): number {
    return this.queue.length;
  }

  private refill(): void {
    const now = this.timers.now();
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.rate);
    }
    this.updatedAt = Math.max(this.updatedAt, now);
  }

  /** One timer at a time, for the first waiter; the others wait behind it. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        this.refill();
        const head = this.queue[0];
        if (this.tokens >= head.cost) {
          this.tokens -= head.cost;
          this.queue.shift();
          head.resolve();
          continue;
        }
        const waitMs = Math.max(1, Math.ceil((head.cost - this.tokens) / this.rate));
        await this.timers.sleep(waitMs, this.stop.signal);
      }
    } catch {
      // failAll: every waiter has been rejected.
    } finally {
      this.pumping = false;
    }
  }
}

/**
 * The operation of a GraphQL document: `mutation` (5 points), or `query`/`subscription` and the
 * `{ … }` shorthand (1 point). The first operation at the top level decides; fragments, strings
 * and comments are skipped.
 */
export function graphqlOperationType(document: unknown): 'query' | 'mutation' {
  if (typeof document !== 'string') return 'query';
  let depth = 0;
  let inFragment = false;
  for (let i = 0; i < document.length; i++) {
    const c = document[i];
    if (c === '#') {
      while (i < document.length && document[i] !== '\n') i++;
    } else if (c === '"') {
      const block = document.startsWith('"""', i);
      const end = block ? document.indexOf('"""', i + 3) : nextQuote(document, i + 1);
      i = end < 0 ? document.length : block ? end + 2 : end;
    } else if (c === '{' || c === '(' || c === '[') {
      if (depth === 0 && c === '{') {
        if (!inFragment) return 'query';
        inFragment = false;
      }
      depth++;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
    } else if (depth === 0 && /[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(document.slice(i))![0];
      if (word === 'mutation') return 'mutation';
      if (word === 'query' || word === 'subscription') return 'query';
      if (word === 'fragment') inFragment = true;
      i += word.length - 1;
    }
  }
  return 'query';
}

function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
