import { formatDurationSeconds, globToRegExp, parseDurationSeconds } from '../../src/policy';

describe('parseDurationSeconds', () => {
  it.each([
    ['12h', 12 * 3600],
    ['3d', 3 * 86400],
    ['1w', 7 * 86400],
    ['1d12h', 36 * 3600],
    ['90m', 5400],
    ['45s', 45],
    [3600, 3600],
  ])('%p is %d seconds', (value, seconds) => {
    expect(parseDurationSeconds(value)).toBe(seconds);
  });

  it('refuses what is not a duration', () => {
    expect(() => parseDurationSeconds('3 days')).toThrow(
      '"3 days" is not a duration; expected e.g. 12h, 3d, 1w or 1d12h',
    );
  });
});

describe('formatDurationSeconds', () => {
  it.each([
    [7 * 86400, '1w'],
    [30 * 86400, '30d'],
    [36 * 3600, '1d12h'],
    [90, '1m30s'],
    [0, '0s'],
  ])('%d seconds reads %s', (seconds, text) => {
    expect(formatDurationSeconds(seconds)).toBe(text);
    expect(parseDurationSeconds(text)).toBe(seconds);
  });
});

describe('globToRegExp', () => {
  it.each([
    ['*', 'anything.at-all', true],
    ['api-*', 'API-v2', true],
    ['api-*', 'web-api', false],
    ['do?s', 'docs', true],
    ['do?s', 'dos', false],
    ['v[0-9]', 'v7', true],
    ['v[!0-9]', 'v7', false],
    ['a.b', 'axb', false],
    ['[abc', '[abc', true],
    ['acme/*', 'acme/api', true],
    ['*', 'acme/api', false],
    ['**', 'acme/api', false],
    ['*', '.github', true],
    ['*.*', 'release.', true],
    ['!legacy', 'api', false],
    ['!legacy', '!legacy', true],
    ['[!]a]', 'b', true],
    ['[!]a]', ']', false],
    ['{api,web}', 'api', false],
  ])('%s matches %s: %p', (glob, value, matches) => {
    expect(globToRegExp(glob).test(value)).toBe(matches);
  });

  it('matches nothing, rather than throwing, for a glob with a reversed range', () => {
    expect(() => globToRegExp('[z-a]*')).not.toThrow();
    expect(globToRegExp('[z-a]*').test('zebra')).toBe(false);
  });
});
