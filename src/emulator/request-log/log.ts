/**
 * Every GitHub request the emulator answered (admin requests are not logged), so tests and demos
 * can assert how many calls a plan made (`GET /_emulator/requests`).
 */
export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  /** Without the GHES `/api/v3` prefix and without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** HTTP status; 0 when a `drop` fault closed the connection without an answer. */
  readonly status: number;
  /** The token's user login, `<app-slug>[bot]` for an installation, `app:<id>` for a JWT, null when anonymous. */
  readonly user: string | null;
  readonly body?: unknown;
  /** Emulator clock, ISO-8601. */
  readonly at: string;
}

export interface RequestLogView {
  readonly requests: readonly LoggedRequest[];
  /** "METHOD /path" → number of requests. */
  readonly counts: Readonly<Record<string, number>>;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  /** `onAdd` sees every entry as it is logged (the emulator's `request` event). */
  constructor(private readonly onAdd: (entry: LoggedRequest) => void = () => {}) {}

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    const logged: LoggedRequest = { seq: this.seq, ...entry };
    this.entries.push(logged);
    this.onAdd(logged);
  }

  clear(): void {
    this.entries = [];
  }

  view(): RequestLogView {
    const counts: Record<string, number> = {};
    for (const e of this.entries) {
      const key = `${e.method} ${e.path}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { requests: [...this.entries], counts };
  }
}
