/** One request's time-out: its signal aborts once its time is up. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  /** The request ended: stop watching it. */
  done(): void;
}

/**
 * Time-outs for many requests with one timer: a request registers a deadline and an
 * AbortController (no timer of its own); a single unref'd interval, running only while requests
 * are in flight, aborts those past their deadline. A deadline fires up to a tenth of the
 * time-out late (at most a second), which is what a time-out of seconds needs.
 * `AbortSignal.timeout` per request would cost a timer and a transferable signal each.
 */
export class Watchdog {
  private readonly entries = new Set<{ deadline: number; controller: AbortController }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly tickMs: number;

  constructor(private readonly timeoutMs: number) {
    this.tickMs = Math.min(1000, Math.max(5, Math.floor(timeoutMs / 10)));
  }

  start(): Deadline {
    const controller = new AbortController();
    const entry = { deadline: Date.now() + this.timeoutMs, controller };
    this.entries.add(entry);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      this.timer.unref();
    }
    const entries = this.entries;
    return {
      signal: controller.signal,
      get timedOut() {
        return controller.signal.aborted;
      },
      done: () => void entries.delete(entry),
    };
  }

  private tick(): void {
    if (this.entries.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const now = Date.now();
    for (const entry of this.entries) {
      if (entry.deadline <= now) {
        this.entries.delete(entry);
        entry.controller.abort(
          new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError'),
        );
      }
    }
  }
}
