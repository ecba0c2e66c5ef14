/** Issue 16: an index loaded from a snapshot answers exactly as the one built from the JSON files. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../../src/core/dataset';
import { indexFromSnapshot, makeSnapshot } from '../../src/core/snapshot';
import { annotateArticle, readArticle, toJson } from '../../src/cli/run';

const ROOT = join(import.meta.dirname, '..', '..');
const read = () => ({
  data: loadDataset(JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'))),
  compiled: JSON.parse(readFileSync(join(ROOT, 'data', 'index.json'), 'utf8')) as CompiledIndex,
});
const eager = (() => { const { data, compiled } = read(); return new DatasetIndex(data, compiled); })();
const snapshot = (() => { const { data, compiled } = read(); return makeSnapshot(data, compiled, 'test'); })();
const lazy = indexFromSnapshot(structuredClone(snapshot));

describe('snapshot', () => {
  it('annotates every corpus article exactly as the index built from JSON', () => {
    const dir = join(ROOT, 'tests', 'corpus');
    const files = readdirSync(dir).filter((f) => /\.(html|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(80);
    for (const f of files) {
      const article = readArticle(readFileSync(join(dir, f), 'utf8'), f);
      expect(toJson(annotateArticle(article, undefined, lazy)), f).toEqual(toJson(annotateArticle(article, undefined, eager)));
    }
  });
  it('decodes nothing until asked, and builds the whole dataset only when read', () => {
    const fresh = indexFromSnapshot(structuredClone(snapshot));
    expect(fresh.personCount).toBe(eager.data.people.length);
    expect(fresh.asOf).toBe(eager.data.asOf);
    expect(fresh.data.tenures.length).toBe(eager.data.tenures.length);
    expect(fresh.data.people.map((p) => p.id)).toEqual(eager.data.people.map((p) => p.id));
  });
});
