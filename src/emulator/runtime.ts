import { EmulatorEventHub } from './events';
import { HeldAnswers } from './faults/held-answers';
import { FaultRegistry } from './faults/registry';
import type { ProfileSettings } from './rate-limits/profile';
import { PROFILES } from './rate-limits/profile';
import { ANONYMOUS_RATE_LIMIT_PER_HOUR, RateLimiter } from './rate-limits/rate-limiter';
import { SecondaryLimiter } from './rate-limits/secondary-limiter';
import { RequestLog } from './request-log/log';
import { EmulatorState } from './state/emulator-state';
import { stateFromSeed } from './state/from-seed';
import { readStateFile, writeStateFile } from './state/persistence';
import type { Seed } from './state/seed';

/** Everything one emulator instance holds, shared by the GitHub routes and the admin API. */
export interface EmulatorRuntime {
  readonly state: EmulatorState;
  /** The seed `POST /_emulator/reset` returns to when given none. */
  readonly seed: Seed;
  readonly rateLimiter: RateLimiter;
  /** GitHub's secondary limits, enforced when the profile turns them on. */
  readonly secondaryLimiter: SecondaryLimiter;
  /** The traffic profile in force: latency and secondary limits (rate-limits/profile.ts). */
  readonly profile: ProfileSettings;
  /** Puts a profile in force (the secondary limits' usage so far is kept). */
  setProfile(settings: ProfileSettings): void;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  /** Answers held by latency faults on the emulator clock. */
  readonly heldAnswers: HeldAnswers;
  readonly events: EmulatorEventHub;
  /**
   * Starts again from a seed: state, clock, rate limits (secondary ones included), request log
   * and faults (held answers go); the profile goes back to the one the emulator started with.
   */
  reset(seed?: Seed): void;
}

export function createRuntime(options: {
  seed: Seed;
  now: () => number;
  stateFile?: string;
  profile?: ProfileSettings;
}): EmulatorRuntime {
  const { seed, now, stateFile } = options;
  const initialProfile = options.profile ?? PROFILES.default;
  let profile = initialProfile;
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
  const secondaryLimiter = new SecondaryLimiter(initialProfile.secondaryLimits, () => state.now());
  const faults = new FaultRegistry();
  const events = new EmulatorEventHub();
  const log = new RequestLog((entry) => events.emit('request', entry));
  const heldAnswers = new HeldAnswers();
  const setProfile = (settings: ProfileSettings) => {
    profile = settings;
    secondaryLimiter.configure(settings.secondaryLimits);
  };
  state.onClockMove((nowMs) => heldAnswers.releaseDue(nowMs));
  return {
    state,
    seed,
    rateLimiter,
    secondaryLimiter,
    get profile() {
      return profile;
    },
    setProfile,
    faults,
    log,
    heldAnswers,
    events,
    reset(next = seed) {
      state.replace(stateFromSeed(next, now()));
      rateLimiter.clear();
      secondaryLimiter.clear();
      setProfile(initialProfile);
      faults.clear();
      heldAnswers.releaseAll();
      log.clear();
    },
  };
}
