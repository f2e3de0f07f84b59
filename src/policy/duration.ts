/** Durations (`renew_within`) are the core's: one parser for the policy file and every front door. */
export { DURATION_PATTERN, formatDurationSeconds, parseDurationSeconds } from '../core/duration';
