import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** A GET answer kept for revalidation with `If-None-Match`. */
export interface CachedResponse {
  readonly etag: string;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * ETags and the bodies they validate. A conditional GET answered 304 does not count against the
 * primary rate limit (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate),
 * so a plan with nothing to change costs next to no rate limit. In memory, and optionally in a
 * directory so a CI job can keep it between runs. Entries are keyed by a hash that includes a hash
 * of the credential's identity: one token never sees another's answers, and no file holds a token.
 */
export class EtagCache {
  private readonly memory = new Map<string, CachedResponse>();
  /** Conditional requests GitHub answered 304. */
  hits = 0;
  /** GETs sent without a usable cache entry, or whose entry had changed. */
  misses = 0;

  constructor(private readonly directory?: string) {
    if (directory) mkdirSync(directory, { recursive: true });
  }

  get(key: string): CachedResponse | undefined {
    const inMemory = this.memory.get(key);
    if (inMemory || !this.directory) return inMemory;
    try {
      const stored = JSON.parse(readFileSync(this.fileFor(key), 'utf8')) as CachedResponse;
      if (typeof stored.etag !== 'string') return undefined;
      this.memory.set(key, stored);
      return stored;
    } catch {
      // A missing or unreadable entry only costs one unconditional request.
      return undefined;
    }
  }

  set(key: string, value: CachedResponse): void {
    this.memory.set(key, value);
    if (!this.directory) return;
    // Whole entries only (a reader in another process never sees half of one), and no temporary
    // file left behind by a failed write for actions/cache to keep. No fsync: an entry lost to a
    // power cut costs one unconditional request, and a plan reads many.
    writeFileAtomic.sync(this.fileFor(key), JSON.stringify(value), { fsync: false });
  }

  private fileFor(key: string): string {
    return join(this.directory as string, `${sha256(key)}.json`);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
