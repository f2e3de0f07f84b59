import type { FaultKind } from './faults/registry';
import type { LoggedRequest } from './request-log/log';
import type { Exchange } from './types';

/**
 * What a running emulator reports as it serves, so tests wait on what happened instead of
 * polling or sleeping: `emulator.waitFor('request', (r) => r.path === '/user')`.
 */
export interface EmulatorEvents {
  /** A GitHub request was answered: the entry the request log records (admin requests are not). */
  readonly request: LoggedRequest;
  /** A fault affected a request, before the answer: a latency fault is now holding it. */
  readonly fault: FaultHit;
  /** Every response, admin ones included, as `onExchange` sees it. */
  readonly exchange: Exchange;
}

export type EmulatorEventName = keyof EmulatorEvents;

export interface FaultHit {
  readonly faultId: string;
  readonly kind: FaultKind;
  readonly method: string;
  /** Without the GHES `/api/v3` prefix and without the query. */
  readonly path: string;
}

export interface WaitForOptions {
  /** Rejects after this long without a matching event. @default DEFAULT_WAIT_TIMEOUT_MS */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** How long `waitFor` waits by default: long enough for a slow CI runner, short of Jest's 30 s. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

export interface EmulatorEventSource {
  /** Calls `listener` for every event of that name; returns the function that stops it. */
  on<E extends EmulatorEventName>(
    event: E,
    listener: (payload: EmulatorEvents[E]) => void,
  ): () => void;
  /**
   * The first event of that name after the call that matches `predicate` (any when absent).
   * Subscribe before causing the event. Rejects after `timeoutMs`, on `signal`, and when the
   * emulator closes first.
   */
  waitFor<E extends EmulatorEventName>(
    event: E,
    predicate?: (payload: EmulatorEvents[E]) => boolean,
    options?: WaitForOptions,
  ): Promise<EmulatorEvents[E]>;
}

type Listener = (payload: never) => void;

/** The emulator's event source; `emit` and `close` are for the server. */
export class EmulatorEventHub implements EmulatorEventSource {
  private readonly listeners = new Map<EmulatorEventName, Set<Listener>>();
  private readonly closers = new Set<(reason: Error) => void>();
  /** Errors thrown by listeners: reported by `RunningEmulator.close()`, never by the server. */
  readonly listenerErrors: unknown[] = [];

  readonly on = <E extends EmulatorEventName>(
    event: E,
    listener: (payload: EmulatorEvents[E]) => void,
  ): (() => void) => {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  };

  readonly waitFor = <E extends EmulatorEventName>(
    event: E,
    predicate: (payload: EmulatorEvents[E]) => boolean = () => true,
    options: WaitForOptions = {},
  ): Promise<EmulatorEvents[E]> => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    return new Promise<EmulatorEvents[E]>((resolve, reject) => {
      let seen = 0;
      const finish = (settle: () => void) => {
        stop();
        clearTimeout(timer);
        this.closers.delete(fail);
        options.signal?.removeEventListener('abort', onAbort);
        settle();
      };
      const fail = (reason: Error) => finish(() => reject(reason));
      const stop = this.on(event, (payload) => {
        seen += 1;
        if (predicate(payload)) finish(() => resolve(payload));
      });
      const timer = setTimeout(
        () =>
          fail(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for a matching "${event}" event from the emulator (${seen} "${event}" event(s) did not match).`,
            ),
          ),
        timeoutMs,
      );
      timer.unref();
      const onAbort = () =>
        fail(new Error(`Stopped waiting for a "${event}" event from the emulator (aborted).`));
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      this.closers.add(fail);
    });
  };

  hasListeners(event: EmulatorEventName): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  emit<E extends EmulatorEventName>(event: E, payload: EmulatorEvents[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (payload: EmulatorEvents[E]) => void)(payload);
      } catch (error) {
        // A throwing listener must not take the server down mid-test; close() reports it.
        this.listenerErrors.push(error);
      }
    }
  }

  /** Rejects every pending `waitFor`: nothing more will come. */
  close(): void {
    for (const fail of [...this.closers]) {
      fail(new Error('The emulator closed before the awaited event happened.'));
    }
  }
}
