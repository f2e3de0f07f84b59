import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EtagCache, sha256 } from '../../src/github/etag-cache';

const ENTRY = { etag: '"v1"', data: { limit: 'existing_users' }, headers: {} };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ghi-etag-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('EtagCache with a directory', () => {
  test('an entry written by one run is read by the next', () => {
    new EtagCache(dir).set('GET /repos/acme/api/interaction-limits', ENTRY);
    expect(new EtagCache(dir).get('GET /repos/acme/api/interaction-limits')).toEqual(ENTRY);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  test('a failed write leaves no temporary file for the CI cache to keep', () => {
    const key = 'GET /repos/acme/api/interaction-limits';
    // Something in the way of the entry: the rename onto it fails.
    mkdirSync(join(dir, `${sha256(key)}.json`));
    expect(() => new EtagCache(dir).set(key, ENTRY)).toThrow(/EISDIR/);
    expect(readdirSync(dir)).toEqual([`${sha256(key)}.json`]);
  });
});
