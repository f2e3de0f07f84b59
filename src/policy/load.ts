import { open, stat } from 'node:fs/promises';
import type { Document, YAMLError } from 'yaml';
import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import { findStaticContradictions } from './contradictions';
import type { PolicyProblem } from './errors';
import { PolicyError, PolicyFileError } from './errors';
import type { PathProblem } from './issues';
import { describeIssues, expectationFor, objectKeysAt } from './issues';
import { normalizePolicy } from './normalize';
import { PolicySourceMap, formatPath } from './positions';
import { PolicySchema } from './schema';
import type { Policy } from './types';

/** Aliases may not expand a small file into a huge one ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * The largest policy file read. Thousands of repository entries fit in a few hundred kilobytes
 * (and `select` chooses many repositories in a few lines); the cap bounds the time and memory
 * spent on a file that is not a policy, or is generated out of control.
 */
export const MAX_POLICY_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads and validates a policy file. Offline: nothing here touches the network.
 * Throws `PolicyError` listing every problem as `file:line:column: message`; `path` is used as
 * given in those messages.
 */
export async function loadPolicyFile(path: string): Promise<Policy> {
  return parsePolicy(await readPolicyFile(path), path);
}

/**
 * The text of a policy file, at most `MAX_POLICY_FILE_BYTES`. A directory or a larger file is
 * refused with a `PolicyFileError` that names it; a missing file fails as the file system says.
 */
export async function readPolicyFile(path: string): Promise<string> {
  const stats = await stat(path);
  if (stats.isDirectory()) {
    throw new PolicyFileError(path, `${path} is a directory; expected a policy file (YAML)`);
  }
  if (stats.size > MAX_POLICY_FILE_BYTES) throw tooLarge(path, stats.size);
  // Read no more than the cap even when the size said nothing: a pipe (`<(…)`) has none.
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(64 * 1024) });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_POLICY_FILE_BYTES) throw tooLarge(path);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    await handle.close();
  }
}

function tooLarge(path: string, size?: number): PolicyFileError {
  const actual =
    size === undefined
      ? 'larger than allowed'
      : `${(size / (1024 * 1024)).toFixed(1)} MiB (${size} bytes)`;
  return new PolicyFileError(
    path,
    `${path} is ${actual}; a policy file may be at most ${MAX_POLICY_FILE_BYTES / (1024 * 1024)} MiB (${MAX_POLICY_FILE_BYTES} bytes), which keeps validation fast and its memory small. ` +
      'Choose repositories with `select` (by organization, name glob or topic) rather than listing each one.',
  );
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
    // Checked below, in linear time: the parser's own check compares each key with every key
    // before it in the mapping, which takes seconds for a mapping of tens of thousands of keys.
    uniqueKeys: false,
  });
  const sourceMap = new PolicySourceMap(fileName, document, lineCounter);

  const syntaxProblems = [
    ...document.errors.map((error) => syntaxProblem(error, sourceMap)),
    ...duplicateKeyProblems(document, text, sourceMap),
  ];
  if (syntaxProblems.length > 0) throw new PolicyError(syntaxProblems);

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

function syntaxProblem(error: YAMLError, sourceMap: PolicySourceMap): PolicyProblem {
  return {
    ...sourceMap.offsetLocation(error.pos[0]),
    path: '',
    message: `YAML syntax error: ${error.message}`,
  };
}

/** Keys written twice in one mapping (as YAML's `uniqueKeys`: equal scalar values), at the second. */
function duplicateKeyProblems(
  document: Document,
  text: string,
  sourceMap: PolicySourceMap,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        const [start, end] = pair.key.range ?? [0, 0];
        problems.push({
          ...sourceMap.offsetLocation(start),
          path: '',
          message: `duplicate key ${text.slice(start, end).trim()}: each key may appear once in a mapping`,
        });
      }
    },
  });
  return problems;
}
