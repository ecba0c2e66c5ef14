/**
 * Reader imports (src/core/import, docs/import.md): every hostile file in
 * tests/fixtures/imports is accepted or rejected as documented, with the exact
 * place and words of its first problem; the parsers hold up against random input;
 * nothing reaches Object.prototype; and merging never changes the bundled data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as csvParse } from 'csv-parse/sync';
import { parseImport, type ImportedLayer, type ImportResult } from '../../src/core/import';
import { parseCsv, type Delimiter } from '../../src/core/import/csv';
import { rankFromTitle } from '../../src/core/import/fields';
import { parseJson } from '../../src/core/import/json';
import { withImports } from '../../src/core/import/merge';
import { ImportFailure, MAX_ERRORS } from '../../src/core/import/types';
import { annotate } from '../../src/core/annotate';
import { DatasetIndex } from '../../src/core/dataset';
import type { Dataset } from '../../src/core/schema';
import { validateDataset } from '../../scripts/validate-dataset';
import { FIXTURE } from './fixture-dataset';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'imports');
const MAKE = join(DIR, 'make.mjs');
const OPTS = { sourceId: 'import-t', today: '2026-01-01' };
const read = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));
const load = (file: string, dir = DIR) => parseImport(new Uint8Array(readFileSync(join(dir, file))), file, OPTS);

function accepted(r: ImportResult): { layer: ImportedLayer; warnings: string[] } {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r;
}
function rejected(r: ImportResult) {
  if (r.ok) throw new Error(`accepted: ${r.layer.people.map((p) => p.name).join(', ')}`);
  return r;
}

// ---------------------------------------------------------------------------
// One test per fixture file

type Rejected = { where: string; message: string; count?: number };
type Accepted = { people: number; tenures: number; warnings?: RegExp[]; names?: string[] };

const REJECTED: Record<string, Rejected> = {
  // Not a data file at all.
  'png.png': { where: 'file', message: 'this is a PNG image, not a data file. Nameplate imports CSV, Popolo JSON or Wikidata JSON files' },
  'pdf-header.csv': { where: 'file', message: 'this is a PDF document, not a data file. Nameplate imports CSV, Popolo JSON or Wikidata JSON files' },
  'spreadsheet.xlsx': { where: 'file', message: 'this is a ZIP archive (an Excel .xlsx or OpenDocument spreadsheet is one: save it as CSV first), not a data file. Nameplate imports CSV, Popolo JSON or Wikidata JSON files' },
  'nul-bytes.csv': { where: 'file', message: 'the file is binary (it contains NUL bytes), not text. Nameplate imports CSV, Popolo JSON or Wikidata JSON files' },
  'html-page.csv': { where: 'file', message: 'this looks like a web page or XML, not a data file. Nameplate imports CSV, Popolo JSON or Wikidata JSON files' },
  'plain-text.txt': { where: 'file', message: 'this is not a format Nameplate reads: a CSV file needs a first line naming its columns (name, title, country, start…); JSON files must be Popolo or Wikidata' },
  'empty.csv': { where: 'file', message: 'the file is empty' },
  'whitespace.csv': { where: 'file', message: 'the file is empty (it holds only blank space)' },
  // Broken or hostile JSON.
  'truncated.json': { where: 'line 83, column 18', message: 'the file ends inside the text value that starts here: the JSON is cut short, or a closing " is missing' },
  'truncated-between-values.json': { where: 'line 1, column 162', message: 'the file ends in the middle of the JSON (is it cut short?)' },
  'trailing-comma.json': { where: 'line 1, column 59', message: 'a comma before "]" (JSON allows no trailing comma)' },
  'numbers.json': { where: 'file', message: 'this JSON is not a format Nameplate reads: expected Popolo (an object with "persons" and "memberships") or Wikidata (an object with "entities"), found a list of numbers' },
  'deep-arrays.json': { where: 'line 1, column 65', message: 'the JSON is nested more than 64 levels deep; Nameplate reads at most 64' },
  'deep-objects.json': { where: 'line 1, column 705', message: 'the JSON is nested more than 64 levels deep; Nameplate reads at most 64' },
  'duplicate-key.json': { where: 'line 2, column 59', message: 'the key "name" appears twice in the object that starts at line 2, column 14' },
  // CSV structure.
  'missing-column.csv': { where: 'header', message: 'the required column "start" is missing (every file needs name, title, country and start); rename "start_date" to match' },
  'unclosed-quote.csv': { where: 'row 3', message: 'a quoted value that starts on line 3 is never closed (a missing closing ")' },
  'too-many-fields.csv': { where: 'row 2', message: 'it has 5 values but the header names 4 columns (is there an unquoted "," inside a value?)' },
  // CSV records.
  'bad-month.csv': { where: 'row 2, column start', message: '"2024-13-45" is not a date (expected YYYY-MM-DD)' },
  'not-leap-year.csv': { where: 'row 3, column start', message: '"2023-02-29" is not a real date: February 2023 has 28 days' },
  'end-before-start.csv': { where: 'row 2, column end', message: '"2020-01-01" is before the start (2021-05-03); the end must come after the start' },
  'bad-country.csv': { where: 'row 2, column country', message: '"UK" is not an ISO 3166-1 alpha-2 country code (the United Kingdom is GB)' },
  'number-name.csv': { where: 'row 2, column name', message: '"12345" is not a name (it has no letters)' },
  'control-character.csv': { where: 'row 2, column name', message: 'the name contains the control character U+0007; it must be one line of text' },
  'line-break-in-title.csv': { where: 'row 2, column title', message: 'the title contains a line break; it must be one line of text' },
  'invisible-only-name.csv': { where: 'row 3, column name', message: 'the name is empty once its invisible characters are removed' },
  'duplicate-wikidata.csv': { where: 'row 3, column wikidata', message: 'Q900000001 is also on row 2 for "Ambrose Quillfeather"; one Wikidata id is one person (put other names in "aliases")' },
  'sixty-errors.csv': { where: 'row 2, column start', message: '"2024-02-30" is not a real date: February 2024 has 29 days', count: 60 },
  // Popolo.
  'popolo-unknown-person.json': { where: 'memberships[5].person_id', message: '"person/ghost" is not the id of any person in the file', count: 2 },
  'popolo-duplicate-ids.json': { where: 'persons[4].id', message: '"person/beatrix" is used more than once (persons[1] has it too); ids must be unique' },
  'popolo-number-name.json': { where: 'persons[1].name', message: 'expected text, found a number (42)' },
  'popolo-bad-date.json': { where: 'memberships[2].start_date', message: '"2021-09-31" is not a real date: September 2021 has 30 days' },
  'popolo-no-country.json': { where: 'memberships[0]', message: 'no country: add "country" (ISO 3166-1 alpha-2, such as "GB") to the membership, its organization, the person or the whole file' },
  // Wikidata.
  'wikidata-no-p39.json': { where: 'Q900000001', message: 'Ambrose Quillfeather (Q900000001) has no "position held" (P39) statements: nothing to import' },
  'wikidata-bad-date.json': { where: 'Q900000001.claims.P39[1].qualifiers.P580', message: '"2024-13-45" is not a date (expected YYYY-MM-DD)' },
  'wikidata-missing.json': { where: 'Q0', message: 'Wikidata has no item Q0 (the file marks it "missing")' },
  'wikidata-malformed.json': { where: 'Q900000001.claims.P39[0].mainsnak.datavalue.value', message: 'expected an object, found the text "Q16707842"' },
};

const UNKNOWN_NOTES = /^unknown column "notes" was ignored/;
const ACCEPTED: Record<string, Accepted> = {
  'valid-3-people.csv': { people: 3, tenures: 3, warnings: [], names: ['Ambrose Quillfeather', 'Beatrix Tollemache-Snow', 'Cosimo Vantaggiato'] },
  'semicolon.csv': { people: 2, tenures: 2, warnings: [], names: ['Ambrose Quillfeather', 'Beatrix; Tollemache-Snow'] },
  'tab.tsv': { people: 2, tenures: 2, warnings: [] },
  'bom.csv': { people: 1, tenures: 1, warnings: [], names: ['Gérald Darmanin'] },
  'utf16le.csv': { people: 1, tenures: 1, warnings: [], names: ['Gérald Darmanin'] },
  'cp1252.csv': { people: 2, tenures: 2, warnings: [/^the file is not valid UTF-8, so it was read as Windows-1252/], names: ['Gérald Darmanin', 'Béatrice Œillet'] },
  'quoted-newlines.csv': { people: 2, tenures: 2, warnings: [UNKNOWN_NOTES], names: ['Quillfeather, Ambrose', 'Beatrix "Bea" Tollemache-Snow'] },
  'crlf-trailing-lines.csv': { people: 2, tenures: 2, warnings: [UNKNOWN_NOTES] },
  'extra-columns.csv': { people: 1, tenures: 1, warnings: [/^unknown columns "notes", "twitter" and "constituency" were ignored/] },
  'proto-columns.csv': { people: 1, tenures: 1, warnings: [/^unknown columns "__proto__", "constructor" and "prototype" were ignored/] },
  'markup.csv': {
    people: 2, tenures: 2, names: ['<img src=x onerror=alert(1)>', 'Ambrose <iframe src=javascript:alert(3)> Quillfeather'],
    warnings: [/^looks like HTML markup; it is kept as plain text and never run as code \(5 places: row 2, column name; /],
  },
  'rtl-zero-width.csv': {
    people: 3, tenures: 3, names: ['Ambrose Quillfeather', 'Beatrix Tollemache-Snow', 'Cosimo Vantaggiato'],
    warnings: [/^removed invisible characters \(zero-width characters or text-direction controls\) \(4 places: row 2, column name; row 3, column name; row 3, column title; row 4, column name\)$/],
  },
  'popolo-valid.json': { people: 3, tenures: 4, warnings: [/^persons\[3\]: this person holds no office in the file and was left out$/] },
  'popolo-named-csv.csv': { people: 3, tenures: 4, warnings: [/^persons\[3\]: this person holds no office/] },
  'popolo-everypolitician.json': { people: 2, tenures: 3, warnings: [] },
  'popolo-proto.json': { people: 1, tenures: 1, names: ['Ambrose Quillfeather'], warnings: [/^ignored 9 keys named __proto__, constructor or prototype \(never used\)$/] },
  'wikidata-valid.json': {
    people: 1, tenures: 3, names: ['Ambrose Quillfeather'],
    warnings: [
      /^Q900000001\.claims\.P39\[2\]: position Q900000003 has no label in the file and is not one Nameplate knows, so its id is its title$/,
      /^Q900000001\.claims\.P39\[3\]: position "Prime Minister of the United Kingdom" \(Q14211\) starts on 2030, not a full date; left out$/,
    ],
  },
};

describe('hostile and valid import files', () => {
  it('has at least 30 fixture files, each with an expectation here', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'make.mjs');
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => !(f in REJECTED) && !(f in ACCEPTED))).toEqual([]);
  });

  it('the generated fixtures match what make.mjs writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'nameplate-make-'));
    try {
      execFileSync(process.execPath, [MAKE, '--out', out]);
      const made = readdirSync(out);
      expect(made.length).toBeGreaterThanOrEqual(10);
      for (const f of made) expect(Buffer.compare(readFileSync(join(out, f)), readFileSync(join(DIR, f))), f).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each(Object.entries(REJECTED))('rejects %s, naming where and what', (file, want) => {
    const r = rejected(load(file));
    expect(r.errors[0]).toEqual({ where: want.where, message: want.message });
    expect(r.errorCount).toBe(want.count ?? 1);
    expect(r.errors.length).toBe(Math.min(want.count ?? 1, MAX_ERRORS));
  });

  it.each(Object.entries(ACCEPTED))('accepts %s', (file, want) => {
    const { layer, warnings } = accepted(load(file));
    expect(layer.people).toHaveLength(want.people);
    expect(layer.tenures).toHaveLength(want.tenures);
    if (want.names) expect(layer.people.map((p) => p.name)).toEqual(want.names);
    if (want.warnings) {
      expect(warnings).toHaveLength(want.warnings.length);
      want.warnings.forEach((w, i) => expect(warnings[i]).toMatch(w));
    }
    expect(layer.source).toEqual({ id: 'import-t', name: file, licence: 'imported by the reader', url: `file:${file}` });
    for (const p of layer.people) {
      expect(p.id.startsWith('import-t:')).toBe(true);
      expect(p.src).toEqual(['import-t']);
      expect(p.country).toMatch(/^[A-Z]{2}$/);
    }
    for (const t of layer.tenures) expect(t.src).toBe('import-t');
    // Every accepted layer passes the dataset's own structural checks once merged.
    expect(validateDataset(withImports(FIXTURE, [layer]))).toEqual([]);
  });
});

describe('large files (made at run time)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nameplate-big-'));
  execFileSync(process.execPath, [MAKE, '--big', dir]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a 50 MB file before parsing it', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'fifty-megabytes.csv')));
    expect(bytes.byteLength).toBeGreaterThan(50 * 1024 * 1024);
    const t = performance.now();
    const r = rejected(parseImport(bytes, 'fifty-megabytes.csv', OPTS));
    expect(performance.now() - t).toBeLessThan(50);
    expect(r.errors).toEqual([{ where: 'file', message: 'the file is 50.0 MB; Nameplate imports files of at most 20 MB: split it into smaller files' }]);
  });

  it('rejects a JSON file of 200,001 records', () => {
    const r = rejected(load('200001-persons.json', dir));
    expect(r.errors).toEqual([{ where: 'file', message: 'the file has 200,001 persons; Nameplate imports at most 100,000 records per file: split it into smaller files' }]);
  });

  it('rejects a CSV of 100,001 rows', () => {
    const r = rejected(load('100001-rows.csv', dir));
    expect(r.errors).toEqual([{ where: 'file', message: 'the file has more than 100,000 rows of data; Nameplate imports at most 100,000 records per file: split it into smaller files' }]);
  });

  it('accepts exactly 100,000 rows', () => {
    const text = 'name,title,country,start\n' + Array.from({ length: 100_000 }, (_, i) => `Person ${i},Minister for Row ${i},GB,2020-01-01\n`).join('');
    const { layer } = accepted(parseImport(text, 'max.csv', OPTS));
    expect(layer.people).toHaveLength(100_000);
  });
});

// ---------------------------------------------------------------------------
// What accepted files contain

describe('accepted files', () => {
  it('a CSV row becomes a person and an office, with the documented defaults', () => {
    const { layer } = accepted(load('valid-3-people.csv'));
    expect(layer.people[0]).toEqual({
      id: 'import-t:ambrose-quillfeather', name: 'Ambrose Quillfeather', aliases: [{ name: 'A. Quillfeather' }, { name: 'Amby Quillfeather' }],
      parties: [{ party: 'Independent', from: '2022-01-10', to: '2023-11-13' }], country: 'GB', src: ['import-t'],
    });
    expect(layer.tenures).toEqual([
      { person: 'import-t:ambrose-quillfeather', title: 'Minister of State for Canals', short: 'Minister for Canals', org: 'Department for Waterways', country: 'GB', start: '2022-01-10', end: '2023-11-13', rank: 5, src: 'import-t' },
      { person: 'import-t:beatrix-tollemache-snow', title: 'Secretary of State for Piers', short: 'Piers Secretary', country: 'GB', start: '2021-09-15', rank: 3, src: 'import-t' },
      // Lower-case country upper-cased; no short: the title.
      { person: 'import-t:cosimo-vantaggiato', title: 'Ministro delle Lagune', short: 'Minister for Lagoons', country: 'IT', start: '2020-02-03', end: '2022-10-22', rank: 3, src: 'import-t' },
    ]);
  });

  it('rows of one person join by Wikidata id, else by name and country', () => {
    const csv = [
      'name,title,country,start,end,wikidata,party',
      'Ambrose Quillfeather,Minister for Canals,GB,2020-01-01,2021-01-01,,Independent',
      'Ambrose Quillfeather,Minister for Piers,GB,2021-01-01,,Q900000001,Independent',
      'Ambrose Quillfeather,Minister for Lagoons,IT,2019-01-01,2020-01-01,,',
      'Ambrose Quillfeather,Short title,GB,2022-01-01,,,',
    ].join('\n');
    const { layer } = accepted(parseImport(csv, 'x.csv', OPTS));
    expect(layer.people.map((p) => [p.id, p.country, p.ids?.wikidata])).toEqual([
      ['import-t:ambrose-quillfeather', 'GB', 'Q900000001'],
      ['import-t:ambrose-quillfeather-2', 'IT', undefined],
    ]);
    expect(layer.people[0].parties).toEqual([{ party: 'Independent', from: '2020-01-01' }]);
    expect(layer.tenures.filter((t) => t.person === 'import-t:ambrose-quillfeather')).toHaveLength(3);
  });

  it('keeps markup as text, never interpreted', () => {
    const { layer } = accepted(load('markup.csv'));
    expect(layer.people[0].name).toBe('<img src=x onerror=alert(1)>');
    expect(layer.tenures[0].title).toBe("<script>alert('title')</script>");
    expect(layer.people[0].parties?.[0].party).toBe('<b onmouseover="alert(2)">Bold</b>');
    expect(layer.tenures[1].title).toBe('Minister of State for Canals &amp; Locks');
  });

  it('strips zero-width characters and text-direction controls from every text', () => {
    const { layer } = accepted(load('rtl-zero-width.csv'));
    const all = JSON.stringify(layer);
    expect(all).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect(layer.tenures[1].title).toBe('Secretary of State for Piers');
  });

  it('reads Windows-1252 bytes as Windows-1252, including the 0x80–0x9F block', () => {
    const { layer } = accepted(load('cp1252.csv'));
    expect(layer.tenures.map((t) => t.title)).toEqual(['Ministre de l’Intérieur', 'Secrétaire d’État “aux Canaux” – Écluses']);
    expect(layer.people[0].parties).toEqual([{ party: 'Renaissance', from: '2020-07-06' }]);
  });

  it('a quoted value keeps its delimiters, quotes and line breaks; CRLF and trailing empty lines are fine', () => {
    const csv = 'name,title,country,start,org\r\n"Quillfeather, Ambrose","Minister for ""Canals""",GB,2022-01-10,"Ministry of\r\nWaterways"\r\n\r\n\r\n';
    const r = parseImport(csv, 'x.csv', OPTS);
    // A line break inside an organisation is not allowed (one line of text); the parser still read it right.
    expect(rejected(r).errors[0]).toEqual({ where: 'row 2, column org', message: 'the value contains a line break; it must be one line of text' });
    const { layer } = accepted(parseImport(csv.replace('of\r\nWaterways', 'of Waterways'), 'x.csv', OPTS));
    expect(layer.people[0].name).toBe('Quillfeather, Ambrose');
    expect(layer.tenures[0]).toMatchObject({ title: 'Minister for "Canals"', org: 'Ministry of Waterways' });
  });

  it('names the line when a row starts on a different line (quoted line breaks above it)', () => {
    const csv = 'name,title,country,start,notes\nA Person,Minister,GB,2022-01-10,"one\ntwo\nthree"\nB Person,Minister,GB,2022-13-01,\n';
    expect(rejected(parseImport(csv, 'x.csv', OPTS)).errors[0]).toEqual({ where: 'row 3 (line 5), column start', message: '"2022-13-01" is not a date (expected YYYY-MM-DD)' });
  });

  it('Popolo: posts, labels, roles, parties, legislative periods and open end dates', () => {
    const { layer } = accepted(load('popolo-valid.json'));
    expect(layer.people.map((p) => [p.id, p.name, p.country, p.ids?.wikidata, p.parties?.map((s) => s.party)])).toEqual([
      ['import-t:person-ambrose', 'Ambrose Quillfeather', 'GB', 'Q900000001', ['Independent']],
      ['import-t:person-beatrix', 'Beatrix Tollemache-Snow', 'GB', undefined, ['Independent']],
      ['import-t:person-cosimo', 'Cosimo Vantaggiato', 'IT', undefined, undefined],
    ]);
    expect(layer.people[0].aliases).toEqual([{ name: 'Amby Quillfeather' }, { name: 'Ambrose Quill', to: '2019-06-01' }]);
    expect(layer.tenures.map((t) => [t.title, t.org, t.start, t.end, t.rank])).toEqual([
      ['Minister of State for Canals', 'Government of the United Kingdom', '2022-01-10', '2023-11-13', 5],
      // "9999-12-31" is Popolo's "still held".
      ['Member of House of Commons', 'House of Commons', '2015-05-07', undefined, 7],
      ['Secretary of State for Piers', 'Government of the United Kingdom', '2021-09-15', undefined, 3],
      ['Ministro delle Lagune', 'Governo italiano', '2020-02-03', '2022-10-22', 3],
    ]);
    const ep = accepted(load('popolo-everypolitician.json')).layer;
    expect(ep.tenures.map((t) => [t.person, t.start, t.end, t.country, t.rank])).toEqual([
      ['import-t:5f1c1b2e', '2018-03-23', '2022-10-12', 'IT', 7],
      ['import-t:5f1c1b2e', '2022-10-13', undefined, 'IT', 7],
      ['import-t:77aa0c3d', '2023-01-09', undefined, 'IT', 7],
    ]);
    // Exclusive ends: one spell per legislative period (a day apart).
    expect(ep.people[0].parties).toEqual([{ party: 'Partito dei Giardini', from: '2018-03-23', to: '2022-10-12' }, { party: 'Partito dei Giardini', from: '2022-10-13' }]);
  });

  it('Wikidata: labels, aliases, P39 with P580/P582, P27 country, P102 party, positions labelled in the file or built in', () => {
    const { layer } = accepted(load('wikidata-valid.json'));
    expect(layer.people).toEqual([{
      id: 'import-t:Q900000001', name: 'Ambrose Quillfeather', aliases: [{ name: 'Amby Quillfeather' }], parties: [{ party: 'Conservative', from: '2010-03-01' }],
      country: 'GB', ids: { wikidata: 'Q900000001' }, src: ['import-t'],
    }]);
    expect(layer.tenures.map((t) => [t.title, t.short, t.country, t.start, t.end, t.rank])).toEqual([
      ['Member of Parliament of the United Kingdom', 'MP', 'GB', '2015-05-07', '2017-05-03', 7],
      ['Minister of State for Canals', 'Minister of State for Canals', 'GB', '2022-01-10', '2023-11-13', 5],
      ['Q900000003', 'Q900000003', 'GB', '2024-02-01', undefined, 6],
    ]);
  });

  it('Wikidata: a country the file describes (ISO code P297) counts; an unknown one is an error naming P27', () => {
    const item = (id: string) => ({ snaktype: 'value', property: 'P', datavalue: { type: 'wikibase-entityid', value: { id } } });
    const time = (t: string) => ({ snaktype: 'value', property: 'P580', datavalue: { type: 'time', value: { time: t, precision: 11 } } });
    const person = (citizenship: string) => ({
      id: 'Q900000021', type: 'item', labels: { en: { language: 'en', value: 'Ottavia Marchetti' } },
      claims: { P27: [{ mainsnak: item(citizenship) }], P39: [{ mainsnak: item('Q900000022'), qualifiers: { P580: [time('+2021-03-01T00:00:00Z')] } }] },
    });
    const country = { id: 'Q900000023', type: 'item', labels: { en: { language: 'en', value: 'Ruritania' } }, claims: { P297: [{ mainsnak: { snaktype: 'value', property: 'P297', datavalue: { type: 'string', value: 'LU' } } }] } };
    const ok = accepted(parseImport(JSON.stringify({ entities: { Q900000021: person('Q900000023'), Q900000023: country } }), 'x.json', OPTS));
    expect(ok.layer.tenures[0]).toMatchObject({ title: 'Q900000022', country: 'LU' });
    const bad = rejected(parseImport(JSON.stringify({ entities: { Q900000021: person('Q900000099') } }), 'x.json', OPTS));
    expect(bad.errors[0]).toEqual({
      where: 'Q900000021.claims.P27',
      message: 'none of Q900000099 is a country Nameplate knows, so the country of "Q900000022" is unknown (include the country\'s item, with its ISO code P297, in the file)',
    });
  });

  it('a file given as text reads the same as its bytes', () => {
    for (const f of ['valid-3-people.csv', 'popolo-valid.json', 'wikidata-valid.json', 'bad-month.csv']) {
      expect(parseImport(readFileSync(join(DIR, f), 'utf8'), f, OPTS)).toEqual(load(f));
    }
  });

  it('the source is named after the file, without its folders', () => {
    const { layer } = accepted(parseImport(read('tab.tsv'), 'C:\\Users\\me\\Desktop\\My ministers.tsv', OPTS));
    expect(layer.source).toMatchObject({ name: 'My ministers.tsv', url: 'file:My ministers.tsv' });
  });

  it('warns about a start after today, and leaves out a repeated row', () => {
    const csv = 'name,title,country,start\nA Person,Minister,GB,2030-01-01\nA Person,Minister,GB,2030-01-01\n';
    const { layer, warnings } = accepted(parseImport(csv, 'x.csv', OPTS));
    expect(layer.tenures).toHaveLength(1);
    // Warnings of one kind come together, with their places.
    expect(warnings).toEqual(['starts after today (2026-01-01) (2 places: row 2, column start; row 3, column start)', 'row 3: repeats an earlier record exactly (row 2); the repeat was left out']);
  });

  it('dates: leap days, month lengths, the same day as the start', () => {
    const row = (start: string, end = '') => parseImport(`name,title,country,start,end\nA Person,Minister,GB,${start},${end}\n`, 'x.csv', OPTS);
    expect(row('2024-02-29').ok).toBe(true);
    expect(row('2000-02-29').ok).toBe(true);
    expect(rejected(row('1900-02-29')).errors[0].message).toBe('"1900-02-29" is not a real date: February 1900 has 28 days');
    expect(rejected(row('2024-04-31')).errors[0].message).toBe('"2024-04-31" is not a real date: April 2024 has 30 days');
    expect(rejected(row('31/01/2024')).errors[0].message).toBe('"31/01/2024" is not a date (expected YYYY-MM-DD)');
    expect(rejected(row('2024-1-5')).errors[0].message).toBe('"2024-1-5" is not a date (expected YYYY-MM-DD)');
    expect(rejected(row('2024-01-05', '2024-01-05')).errors[0]).toEqual({
      where: 'row 2, column end', message: '"2024-01-05" is the same day as the start; the end is the first day the office was no longer held, so it must come after the start',
    });
    expect(rejected(row('')).errors[0]).toEqual({ where: 'row 2, column start', message: 'missing: every office needs a start date (YYYY-MM-DD)' });
  });

  it('all or nothing: one bad row among good ones rejects the file, every problem listed in file order', () => {
    const csv = 'name,title,country,start,end\nGood One,Minister,GB,2020-01-01,\n,Minister,XX,2020-01-01,2019-01-01\nGood Two,Minister,GB,2020-01-01,\n';
    const r = rejected(parseImport(csv, 'x.csv', OPTS));
    expect(r.errors).toEqual([
      { where: 'row 3, column name', message: 'empty: every record needs a name' },
      { where: 'row 3, column country', message: '"XX" is not an ISO 3166-1 alpha-2 country code (two capital letters, such as GB, US or FR)' },
      { where: 'row 3, column end', message: '"2019-01-01" is before the start (2020-01-01); the end must come after the start' },
    ]);
  });

  it('returns at most 50 errors, and the count of all', () => {
    const r = rejected(load('sixty-errors.csv'));
    expect(r.errors).toHaveLength(50);
    expect(r.errorCount).toBe(60);
    expect(r.errors[49].where).toBe('row 51, column start');
  });

  it('checks its options', () => {
    expect(rejected(parseImport('x', 'x.csv', { sourceId: '', today: '2026-01-01' })).errors[0].where).toBe('options');
    expect(rejected(parseImport('x', 'x.csv', { sourceId: 'ok', today: '2026-02-30' })).errors[0]).toEqual({ where: 'options', message: 'today "2026-02-30" is not a date (expected YYYY-MM-DD)' });
  });
});

// ---------------------------------------------------------------------------
// Nothing reaches Object.prototype

describe('prototype pollution', () => {
  it('importing hostile files leaves Object.prototype untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostile = [
      ...['popolo-proto.json', 'proto-columns.csv', 'wikidata-valid.json'].map((f) => load(f)),
      parseImport('{"entities": {"__proto__": {"polluted": "yes"}, "Q1": {"id": "Q1", "type": "item", "claims": {"__proto__": {"x": 1}}}}}', 'x.json', OPTS),
      parseImport('{"constructor": {"prototype": {"polluted": "yes"}}, "persons": [{"id": "__proto__", "name": "Mallory"}], "memberships": [{"person_id": "__proto__", "label": "Minister", "start_date": "2020-01-01", "country": "GB"}]}', 'x.json', OPTS),
      parseImport('name,title,country,start\n__proto__,constructor,GB,2020-01-01\n', 'x.csv', OPTS),
    ];
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // The hostile keys changed nothing that was imported.
    const proto = accepted(hostile[0]).layer;
    expect(proto.people[0].name).toBe('Ambrose Quillfeather');
    expect(proto.tenures[0]).toMatchObject({ title: 'Minister of State for Canals', start: '2022-01-10' });
    expect(proto.tenures[0].end).toBeUndefined();
    // An id or a name that happens to be "__proto__" is only text (and ids are always prefixed).
    expect(accepted(hostile[4]).layer.people[0]).toMatchObject({ id: 'import-t:__proto__', name: 'Mallory' });
    expect(accepted(hostile[5]).layer.people[0].name).toBe('__proto__');
    for (const r of hostile) if (r.ok) for (const p of r.layer.people) expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });

  it('the JSON parser gives objects no prototype and drops the dangerous keys', () => {
    const { value, droppedKeys } = parseJson('{"a": {"__proto__": {"x": 1}, "b": [{"constructor": 1, "prototype": 2, "c": 3}]}}');
    expect(droppedKeys).toBe(3);
    const a = (value as Record<string, Record<string, unknown>>).a;
    expect(Object.getPrototypeOf(a)).toBeNull();
    expect(Object.keys(a)).toEqual(['b']);
    expect(JSON.stringify(value)).toBe('{"a":{"b":[{"c":3}]}}');
  });
});

// ---------------------------------------------------------------------------
// The parsers against random input

describe('the JSON parser', () => {
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
  const noHostileKeys = (text: string) => JSON.parse(text, (k, v) => (k === '__proto__' || k === 'constructor' || k === 'prototype' ? undefined : v));

  it('reads what JSON.parse reads', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        expect(plain(parseJson(text, 1000).value)).toEqual(plain(noHostileKeys(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON.parse rejects, always with an ImportFailure at a line and column', () => {
    const near = fc.oneof(
      fc.string(),
      fc.json().chain((j) => fc.tuple(fc.constant(j), fc.nat(j.length), fc.string({ maxLength: 3 })).map(([s, at, ins]) => s.slice(0, at) + ins + s.slice(at + 1))),
    );
    fc.assert(
      fc.property(near, (text) => {
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        try {
          parseJson(text, 1000);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportFailure);
          expect((e as ImportFailure).where).toMatch(/^line \d+, column \d+$/);
          // Only real JSON errors, or a key repeated in one object (JSON.parse keeps the last).
          if (ok) expect((e as Error).message).toMatch(/appears twice/);
          return;
        }
        expect(ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the CSV parser', () => {
  const field = fc.oneof(fc.string(), fc.constantFrom('', ' ', '"', '""', ',', ';', '\t', '\n', '\r\n', '\r', 'a"b', '"x"', 'é', '𝄞'));
  const serialise = (rows: string[][], d: Delimiter, eol: string) =>
    rows.map((r) => r.map((f) => (/["\r\n,;\t]/.test(f) || (r.length === 1 && f === '') ? `"${f.replace(/"/g, '""')}"` : f)).join(d)).join(eol) + eol;
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });

  it('reads back what an RFC 4180 writer wrote, and agrees with csv-parse', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<Delimiter>(',', ';', '\t'), fc.constantFrom('\r\n', '\n'), (rows, d, eol) => {
        const text = serialise(rows, d, eol);
        expect(parseCsv(text, d).map((r) => r.fields)).toEqual(rows);
        expect(csvParse(text, { delimiter: d, relax_column_count: true, skip_empty_lines: false })).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });

  it('numbers each record by the line it starts on', () => {
    const recs = parseCsv('a,b\n"x\ny",z\r\nlast,"1\r\n2\r3"\nend\n', ',');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4, 7]);
  });

  it('never throws anything but an ImportFailure, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ', '\t') }), (text) => {
        try {
          parseCsv(text, ',');
        } catch (e) {
          expect(e).toBeInstanceOf(ImportFailure);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseImport never throws', () => {
  const fixtures = readdirSync(DIR).filter((f) => f !== 'make.mjs').map((f) => read(f));
  it('on random bytes, or fixtures with bytes changed, cut or inserted', () => {
    const mutated = fc.tuple(fc.constantFrom(...fixtures), fc.nat(), fc.uint8Array({ maxLength: 8 }), fc.nat(16)).map(([b, at, ins, cut]) => {
      const i = b.length ? at % b.length : 0;
      return new Uint8Array([...b.subarray(0, i), ...ins, ...b.subarray(i + cut)]);
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutated), (bytes) => {
        const r = parseImport(bytes, 'fuzz.csv', OPTS);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(typeof e.where).toBe('string');
            expect(e.message).not.toMatch(/\n/);
            expect(e.message).not.toMatch(/could not be read \(/); // no unexpected exception
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('default ranks from titles', () => {
  it.each([
    ['Prime Minister', 1], ['President of the United States', 1], ['Federal Chancellor of Germany', 1], ['Chancellor', 1], ['Taoiseach', 1],
    ['Deputy Prime Minister', 2], ['Vice President of the United States', 2],
    ['Secretary of State for the Home Department', 3], ['Home Secretary', 3], ['Chancellor of the Exchequer', 3], ['Minister for Canals', 3], ['Ministre de l’Intérieur', 3],
    ['Minister of State for Canals', 5], ['Parliamentary Under-Secretary of State', 5],
    ['Member of Parliament for Witney', 7], ['MP', 7], ['United States senator', 7], ['Member of the European Parliament', 7], ['Député', 7],
    ['Mayor of London', 6], ['President of the Senate', 6],
  ])('%s → %i', (title, rank) => expect(rankFromTitle(title)).toBe(rank));
});

// ---------------------------------------------------------------------------
// Merging layers into a dataset

describe('withImports', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object' && !Object.isFrozen(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) deepFreeze(v);
    }
    return o;
  };
  const layerOf = (csv: string, sourceId: string) => accepted(parseImport(csv, `${sourceId}.csv`, { sourceId, today: '2026-01-01' })).layer;
  const BASE: Dataset = {
    ...FIXTURE,
    people: FIXTURE.people.map((p) => (p.id === 'p-darmanin' ? { ...p, ids: { wikidata: 'Q3144612' } } : p)),
  };

  it('returns a new dataset with the layer appended, and never changes its input', () => {
    const base = deepFreeze(structuredClone(BASE));
    const snapshot = structuredClone(base);
    const a = deepFreeze(layerOf('name,title,country,start,wikidata\nAmbrose Quillfeather,Minister for Canals,GB,2022-01-10,\nGérald Darmanin,Ministre de la Justice,FR,2025-12-23,Q3144612\n', 'import-a'));
    const merged = withImports(base, [a]);
    expect(merged).not.toBe(base);
    expect(base).toEqual(snapshot);
    expect(merged.sources.map((s) => s.id)).toEqual(['t', 'import-a']);
    expect(merged.people).toHaveLength(base.people.length + 1);
    expect(merged.tenures).toHaveLength(base.tenures.length + 2);
    expect(merged.pledges).toEqual(base.pledges);
    expect(validateDataset(merged)).toEqual([]);
  });

  it('joins a bundled person only by Wikidata id: their id stays, the office is credited to the import', () => {
    const a = layerOf('name,title,short,country,start,wikidata\nGérald Darmanin,Ministre de la Justice,Minister of Justice,FR,2025-12-23,Q3144612\nJames Cleverly,Minister for Canals,Minister for Canals,GB,2022-01-10,\n', 'import-a');
    const merged = withImports(BASE, [a]);
    const darmanin = merged.people.filter((p) => p.name === 'Gérald Darmanin');
    expect(darmanin).toHaveLength(1);
    expect(darmanin[0]).toMatchObject({ id: 'p-darmanin', src: ['t', 'import-a'] });
    expect(merged.tenures.find((t) => t.short === 'Minister of Justice')).toMatchObject({ person: 'p-darmanin', src: 'import-a' });
    // No Wikidata id: a new person, even with a bundled person's name.
    expect(merged.people.filter((p) => p.name === 'James Cleverly').map((p) => p.id)).toEqual(['p-cleverly', 'import-a:james-cleverly']);
  });

  it('a joined person gains the imported name as an alias, and an office they already hold is not repeated', () => {
    const a = layerOf("name,title,short,country,start,end,wikidata,aliases\nG. Darmanin,Ministre de l'Intérieur,Minister of the Interior,FR,2020-07-06,2024-09-21,Q3144612,Gérald Moussa Darmanin\n", 'import-a');
    const merged = withImports(BASE, [a]);
    const p = merged.people.find((x) => x.id === 'p-darmanin')!;
    expect(p.aliases).toEqual([{ name: 'G. Darmanin' }, { name: 'Gérald Moussa Darmanin' }]);
    expect(merged.tenures.filter((t) => t.person === 'p-darmanin')).toHaveLength(1);
  });

  it('layers apply in order; a later import joins an earlier one by Wikidata id', () => {
    const a = layerOf('name,title,country,start,wikidata\nAmbrose Quillfeather,Minister for Canals,GB,2022-01-10,Q900000001\n', 'import-a');
    const b = layerOf('name,title,country,start,wikidata\nAmbrose Quillfeather,Minister for Piers,GB,2023-01-10,Q900000001\n', 'import-b');
    const merged = withImports(FIXTURE, [a, b]);
    expect(merged.sources.map((s) => s.id)).toEqual(['t', 'import-a', 'import-b']);
    const p = merged.people.filter((x) => x.name === 'Ambrose Quillfeather');
    expect(p).toHaveLength(1);
    expect(p[0].src).toEqual(['import-a', 'import-b']);
    expect(merged.tenures.filter((t) => t.person === p[0].id).map((t) => t.src)).toEqual(['import-a', 'import-b']);
    expect(a.people[0].src).toEqual(['import-a']); // the layer itself is unchanged
  });

  it('refuses a source id already present', () => {
    const a = layerOf('name,title,country,start\nA Person,Minister,GB,2022-01-10\n', 't');
    expect(() => withImports(FIXTURE, [a])).toThrow(/already in the dataset/);
  });

  it('the merged dataset annotates imported people, and Wikidata joins change what a bundled person held', () => {
    const a = accepted(load('valid-3-people.csv')).layer;
    const b = layerOf('name,title,short,country,start,wikidata\nGérald Darmanin,Ministre de la Justice,Minister of Justice,FR,2025-12-23,Q3144612\n', 'import-b');
    const index = new DatasetIndex(withImports(BASE, [a, b]));
    const meta = { jsonLd: [], metas: [], times: [] };
    const out = annotate(index, { text: 'Ambrose Quillfeather met Gérald Darmanin.', meta, date: '2026-01-10', today: '2026-01-10' });
    expect(out.people.map((p) => [p.id, p.role])).toEqual([
      ['import-t:ambrose-quillfeather', null],
      ['p-darmanin', 'Minister of Justice'],
    ]);
    const then = annotate(index, { text: 'Ambrose Quillfeather met Gérald Darmanin.', meta, date: '2023-01-10', today: '2026-01-10' });
    expect(then.people.map((p) => [p.id, p.role])).toEqual([
      ['import-t:ambrose-quillfeather', 'Minister for Canals'],
      ['p-darmanin', 'Minister of the Interior'],
    ]);
  });
});
