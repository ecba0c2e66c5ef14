/**
 * Loading a dataset and indexing it for look-ups: who held which office when,
 * and the phrase matcher built from names, surnames, titles and pledges.
 */
import type { Dataset, IsoDate, Person, Pledge, Source, Tenure } from './schema';
import { Matcher, type CompiledMatcher, type RawMatch } from './matcher';
import { FlatMatcher, flatten } from './flat-matcher';
import { nameKey } from './normalise';
import { compareOffices, isPartyOffice, isSeat } from './ranks';
import { pledgeVariants } from './pledges';
import { packTenures, unpackTenures, type PackedTenures } from './packed';
import { TITLE_SYNONYMS } from './titles';

/**
 * What a matched phrase can mean, packed in one integer (compact when compiled):
 * the kind in the low two bits, the person, title or pledge index above them.
 */
export type Meaning = number;
export const NAME = 0;
export const SURNAME = 1;
export const TITLE = 2;
export const PLEDGE = 3;
export const meaning = (kind: number, id: number): Meaning => id * 4 + kind;
export const kindOf = (m: Meaning) => m & 3;
export const idOf = (m: Meaning) => m >>> 2;

/** The matcher compiled at build time (data/index.json), with the title keys its meanings point to. */
export interface CompiledIndex {
  matcher: CompiledMatcher<Meaning>;
  titles: string[];
}

export class DatasetError extends Error {}

/** Check the shape of a parsed dataset file; throws DatasetError naming the first problem. */
export function loadDataset(data: unknown): Dataset {
  const d = data as (Partial<Dataset> & { packedTenures?: PackedTenures }) | null;
  if (!d || typeof d !== 'object') throw new DatasetError('dataset: not a JSON object');
  if (d.schema !== 1) throw new DatasetError(`dataset: unsupported schema ${String(d.schema)} (expected 1)`);
  if (d.packedTenures && Array.isArray(d.people)) {
    // The bundled file keeps tenures in columns (src/core/packed.ts).
    try {
      d.tenures = unpackTenures(d.packedTenures, d.people);
    } catch (e) {
      throw new DatasetError(`dataset: ${(e as Error).message}`);
    }
    delete d.packedTenures;
  }
  for (const field of ['sources', 'people', 'tenures', 'pledges'] as const) {
    if (!Array.isArray(d[field])) throw new DatasetError(`dataset: "${field}" must be an array`);
  }
  if (typeof d.asOf !== 'string') throw new DatasetError('dataset: "asOf" must be a date');
  return d as Dataset;
}

/** The bundled file's form of a dataset: the same, with tenures packed in columns. */
export function packDataset(d: Dataset): Omit<Dataset, 'tenures'> & { packedTenures: PackedTenures } {
  const { tenures, ...rest } = d;
  return { ...rest, packedTenures: packTenures(tenures, d.people) };
}

/** Particles that belong to a surname: "von der Leyen", "de Villepin". */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['von', 'van', 'der', 'den', 'de', 'du', 'des', 'le', 'la', 'da', 'di', 'del', 'della', 'dos', 'das', 'ter', 'bin', 'al', 'el']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const HONORIFIC_NAMES = /^(sir|dame|lord|lady|baroness|baron|the rt hon|rt hon)\s+/i;

/** Monarchs and royals ("King Charles III", "Juan Carlos I", "Queen Elizabeth"): no surname to match alone. */
const ROYAL = /^(king|queen|prince|princess|emperor|empress|grand duke|grand duchess|pope)\s|\s(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/i;

/** The surname key of a full name: last token plus any particles before it. */
export function surnameOf(name: string): string {
  if (ROYAL.test(name.trim())) return '';
  // "Baroness Taylor of Bolton": the territorial designation is not a surname.
  const tokens = nameKey(name.replace(HONORIFIC_NAMES, '').replace(/\s+of\s+.*$/i, '')).split(' ');
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1])) tokens.pop();
  if (tokens.length < 2) return HONORIFIC_NAMES.test(name) && tokens[0] ? tokens[0] : '';
  let i = tokens.length - 1;
  while (i > 1 && SURNAME_PARTICLES.has(tokens[i - 1])) i--;
  return tokens.slice(i).join(' ');
}

/** Is `date` within [start, end)? */
export function holds(t: Tenure, date: IsoDate): boolean {
  return t.start <= date && (t.end === undefined || date < t.end);
}

/** A person's tenures in the order the index keeps them: by start, then the more senior first. */
export const byStartThenRank = (a: Tenure, b: Tenure) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.rank - b.rank);

/** Dissolution to polling day is 25 working days in the UK; Congress has no gap at all. */
const LEGISLATOR_GAP_DAYS = 60;
const daysBetween = (a: IsoDate, b: IsoDate) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** What the resolver asks of the matcher: Matcher, or FlatMatcher loaded from a snapshot. */
export interface PhraseFinder {
  find(text: string): RawMatch<Meaning>[];
}

/** Where an index reads people and tenures from: arrays built in memory, or a snapshot decoded on demand. */
export interface IndexStore {
  readonly count: number;
  person(i: number): Person;
  tenures(i: number): Tenure[];
  titleTenures(key: string): Tenure[];
}

export class DatasetIndex {
  readonly matcher!: PhraseFinder;
  /** Title keys ("home secretary"), indexed by the id of TITLE meanings. */
  readonly titles!: string[];
  readonly people!: Person[];
  readonly pledges!: Pledge[];
  readonly personIndex = new Map<string, number>();
  private readonly tenuresByPerson!: Tenure[][];
  private readonly tenuresByTitle = new Map<string, Tenure[]>();
  private readonly pledgesByPerson = new Map<string, Pledge[]>();
  private readonly sources = new Map<string, Source>();
  private readonly commonSurnames!: Set<string>;
  private readonly wordSurnames!: Set<string>;
  private store!: IndexStore;

  constructor(
    readonly data: Dataset,
    compiled?: CompiledIndex,
  ) {
    if (!data) return; // DatasetIndex.fromParts: a snapshot supplies every field itself
    this.people = data.people;
    this.pledges = data.pledges;
    this.commonSurnames = new Set(data.surnames?.common ?? []);
    this.wordSurnames = new Set(data.surnames?.words ?? []);
    data.sources.forEach((s) => this.sources.set(s.id, s));
    this.people.forEach((p, i) => this.personIndex.set(p.id, i));
    this.tenuresByPerson = this.people.map(() => []);
    const keyOf = new Map<string, string>();
    for (const t of data.tenures) {
      const i = this.personIndex.get(t.person);
      if (i === undefined) continue;
      this.tenuresByPerson[i].push(t);
      let key = keyOf.get(t.short);
      if (key === undefined) keyOf.set(t.short, (key = nameKey(t.short)));
      let list = this.tenuresByTitle.get(key);
      if (!list) this.tenuresByTitle.set(key, (list = []));
      list.push(t);
    }
    for (const list of this.tenuresByPerson) list.sort(byStartThenRank);
    this.store = {
      count: this.people.length,
      person: (i) => this.people[i],
      tenures: (i) => this.tenuresByPerson[i] ?? [],
      titleTenures: (key) => this.tenuresByTitle.get(key) ?? [],
    };
    this.pledges.forEach((pl) => {
      for (const by of pl.by) {
        let list = this.pledgesByPerson.get(by);
        if (!list) this.pledgesByPerson.set(by, (list = []));
        list.push(pl);
      }
    });
    if (compiled) {
      this.matcher = new FlatMatcher(flatten(compiled.matcher));
      this.titles = compiled.titles;
    } else {
      const built = compileIndex(data, this.tenuresByTitle);
      this.matcher = built.matcher;
      this.titles = built.titles;
    }
  }

  /** Shared by several people in the data, or a common surname in general. */
  isCommonSurname(key: string): boolean {
    return this.commonSurnames.has(key);
  }

  /** Also an ordinary word ("truss", "cleverly", "borne"). */
  isWordSurname(key: string): boolean {
    return this.wordSurnames.has(key);
  }

  /**
   * An index over a snapshot (src/core/snapshot.ts): people and tenures decoded on demand, the
   * matcher over flat arrays. `data` and `people`, which only the options page and imports need,
   * are built in full the first time they are read.
   */
  static fromParts(parts: {
    matcher: PhraseFinder; titles: string[]; ids: string[]; store: IndexStore; pledges: Pledge[]; sources: Source[];
    surnames: { common: string[]; words: string[] }; asOf: IsoDate; materialise: () => Dataset;
  }): DatasetIndex {
    const index = new DatasetIndex(undefined as unknown as Dataset);
    const self = index as unknown as Record<string, unknown>;
    self.matcher = parts.matcher;
    self.titles = parts.titles;
    self.pledges = parts.pledges;
    self.commonSurnames = new Set(parts.surnames.common);
    self.wordSurnames = new Set(parts.surnames.words);
    parts.sources.forEach((s) => index.sources.set(s.id, s));
    parts.ids.forEach((id, i) => index.personIndex.set(id, i));
    index.store = parts.store;
    for (const pl of parts.pledges) {
      for (const by of pl.by) {
        let list = index.pledgesByPerson.get(by);
        if (!list) index.pledgesByPerson.set(by, (list = []));
        list.push(pl);
      }
    }
    let full: Dataset | undefined;
    const materialise = () => (full ??= parts.materialise());
    Object.defineProperty(index, 'data', { get: materialise });
    Object.defineProperty(index, 'people', { get: () => materialise().people });
    Object.defineProperty(index, 'asOfDate', { value: parts.asOf });
    Object.defineProperty(index, 'sourceList', { value: parts.sources });
    return index;
  }

  /** The data's as-of date, without building the whole dataset of a snapshot. */
  get asOf(): IsoDate {
    return (this as unknown as { asOfDate?: IsoDate }).asOfDate ?? this.data.asOf;
  }

  /** The data's sources, without building the whole dataset of a snapshot. */
  get sourcesInUse(): Source[] {
    return (this as unknown as { sourceList?: Source[] }).sourceList ?? this.data.sources;
  }

  /** How many people the index holds. */
  get personCount(): number {
    return this.store.count;
  }

  /** The name the person went by on `date` (an earlier name until it changed), else the current one. */
  nameOn(person: number, date: IsoDate): string {
    const p = this.person(person);
    const then = (p.aliases ?? []).filter((a) => a.to !== undefined && date < a.to && (!a.from || a.from <= date));
    then.sort((a, b) => a.to!.localeCompare(b.to!) || b.name.length - a.name.length);
    return then[0]?.name ?? p.name;
  }

  person(i: number): Person {
    return this.store.person(i);
  }

  /** The person with this id, if any. */
  personById(id: string): Person | undefined {
    const i = this.personIndex.get(id);
    return i === undefined ? undefined : this.store.person(i);
  }

  tenures(person: number): readonly Tenure[] {
    return person >= 0 && person < this.store.count ? this.store.tenures(person) : [];
  }

  source(id: string): Source | undefined {
    return this.sources.get(id);
  }

  /** The office readers know the person by on `date` (src/core/ranks.ts decides among several). */
  roleOn(person: number, date: IsoDate): Tenure | undefined {
    return this.officesOn(person, date)[0];
  }

  /** Every office the person held on `date`, the one readers know them by first. */
  officesOn(person: number, date: IsoDate): Tenure[] {
    return this.tenures(person).filter((t) => holds(t, date)).sort(compareOffices);
  }

  /**
   * The most senior office whose holding ended on `date` (the person resigned, was sacked or
   * handed over that day), unless the same office goes on (a reappointment the same day).
   */
  endedOn(person: number, date: IsoDate): Tenure | undefined {
    const list = this.tenures(person);
    return list
      .filter((t) => t.end === date && !isSeat(t) && !list.some((o) => o !== t && o.short === t.short && holds(o, date)))
      .sort(compareOffices)[0];
  }

  /** The most senior office held before `date` that had ended by then. */
  lastRoleBefore(person: number, date: IsoDate): Tenure | undefined {
    let best: Tenure | undefined;
    for (const t of this.tenures(person)) {
      if (t.end === undefined || t.end > date) continue;
      if (!best || t.rank < best.rank || (t.rank === best.rank && t.end > (best.end ?? ''))) best = t;
    }
    return best;
  }

  /**
   * The unbroken stint a tenure belongs to: back-to-back tenures of the same
   * office (a reappointment, a renamed department) read as one to a reader.
   */
  stint(t: Tenure): { start: IsoDate; end?: IsoDate } {
    const list = this.tenures(this.personIndex.get(t.person) ?? -1).filter((x) => x.short === t.short);
    // A legislator re-elected at the next election sat continuously but for the weeks
    // of the campaign: "MP since 2010", not "since 2024". A minister's spells stay apart.
    const gap = t.rank >= 7 ? LEGISLATOR_GAP_DAYS : 0;
    const follows = (a: IsoDate, b: IsoDate) => a <= b && daysBetween(a, b) <= gap;
    let { start, end } = t;
    for (let changed = true; changed; ) {
      changed = false;
      for (const x of list) {
        if (x.end !== undefined && x.start < start && follows(x.end, start)) (start = x.start), (changed = true);
        if (end !== undefined && follows(end, x.start)) (end = x.end), (changed = true);
      }
    }
    return end === undefined ? { start } : { start, end };
  }

  /** People who held the office with this title key on `date`, optionally in one country. */
  holdersOn(titleKey: string, date: IsoDate, country?: string): number[] {
    const out = new Set<number>();
    for (const t of this.store.titleTenures(titleKey)) {
      if (country && t.country !== country) continue;
      if (holds(t, date)) out.add(this.personIndex.get(t.person)!);
    }
    return [...out];
  }

  /** Does any office with this title key exist in this country? */
  titleCountries(titleKey: string): Set<string> {
    return new Set(this.store.titleTenures(titleKey).map((t) => t.country));
  }

  partyOn(person: number, date: IsoDate): string | undefined {
    const spells = this.person(person).parties ?? [];
    const on = spells.find((s) => (!s.from || s.from <= date) && (!s.to || date < s.to));
    if (on) return on.party;
    // Else the last party known before the date; never one the person joined later (a group formed in 2025 for a 2024 article).
    const before = spells.filter((s) => !s.from || s.from <= date);
    return before[before.length - 1]?.party;
  }

  pledgesOf(personId: string): readonly Pledge[] {
    return this.pledgesByPerson.get(personId) ?? [];
  }
}

/**
 * Offices a bare title can name ("the Home Secretary"): ministers and above. Party offices are not
 * among them: every nation and chamber has its own "Conservative leader".
 */
export function isTitleTenure(t: Tenure): boolean {
  return t.rank <= 6 && !isPartyOffice(t);
}

/**
 * Build the matcher: names, aliases and surnames of people, office titles readers
 * use (and their synonyms), pledge phrases and their inflections. Run at build
 * time (scripts/build-dataset.ts writes the result) and for ad-hoc datasets.
 */
export function compileIndex(data: Dataset, tenuresByTitle?: Map<string, Tenure[]>): { matcher: Matcher<Meaning>; titles: string[] } {
  const matcher = new Matcher<Meaning>();
  const byTitle = tenuresByTitle ?? new Map(data.tenures.map((t) => [nameKey(t.short), [t]]));
  const titled = data.tenures.filter(isTitleTenure);
  const titleKeys = [...new Set(titled.map((t) => nameKey(t.short)))].sort();
  const titleId = new Map(titleKeys.map((k, i) => [k, i]));
  for (const t of titled) matcher.add(t.short, meaning(TITLE, titleId.get(nameKey(t.short))!));
  for (const [phrase, short] of Object.entries(TITLE_SYNONYMS)) {
    const id = titleId.get(nameKey(short));
    if (id !== undefined && byTitle.has(nameKey(short))) matcher.add(phrase, meaning(TITLE, id));
  }
  data.people.forEach((p, i) => {
    for (const name of [p.name, ...(p.aliases ?? []).map((a) => a.name)]) {
      matcher.add(name, meaning(NAME, i));
      const surname = surnameOf(name);
      if (surname) matcher.add(surname, meaning(SURNAME, i));
    }
  });
  data.pledges.forEach((pl, i) => {
    for (const phrase of pl.phrases) for (const v of pledgeVariants(phrase)) matcher.add(v, meaning(PLEDGE, i), /[,;:!%/]/.test(phrase));
  });
  return { matcher, titles: titleKeys };
}

/** The compiled index as plain data, for data/index.json. */
export function exportIndex(data: Dataset): CompiledIndex {
  const { matcher, titles } = compileIndex(data);
  return { matcher: matcher.compile(), titles };
}
