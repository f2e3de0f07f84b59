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
export { main as runCli } from './cli';
