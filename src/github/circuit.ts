import type { RequestContext } from './errors';
import { GitHubUnavailableError } from './errors';
import type { ClientTimers } from './settings';

/** After this long open, one request may try again (a long-lived process, e.g. a provider). */
export const CIRCUIT_COOL_DOWN_MS = 30_000;

/**
 * Counts network failures and 5xx answers in a row. At `threshold` it opens: the request that
 * tripped it and every queued and later one fail at once with one GitHubUnavailableError naming
 * the base URL and the last cause, instead of each taking its own retries and time-outs. Any HTTP
 * answer below 500 closes it again. After CIRCUIT_COOL_DOWN_MS open, one request is let through
 * to find out whether GitHub is back.
 */
export class CircuitBreaker {
  private failures = 0;
  private openError: GitHubUnavailableError | undefined;
  private openedAt = 0;
  private probing = false;
  private controller = new AbortController();

  constructor(
    /** 0: never opens. */
    private readonly threshold: number,
    private readonly baseUrl: string,
    private readonly timers: ClientTimers,
    /** Called once when it opens, to fail what is queued elsewhere. */
    private readonly onOpen: (error: GitHubUnavailableError) => void,
  ) {}

  /** Aborted (with the GitHubUnavailableError) when the circuit opens: waits end at once. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isOpen(): boolean {
    return this.openError !== undefined;
  }

  /** Throws the breaker's error while it is open (except for one probe after the cool-down). */
  check(): void {
    if (!this.openError) return;
    if (!this.probing && this.timers.now() - this.openedAt >= CIRCUIT_COOL_DOWN_MS) {
      this.probing = true;
      return;
    }
    throw this.openError;
  }

  /** An HTTP answer below 500: GitHub is there. */
  success(): void {
    this.failures = 0;
    if (this.openError) {
      this.openError = undefined;
      this.probing = false;
      this.controller = new AbortController();
    }
  }

  /** A failure; returns the breaker's error if this one opened it (or it is open). */
  failure(
    context: RequestContext,
    description: string,
    cause: unknown,
  ): GitHubUnavailableError | undefined {
    this.failures++;
    if (this.openError) {
      this.openedAt = this.timers.now();
      this.probing = false;
      return this.openError;
    }
    if (this.threshold <= 0 || this.failures < this.threshold) return undefined;
    const error = new GitHubUnavailableError(
      context,
      this.baseUrl,
      this.failures,
      `${context.method} ${context.path}: ${description}`,
      cause,
    );
    this.openError = error;
    this.openedAt = this.timers.now();
    this.controller.abort(error);
    this.onOpen(error);
    return error;
  }
}
