/**
 * Field rules shared by every format, as valibot schemas with messages a reader
 * understands: names, titles and other text, dates, countries, Wikidata ids; and
 * the default seniority of an office from its title.
 */
import * as v from 'valibot';
import { quote, type Problems } from './types';

/** Zero-width characters and text-direction controls: stripped from text, with a warning. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MARKUP = /<\/?[a-z!][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

export const MAX_NAME = 200;
export const MAX_TEXT = 300;

/** ISO 3166-1 alpha-2 codes assigned to countries, plus EU (EU institutions) and XK (Kosovo, in common use). */
const ISO2 = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT ' +
    'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG ' +
    'NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH ' +
    'TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EU XK').split(' '),
);
const COUNTRY_HINTS = new Map(Object.entries({ UK: 'the United Kingdom is GB', EL: 'Greece is GR', EN: 'England is part of GB', USA: 'the United States is US', FRA: 'France is FR', DEU: 'Germany is DE', GER: 'Germany is DE' }));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const isCountry = (s: string) => ISO2.has(s);

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]);

/** Is this a real calendar date written YYYY-MM-DD? */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

// ---------------------------------------------------------------------------
// Schemas (messages are complete sentences after "where: ")

const describe = (input: unknown) => `expected text, found ${input === null ? 'null' : typeof input === 'number' ? `a number (${input})` : Array.isArray(input) ? 'a list' : typeof input}`;
const notText = (issue: v.BaseIssue<unknown>) => describe(issue.input);

function dateMessage(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31 && +m[1] >= 1000) {
    return `${quote(s)} is not a real date: ${MONTHS[+m[2] - 1]} ${m[1]} has ${daysIn(+m[1], +m[2])} days`;
  }
  return `${quote(s)} is not a date (expected YYYY-MM-DD)`;
}

export const DateSchema = v.pipe(v.string(notText), v.check(isIsoDate, (issue) => dateMessage(issue.input as string)));

export const CountrySchema = v.pipe(
  v.string(notText),
  v.check(isCountry, (issue) => {
    const s = issue.input as string;
    const hint = COUNTRY_HINTS.get(s);
    return `${quote(s)} is not an ISO 3166-1 alpha-2 country code${hint ? ` (${hint})` : ' (two capital letters, such as GB, US or FR)'}`;
  }),
);

const textSchema = (label: string, max: number) =>
  v.pipe(
    v.string(notText),
    v.check((s) => !CONTROL.test(s), (issue) => {
      const c = CONTROL.exec(issue.input as string)![0].charCodeAt(0);
      return `the ${label} contains ${c === 10 || c === 13 ? 'a line break' : c === 9 ? 'a tab' : `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`}; it must be one line of text`;
    }),
    v.maxLength(max, (issue) => `the ${label} is ${(issue.input as string).length} characters long; at most ${max} are allowed`),
  );

export const NameSchema = v.pipe(
  textSchema('name', MAX_NAME),
  v.regex(/\p{L}/u, (issue) => `${quote(issue.input)} is not a name (it has no letters)`),
);
export const TitleSchema = textSchema('title', MAX_TEXT);
export const TextSchema = textSchema('value', MAX_TEXT);

export const WikidataIdSchema = v.pipe(
  v.string(notText),
  v.regex(/^Q[1-9]\d{0,11}$/, (issue) => `${quote(issue.input)} is not a Wikidata id (expected Q followed by digits, such as Q14211)`),
);

/** The issue's message for a value that failed a schema. */
const CONFIG = { abortPipeEarly: true } as const;
export function check<S extends v.GenericSchema<unknown, string>>(schema: S, value: unknown): { ok: true; value: string } | { ok: false; message: string } {
  const r = v.safeParse(schema, value, CONFIG);
  return r.success ? { ok: true, value: r.output } : { ok: false, message: r.issues[0].message };
}

// ---------------------------------------------------------------------------
// Readers: clean a raw value from the file, check it, report where it was

export type Kind = 'name' | 'title' | 'text';
const SCHEMAS = { name: NameSchema, title: TitleSchema, text: TextSchema };
const LABELS = { name: 'name', title: 'title', text: 'value' };

export class Fields {
  constructor(
    readonly problems: Problems,
    readonly today: string,
  ) {}

  /** Text as written, minus invisible characters and surrounding spaces; undefined when absent or invalid. */
  text(raw: unknown, where: string, kind: Kind, required: boolean): string | undefined {
    if (raw === undefined || raw === null) {
      if (required) this.problems.error(where, `missing: every record needs a ${LABELS[kind]}`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      this.problems.error(where, describe(raw));
      return undefined;
    }
    let s = raw;
    if (INVISIBLE.test(s)) {
      s = s.replace(INVISIBLE_ALL, '');
      this.problems.warn('removed invisible characters (zero-width characters or text-direction controls)', where);
      if (!s.trim() && raw.trim()) {
        this.problems.error(where, `the ${LABELS[kind]} is empty once its invisible characters are removed`);
        return undefined;
      }
    }
    s = s.trim();
    if (!s) {
      if (required) this.problems.error(where, `empty: every record needs a ${LABELS[kind]}`);
      return undefined;
    }
    const r = check(SCHEMAS[kind], s);
    if (!r.ok) {
      this.problems.error(where, r.message);
      return undefined;
    }
    if (MARKUP.test(s)) this.problems.warn('looks like HTML markup; it is kept as plain text and never run as code', where);
    return s;
  }

  date(raw: unknown, where: string, required: boolean, what = 'date'): string | undefined {
    if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) {
      if (required) this.problems.error(where, `missing: every office needs a ${what} (YYYY-MM-DD)`);
      return undefined;
    }
    const r = check(DateSchema, typeof raw === 'string' ? raw.trim() : raw);
    if (!r.ok) {
      this.problems.error(where, r.message);
      return undefined;
    }
    return r.value;
  }

  /** End after start; reported at the end's place. */
  range(start: string | undefined, end: string | undefined, whereEnd: string): boolean {
    if (!start || !end || end > start) return true;
    this.problems.error(whereEnd, end === start
      ? `${quote(end)} is the same day as the start; the end is the first day the office was no longer held, so it must come after the start`
      : `${quote(end)} is before the start (${start}); the end must come after the start`);
    return false;
  }

  country(raw: unknown, where: string, required: boolean): string | undefined {
    if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) {
      if (required) this.problems.error(where, 'missing: every record needs a country (ISO 3166-1 alpha-2, such as GB, US or FR)');
      return undefined;
    }
    const r = check(CountrySchema, typeof raw === 'string' ? raw.trim().toUpperCase() : raw);
    if (!r.ok) {
      this.problems.error(where, r.message);
      return undefined;
    }
    return r.value;
  }

  wikidata(raw: unknown, where: string): string | undefined {
    if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return undefined;
    let s = raw;
    if (typeof s === 'string') {
      s = s.trim();
      // A pasted link: https://www.wikidata.org/wiki/Q14211
      const link = /^https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/(Q\d+)$/i.exec(s as string);
      s = (link ? link[1] : (s as string)).toUpperCase();
    }
    const r = check(WikidataIdSchema, s);
    if (!r.ok) {
      this.problems.error(where, r.message);
      return undefined;
    }
    return r.value;
  }

  /** A start date in the future is allowed (an announced appointment) but worth a word. */
  noteFuture(start: string | undefined, where: string): void {
    if (start && start > this.today) this.problems.warn(`starts after today (${this.today})`, where);
  }
}

// ---------------------------------------------------------------------------
// Seniority

/**
 * The default rank of an office from its title (docs/dataset.md): 1 head of state or
 * government, 2 deputy head, 3 minister, 5 junior minister, 7 legislator, else 6.
 */
const rankCache = new Map<string, number>();
export function rankFromTitle(title: string): number {
  let rank = rankCache.get(title);
  if (rank === undefined) {
    if (rankCache.size > 10_000) rankCache.clear();
    rankCache.set(title, (rank = rankOf(title)));
  }
  return rank;
}

function rankOf(title: string): number {
  const t = title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();
  if (/\b(vice|deputy)[ -](president|prime minister|chancellor|first minister|premier)\b/.test(t) || /\bvice-?chancellor\b/.test(t)) return 2;
  if (/\b(minister of state|junior minister|under[ -]secretary|parliamentary secretary|secretary of state for|state secretary|secretaire d'etat|staatssekretar|sottosegretario)\b/.test(t)) {
    // "Secretary of State for X" is a UK cabinet minister; the others are junior posts.
    return /^secretary of state for\b/.test(t) ? 3 : 5;
  }
  if (/^(the )?(federal )?chancellor( of (germany|austria))?$/.test(t) || /\b(bundeskanzler|head of (state|government)|taoiseach|first minister|prime minister|premier ministre|president of the (french )?republic|president of the (united states|european commission|european council))\b/.test(t)) return 1;
  if (/^(the )?president of the (senate|house|chamber|board|national assembly|assembly|bundestag|court|bank|council of)\b/.test(t)) return 6;
  if (/^(the )?(president|prime minister|premier|monarch|king|queen|emperor|chancellor)( of\b|$)/.test(t) && !/^(the )?chancellor of the (exchequer|duchy)\b/.test(t)) return 1;
  if (/\b(minister|ministre|ministro|minister[a-z]*|secretary|attorney general|chancellor of the exchequer|commissioner|governor|lord chancellor|chief whip|leader of the house)\b/.test(t)) return 3;
  if (/^member of\b/.test(t) || /\b(member of (parliament|the (house|european parliament|national assembly|senate|bundestag|assembly|congress|legislative))|mp|mep|msp|senator|senatrice|senateur|representative|congress(wo)?man|congressmember|depute|deputee|deputada|deputado|diputad[oa]|legislator|assembly ?member|councillor|councilor|member of the)\b/.test(t)) return 7;
  return 6;
}
