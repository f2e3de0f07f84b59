import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as emulator from '../../src/emulator';
import * as facts from '../../src/github/facts';
import type { SeedError } from '../../src/emulator';
import { validateSeed } from '../../src/emulator';

/**
 * GitHub facts are stated once, in src/github/facts.ts: the emulator imports them (and only that
 * module from outside its folder) instead of keeping copies, and re-exports them under its old
 * names.
 */

const EMULATOR_DIR = join(__dirname, '..', '..', 'src', 'emulator');
const FACTS = resolve(__dirname, '..', '..', 'src', 'github', 'facts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative import specifiers (`from '...'`, `import('...')`) of a source file. */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']*)'/g)].map((m) => m[1] ?? '');
}

describe('GitHub facts, once', () => {
  it('the emulator’s names are the facts themselves', () => {
    expect(emulator.INTERACTION_GROUPS).toBe(facts.LIMIT_TYPES);
    expect(emulator.INTERACTION_EXPIRIES).toBe(facts.EXPIRIES);
    expect(emulator.DEFAULT_EXPIRY).toBe(facts.GITHUB_DEFAULT_EXPIRY);
    expect(emulator.MAX_BYPASS_LIST_SIZE).toBe(facts.BYPASS_LIST_MAX_USERS);
    expect(emulator.MAX_BYPASS_USERS_PER_REQUEST).toBe(facts.BYPASS_LIST_MAX_USERS_PER_REQUEST);
    expect(emulator.MIN_OPEN_PULL_REQUESTS).toBe(facts.MIN_OPEN_PULL_REQUESTS);
    expect(emulator.MAX_OPEN_PULL_REQUESTS).toBe(facts.MAX_OPEN_PULL_REQUESTS);
    expect(emulator.expiresAtFor).toBe(facts.expiresAtFor);
    expect(emulator.EXPIRY_MIN_SECONDS).toBe(facts.EXPIRY_MIN_SECONDS);
  });

  it('EXPIRY_SECONDS (30-day months) is gone', () => {
    expect('EXPIRY_SECONDS' in emulator).toBe(false);
  });

  it('from outside its folder, the emulator imports src/github/facts.ts and nothing else', () => {
    const outside: string[] = [];
    for (const file of sourceFiles(EMULATOR_DIR)) {
      for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), specifier);
        if (!relative(EMULATOR_DIR, target).startsWith('..')) continue;
        if (target !== FACTS) outside.push(`${relative(EMULATOR_DIR, file)} → ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('no emulator source spells a fact out again (limit and expiry values, the login rule)', () => {
    const copies: string[] = [];
    const spelled = [
      ...facts.LIMIT_TYPES.map((v) => `'${v}'`),
      ...facts.EXPIRIES.map((v) => `'${v}'`),
      facts.LOGIN_PATTERN.source,
    ];
    for (const file of sourceFiles(EMULATOR_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const fact of spelled)
        if (text.includes(fact)) copies.push(`${relative(EMULATOR_DIR, file)}: ${fact}`);
    }
    expect(copies).toEqual([]);
  });

  it('the seed checks logins and repository names with GitHub’s rules from facts.ts', () => {
    const problems = (input: unknown) => {
      try {
        validateSeed(input);
        return [];
      } catch (error) {
        return (error as SeedError).problems;
      }
    };
    // The old copy of the repository-name rule let "." and ".." through.
    expect(problems({ users: [{ login: 'a' }], repos: [{ owner: 'a', name: '..' }] })).toEqual([
      `seed.repos[0].name: got ".."; expected ${facts.REPOSITORY_NAME_RULE}`,
    ]);
    expect(problems({ users: [{ login: 'a--b' }] })).toEqual([
      `seed.users[0].login: got "a--b"; expected ${facts.LOGIN_RULE}`,
    ]);
  });
});
