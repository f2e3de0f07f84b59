import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { PolicyLocation } from './types';

export type PathSegment = string | number;

/**
 * Finds where a value (or, with `at: 'key'`, its key) is written, following a zod-style path
 * through the YAML document. A path that leaves the document (a missing key) stops at the
 * deepest node that exists: the mapping the key is missing from.
 */
export class PolicySourceMap {
  /**
   * Each mapping's pairs by key, built on first use: a policy with thousands of keys in one mapping
   * (organizations, say) and a problem at each would otherwise search the mapping once a problem.
   */
  private readonly pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

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
        const pair = this.pairOf(node, segment);
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

  /** A binary search over the line starts the parser recorded. */
  offsetLocation(offset: number): PolicyLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** The first pair whose key is `segment` (a later one is a duplicate key, reported as such). */
  private pairOf(map: YAMLMap, segment: PathSegment): Pair | undefined {
    let index = this.pairsByKey.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (!index.has(key)) index.set(key, item);
      }
      this.pairsByKey.set(map, index);
    }
    return index.get(String(segment));
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
