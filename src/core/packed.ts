/**
 * The on-disk form of the dataset's tenures: columns of integers into one string
 * table (titles, organisations, dates, sources repeat thousands of times). About a
 * quarter of the size of plain objects, and much faster for the worker to parse.
 */
import type { Person, Tenure } from './schema';

const FIELDS = ['title', 'short', 'org', 'country', 'start', 'end', 'src', 'url', 'office'] as const;
/** person index, then each field's string index (-1: absent), then rank. */
const STRIDE = 2 + FIELDS.length;

export interface PackedTenures {
  strings: string[];
  rows: number[];
}

export function packTenures(tenures: Tenure[], people: Person[]): PackedTenures {
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string | undefined) => {
    if (s === undefined) return -1;
    let i = ids.get(s);
    if (i === undefined) ids.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const rows: number[] = [];
  for (const t of tenures) {
    const p = personIndex.get(t.person);
    if (p === undefined) throw new Error(`packTenures: unknown person ${t.person}`);
    rows.push(p, ...FIELDS.map((f) => id(t[f])), t.rank);
  }
  return { strings, rows };
}

export function unpackTenures(packed: PackedTenures, people: Person[]): Tenure[] {
  const { strings, rows } = packed;
  if (!Array.isArray(strings) || !Array.isArray(rows) || rows.length % STRIDE) throw new Error('packed tenures: malformed');
  const out: Tenure[] = [];
  for (let r = 0; r < rows.length; r += STRIDE) {
    const person = people[rows[r]];
    if (!person) throw new Error(`packed tenures: row ${r / STRIDE} names no person`);
    const t = { person: person.id, rank: rows[r + STRIDE - 1] } as Tenure;
    FIELDS.forEach((f, k) => {
      const i = rows[r + 1 + k];
      if (i >= 0) (t as unknown as Record<string, string>)[f] = strings[i];
    });
    out.push(t);
  }
  return out;
}
