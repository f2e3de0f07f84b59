import type { EmulatorEventSource } from './events';
import type {
  EmulatorProfileName,
  ProfileSettings,
  SecondaryLimitsInput,
} from './rate-limits/profile';
import type { EmulatorState } from './state/emulator-state';
import type { Seed } from './state/seed';

/** One answered request, as `onExchange` sees it (for contract tests). */
export interface Exchange {
  readonly method: string;
  /** Without the GHES `/api/v3` prefix and without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lower-case names; `authorization` is replaced by "REDACTED". */
  readonly requestHeaders: Readonly<Record<string, string | string[] | undefined>>;
  /** The request body parsed as JSON, or undefined (no body, or not JSON). */
  readonly requestBody: unknown;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string | string[] | number | undefined>>;
  /** The response body parsed as JSON, or undefined (204, 304, no body). */
  readonly responseBody: unknown;
  /** The OpenAPI operation the emulator served; absent for unknown routes and the admin API. */
  readonly operation?: { readonly method: string; readonly pathTemplate: string };
  /** True for the emulator's own `/_emulator/...` API (not part of GitHub's). */
  readonly admin: boolean;
}

export interface EmulatorOptions {
  /** @default '127.0.0.1' (loopback only) */
  readonly host?: string;
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default DEFAULT_SEED */
  readonly seed?: Seed;
  /** Load the state from this file if it exists (else start from the seed), and keep it written. */
  readonly stateFile?: string;
  /** Base clock in ms since the epoch; the emulator clock is this plus an offset. @default Date.now */
  readonly now?: () => number;
  /** Called after every response (including admin ones, flagged `admin`). */
  readonly onExchange?: (exchange: Exchange) => void;
  /** Fastify request logging to stdout. @default false */
  readonly logger?: boolean;
  /**
   * `default`: no secondary limits, no latency. `github`: GitHub's secondary limits (100
   * concurrent requests, 900 REST and 2,000 GraphQL points and 90 s of server time a minute) and
   * 30 ms of real latency per request. `latencyMs` and `secondaryLimits` override its parts; the
   * admin API (`/_emulator/profile`) changes them at run time. @default 'default'
   */
  readonly profile?: EmulatorProfileName;
  /**
   * Secondary limits: false (off), true (on, GitHub's numbers), or some numbers changed (on).
   * @default the profile's
   */
  readonly secondaryLimits?: boolean | SecondaryLimitsInput;
  /** Real time each GitHub request waits before it is handled, in ms. @default the profile's */
  readonly latencyMs?: number;
}

/**
 * A started emulator. `on` and `waitFor` report what it serves (events.ts): each answered GitHub
 * request, each fault that fired, each exchange.
 */
export interface RunningEmulator extends EmulatorEventSource {
  /** `http://127.0.0.1:PORT`, no trailing slash. GHES clients may append `/api/v3`. */
  readonly url: string;
  /**
   * Stops the server (answers held on the emulator clock are released first) and rejects
   * pending `waitFor`s; rejects if `onExchange` or an event listener threw while serving.
   */
  close(): Promise<void>;
  /** The live state, for in-process inspection. */
  readonly state: EmulatorState;
  /** The traffic profile in force (latency, secondary limits); the admin API may change it. */
  readonly profile: ProfileSettings;
}
