export { MAX_POLICY_FILE_BYTES, loadPolicyFile, parsePolicy, readPolicyFile } from './load';
export { PolicyError, PolicyFileError, formatProblem } from './errors';
export type { PolicyProblem } from './errors';
export { DEFAULT_EXPANSION_CONCURRENCY, expandPolicy, selectorMatches } from './expand';
export type { ExpandPolicyOptions, PolicyExpansion } from './expand';
export { githubPolicyPort } from './port';
export type { PolicyRepositoryPort } from './port';
export {
  POLICY_SCHEMA_FILE,
  POLICY_SCHEMA_ID,
  policyJsonSchema,
  policyJsonSchemaText,
} from './json-schema';
export { formatDurationSeconds, parseDurationSeconds } from './duration';
export { globToRegExp } from './glob';
export { POLICY_VERSION } from './schema';
export type * from './types';
