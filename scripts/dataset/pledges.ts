/** Pledges (data/curated/pledges.json): phrases, authors (curated refs) and a rated status with its own source. */
import { join } from 'node:path';
import type { Pledge, PledgeStatus } from '../../src/core/schema';
import type { Registry } from './registry';
import { resolveRef } from './sources/curated';
import { readJson } from './util';

export function loadPledges(curatedDir: string, registry: Registry): Pledge[] {
  const layer = readJson(join(curatedDir, 'pledges.json')) as { pledges: (Omit<Pledge, 'src' | 'by'> & { by: string[]; statusUrl: string })[] };
  return layer.pledges.map((pl) => ({
    id: pl.id, wording: pl.wording, phrases: pl.phrases.map((s) => s.toLowerCase()),
    by: pl.by.flatMap((ref) => {
      try {
        return [resolveRef(registry, ref).id];
      } catch {
        return []; // pledges by people outside the dataset (campaigns, parties) keep no person link
      }
    }),
    date: pl.date, status: { value: pl.status.value as PledgeStatus, date: pl.status.date, url: pl.statusUrl }, url: pl.url, src: 'curated',
  }));
}
