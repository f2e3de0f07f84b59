import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration } from '../core/clock';
import { EmulatorAdminClient, startEmulator } from '../emulator';

/**
 * The main job, `npm run demo`: the policy CLI against the local emulator, telling the story a
 * maintainer lives through — declare, apply, then GitHub drifts (a limit removed in the UI, time
 * passing, a user added to a bypass list, an org-wide limit), and drift/apply/plan say what
 * happened and heal what can be healed. Each command is the real CLI in its own process, as a
 * user would run it; the demo stops with exit 1 if any answers other than expected.
 */

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'gh-interactions.js');
const POLICY = 'examples/policy/acme.yaml';
const DAY = 24 * 3600;

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0 });
  const admin = new EmulatorAdminClient(emulator.url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_BASE_URL: emulator.url,
    GITHUB_TOKEN: 'gho_emulator_octocat',
  };
  delete env.GITHUB_APP_ID;
  delete env.GITHUB_APP_INSTALLATION_ID;
  const run = (args: string[], expectedExit: number) => runCli(args, env, expectedExit);

  try {
    banner(
      'gh-interactions demo',
      `A local GitHub emulator is running at ${emulator.url} (user octocat, owner of the acme organization).`,
      `The policy is ${POLICY}. Every command below is what you would type, with`,
      `GITHUB_BASE_URL=${emulator.url} and GITHUB_TOKEN=gho_emulator_octocat.`,
    );

    step(1, `The policy: what should be in force on GitHub (${POLICY})`);
    console.log(
      readFileSync(join(ROOT, POLICY), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('# yaml-language-server'))
        .map((line) => `    ${line}`)
        .join('\n')
        .trimEnd(),
    );

    step(2, 'Validate it (offline: schema and contradictions, no request to GitHub)');
    await run(['validate', POLICY], 0);

    step(3, 'Plan: nothing is declared on GitHub yet (exit code 2 = changes to make)');
    await run(['plan', POLICY], 2);

    step(4, 'Apply (--yes because this is not an interactive terminal; one line per change)');
    await run(['apply', '--yes', POLICY], 0);

    step(5, 'Plan again: GitHub matches the policy (exit code 0)');
    await run(['plan', POLICY], 0);

    step(6, 'Meanwhile, on GitHub, without gh-interactions (each change as it happens)');
    // Time passes until Spoon-Knife's one-month limit has 6 days 12 hours 30 minutes left:
    // inside its 7-day renewal window whatever the length of this month, and half an hour from
    // a boundary of the "in 6 days 12 hours" that the narration and the drift both print.
    const before = Date.parse(await admin.now());
    const spoonKnifeExpiry = (await admin.state()).limits.repos['octocat/Spoon-Knife']?.expires_at;
    const target = spoonKnifeExpiry
      ? Date.parse(spoonKnifeExpiry) - (6 * DAY + 12.5 * 3600) * 1000
      : before + 24 * DAY * 1000;
    await admin.advanceClock(Math.round((target - before) / 1000));
    const now = Date.parse(await admin.now());
    say(`${formatDuration((now - before) / 1000)} pass. GitHub's clock is now ${iso(now)}.`);
    const limits = (await admin.state()).limits.repos;
    const helloWorld = limits['octocat/hello-world'];
    say(
      helloWorld
        ? `  octocat/hello-world's one-week limit is still in force until ${helloWorld.expires_at}.`
        : '  octocat/hello-world had a one-week limit: it has expired, and GitHub has forgotten it.',
    );
    const spoonKnife = limits['octocat/Spoon-Knife'];
    if (spoonKnife) {
      const left = (Date.parse(spoonKnife.expires_at) - now) / 1000;
      say(
        `  octocat/Spoon-Knife's one-month limit expires at ${spoonKnife.expires_at}, in ${formatDuration(left)}: inside its 7-day renewal window.`,
      );
    }
    await admin.removeRepoLimit('octocat/linguist');
    say('A maintainer removes the limit of octocat/linguist in the repository settings.');
    await admin.addBypassUsers('acme/website', ['Spacewalker']);
    say('Someone adds Spacewalker to the pull-request bypass list of acme/website.');
    await admin.updateOrgCreationCap('acme', { enabled: true, max_open_pull_requests: 10 });
    say('Someone raises the acme pull-request creation cap from 3 to 10.');
    const wave = await admin.setOrgLimit('acme', {
      limit: 'collaborators_only',
      expiry: 'one_week',
    });
    say(
      `A spam wave: an acme owner sets an organization-wide collaborators_only limit until ${wave.expires_at}.`,
    );
    say(
      '  It overwrites the limits of every public acme repository: they are cleared, and show the organization limit (origin "organization").',
    );

    step(7, 'Drift: what changed, and why (exit code 2 = drift found)');
    await run(['drift', POLICY], 2);

    step(8, 'Apply heals what can be healed, and explains what cannot (GitHub would answer 409)');
    await run(['apply', '--yes', POLICY], 0);

    step(9, 'Plan: only the repositories under the organization limit remain, with what to do');
    await run(['plan', POLICY], 2);

    step(
      10,
      'The spam wave is over: the acme owners lift the organization limit; apply restores ours',
    );
    await admin.removeOrgLimit('acme');
    say(
      'The acme organization limit is removed. The repositories it overwrote have no limit at all now.',
    );
    await run(['apply', '--yes', POLICY], 0);
    await run(['plan', POLICY], 0);

    banner(
      'Done.',
      'Next: docs/policy.md for the policy format, docs/github-action.md for the GitHub Action.',
    );
  } finally {
    await emulator.close();
  }
}

function banner(...lines: string[]): void {
  const rule = '='.repeat(78);
  console.log(`${rule}\n${lines.join('\n')}\n${rule}`);
}

function step(n: number, title: string): void {
  console.log(`\n--- ${n}. ${title}\n`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function say(text: string): void {
  console.log(`  * ${text}`);
}

function runCli(args: string[], env: NodeJS.ProcessEnv, expectedExit: number): Promise<void> {
  console.log(`$ gh-interactions ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      console.log(`(exit code ${code})`);
      if (code === expectedExit) resolve();
      else
        reject(
          new Error(
            `gh-interactions ${args.join(' ')} exited ${code}; the demo expected ${expectedExit}.`,
          ),
        );
    });
  });
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
