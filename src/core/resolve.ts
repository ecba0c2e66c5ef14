/**
 * Resolution: from raw phrase matches to people and pledges, deciding which
 * mentions count (coreference, titles) and what office each person held on the
 * article's date. Conservative by design: when unsure, leave a mention unmarked.
 */
import { NAME, PLEDGE, SURNAME, TITLE, SURNAME_PARTICLES, holds, idOf, kindOf, surnameOf, type DatasetIndex, type Meaning } from './dataset';
import type { RawMatch } from './matcher';
import type { IsoDate, Tenure } from './schema';
import { TOKEN, isCapitalised, nameKey } from './normalise';
import { countryOfHost, countryWord } from './titles';
import { compareOffices, isSeat } from './ranks';
import { patternDisplay } from './pledges';

export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface OfficeView {
  title: string;
  short: string;
  org: string | null;
  country: string;
  start: IsoDate;
  end: IsoDate | null;
}

export type Why =
  | 'full name' | 'earlier full name' | 'other name' | 'surname after full name' | 'title and surname'
  | 'distinctive surname' | 'title on date' | 'title and name';

export interface PersonResult {
  id: string;
  /** The name the person went by on the article's date. */
  name: string;
  /** Their name today, when it has changed since ("Suella Fernandes" → "Suella Braverman"). */
  currentName: string | null;
  /** Short title of the office held on the article's date, or null. */
  role: string | null;
  roleStart: IsoDate | null;
  roleEnd: IsoDate | null;
  party: string | null;
  country: string | null;
  office: OfficeView | null;
  /** The most senior office that had ended by the article's date, when none was held then. */
  former: OfficeView | null;
  /** The office held today, when it differs from `office`. */
  now: OfficeView | null;
  /** Other offices held on the date alongside `office` ("and Lord President of the Council"), most senior first. */
  alsoHeld: OfficeView[];
  /**
   * The other side of a change on the article's date: the office that ended that day when a new
   * one started (`office`), e.g. "Chancellor of the Exchequer from today; Shadow Chancellor until today".
   */
  change: OfficeView | null;
  /** Other senior offices held before the article's date, most recent first (at most four). */
  earlier: OfficeView[];
  why: Why;
  pledges: string[];
  sources: string[];
  /**
   * The as-of date of the source behind the office shown (or, with none, of the freshest source
   * that knows the person), when the article is newer than it: "data for this office runs to …".
   */
  dataRunsTo: IsoDate | null;
  mentions: Mention[];
}

export interface PledgeResult {
  id: string;
  phrase: string;
  wording: string;
  by: string[];
  status: string;
  statusDate: IsoDate;
  /** The source that rates the status, when the data has one. */
  statusUrl: string | null;
  url: string;
  mentions: Mention[];
}

export interface ResolveOptions {
  date: IsoDate;
  /** The reader's today, for "now: …". */
  today: IsoDate;
  /** Host name of the page, a hint for the article's country. */
  host?: string;
  /** The page's language (html lang), another hint. */
  lang?: string;
  /** Ids of people found in earlier passes over the same document. */
  known?: string[];
  /** Where the article body lies in the text ([start, end)); what is said there weighs more than site chrome. */
  body?: [number, number];
}

export interface Resolution {
  people: PersonResult[];
  pledges: PledgeResult[];
}

const TITLE_BLOCKERS = new Set(['former', 'ex', 'shadow', 'deputy', 'junior', 'next', 'future', 'late', 'prospective', 'would-be', 'first',
  'previous', 'then', 'no', 'every', 'any', 'a', 'an', 'become', 'became', 'becoming', 'another', 'each']);
const MONTH_CONTEXT = /(?:\d\s*|\b(?:in|on|since|until|till|by|from|of|early|late|mid|last|next|this|during|before|after)\s+)$/i;
/** Lower-case words a stored name may print between its capitalised ones: "zu Guttenberg", "al-Jubeir", "Lord Cameron of Chipping Norton". */
const NAME_JOINERS = new Set([...SURNAME_PARTICLES, 'do', 'ibn', 'bint', 'zu', 'vom', 'zum', 'ten', 'e', 'y', 'of', 'af', 'av', 'ap', 'vel', 'the', 'and']);

/**
 * Each word of a name as printed starts with a capital (joiners aside). A hyphen joins the parts of one
 * word, whose later parts may be lower-case: "Moon Jae-in", "Park Geun-hye".
 */
function capitalisedName(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).split(/[\s\u00a0]+/);
  let offset = start;
  for (const w of words) {
    const at = text.indexOf(w, offset);
    offset = at + w.length;
    if (!w) continue;
    if (NAME_JOINERS.has(w.toLowerCase().replace(/[’']$/, '')) || NAME_JOINERS.has(w.toLowerCase().split(/[-‐‑’']/)[0])) continue;
    if (!isCapitalised(text, at)) return false;
  }
  return true;
}

function officeView(index: DatasetIndex, t: Tenure | undefined): OfficeView | null {
  if (!t) return null;
  const { start, end } = index.stint(t);
  return { title: t.title, short: t.short, org: t.org ?? null, country: t.country, start, end: end ?? null };
}

/** The `count` words just before `pos` (folded), oldest first, padded with '' at the start of the text. */
function wordsBefore(text: string, pos: number, count: number): string[] {
  const before = text.slice(Math.max(0, pos - 60), pos);
  const words = before.split(/[^\p{L}\p{N}'’.-]+/u).filter(Boolean).slice(-count).map((w) => nameKey(w));
  while (words.length < count) words.unshift('');
  return words;
}

export function resolve(index: DatasetIndex, text: string, matches: RawMatch<Meaning>[], opts: ResolveOptions): Resolution {
  const found = new Map<number, { why: Why; mentions: Mention[] }>();
  const add = (person: number, m: RawMatch<Meaning>, why: Why) => {
    let entry = found.get(person);
    if (!entry) found.set(person, (entry = { why, mentions: [] }));
    entry.mentions.push({ text: text.slice(m.start, m.end), start: m.start, end: m.end });
  };
  const personsOf = (m: RawMatch<Meaning>, kind: typeof NAME | typeof SURNAME) => m.values.filter((v) => kindOf(v) === kind).map(idOf);

  // Pass 1: full names. A name shared by several people is decided by who held office on the date.
  const nameMatches = new Set<RawMatch<Meaning>>();
  for (const m of matches) {
    // "Sen. Robert Menendez" is not the Representative who shares the name: a legislative title
    // before a full name rules out people whose legislative record in the data is of another kind.
    // (Someone with no such record, e.g. "Sen. John Kerry" before his Senate years were loaded, stays.)
    const honorific = honorificBefore(text, m.start);
    const title = honorific && LEGISLATIVE.has(honorific) ? OFFICE_HONORIFICS[honorific] : undefined;
    const persons = personsOf(m, NAME).filter((p) => {
      if (!title) return true;
      const seats = index.tenures(p).filter((t) => LEGISLATIVE_SHORT.test(t.short));
      return !seats.length || seats.some((t) => title.test(t.short));
    });
    if (!persons.length || !capitalisedName(text, m.start, m.end) || notAPerson(text, m, true)) continue;
    // "Michael Gove-Taylor": a full name followed by a hyphen and a capital is someone else's double-barrelled name.
    if (/^[-‐‑]\p{Lu}/u.test(text.slice(m.end, m.end + 2))) continue;
    const chosen = pickByDate(index, persons, opts.date);
    if (chosen === undefined) continue;
    nameMatches.add(m);
    add(chosen, m, nameWhy(index, chosen, m.key));
  }

  // Pass 2: titles right before a full name ("Home Secretary James Cleverly") confirm it.
  const titleBeforeName = new Set<RawMatch<Meaning>>();
  for (let i = 0; i + 1 < matches.length; i++) {
    const m = matches[i];
    const next = matches[i + 1];
    if (!nameMatches.has(next) || !m.values.some((v) => kindOf(v) === TITLE)) continue;
    if (/^[\s\u00a0]{1,2}$/.test(text.slice(m.end, next.start))) titleBeforeName.add(m);
  }

  // Pass 3: surnames. Counted when the person is named in full in this document; or after an
  // office honorific that fits ("Sen. Warren", "President Biden"); or when the surname is
  // distinctive across the dataset, capitalised mid-sentence, and its owner senior by then.
  // Surnames this document also gives to someone else ("Colby Vance"): never resolved on their own.
  const otherBearers = new Set(matches.filter((m) => !nameMatches.has(m) && personsOf(m, SURNAME).length && partOfAnotherName(text, m.start)).map((m) => m.key));
  const introduced = new Set(found.keys());
  for (const id of opts.known ?? []) {
    const i = index.personIndex.get(id);
    if (i !== undefined) introduced.add(i);
  }
  const countrySoFar = inferCountry(index, found, opts);
  const introducedSurnames = new Set([...introduced].map((i) => surnameOf(index.person(i).name)));
  // "the Merkel-Macron axis", "a Starmer-Reeves budget": two surnames joined by a hyphen name both
  // people when each is named in the article or distinctive; otherwise it is one stranger's
  // double-barrelled surname ("Ms Gove-Taylor") and neither half counts.
  const compound = new Map<RawMatch<Meaning>, number | undefined>();
  for (let i = 0; i + 1 < matches.length; i++) {
    const [a, b] = [matches[i], matches[i + 1]];
    if (nameMatches.has(a) || nameMatches.has(b) || b.start !== a.end + 1 || !/[-‐‑]/.test(text[a.end])) continue;
    if (!personsOf(a, SURNAME).length || !personsOf(b, SURNAME).length) continue;
    const half = (m: RawMatch<Meaning>) => {
      const persons = personsOf(m, SURNAME);
      const known = persons.filter((p) => introduced.has(p));
      if (known.length === 1) return known[0];
      if (known.length > 1 || index.isCommonSurname(m.key)) return undefined;
      const senior = persons.filter((p) => index.tenures(p).some((t) => t.rank <= 3 && t.start <= opts.date));
      return senior.length === 1 && persons.length === 1 ? senior[0] : undefined;
    };
    const [pa, pb] = [half(a), half(b)];
    const both = pa !== undefined && pb !== undefined && pa !== pb;
    compound.set(a, both ? pa : undefined);
    compound.set(b, both ? pb : undefined);
  }
  for (const m of matches) {
    if (nameMatches.has(m)) continue;
    // "Tamsin Okereke-Bryce": the second half of someone else's double-barrelled name (compounds of two known surnames are above).
    if (!compound.has(m) && /\p{L}[-‐‑]$/u.test(text.slice(Math.max(0, m.start - 2), m.start))) continue;
    if (compound.has(m)) {
      const person = compound.get(m);
      if (person !== undefined) add(person, m, introduced.has(person) ? 'surname after full name' : 'distinctive surname');
      continue;
    }
    const bearers = personsOf(m, SURNAME);
    if (!bearers.length) continue;
    const honorific = honorificBefore(text, m.start);
    // "Mrs Jones" is not Darren Jones: a gendered honorific rules out people the sources record otherwise.
    const persons = bearers.filter((p) => !genderClash(index.person(p).gender, honorific));
    if (!persons.length || !capitalisedName(text, m.start, m.end) || notAPerson(text, m, false, introducedSurnames)) continue;
    // "Scotland" is a country before it is Baroness Scotland's surname.
    if (!honorific && countryWord(m.key)) continue;
    if (m.key === 'may' && (MONTH_CONTEXT.test(text.slice(Math.max(0, m.start - 12), m.start)) || /^\s*\d/.test(text.slice(m.end, m.end + 3)))) continue;
    const caps = isAllCapsContext(text, m.start, m.end);
    // "Former Sen. Scott Brown": after a title too, a surname followed by another name is a first name
    // (but not in a Title Case headline: "President Biden Signs Debt Bill").
    if (!caps && ((followedByName(text, m.end) && (!honorific || !titleCaseRun(text, m.end))) || (!honorific && partOfAnotherName(text, m.start)))) continue;
    const known = persons.filter((p) => introduced.has(p));
    if (known.length === 1) {
      const why = found.get(known[0])?.why;
      add(known[0], m, !why || why === 'full name' ? 'surname after full name' : why);
      continue;
    }
    if (known.length > 1 || caps) continue; // two people of that surname named here, or a shouting headline: never guess
    const office = honorific && OFFICE_HONORIFICS[honorific];
    if (office) {
      const holders = persons.filter((p) => index.tenures(p).some((t) => holds(t, opts.date) && office.test(t.short)));
      if (holders.length === 1) add(holders[0], m, 'title and surname');
      continue;
    }
    if (otherBearers.has(m.key)) continue;
    const chosen = distinctive(index, persons, m.key, opts.date, countrySoFar);
    if (chosen !== undefined && (honorific || midSentence(text, m.start))) add(chosen, m, 'distinctive surname');
  }

  // Pass 4: titles on their own ("the Home Secretary") → the holder on the date, when unambiguous.
  // Titles only one country has ("Home Secretary") go first: they tell the article's country,
  // which then decides titles many countries share ("the prime minister").
  // Offices listed as offices ("the Foreign Secretary, the Chancellor and the Home Secretary") name nobody.
  const listed = new Set<RawMatch<Meaning>>();
  const titled = matches.filter((m) => !nameMatches.has(m) && titleKeyOf(index, m));
  for (let i = 0; i + 1 < titled.length; i++) {
    const run = [titled[i]];
    while (i + 1 < titled.length && LIST_GLUE.test(text.slice(titled[i].end, titled[i + 1].start))) run.push(titled[++i]);
    // Offices after "offices:", "posts", "such as", "including": a list of offices, not of people
    // ("the Chancellor, the Home Secretary and the Foreign Secretary agreed" stays three people).
    const lead = text.slice(Math.max(0, run[0].start - 40), run[0].start);
    if (run.length >= 2 && /(?::|\b(?:offices|posts|roles|jobs|portfolios|such as|including|like))[\s\u00a0]*(?:the[\s\u00a0]+)?$/i.test(lead)) for (const m of run) listed.add(m);
  }
  const titles = matches.filter((m) => !nameMatches.has(m) && !titleBeforeName.has(m) && !listed.has(m) && titleKeyOf(index, m) && standaloneTitle(text, m));
  const countriesOf = (m: RawMatch<Meaning>) => new Set(titleKeysOf(index, m).flatMap((k) => [...index.titleCountries(k)]));
  const singleCountry = (m: RawMatch<Meaning>) => countriesOf(m).size === 1;
  for (const group of [titles.filter(singleCountry), titles.filter((m) => !singleCountry(m))]) {
    const articleCountry = inferCountry(index, found, opts);
    for (const m of group) {
      const [, w1] = wordsBefore(text, m.start, 2);
      const country = (w1 && countryWord(w1)) || articleCountry;
      // A phrase can name several offices ("interior minister": Japan's, and France's "Minister of the Interior").
      const holders = [...new Set(titleKeysOf(index, m).flatMap((key) => (country ? index.holdersOn(key, opts.date, country) : index.holdersOn(key, opts.date))))];
      if (holders.length !== 1) continue;
      add(holders[0], m, found.has(holders[0]) ? found.get(holders[0])!.why : 'title on date');
    }
  }

  const people: PersonResult[] = [];
  for (const [i, entry] of found) {
    const p = index.person(i);
    const { role, change, alsoHeld } = officeOnDate(index, i, opts.date);
    const office = officeView(index, role);
    const alongside = alsoHeld.map((t) => officeView(index, t)!);
    const changed = officeView(index, change);
    const nowRole = index.roleOn(i, opts.today);
    const now = officeView(index, nowRole);
    entry.mentions.sort((a, b) => a.start - b.start);
    const nameThen = index.nameOn(i, opts.date);
    people.push({
      id: p.id,
      name: nameThen,
      currentName: nameThen === p.name ? null : p.name,
      role: role?.short ?? null,
      roleStart: office?.start ?? null,
      roleEnd: office?.end ?? null,
      party: index.partyOn(i, opts.date) ?? null,
      country: p.country ?? null,
      office,
      former: role ? null : officeView(index, index.lastRoleBefore(i, opts.date)),
      // "now" only when it is a different office, not the same stint seen later.
      now: now && !(office && now.short === office.short && now.start === office.start) ? now : null,
      alsoHeld: alongside,
      change: changed,
      earlier: earlierOffices(index, i, opts.date, office, changed ? [...alongside, changed] : alongside),
      why: titleBeforeNameWhy(entry.why, entry.mentions, text, role),
      pledges: index.pledgesOf(p.id).map((pl) => pl.id),
      sources: p.src.map((s) => index.source(s)?.name ?? s),
      dataRunsTo: dataRunsTo(index, role, p.src, opts.date),
      mentions: entry.mentions,
    });
  }
  people.sort((a, b) => a.mentions[0].start - b.mentions[0].start);

  const pledgeHits = new Map<number, Mention[]>();
  for (const m of matches) {
    const v = m.values.find((x) => kindOf(x) === PLEDGE);
    if (v === undefined) continue;
    let list = pledgeHits.get(idOf(v));
    if (!list) pledgeHits.set(idOf(v), (list = []));
    list.push({ text: text.slice(m.start, m.end), start: m.start, end: m.end });
  }
  const pledges: PledgeResult[] = [...pledgeHits].map(([i, mentions]) => {
    const pl = index.pledges[i];
    return {
      id: pl.id,
      phrase: patternDisplay(pl.phrases[0]),
      wording: pl.wording,
      by: pl.by.map((id) => index.personById(id)?.name ?? id),
      status: pl.status.value,
      statusDate: pl.status.date,
      statusUrl: pl.status.url ?? null,
      url: pl.url,
      mentions,
    };
  });
  return { people, pledges };
}

/** Honorifics and office titles printed before a surname. */
// Abbreviations may carry a full stop ("Sen.", "Dr."); after a whole word a full stop ends the
// sentence: "…named him Home Secretary. Cleverly, in a statement…" is not "Secretary Cleverly".
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:(mr|mrs|ms|mx|dr|prof|sen|rep|gov|m|mme)\.?|(miss|sir|dame|lord|lady|baroness|baron|senator|representative|congressman|congresswoman|governor|president|chancellor|premier|prime minister|vice president|speaker|secretary|minister|commissioner))[\s\u00a0]+$/iu;

/**
 * The office to show for the article's date (src/core/ranks.ts orders offices held at once). On the
 * day of a change the change is the news: an office that ended that day is shown ("until today")
 * when it outranks what the person still holds (a resigning minister is not "MP"), unless a new
 * office started that day, which then leads with the ended one beside it.
 */
function officeOnDate(index: DatasetIndex, person: number, date: IsoDate): { role: Tenure | undefined; change: Tenure | undefined; alsoHeld: Tenure[] } {
  const held = index.officesOn(person, date);
  const current = held[0];
  const ended = index.endedOn(person, date);
  // Only the office the person is known by can lead as new: a duty picked up the same day (a Senate
  // leadership beside a portfolio) never displaces the portfolio.
  const started = current && !isSeat(current) && index.stint(current).start === date ? current : undefined;
  let role = current;
  let change: Tenure | undefined;
  if (started) change = ended;
  else if (ended && (!current || compareOffices(ended, current) < 0)) role = ended;
  const seen = new Set(role ? [role.short] : []);
  const alsoHeld = held.filter((t) => t !== role && !isSeat(t) && !seen.has(t.short) && seen.add(t.short)).slice(0, 3);
  return { role, change, alsoHeld };
}

/** The as-of date of the source that answered, when the article is newer than it. */
function dataRunsTo(index: DatasetIndex, role: Tenure | undefined, sources: string[], date: IsoDate): IsoDate | null {
  const asOf = role ? index.source(role.src)?.asOf : sources.map((s) => index.source(s)?.asOf).filter((d): d is string => !!d).sort().at(-1);
  return asOf && date > asOf ? asOf : null;
}

/** Office honorifics → the offices (short titles) they stand for. */
const OFFICE_HONORIFICS: Record<string, RegExp> = {
  senator: /^Senator$/, sen: /^Senator$/, rep: /^Representative$/, representative: /^Representative$/, congressman: /^Representative$/,
  congresswoman: /^Representative$/, gov: /^Governor$/, governor: /^Governor$/, president: /President$/, chancellor: /^Chancellor$/,
  premier: /^Prime Minister$/, 'prime minister': /^Prime Minister$/, 'vice president': /^Vice President$/, speaker: /^Speaker$/,
  secretary: /Secretary/, minister: /Minister/, commissioner: /Commissioner/,
};

const HONORIFIC_GENDER: Record<string, 'f' | 'm'> = {
  mr: 'm', sir: 'm', lord: 'm', baron: 'm', m: 'm', congressman: 'm',
  mrs: 'f', ms: 'f', miss: 'f', dame: 'f', lady: 'f', baroness: 'f', mme: 'f', congresswoman: 'f',
};

/** Does the honorific say one gender while the data says the other? Unknown on either side is no clash. */
function genderClash(gender: 'f' | 'm' | undefined, honorific: string | undefined): boolean {
  const said = honorific && HONORIFIC_GENDER[honorific];
  return !!(said && gender && said !== gender);
}

/** The honorifics of OFFICE_HONORIFICS that only ever go before a legislator's or governor's name. */
const LEGISLATIVE = new Set(['senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor']);
const LEGISLATIVE_SHORT = /^(Senator|Representative|Governor)$/;

function honorificBefore(text: string, start: number): string | undefined {
  const m = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
  return m ? (m[1] ?? m[2]).toLowerCase() : undefined;
}

/** Words that start sentences and are no part of a name ("When Sunak arrived…"). */
const SENTENCE_WORDS = new Set(`when while after before yesterday today tonight but and as if then so now meanwhile however later earlier since under with
for asked speaking last this that although though because once until unlike like both even only also still instead said says told
in on at by from of to under over about against without why how what where who whom whose which`.split(/\s+/));

/** Is the surname right after another capitalised word ("Dow Jones", "Chris Brown")? Then it belongs to that name. */
function partOfAnotherName(text: string, start: number): boolean {
  if (honorificBefore(text, start)) return false; // "Mr Sunak": a title, not a first name
  const m = /(\p{Lu}[\p{L}'’.-]*)[ \u00a0]$/u.exec(text.slice(Math.max(0, start - 30), start));
  return !!m && !SENTENCE_WORDS.has(m[1].toLowerCase());
}

/** Two capitalised words follow: a Title Case headline ("Biden Signs Debt Bill"), not a first name and surname. */
function titleCaseRun(text: string, end: number): boolean {
  return /^[ \u00a0]\p{Lu}\p{Ll}+[ \u00a0]\p{Lu}/u.test(text.slice(end, end + 40));
}

/** Is the word right after followed by a capitalised word ("Philippe Garnaud")? Then this is a first name. */
function followedByName(text: string, end: number): boolean {
  const m = /^[ \u00a0](\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 30));
  return !!m && !SENTENCE_WORDS.has(m[1].toLowerCase()) && !/^(?:Government|Administration|Cabinet|Ministry|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(m[1]);
}

/** Not at the start of a sentence, a line or a quotation: a capital there is the name's, not the sentence's. */
function midSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start).replace(/[\s\u00a0"“‘'(\[]+$/u, '');
  return before.length > 0 && !/[.!?:;\n]$/.test(before);
}

/** Is the match inside a run of capitals (a shouting headline)? */
function isAllCapsContext(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (word !== word.toUpperCase()) return false;
  const around = text.slice(Math.max(0, start - 25), Math.min(text.length, end + 25)).replace(/[^\p{L}]/gu, '');
  return around.length > word.length && around === around.toUpperCase();
}

const INSTITUTION_AFTER = /^(?:['’]s)?(?:[\s\u00a0]+\p{Lu}[\p{L}.]*){0,3}[\s\u00a0]+(?:University|Tower|Towers|Organi[sz]ation|Hotels?|Foundation|Presidential|Library|Center|Centre|Airport|Street|Road|Avenue|Boulevard|Building|Prize|Trophy|Cup|Stadium|Arena|Park|Bridge|Station|School|College|Institute|Memorial|Museum|Square|Plaza|Inc|Ltd|plc|Group|Industries|Index|Average|Hall|Arms|Pub|pub|Lecture|Fund|Trust|Medal|Award|Awards|Scholarship|Lane|Drive|Close|Crescent|Place|Gardens|Terrace|Hospital|Barracks|Theatre|Theater|Gallery|Kitchen|Café|Cafe|Bakery|Butchers?|Shop|Stores?|Restaurant|Deli|Garage|Salon|Boatyard|Quay|Wharf|Market|Brewery|Inn|Tavern|Bistro|Diner|&)\b/u;

/** What joins the items of a list of offices: ", the", " and the", ", or". */
const LIST_GLUE = /^[\s\u00a0]*(?:,|;|\band\b|\bor\b|,[\s\u00a0]*and\b|,[\s\u00a0]*or\b)[\s\u00a0]*(?:the[\s\u00a0]+)?$/i;

/** A Title Case line ("The Home Secretary Says Migration Will Fall"): a headline, where capitals say nothing. */
function titleCaseLine(text: string, pos: number): boolean {
  const start = text.lastIndexOf('\n', pos) + 1;
  const end = text.indexOf('\n', pos);
  const words = text.slice(start, end < 0 ? text.length : end).split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.8;
}

/** Nouns that speak of an office as an office ("the role of", "the post of"). */
const OFFICE_NOUNS = new Set(['role', 'post', 'job', 'office', 'position', 'duties', 'powers', 'title', 'rank', 'portfolio']);

/** Names that are part of an institution, a company, a byline or a credit rather than the person. */
function notAPerson(text: string, m: { start: number; end: number }, fullName = false, personSurnames?: Set<string>): boolean {
  if (INSTITUTION_AFTER.test(text.slice(m.end, m.end + 30))) return true;
  // "Donald M. Payne, Jr.": a generational suffix the matched name lacks is the other generation.
  if (/^,?[\s\u00a0]+(?:Jr|Sr)\b/.test(text.slice(m.end, m.end + 6))) return true;
  // Places joined by a hyphenated preposition: "Burnham-on-Sea", "Stratford-upon-Avon", "Boulogne-sur-Mer".
  if (/^-(?:on|upon|under|over|by|in|le|la|les|en|sur|sous|de|du|des|am|an|im)-\p{Lu}/u.test(text.slice(m.end, m.end + 9))) return true;
  // Firms are named "X & Y" ("Johnson & Johnson", "Marks & Spencer"): neither surname is a person,
  // unless the other side is someone the article names too ("Starmer & Reeves"). Full names stay.
  if (!fullName) {
    const before = /(\p{L}+)[\s\u00a0]*&[\s\u00a0]*$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
    const after = /^[\s\u00a0]*&[\s\u00a0]*(\p{Lu}\p{L}*)/u.exec(text.slice(m.end, m.end + 30));
    const other = before?.[1] ?? after?.[1];
    if (other !== undefined && (nameKey(other) === nameKey(text.slice(m.start, m.end)) || !personSurnames?.has(nameKey(other)))) return true;
  }
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  const line = text.slice(lineStart, m.start);
  return /^\s*(by|par|von|words by|reporting by|written by|edited by)\s+(?:[^\n,]*(,| and)\s+)?$/i.test(line) ||
    /(?:^|[.!?)]\s+)(photograph|photo|picture|image|credit|illustration)s?(?: by\s*:?|\s*:)\s*[^\n.!?]*$/i.test(line);
}

/** The one senior person with this surname, by the date, if the surname is distinctive. */
function distinctive(index: DatasetIndex, persons: number[], key: string, date: IsoDate, country: string | undefined): number | undefined {
  if (index.isCommonSurname(key) || NEVER_ALONE.has(key)) return undefined;
  const senior = persons.filter((p) => index.tenures(p).some((t) => t.rank <= 3 && t.start <= date));
  if (senior.length !== 1 || persons.length !== 1) return undefined;
  // Alone, a surname names a minister of the article's own country, or a head of state or government
  // anywhere ("Macron" in a British story): not a foreign minister who shares it with a city ("Birmingham").
  const p = index.person(senior[0]);
  if (country && p.country !== country && !index.tenures(senior[0]).some((t) => t.rank <= 2 && t.start <= date)) return undefined;
  // A surname that is also a word counts alone only for a head of state or government of the article's country ("Truss").
  if (index.isWordSurname(key) && !(index.person(senior[0]).country === country && index.tenures(senior[0]).some((t) => t.rank === 1 && t.start <= date))) return undefined;
  return senior[0];
}

/** Words too common in capitalised use to stand alone for a person even when one leader bears them. */
const NEVER_ALONE = new Set(['may', 'major', 'rice', 'cash', 'hope', 'long', 'love', 'king', 'young', 'north', 'west', 'green', 'black', 'white',
  'english', 'french', 'british', 'scottish', 'irish', 'welsh', 'german', 'american', 'european', 'christian', 'catholic', 'jewish', 'labour', 'liberal', 'conservative', 'democrat', 'republican']);

/** Why a full-name match counts: the current name, or an earlier or other name. */
function nameWhy(index: DatasetIndex, person: number, key: string): Why {
  const p = index.person(person);
  if (nameKey(p.name) === key) return 'full name';
  const alias = (p.aliases ?? []).find((a) => nameKey(a.name) === key);
  return alias?.to ? 'earlier full name' : 'other name';
}

function titleKeysOf(index: DatasetIndex, m: RawMatch<Meaning>): string[] {
  return m.values.filter((x) => kindOf(x) === TITLE).map((v) => index.titles[idOf(v)]);
}

function titleKeyOf(index: DatasetIndex, m: RawMatch<Meaning>): string | undefined {
  const v = m.values.find((x) => kindOf(x) === TITLE);
  return v === undefined ? undefined : index.titles[idOf(v)];
}

/** "the Home Secretary", "French interior minister" — not "Prime Minister's Questions" or "the former Chancellor". */
function standaloneTitle(text: string, m: RawMatch<Meaning>): boolean {
  const after = text.slice(m.end, m.end + 24);
  if (/^['’]s\s+(questions|office)/i.test(after)) return false;
  // "ex-chancellor", "would-be premier": joined to the word before by a hyphen, the title is someone else's or nobody's.
  if (/[-‐‑]$/.test(text.slice(Math.max(0, m.start - 1), m.start))) return false;
  // "president-elect", "minister-designate": someone else, or nobody yet. "King George VI": another king.
  if (/^[-‐‑]\p{L}/u.test(after) || (/^ \p{Lu}\p{Ll}/u.test(after) && !titleCaseLine(text, m.start))) return false;
  const [w2, w1] = wordsBefore(text, m.start, 2);
  // The word that qualifies the title: for "French interior minister" the one before "French".
  const qualifier = w1 && countryWord(w1) ? w2 : w1;
  if (qualifier && TITLE_BLOCKERS.has(qualifier)) return false;
  // "the role of Home Secretary", "the post of the Chancellor": the office itself, not its holder.
  const [o3, o2, o1] = wordsBefore(text, m.start, 3);
  if ((o1 === 'of' && OFFICE_NOUNS.has(o2)) || (o1 === 'the' && o2 === 'of' && OFFICE_NOUNS.has(o3))) return false;
  // "a former commissioner and French foreign minister": the qualifier reaches across "and".
  if (qualifier === 'and' || qualifier === 'or') {
    const ws = wordsBefore(text, m.start, 6);
    const conj = ws.lastIndexOf(qualifier);
    if (ws.slice(0, conj).some((w) => TITLE_BLOCKERS.has(w))) return false;
  }
  // A phrase that names its country itself ("Scotland's First Minister") needs no "the" at the start of a sentence.
  if (countryWord(text.slice(m.start, m.end).match(TOKEN)?.[0] ?? '')) return w1 === 'the' || !midSentence(text, m.start);
  return w1 === 'the' || !!(w1 && countryWord(w1)) || (w2 === 'the' && !!w1 && !!countryWord(w1));
}

/** Full-name mention preceded by its office title: say so, since it confirms the match. */
function titleBeforeNameWhy(why: Why, mentions: Mention[], text: string, role: Tenure | undefined): Why {
  if (why !== 'full name' || !role) return why;
  const key = nameKey(role.short);
  return mentions.some((m) => nameKey(text.slice(Math.max(0, m.start - key.length - 3), m.start)).endsWith(key)) ? 'title and name' : why;
}

/** Senior offices (ministers and above) that ended by the date, one per office, most recent first. */
function earlierOffices(index: DatasetIndex, person: number, date: IsoDate, current: OfficeView | null, shown: OfficeView[] = []): OfficeView[] {
  // Offices the card already shows (the change of the day, those held alongside) are not repeated.
  const seen = new Set<string>([...(current ? [current.short] : []), ...shown.map((o) => o.short)]);
  const out: OfficeView[] = [];
  for (const t of [...index.tenures(person)].reverse()) {
    if (t.rank > 4 || t.start > date || (t.end !== undefined && t.end > date) || seen.has(t.short)) continue;
    seen.add(t.short);
    out.push(officeView(index, t)!);
    if (out.length === 4) break;
  }
  return out;
}

/** Among people sharing a name, the one who held office on the date; undefined if still ambiguous. */
function pickByDate(index: DatasetIndex, persons: number[], date: IsoDate): number | undefined {
  if (persons.length === 1) return persons[0];
  const inOffice = persons.filter((p) => index.roleOn(p, date));
  if (inOffice.length === 1) return inOffice[0];
  const begun = persons.filter((p) => index.tenures(p).some((t) => t.start <= date));
  return begun.length === 1 ? begun[0] : undefined;
}

/** The article's country: where most of the people named (in the body above all) come from, else the site's domain or language. */
function inferCountry(index: DatasetIndex, found: Map<number, { mentions: Mention[] }>, opts: ResolveOptions): string | undefined {
  const { host, lang, body } = opts;
  const votes = new Map<string, number>();
  for (const [i, e] of found) {
    const c = index.person(i).country;
    // A mention in the article body counts three times one in the site's navigation or sidebars.
    const weight = e.mentions.reduce((w, m) => w + (!body || (m.start >= body[0] && m.end <= body[1]) ? 3 : 1), 0);
    votes.set(c, (votes.get(c) ?? 0) + weight);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (ranked.length && (ranked.length === 1 || ranked[0][1] > ranked[1][1])) return ranked[0][0];
  return (host && countryOfHost(host)) || (lang && /^fr\b/i.test(lang) ? 'FR' : undefined);
}

