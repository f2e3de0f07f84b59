import type { Document, LineCounter, Node, Pair } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { PolicyLocation } from './types';

export type PathSegment = string | number;

/**
 * Finds where a value (or, with `at: 'key'`, its key) is written, following a zod-style path
 * through the YAML document. A path that leaves the document (a missing key) stops at the
 * deepest node that exists: the mapping the key is missing from.
 */
export class PolicySourceMap {
  constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  locate(path: readonly PathSegment[], at: 'value' | 'key' = 'value'): PolicyLocation {
    let node: unknown = this.document.contents;
    let keyNode: unknown;
    for (const segment of path) {
      node = this.resolve(node);
      let next: Pair | Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) =>
            isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        keyNode = pair.key;
        next = (pair.value as Node | null) ?? undefined;
        if (!next) {
          node = pair.key;
          break;
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment] as Node | undefined;
        keyNode = undefined;
        if (!next) break;
      } else {
        break;
      }
      node = next;
    }
    const target = at === 'key' && keyNode ? keyNode : node;
    return this.offsetLocation(rangeStart(target) ?? 0);
  }

  offsetLocation(offset: number): PolicyLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.document) : node;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

/** `repositories[0].interaction_limit.limit`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${segment}` : segment;
  }
  return text;
}
