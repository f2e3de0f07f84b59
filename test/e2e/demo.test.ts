import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** `npm run demo` as a newcomer reads it: the transcript of dist/demo/main.js (npm test builds). */
function runDemo(): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'demo', 'main.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', GITHUB_TOKEN: '', GITHUB_BASE_URL: '' },
  });
  return { code: run.status, out: run.stdout };
}

/** The transcript between `--- N.` and the next step. */
function section(out: string, n: number): string {
  const start = out.indexOf(`\n--- ${n}. `);
  const end = out.indexOf(`\n--- ${n + 1}. `, start + 1);
  return out.slice(start, end === -1 ? undefined : end);
}

describe('npm run demo, read as a newcomer', () => {
  const { code, out } = runDemo();

  test('it succeeds, and shows the policy before planning it', () => {
    expect(code).toBe(0);
    expect(section(out, 1)).toContain('pr_bypass_list:');
    expect(out.indexOf('pr_bypass_list:')).toBeLessThan(out.indexOf('$ gh-interactions plan'));
  });

  test('a bypass list never set is missing, not "removed out of band"', () => {
    expect(section(out, 3)).toContain('+ PrBypassList acme/website will be created');
    expect(section(out, 3)).toContain('why: missing: The bypass list of acme/website is empty');
    expect(section(out, 3)).not.toContain('removed out of band');
  });

  test('apply does not reprint the plan it follows: one line per change, counters count the writes', () => {
    for (const n of [4, 8]) {
      const apply = section(out, n);
      expect(apply).not.toContain('why:');
      const counters = [...apply.matchAll(/\[(\d+)\/(\d+)\]/g)].map((m) => [+m[1], +m[2]]);
      expect(counters.length).toBeGreaterThan(0);
      expect(counters.map(([step]) => step)).toEqual(counters.map((_, i) => i + 1));
      expect(new Set(counters.map(([, total]) => total))).toEqual(new Set([counters.length]));
    }
  });

  test('the narration and the plan agree on times', () => {
    const narrated = /Spoon-Knife's one-month limit expires at (\S+), in ([^:]+):/.exec(
      section(out, 6),
    );
    expect(narrated).not.toBeNull();
    expect(section(out, 7)).toContain(`The limit expires at ${narrated![1]} (in ${narrated![2]})`);
  });
});
