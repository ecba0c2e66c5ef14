/**
 * CSV with documented columns (docs/import.md): an RFC 4180 parser (quoted fields
 * with delimiters, quotes and line breaks; CRLF, LF or CR line ends), delimiter
 * detection (comma, semicolon or tab), and the rows turned into people and offices.
 *
 * Why not csv-parse: it is a development dependency here, and its browser build
 * carries a Buffer polyfill (≈120 kB) into the service worker; this parser is
 * tested against it (tests/unit/import.test.ts).
 */
import type { PartySpell } from '../schema';
import { slug, type PersonDraft, type TenureDraft } from './build';
import { rankFromTitle, type Fields } from './fields';
import { ImportFailure, MAX_RECORDS, plural, quote, type Problems } from './types';

export interface CsvRecord {
  fields: string[];
  /** The line of the file the record starts on (1-based). */
  line: number;
}

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [',', ';', '\t'];
const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'a comma', ';': 'a semicolon', '\t': 'a tab' };

export const COLUMNS = ['name', 'title', 'short', 'country', 'start', 'end', 'party', 'aliases', 'wikidata', 'org'] as const;
export type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['name', 'title', 'country', 'start'];

function breaks(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x0a || (c === 0x0d && s.charCodeAt(k + 1) !== 0x0a)) n++;
  }
  return n;
}

/**
 * Parse CSV text into records. `limit`: stop after this many records (delimiter
 * detection reads only the header). `maxRows`: fail once more non-blank data rows
 * than this are found.
 */
export function parseCsv(text: string, delimiter: Delimiter, opts: { limit?: number; maxRows?: number } = {}): CsvRecord[] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const out: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let rows = 0;
  while (i < n && out.length < (opts.limit ?? Infinity)) {
    const start = line;
    const fields: string[] = [];
    const row = out.length + 1;
    for (;;) {
      if (text.charCodeAt(i) === 0x22) {
        const open = line;
        let value = '';
        let chunk = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new ImportFailure(`row ${row}`, `a quoted value that starts on line ${open} is never closed (a missing closing ")`);
          if (text.charCodeAt(q + 1) === 0x22) {
            value += text.slice(chunk, q + 1);
            i = chunk = q + 2;
            continue;
          }
          value += text.slice(chunk, q);
          i = q + 1;
          break;
        }
        line += breaks(value);
        fields.push(value);
        const c = text.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        if (i < n && c !== 0x0a && c !== 0x0d) {
          throw new ImportFailure(`row ${row}`, `after the quoted value ${quote(value)} comes ${quote(text[i])}; a closing quote must be followed by ${DELIMITER_NAMES[delimiter]} or the end of the line (write a quote inside a quoted value as "")`);
        }
      } else {
        const from = i;
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === d || c === 0x0a || c === 0x0d) break;
        }
        fields.push(text.slice(from, i));
        if (i < n && text.charCodeAt(i) === d) {
          i++;
          continue;
        }
      }
      break;
    }
    // End of the record: CRLF, LF, CR or the end of the text.
    if (text.charCodeAt(i) === 0x0d) i++;
    if (text.charCodeAt(i) === 0x0a) i++;
    line++;
    out.push({ fields, line: start });
    if (out.length > 1 && fields.some((f) => f.trim() !== '') && ++rows > (opts.maxRows ?? Infinity)) {
      throw new ImportFailure('file', `the file has more than ${plural(opts.maxRows!, 'row')} of data; Nameplate imports at most ${plural(MAX_RECORDS, 'record')} per file: split it into smaller files`);
    }
  }
  return out;
}

const headerName = (s: string) => s.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim().toLowerCase();
const isColumn = (s: string): s is Column => (COLUMNS as readonly string[]).includes(s);

/** The delimiter under which the first line names the most known columns (then: splits into the most fields). */
export function detectDelimiter(text: string): { delimiter: Delimiter; header: string[] } {
  let best: { delimiter: Delimiter; header: string[]; known: number } | undefined;
  for (const delimiter of DELIMITERS) {
    let header: string[];
    try {
      header = parseCsv(text, delimiter, { limit: 1 })[0]?.fields ?? [];
    } catch {
      continue;
    }
    const known = new Set(header.map(headerName).filter(isColumn)).size;
    if (!best || known > best.known || (known === best.known && header.length > best.header.length)) best = { delimiter, header, known };
  }
  if (!best) return { delimiter: ',', header: [] };
  return best;
}

export function looksLikeCsvHeader(text: string): boolean {
  return detectDelimiter(text).header.map(headerName).some(isColumn);
}

const list = (names: string[]) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export function readCsv(text: string, fields: Fields, problems: Problems): { people: PersonDraft[]; tenures: TenureDraft[] } {
  const { delimiter, header } = detectDelimiter(text);
  const names = header.map(headerName);
  if (!names.some(isColumn)) {
    throw new ImportFailure('file', `this is not a format Nameplate reads: a CSV file needs a first line naming its columns (${REQUIRED.join(', ')}…); JSON files must be Popolo or Wikidata`);
  }
  const col = new Map<Column, number>();
  const unknown: string[] = [];
  names.forEach((name, i) => {
    if (isColumn(name)) {
      const before = col.get(name);
      if (before !== undefined) throw new ImportFailure('header', `the column "${name}" appears twice (columns ${before + 1} and ${i + 1})`);
      col.set(name, i);
    } else if (name) unknown.push(quote(header[i].trim()));
  });
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length) {
    const hints = missing.map((m) => names.find((n) => n && !isColumn(n) && n.includes(m))).filter((h): h is string => !!h);
    throw new ImportFailure(
      'header',
      `the required column${missing.length > 1 ? 's' : ''} ${list(missing.map((m) => `"${m}"`))} ${missing.length > 1 ? 'are' : 'is'} missing (every file needs ${list(REQUIRED)})` +
        (hints.length ? `; rename ${list(hints.map((h) => `"${h}"`))} to match` : ''),
    );
  }
  if (unknown.length) problems.warn(`unknown column${unknown.length > 1 ? 's' : ''} ${list(unknown)} ${unknown.length > 1 ? 'were' : 'was'} ignored (Nameplate reads ${COLUMNS.join(', ')})`);

  const records = parseCsv(text, delimiter, { maxRows: MAX_RECORDS });
  const people: PersonDraft[] = [];
  const tenures: TenureDraft[] = [];
  const byWikidata = new Map<string, { person: PersonDraft; row: number }>();
  const byName = new Map<string, PersonDraft>();
  const localIds = new Set<string>();

  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    const row = r + 1;
    if (rec.fields.every((f) => f.trim() === '')) continue; // blank lines, ",,,," rows
    const rowWhere = rec.line === row ? `row ${row}` : `row ${row} (line ${rec.line})`;
    if (rec.fields.length > header.length && rec.fields.slice(header.length).some((f) => f.trim() !== '')) {
      problems.error(rowWhere, `it has ${rec.fields.length} values but the header names ${header.length} columns (is there an unquoted ${delimiter === '\t' ? 'tab' : `"${delimiter}"`} inside a value?)`);
      continue;
    }
    const at = (c: Column) => `${rowWhere}, column ${c}`;
    const get = (c: Column) => {
      const i = col.get(c);
      return i === undefined ? undefined : rec.fields[i];
    };
    const before = problems.errorCount;
    const name = fields.text(get('name'), at('name'), 'name', true);
    const title = fields.text(get('title'), at('title'), 'title', true);
    const short = fields.text(get('short'), at('short'), 'title', false);
    const country = fields.country(get('country'), at('country'), true);
    const start = fields.date(get('start'), at('start'), true, 'start date');
    const end = fields.date(get('end'), at('end'), false, 'end date');
    fields.range(start, end, at('end'));
    const party = fields.text(get('party'), at('party'), 'text', false);
    const aliases = (get('aliases') ?? '')
      .split('|')
      .filter((a) => a.trim())
      .map((a) => fields.text(a, at('aliases'), 'name', false))
      .filter((a): a is string => !!a);
    const wikidata = fields.wikidata(get('wikidata'), at('wikidata'));
    const org = fields.text(get('org'), at('org'), 'text', false);
    if (problems.errorCount > before || !name || !title || !country || !start) continue;
    fields.noteFuture(start, at('start'));

    // One person per Wikidata id; without one, per name and country.
    const nameKey = `${name}\u0000${country}`;
    let person: PersonDraft | undefined;
    if (wikidata) {
      const known = byWikidata.get(wikidata);
      if (known && known.person.name !== name) {
        problems.error(at('wikidata'), `${wikidata} is also on row ${known.row} for ${quote(known.person.name)}; one Wikidata id is one person (put other names in "aliases")`);
        continue;
      }
      person = known?.person;
      const namesake = byName.get(nameKey);
      if (!person && namesake && !namesake.wikidata) person = namesake;
    } else person = byName.get(nameKey);
    if (!person) {
      let localId = wikidata ?? (slug(name) || `row-${row}`);
      for (let k = 2; localIds.has(localId); k++) localId = `${wikidata ?? slug(name)}-${k}`;
      localIds.add(localId);
      person = { localId, name, aliases: [], parties: [], country, where: rowWhere };
      people.push(person);
      byName.set(nameKey, person);
    }
    if (wikidata && !person.wikidata) {
      person.wikidata = wikidata;
      byWikidata.set(wikidata, { person, row });
    }
    for (const a of aliases) person.aliases.push({ name: a });
    if (party) person.parties.push({ party, from: start, ...(end ? { to: end } : {}) } as PartySpell);
    const rank = rankFromTitle(title);
    tenures.push({
      personLocal: person.localId, title, short: short ?? title, ...(org ? { org } : {}), country, start, ...(end ? { end } : {}),
      rank: rank === 6 && short ? rankFromTitle(short) : rank, where: rowWhere,
    });
  }
  return { people, tenures };
}
