import type { ClientSettings, GitHubClient } from '../../src/github';
import { createClient } from '../../src/github';

/**
 * A scripted fetch for client tests: each call is answered by the first route that matches, and
 * every request is recorded. No network, no emulator.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | Error;
type Route = {
  method: string;
  path: string | RegExp;
  answers: Answer[];
};

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /**
   * Holds answers until no new request has arrived for this long, then answers them together, so
   * requests a client sends concurrently are in flight together however slowly (a loaded CI
   * runner) it issues them; a client that waits for each answer still has one in flight.
   */
  delayMs = 0;
  private held: Array<() => void> = [];
  private quietTimer: NodeJS.Timeout | undefined;

  /** Answers are used in order; the last one repeats. */
  on(method: string, path: string | RegExp, ...answers: Answer[]): this {
    this.routes.push({ method, path, answers });
    return this;
  }

  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method && r.path === path).length;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url: url.toString(), path: url.pathname, headers, body });
    const route = this.routes.find(
      (r) =>
        r.method === method &&
        (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await this.holdUntilQuiet();
      if (!route) return json(404, { message: 'Not Found' });
      const answer = route.answers.length > 1 ? route.answers.shift()! : route.answers[0];
      if (answer instanceof Error) throw answer;
      if (answer.status === 204 || answer.status === 304) {
        return new Response(null, { status: answer.status, headers: answer.headers });
      }
      return json(answer.status, answer.body ?? {}, answer.headers);
    } finally {
      this.inFlight--;
    }
  };

  private holdUntilQuiet(): Promise<void> {
    return new Promise((release) => {
      this.held.push(release);
      clearTimeout(this.quietTimer);
      this.quietTimer = setTimeout(() => {
        const held = this.held;
        this.held = [];
        for (const answer of held) answer();
      }, this.delayMs);
    });
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A client whose requests go to `fake`: no write spacing, millisecond back-offs. */
export function clientForFake(
  fake: FakeGitHub,
  settings: Partial<ClientSettings> = {},
): GitHubClient {
  return createClient({
    token: 'ghp_test',
    baseUrl: 'https://api.github.com',
    fetch: fake.fetch as typeof fetch,
    writeIntervalMs: 0,
    retryBaseMs: 1,
    ...settings,
  });
}
