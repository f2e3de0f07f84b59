import type { ClientTimers } from './settings';

/** Sleeps that end early (rejecting with `signal.reason`) once `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const REAL_TIMERS: ClientTimers = Object.freeze({
  now: () => Date.now(),
  sleep,
  random: () => Math.random(),
});

export function resolveTimers(timers: Partial<ClientTimers> | undefined): ClientTimers {
  if (!timers) return REAL_TIMERS;
  return {
    now: timers.now ?? REAL_TIMERS.now,
    sleep: timers.sleep ?? REAL_TIMERS.sleep,
    random: timers.random ?? REAL_TIMERS.random,
  };
}
