export * from './core';
export * from './github';
export {
  PolicyError,
  PolicyFileError,
  expandPolicy,
  githubPolicyPort,
  loadPolicyFile,
  parsePolicy,
  policyJsonSchema,
} from './policy';
export type { Policy, PolicyExpansion, PolicyProblem, PolicyRepositoryPort } from './policy';

/**
 * Runs the `gh-interactions` command with the given arguments; resolves to its exit code. The CLI
 * (and the emulator it can start) is loaded on first call, so importing the library loads neither.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const { main } = await import('./cli/main.js');
  return main([...argv]);
}
