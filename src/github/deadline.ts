import type { RequestContext } from './errors';
import { DeadlineExceededError } from './errors';
import type { ClientTimers } from './settings';

/**
 * The whole run's deadline (`deadlineSeconds`): when it passes, the request in flight is aborted,
 * waits end, and every later request fails at once, all with one DeadlineExceededError naming the
 * request it stopped first (so a report of many resources can say it once).
 *
 * The clock starts when the client is made. One unref'd timer, so a process that is done does
 * not stay alive for it.
 */
export class RunDeadline {
  private readonly controller = new AbortController();
  private readonly atMs: number;
  private error: DeadlineExceededError | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deadlineSeconds: number,
    private readonly baseUrl: string,
    private readonly timers: ClientTimers,
    /** Called once when it passes, to fail what is queued elsewhere. */
    private readonly onPass: (error: DeadlineExceededError) => void,
  ) {
    this.atMs = timers.now() + deadlineSeconds * 1000;
    this.timer = setTimeout(() => this.pass(undefined), deadlineSeconds * 1000);
    this.timer.unref();
  }

  /** Aborted (with the DeadlineExceededError) when the deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Throws once the deadline has passed. */
  check(context: () => RequestContext): void {
    if (this.error) throw this.error;
    if (this.timers.now() >= this.atMs) throw this.pass(context());
  }

  /** Whether it has passed (then `signal.reason` is the error). */
  get passed(): boolean {
    return this.error !== undefined;
  }

  private pass(context: RequestContext | undefined): DeadlineExceededError {
    if (this.error) return this.error;
    clearTimeout(this.timer);
    this.error = new DeadlineExceededError(context, this.baseUrl, this.deadlineSeconds);
    this.controller.abort(this.error);
    this.onPass(this.error);
    return this.error;
  }
}
