import type { Principal } from '../auth/principal';
import type { EmulatorState } from '../state/emulator-state';
import type { HttpResult } from './results';

/** Base URLs for links in response bodies, as the client reached the emulator. */
export interface Urls {
  /** e.g. http://127.0.0.1:PORT, or http://127.0.0.1:PORT/api/v3 when called the GHES way. */
  readonly api: string;
  /** The web UI root (no /api/v3), for `html_url`. */
  readonly html: string;
}

export type QueryValue = string | string[] | undefined;

export interface RouteContext {
  readonly state: EmulatorState;
  readonly principal: Principal;
  /** Request path without the GHES `/api/v3` prefix and without the query. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, QueryValue>>;
  /** Raw request body text; routes parse it (see results.ts `parseJsonBody`). */
  readonly rawBody: string | undefined;
  readonly urls: Urls;
}

/**
 * Who may call a route: `user` (user tokens and installation tokens), `user-only` (the `/user`
 * endpoints, which GitHub Apps cannot call), `public` (anonymous allowed) or `app` (a GitHub App
 * JWT, checked by the route).
 */
export type RouteAuth = 'user' | 'user-only' | 'public' | 'app';

export interface GitHubRoute {
  readonly method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** The OpenAPI path template (`/repos/{owner}/{repo}/interaction-limits`). */
  readonly template: string;
  /** GitHub's doc page for the operation (OpenAPI `externalDocs.url`), used in error bodies. */
  readonly docs: string;
  readonly auth: RouteAuth;
  /**
   * The route keeps its own rate-limit resource and sends its own `x-ratelimit-*` headers
   * (GraphQL's points, graphql/): the REST `core` bucket is neither checked nor charged.
   */
  readonly ownRateLimit?: boolean;
  readonly handler: (ctx: RouteContext) => HttpResult;
}

/** First value of a query parameter. */
export function queryString(value: QueryValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
