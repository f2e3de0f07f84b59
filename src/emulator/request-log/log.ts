import type { FaultKind } from '../faults/registry';
import type { SecondaryLimitKind } from '../rate-limits/secondary-limiter';

/**
 * Every GitHub request the emulator answered (admin requests are not logged), so tests and demos
 * can assert how many calls a plan made (`GET /_emulator/requests`), what they cost against
 * GitHub's secondary limits, and how many a secondary limit refused.
 */
export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  /** Without the GHES `/api/v3` prefix and without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** HTTP status; 0 when a `drop` or `drop_after_commit` fault closed the connection unanswered. */
  readonly status: number;
  /** The token's user login, `<app-slug>[bot]` for an installation, `app:<id>` for a JWT, null when anonymous. */
  readonly user: string | null;
  readonly body?: unknown;
  /** Emulator clock, ISO-8601. */
  readonly at: string;
  /** The fault that answered instead of the route (or dropped the answer), if any. */
  readonly fault?: FaultKind;
  /** `drop_after_commit`: the status the route answered before the connection was destroyed. */
  readonly routeStatus?: number;
  /** The secondary limit that refused the request, if one did. */
  readonly secondaryLimit?: SecondaryLimitKind;
}

export interface RequestLogView {
  readonly requests: readonly LoggedRequest[];
  /** "METHOD /path" → number of requests. */
  readonly counts: Readonly<Record<string, number>>;
  /** Requests a secondary limit refused (since the log was last cleared). */
  readonly secondaryLimitRefusals: number;
  /**
   * Secondary-limit points of the requests admitted (REST: 1 a read, 5 a write; GraphQL: 1 a
   * query, 5 a mutation), counted whether or not the limits are on.
   */
  readonly points: { readonly rest: number; readonly graphql: number };
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private points = { rest: 0, graphql: 0 };

  /** `onAdd` sees every entry as it is logged (the emulator's `request` event). */
  constructor(private readonly onAdd: (entry: LoggedRequest) => void = () => {}) {}

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    const logged: LoggedRequest = { seq: this.seq, ...entry };
    this.entries.push(logged);
    this.onAdd(logged);
  }

  /** Counts the secondary-limit points of an admitted request. */
  addPoints(api: 'rest' | 'graphql', points: number): void {
    this.points[api] += points;
  }

  clear(): void {
    this.entries = [];
    this.points = { rest: 0, graphql: 0 };
  }

  /** Requests a secondary limit refused since the log was last cleared. */
  get secondaryLimitRefusals(): number {
    return this.entries.filter((e) => e.secondaryLimit !== undefined).length;
  }

  view(): RequestLogView {
    const counts: Record<string, number> = {};
    for (const e of this.entries) {
      const key = `${e.method} ${e.path}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return {
      requests: [...this.entries],
      counts,
      secondaryLimitRefusals: this.secondaryLimitRefusals,
      points: { ...this.points },
    };
  }
}
