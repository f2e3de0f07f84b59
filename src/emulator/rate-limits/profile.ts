import { z } from 'zod';
import type { SecondaryLimitConfig } from './secondary-limiter';
import { GITHUB_SECONDARY_LIMITS } from './secondary-limiter';

/**
 * How GitHub-like the emulator's traffic behaviour is. `default` (what the test suite uses): no
 * secondary limits and no latency, so it answers as fast as it can. `github`: GitHub's documented
 * secondary limits (secondary-limiter.ts) and 30 ms of real latency per request, as a client
 * meets them on github.com (the benchmark runs against it). Options, CLI flags and the admin API
 * (`/_emulator/profile`) pick a profile and override its parts.
 */
import type { EmulatorProfileName } from '../defaults';
import { PROFILE_NAMES } from '../defaults';

export { PROFILE_NAMES };
export type { EmulatorProfileName };

/** The `github` profile's latency per request, in ms of real time. */
export const GITHUB_PROFILE_LATENCY_MS = 30;

export interface ProfileSettings {
  readonly profile: EmulatorProfileName;
  /** Real time every GitHub request waits before it is handled (admin requests never wait). */
  readonly latencyMs: number;
  /** The secondary limits in force, or false when off. */
  readonly secondaryLimits: SecondaryLimitConfig | false;
}

export const PROFILES: Readonly<Record<EmulatorProfileName, ProfileSettings>> = {
  default: { profile: 'default', latencyMs: 0, secondaryLimits: false },
  github: {
    profile: 'github',
    latencyMs: GITHUB_PROFILE_LATENCY_MS,
    secondaryLimits: GITHUB_SECONDARY_LIMITS,
  },
};

const positiveInt = z.number().int().positive();

export const secondaryLimitsInputSchema = z.strictObject({
  maxConcurrent: positiveInt.optional(),
  restPointsPerMinute: positiveInt.optional(),
  graphqlPointsPerMinute: positiveInt.optional(),
  serverMsPerMinute: positiveInt.optional(),
  graphqlServerMsPerMinute: positiveInt.optional(),
  contentCreationPerMinute: positiveInt.optional(),
  contentCreationPerHour: positiveInt.optional(),
  windowMs: positiveInt.optional(),
  status: z.union([z.literal(403), z.literal(429)]).optional(),
});

export const profileInputSchema = z.strictObject({
  /** Start from this profile (default: the settings in force). */
  profile: z.enum(PROFILE_NAMES).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** false: off; true: on (GitHub's numbers unless on already); an object: on, these numbers. */
  secondaryLimits: z.union([z.boolean(), secondaryLimitsInputSchema]).optional(),
});

/** A profile and overrides of its parts (options of `startEmulator`, `POST /_emulator/profile`). */
export type ProfileInput = z.infer<typeof profileInputSchema>;
export type SecondaryLimitsInput = z.infer<typeof secondaryLimitsInputSchema>;

/**
 * The settings `input` asks for: its `profile` (or `base`, the settings in force), then
 * `latencyMs`, then `secondaryLimits` (`false` turns them off, `true` on with the numbers in force
 * or GitHub's, an object on with those numbers changed).
 */
export function resolveProfile(
  input: ProfileInput,
  base: ProfileSettings = PROFILES.default,
): ProfileSettings {
  const start = input.profile ? PROFILES[input.profile] : base;
  const limits = input.secondaryLimits;
  const current = start.secondaryLimits || GITHUB_SECONDARY_LIMITS;
  return {
    profile: start.profile,
    latencyMs: input.latencyMs ?? start.latencyMs,
    secondaryLimits:
      limits === undefined
        ? start.secondaryLimits
        : limits === false
          ? false
          : limits === true
            ? current
            : { ...current, ...definedOnly(limits) },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
