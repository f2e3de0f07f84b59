import picomatch from 'picomatch';

/**
 * Case-insensitive globs on repository names (GitHub treats names case-insensitively):
 * `*` any run of characters, `?` one character, `[abc]` / `[a-z]` one of a set, `[!abc]` none of
 * it. No other character is special. A slash is matched literally, so `acme/*` matches full names.
 *
 * picomatch's options, each to keep exactly those rules (https://github.com/micromatch/picomatch#options):
 * - `posix`: `[!abc]` is negation; without it picomatch reads `!` in brackets as a literal.
 * - `dot`: `*` matches names that start with a dot, such as `.github`.
 * - `nonegate`: a leading `!` is literal, not "everything but": `names` lists alternatives, and
 *   `exclude` is the way to leave repositories out.
 * - `noglobstar`, `nobrace`, `noextglob`: `**`, `{a,b}` and `+(a)` have no meaning here.
 * - `fastpaths: false`: picomatch's shortcut for `*.*` wants a character after the dot; the
 *   general path lets `*` match nothing, as everywhere else.
 * - `literalBrackets: false`: `[abc]` is a set, never also the literal text `[abc]`.
 * A glob picomatch cannot compile (a reversed range such as `[z-a]`) matches nothing.
 */
const GLOB_OPTIONS: picomatch.PicomatchOptions = {
  nocase: true,
  posix: true,
  dot: true,
  nonegate: true,
  noglobstar: true,
  nobrace: true,
  noextglob: true,
  fastpaths: false,
  literalBrackets: false,
};

/** Compiled once per glob: a selector's globs are tried on every repository listed. */
const compiled = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let regExp = compiled.get(glob);
  if (!regExp) {
    regExp = picomatch.makeRe(glob, GLOB_OPTIONS);
    compiled.set(glob, regExp);
  }
  return regExp;
}

export function matchesAnyGlob(value: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(value));
}
