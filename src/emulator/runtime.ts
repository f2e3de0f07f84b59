import { FaultRegistry } from './faults';
import { ANONYMOUS_RATE_LIMIT_PER_HOUR } from './model';
import { readStateFile, writeStateFile } from './persistence';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import type { Seed } from './seed';
import type { Principal } from './state';
import { EmulatorState, stateFromSeed } from './state';
import { botLogin } from './representations';

/** Everything one emulator instance holds, shared by the GitHub routes and the admin API. */
export interface EmulatorRuntime {
  readonly state: EmulatorState;
  /** The seed `POST /_emulator/reset` returns to when given none. */
  readonly seed: Seed;
  readonly rateLimiter: RateLimiter;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  /** Starts again from a seed: state, clock, rate limits, request log and faults. */
  reset(seed?: Seed): void;
}

export function createRuntime(options: {
  seed: Seed;
  now: () => number;
  stateFile?: string;
}): EmulatorRuntime {
  const { seed, now, stateFile } = options;
  const loaded = stateFile ? readStateFile(stateFile) : undefined;
  const state = new EmulatorState(loaded ?? stateFromSeed(seed, now()), now);
  if (stateFile) {
    state.onChange(() => writeStateFile(stateFile, state.data));
    if (!loaded) writeStateFile(stateFile, state.data);
  }
  const rateLimiter = new RateLimiter(
    (key) => (key.startsWith('ip:') ? ANONYMOUS_RATE_LIMIT_PER_HOUR : state.data.rateLimitPerHour),
    () => state.now(),
  );
  const faults = new FaultRegistry();
  const log = new RequestLog();
  return {
    state,
    seed,
    rateLimiter,
    faults,
    log,
    reset(next = seed) {
      state.replace(stateFromSeed(next, now()));
      rateLimiter.clear();
      faults.clear();
      log.clear();
    },
  };
}

/** The rate-limit bucket of a principal: per user, per installation, per app, per IP. */
export function rateLimitKey(principal: Principal, ip: string): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.user.id}`;
    case 'installation':
      return `installation:${principal.installation.id}`;
    case 'app':
      return `app:${principal.app.id}`;
    case 'anonymous':
      return `ip:${ip}`;
  }
}

/** Who a request was from, for the request log. */
export function principalName(principal: Principal): string | null {
  switch (principal.kind) {
    case 'user':
      return principal.user.login;
    case 'installation':
      return botLogin(principal.app);
    case 'app':
      return `app:${principal.app.id}`;
    case 'anonymous':
      return null;
  }
}
