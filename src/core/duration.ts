/** `12h`, `3d`, `1w`, `1d12h`: one or more number-and-unit parts (w, d, h, m, s). */
export const DURATION_PATTERN = /^(?:\d+[wdhms])+$/;
export const DURATION_RULE = 'a duration such as 12h, 3d, 1w or 1d12h, or a number of seconds';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  w: 7 * 24 * 3600,
  d: 24 * 3600,
  h: 3600,
  m: 60,
  s: 1,
};

export function isDuration(value: unknown): value is string | number {
  return (
    (typeof value === 'number' && Number.isInteger(value) && value > 0) ||
    (typeof value === 'string' && DURATION_PATTERN.test(value))
  );
}

/**
 * Seconds in a `renewWithin` value: a number is already seconds, a string is a duration.
 * Throws on anything else; validation has rejected it before this is called.
 */
export function parseDurationSeconds(value: number | string): number {
  if (typeof value === 'number') return value;
  if (!DURATION_PATTERN.test(value)) {
    throw new Error(`"${value}" is not a duration; expected e.g. 12h, 3d, 1w or 1d12h`);
  }
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)([wdhms])/g)) {
    seconds += Number(amount) * UNIT_SECONDS[unit];
  }
  return seconds;
}

/**
 * A readable duration: weeks when whole, else days, hours, minutes and seconds.
 * 604800 → `1w`, 2592000 → `30d`, 129600 → `1d12h`, 90 → `1m30s`.
 */
export function formatDurationSeconds(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds % UNIT_SECONDS.w === 0) return `${seconds / UNIT_SECONDS.w}w`;
  let rest = seconds;
  let text = '';
  for (const unit of ['d', 'h', 'm', 's']) {
    const size = UNIT_SECONDS[unit];
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
