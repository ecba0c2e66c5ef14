/**
 * A snapshot of a loaded index (issue 16: a worker that wakes at once): typed arrays and strings
 * that IndexedDB clones back in a few milliseconds, with nothing parsed or linked on wake. People
 * are kept as one JSON string each and parsed when first asked for; tenures as rows of integers
 * over a string table, decoded a person (or a title) at a time; the matcher as flat arrays.
 * The worker makes one after loading a dataset and keys it by that dataset's identity.
 */
import { DatasetIndex, byStartThenRank, type CompiledIndex, type IndexStore } from './dataset';
import { FlatMatcher, flatten, type FlatMatcherData } from './flat-matcher';
import { nameKey } from './normalise';
import type { Dataset, Person, Pledge, Source, Tenure } from './schema';

export const SNAPSHOT_FORMAT = 1;

const FIELDS = ['title', 'short', 'org', 'country', 'start', 'end', 'src', 'url', 'office'] as const;
const STRIDE = FIELDS.length + 1; // the fields' string indices (-1: absent), then rank

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** What the snapshot was made from (the dataset's file names or package version): a wake uses it only for that. */
  key: string;
  schema: 1;
  asOf: string;
  sources: Source[];
  pledges: Pledge[];
  surnames: { common: string[]; words: string[] };
  ids: string[];
  people: string[];
  strings: string[];
  /** Tenures ordered by person (and within a person as the index orders them). */
  rows: Int32Array;
  /** Person i's tenures are rows personRows[i] .. personRows[i + 1]. */
  personRows: Uint32Array;
  titles: string[];
  /** Rows of title key titles[k]: titleRowIds[titleStart[k] .. titleStart[k + 1]], in dataset order. */
  titleStart: Uint32Array;
  titleRowIds: Int32Array;
  matcher: FlatMatcherData;
}

/** Make a snapshot of a dataset and its compiled index. */
export function makeSnapshot(data: Dataset, compiled: CompiledIndex, key: string): Snapshot {
  const personIndex = new Map(data.people.map((p, i) => [p.id, i]));
  const byPerson: Tenure[][] = data.people.map(() => []);
  for (const t of data.tenures) {
    const i = personIndex.get(t.person);
    if (i !== undefined) byPerson[i].push(t);
  }
  const strings: string[] = [];
  const stringId = new Map<string, number>();
  const sid = (v: string | undefined) => {
    if (v === undefined) return -1;
    let k = stringId.get(v);
    if (k === undefined) stringId.set(v, (k = strings.push(v) - 1));
    return k;
  };
  const rows: number[] = [];
  const personRows = new Uint32Array(data.people.length + 1);
  const rowOf = new Map<Tenure, number>();
  byPerson.forEach((list, i) => {
    for (const t of [...list].sort(byStartThenRank)) {
      rowOf.set(t, rows.length / STRIDE);
      rows.push(...FIELDS.map((f) => sid(t[f])), t.rank);
    }
    personRows[i + 1] = rows.length / STRIDE;
  });
  const wanted = new Map(compiled.titles.map((k, i) => [k, i]));
  const perTitle: number[][] = compiled.titles.map(() => []);
  for (const t of data.tenures) {
    const k = wanted.get(nameKey(t.short));
    const r = rowOf.get(t);
    if (k !== undefined && r !== undefined) perTitle[k].push(r);
  }
  const titleStart = new Uint32Array(perTitle.length + 1);
  perTitle.forEach((list, k) => (titleStart[k + 1] = titleStart[k] + list.length));
  return {
    format: SNAPSHOT_FORMAT, key, schema: 1, asOf: data.asOf, sources: data.sources, pledges: data.pledges,
    surnames: { common: data.surnames?.common ?? [], words: data.surnames?.words ?? [] },
    ids: data.people.map((p) => p.id), people: data.people.map((p) => JSON.stringify(p)),
    strings, rows: Int32Array.from(rows), personRows, titles: compiled.titles,
    titleStart, titleRowIds: Int32Array.from(perTitle.flat()), matcher: flatten(compiled.matcher),
  };
}

/** An index over a snapshot: nothing decoded until asked for. */
export function indexFromSnapshot(s: Snapshot): DatasetIndex {
  if (s.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${String(s.format)}`);
  const people: (Person | undefined)[] = new Array(s.ids.length);
  const rowCache = new Map<number, Tenure>();
  const person = (i: number) => (people[i] ??= JSON.parse(s.people[i]) as Person);
  const row = (r: number): Tenure => {
    let t = rowCache.get(r);
    if (t) return t;
    const base = r * STRIDE;
    // The row's person: the one whose range holds r (binary search over personRows).
    let lo = 0;
    let hi = s.ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s.personRows[mid] <= r) lo = mid;
      else hi = mid - 1;
    }
    t = { person: s.ids[lo], rank: s.rows[base + STRIDE - 1] } as Tenure;
    FIELDS.forEach((f, k) => {
      const v = s.rows[base + k];
      if (v >= 0) (t as unknown as Record<string, string>)[f] = s.strings[v];
    });
    rowCache.set(r, t);
    return t;
  };
  const byPerson = new Map<number, Tenure[]>();
  const byTitle = new Map<string, Tenure[]>();
  const titleIndex = new Map(s.titles.map((k, i) => [k, i]));
  const store: IndexStore = {
    count: s.ids.length,
    person,
    tenures: (i) => {
      let list = byPerson.get(i);
      if (!list) {
        list = [];
        for (let r = s.personRows[i]; r < s.personRows[i + 1]; r++) list.push(row(r));
        byPerson.set(i, list);
      }
      return list;
    },
    titleTenures: (key) => {
      let list = byTitle.get(key);
      if (!list) {
        const k = titleIndex.get(key);
        list = [];
        if (k !== undefined) for (let j = s.titleStart[k]; j < s.titleStart[k + 1]; j++) list.push(row(s.titleRowIds[j]));
        byTitle.set(key, list);
      }
      return list;
    },
  };
  return DatasetIndex.fromParts({
    matcher: new FlatMatcher(s.matcher), titles: s.titles, ids: s.ids, store, pledges: s.pledges, sources: s.sources, surnames: s.surnames, asOf: s.asOf,
    materialise: () => {
      const all = s.ids.map((_, i) => person(i));
      const tenures: Tenure[] = [];
      for (let i = 0; i < s.ids.length; i++) tenures.push(...store.tenures(i));
      return { schema: 1, asOf: s.asOf, sources: s.sources, people: all, tenures, pledges: s.pledges, surnames: s.surnames };
    },
  });
}
