/** Small helpers the source adapters share: file readers, dates, name and party tidying. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { PartySpell } from '../../src/core/schema';

export type Row = Record<string, string>;

/** A CSV file under `dir` with a header row, as objects. */
export const readCsv = (dir: string, path: string, options: Record<string, unknown> = {}): Row[] =>
  parseCsv(readFileSync(join(dir, path)), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, ...options });

export const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** dd/mm/yyyy → yyyy-mm-dd. */
export const dmy = (s: string) => {
  const [d, m, y] = s.split('/');
  return `${y}-${m}-${d}`;
};

/** Sort party spells and merge consecutive spells of the same party. */
export function mergeSpells(list: PartySpell[]): PartySpell[] {
  list.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const out: PartySpell[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && last.party === s.party) {
      if (!s.to || (last.to && s.to > last.to)) last.to = s.to;
      if (!s.to) delete last.to;
    } else out.push({ ...s });
  }
  return out;
}

/** "DUPONT-AIGNAN" → "Dupont-Aignan", particles kept lower case. */
export const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/\b(De|Du|Des|Le|La|Von|Van|Der|Den)\b(?=\s)/g, (w) => w.toLowerCase());

/** "Charles E. Schumer" is printed "Charles Schumer" too: drop middle initials. */
export function withoutMiddleInitials(name: string): string {
  const words = name.split(/\s+/);
  return words.length > 2 ? words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.?$/u.test(w)).join(' ') : name;
}
