/** `npm run annotate -- --import FILE`: imported layers join the bundled data for the run; a bad file is one line on stderr and exit 2. */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
// `node --import tsx` runs the same code as `npm run annotate` (tsx), without the tsx launcher's second process.
const TSX_ARGS = ['--import', 'tsx'];
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'imports');
const fixture = (f: string) => join(FIXTURES, f);
const run = (args: string[], input?: string) => spawnSync(process.execPath, [...TSX_ARGS, join(ROOT, 'src', 'cli', 'annotate.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT });
const tmp = mkdtempSync(join(tmpdir(), 'nameplate-import-cli-'));

describe('npm run annotate -- --import', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('marks a person from an imported CSV, with the file as a source', () => {
    const r = run(['--json', '--date', '2023-03-01', '--import', fixture('valid-3-people.csv'), '-'], 'Ambrose Quillfeather, the Minister for Canals, met Rishi Sunak.');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const ambrose = out.people.find((p: { name: string }) => p.name === 'Ambrose Quillfeather');
    expect(ambrose).toMatchObject({ id: 'import-1:ambrose-quillfeather', role: 'Minister for Canals', roleStart: '2022-01-10', roleEnd: '2023-11-13', party: 'Independent', country: 'GB', sources: ['valid-3-people.csv'] });
    expect(ambrose.mentions.map((m: { text: string }) => m.text)).toEqual(['Ambrose Quillfeather', 'Minister for Canals']);
    // The bundled data is still there.
    expect(out.people.find((p: { name: string }) => p.name === 'Rishi Sunak')).toMatchObject({ id: 'gb-m4483', role: 'Prime Minister' });
  });

  it('joins a bundled person by Wikidata id, and takes several files (--import FILE --import=FILE)', () => {
    const macron = join(tmp, 'macron.csv');
    writeFileSync(macron, 'name,title,short,country,start,end,wikidata\nEmmanuel Macron,"Minister of the Economy, Industry and Digital Affairs",Economy Minister,FR,2014-08-26,2016-08-30,Q3052772\n');
    const r = run(['--json', '--date', '2015-06-01', '--import', fixture('popolo-valid.json'), `--import=${macron}`, '-'], 'Emmanuel Macron and Beatrix Tollemache-Snow spoke.');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^annotate: --import .*popolo-valid\.json: warning: persons\[3\]: this person holds no office in the file and was left out\n$/);
    const out = JSON.parse(r.stdout);
    const byName = Object.fromEntries(out.people.map((p: { name: string }) => [p.name, p]));
    expect(byName['Emmanuel Macron']).toMatchObject({ id: 'wd-Q3052772', role: 'Economy Minister', roleStart: '2014-08-26', roleEnd: '2016-08-30' });
    expect(byName['Emmanuel Macron'].sources).toEqual(expect.arrayContaining(['macron.csv']));
    expect(byName['Beatrix Tollemache-Snow']).toMatchObject({ id: 'import-1:person-beatrix' });
  });

  const first = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it.each([
    ['a PNG image', 'png.png', 'file: this is a PNG image, not a data file. Nameplate imports CSV, Popolo JSON or Wikidata JSON files'],
    ['binary bytes', 'nul-bytes.csv', 'file: the file is binary (it contains NUL bytes), not text. Nameplate imports CSV, Popolo JSON or Wikidata JSON files'],
    ['an empty file', 'empty.csv', 'file: the file is empty'],
    ['10,000 nested arrays', 'deep-arrays.json', 'line 1, column 65: the JSON is nested more than 64 levels deep; Nameplate reads at most 64'],
    ['a truncated JSON', 'truncated.json', 'line 83, column 18: the file ends inside the text value that starts here: the JSON is cut short, or a closing " is missing'],
    ['an impossible date', 'bad-month.csv', 'row 2, column start: "2024-13-45" is not a date (expected YYYY-MM-DD)'],
    ['sixty bad rows', 'sixty-errors.csv', 'row 2, column start: "2024-02-30" is not a real date: February 2024 has 29 days (59 more)'],
    ['Popolo with unknown ids', 'popolo-unknown-person.json', 'memberships[5].person_id: "person/ghost" is not the id of any person in the file (1 more)'],
    ['a name full of direction controls', 'invisible-only-name.csv', 'row 3, column name: the name is empty once its invisible characters are removed'],
  ])('rejects %s: one line naming the file, the place and the problem; exit 2', (_what, file, line) => {
    const r = run(['--json', '--import', fixture(file), '-'], 'Ambrose Quillfeather');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^annotate: --import ${first(fixture(file))}: ${first(line)}\\n$`));
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('rejects a 50 MB file, and a file that is not there', () => {
    const big = join(tmp, 'big');
    execFileSync(process.execPath, [join(FIXTURES, 'make.mjs'), '--big', big]);
    const r = run(['--import', join(big, 'fifty-megabytes.csv'), '-'], 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`annotate: --import ${join(big, 'fifty-megabytes.csv')}: file: the file is 50.0 MB; Nameplate imports files of at most 20 MB: split it into smaller files\n`);
    const missing = run(['--import', join(tmp, 'nope.csv'), '-'], 'x');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`annotate: --import ${join(tmp, 'nope.csv')}: cannot read file (not found)\n`);
    const none = run(['-', '--import'], 'x');
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('annotate: --import needs a file (CSV, Popolo or Wikidata JSON)\n');
  });
});
