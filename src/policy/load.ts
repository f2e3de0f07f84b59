import { readFile } from 'node:fs/promises';
import type { YAMLError } from 'yaml';
import { LineCounter, parseDocument } from 'yaml';
import { findStaticContradictions } from './contradictions';
import type { PolicyProblem } from './errors';
import { PolicyError } from './errors';
import type { PathProblem } from './issues';
import { describeIssues, expectationFor, objectKeysAt } from './issues';
import { normalizePolicy } from './normalize';
import { PolicySourceMap, formatPath } from './positions';
import { PolicySchema } from './schema';
import type { Policy } from './types';

/** Aliases may not expand a small file into a huge one ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads and validates a policy file. Offline: nothing here touches the network.
 * Throws `PolicyError` listing every problem as `file:line:column: message`; `path` is used as
 * given in those messages.
 */
export async function loadPolicyFile(path: string): Promise<Policy> {
  const text = await readFile(path, 'utf8');
  return parsePolicy(text, path);
}

/**
 * Parses and validates policy YAML: syntax, then the schema, then what only makes sense in
 * context (renewal windows, duplicates, repository limits under a declared organization limit).
 * Each stage reports all of its problems; a later stage runs only when the earlier ones pass.
 */
export function parsePolicy(text: string, fileName: string): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    merge: true,
    uniqueKeys: true,
  });
  const sourceMap = new PolicySourceMap(fileName, document, lineCounter);

  if (document.errors.length > 0) {
    throw new PolicyError(document.errors.map((error) => syntaxProblem(error, text, sourceMap)));
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new PolicyError([
      {
        ...sourceMap.offsetLocation(0),
        path: '',
        message: `YAML: ${(error as Error).message}`,
      },
    ]);
  }

  const parsed = PolicySchema.safeParse(data, { reportInput: true, error: expectationFor });
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, {
      data,
      allowedKeys: (path) => objectKeysAt(PolicySchema, path),
    });
    throw new PolicyError(problems.map((problem) => locate(problem, sourceMap)));
  }

  const { policy, problems } = normalizePolicy(parsed.data, sourceMap);
  if (problems.length > 0) {
    throw new PolicyError(problems.map((problem) => locate(problem, sourceMap)));
  }

  const contradictions = findStaticContradictions(policy);
  if (contradictions.length > 0) throw new PolicyError(contradictions);
  return policy;
}

function locate(problem: PathProblem, sourceMap: PolicySourceMap): PolicyProblem {
  return {
    ...sourceMap.locate(problem.path, problem.at),
    path: formatPath(problem.path),
    message: problem.message,
  };
}

function syntaxProblem(error: YAMLError, text: string, sourceMap: PolicySourceMap): PolicyProblem {
  const start = error.pos[0];
  // The error's range covers only the key's first character; the key runs to its colon.
  const key = /^[^:\n]*/.exec(text.slice(start))?.[0].trim();
  const message =
    error.code === 'DUPLICATE_KEY'
      ? `duplicate key ${key}: each key may appear once in a mapping`
      : `YAML syntax error: ${error.message}`;
  return { ...sourceMap.offsetLocation(start), path: '', message };
}
