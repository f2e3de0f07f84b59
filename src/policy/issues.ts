import type { z } from 'zod';
import type { PathSegment } from './positions';

/**
 * Turns zod issues into messages that name the field, the value received and what is allowed.
 *
 * The schema's own error messages are written as expectations ("an integer from 1 to 1000");
 * `expectationFor` supplies one for the issues the schema does not word itself, and
 * `describeIssues` adds the value and flattens unions down to the branch the value was meant for.
 */

/** A problem before it has a position: where (a path into the document) and what. */
export interface PathProblem {
  readonly path: readonly PathSegment[];
  /** Point at the key rather than the value (unknown keys, bad record keys). */
  readonly at?: 'key' | 'value';
  readonly message: string;
}

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const TYPE_EXPECTATIONS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

/** The per-parse error map: an expectation for issues the schema has no message for. */
export function expectationFor(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_EXPECTATIONS[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return issue.values.length === 1
        ? describeValue(issue.values[0])
        : `one of ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'too_small':
      return `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unit(issue.origin)}`;
    case 'too_big':
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unit(issue.origin)}`;
    case 'invalid_format':
      return `a string matching ${issue.pattern ?? issue.format}`;
    default:
      return undefined;
  }
}

function unit(origin: string): string {
  if (origin === 'array' || origin === 'set') return ' items';
  if (origin === 'string') return ' characters';
  return '';
}

/** How a received value is shown in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return `a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

export interface IssueContext {
  /** The document as plain data, to tell a missing key from a bad value. */
  readonly data: unknown;
  /** The keys allowed in the mapping at a path (for unknown-key messages). */
  readonly allowedKeys: (path: readonly PathSegment[]) => readonly string[];
}

export function describeIssues(issues: readonly Issue[], context: IssueContext): PathProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, [], context));
}

function describeIssue(
  issue: Issue,
  prefix: readonly PathSegment[],
  context: IssueContext,
): PathProblem[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  switch (issue.code) {
    case 'custom':
      return [{ path, message: issue.message }];
    case 'unrecognized_keys': {
      const allowed = context.allowedKeys(path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key' as const,
        message: `unknown key${suggestion(key, allowed)}; allowed here: ${allowed.join(', ')}`,
      }));
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const expected = issue.issues[0]?.message ?? 'a valid key';
      return [
        { path, at: 'key', message: `${describeValue(key)} is not allowed; expected ${expected}` },
      ];
    }
    case 'invalid_union': {
      // Report the branch the value was meant for: the only one whose complaint is not about
      // the value's type at the union's own level.
      const meant = issue.errors.filter(
        (branch) =>
          !branch.every(
            (inner) =>
              inner.path.length === 0 &&
              (inner.code === 'invalid_type' || inner.code === 'invalid_value'),
          ),
      );
      if (meant.length === 1) {
        return meant[0].flatMap((inner) => describeIssue(inner, path, context));
      }
      return [valueProblem(path, issue.message, context)];
    }
    default:
      return [valueProblem(path, issue.message, context)];
  }
}

function valueProblem(
  path: readonly PathSegment[],
  expected: string,
  context: IssueContext,
): PathProblem {
  const found = lookup(context.data, path);
  if (!found.present) return { path, message: `is missing; expected ${expected}` };
  return { path, message: `${describeValue(found.value)} is not allowed; expected ${expected}` };
}

function lookup(
  data: unknown,
  path: readonly PathSegment[],
): { present: boolean; value?: unknown } {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !(segment in value)) {
      return { present: false };
    }
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return { present: true, value };
}

function suggestion(key: string, allowed: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 4));
  return close ? ` (did you mean ${best}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** Walks a zod schema along a path to the object at its end and lists its keys. */
export function objectKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: SchemaNode | undefined = unwrap(schema as unknown as SchemaNode);
  for (const segment of path) {
    if (!current) return [];
    const def: SchemaNode['_zod']['def'] = current._zod.def;
    if (def.type === 'object') {
      current = def.shape?.[String(segment)];
    } else if (def.type === 'array') {
      current = def.element;
    } else if (def.type === 'record') {
      current = def.valueType;
    } else if (def.type === 'union') {
      current = def.options?.find(
        (option: SchemaNode) => unwrap(option)._zod.def.type === 'object',
      );
      current = current && unwrap(current)._zod.def.shape?.[String(segment)];
    } else {
      return [];
    }
    current = current && unwrap(current);
  }
  if (current?._zod.def.type === 'union') {
    current = current._zod.def.options?.map(unwrap).find((o) => o._zod.def.type === 'object');
  }
  return Object.keys(current?._zod.def.shape ?? {});
}

interface SchemaNode {
  _zod: {
    def: {
      type: string;
      innerType?: SchemaNode;
      in?: SchemaNode;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      valueType?: SchemaNode;
      options?: SchemaNode[];
    };
  };
}

function unwrap(schema: SchemaNode): SchemaNode {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (def.innerType && ['optional', 'nullable', 'default', 'readonly'].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}
