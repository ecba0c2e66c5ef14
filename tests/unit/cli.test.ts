/** The CLI as a user runs it: a child process on real files, JSON contract and errors. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SAMPLE = join(ROOT, 'samples', 'channel-crossings.html');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(TSX, [join(ROOT, 'src', 'cli', 'annotate.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT });
const tmp = mkdtempSync(join(tmpdir(), 'nameplate-cli-'));

/** Deterministic bytes that look like a binary file but contain no NUL byte. */
function noiseWithoutNul(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = 1 + ((x >>> 0) % 255);
  }
  return out;
}

describe('npm run annotate', () => {
  it('prints exactly one JSON object following the contract', () => {
    const r = run(['--json', SAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ date: '2024-01-31', dateSource: 'metadata' });
    const byName = Object.fromEntries(out.people.map((p: { name: string }) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Gérald Darmanin', 'James Cleverly', 'Rishi Sunak']);
    expect(byName['James Cleverly']).toMatchObject({ role: 'Home Secretary', roleStart: '2023-11-13', roleEnd: '2024-07-05', party: 'Conservative', country: 'GB' });
    expect(byName['Rishi Sunak']).toMatchObject({ role: 'Prime Minister', roleStart: '2022-10-25', roleEnd: '2024-07-05' });
    expect(byName['Gérald Darmanin']).toMatchObject({ role: 'Minister of the Interior', country: 'FR' });
    for (const p of out.people) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'name', 'role', 'roleStart', 'roleEnd', 'party', 'country', 'mentions']));
      for (const m of p.mentions) expect(Object.keys(m).sort()).toEqual(['end', 'start', 'text']);
    }
    expect(out.pledges).toEqual([expect.objectContaining({ phrase: 'stop the boats', by: ['Rishi Sunak'] })]);
  });

  it('uses offsets into the extracted plain text', () => {
    const text = 'Yesterday Rishi Sunak said Mr Sunak would stop the boats.';
    const out = JSON.parse(run(['--json', '--date', '2024-01-31', '-'], text).stdout);
    expect(out.dateSource).toBe('option');
    for (const p of out.people) for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(out.people[0].mentions.map((m: { text: string }) => m.text)).toEqual(['Rishi Sunak', 'Sunak']);
  });

  it('gives the office on the date asked for', () => {
    const out = JSON.parse(run(['--json', '--date', '2023-01-10', '-'], 'James Cleverly flew to Washington.').stdout);
    expect(out.people[0]).toMatchObject({ role: 'Foreign Secretary' });
  });

  it('prints a readable table without --json', () => {
    const r = run([SAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/James Cleverly\s+Home Secretary\s+2023-11-13 – 2024-07-05/);
  });

  it.each([
    ['a missing file', ['--json', join(tmp, 'nope.html')], undefined, /nope\.html: cannot read file \(not found\)/],
    ['a malformed date', ['--date', '2024-13-45', SAMPLE], undefined, /--date: "2024-13-45" is not a valid date/],
    ['empty input', ['-'], '', /empty input/],
    ['an image', ['-'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), /stdin: this is a PNG image, not an article/],
    ['binary bytes with no NUL in them', ['-'], noiseWithoutNul(4096), /stdin: the file is binary/],
    ['NUL bytes', ['-'], Buffer.from('James Cleverly\u0000\u0000 said'), /stdin: the file is binary \(it contains NUL bytes\)/],
    ['no file', [], undefined, /usage:/],
    ['an unknown option', ['--frobnicate', SAMPLE], undefined, /unknown option --frobnicate/],
  ])('rejects %s with one line on stderr and exit code 2', (_what, args, input, message) => {
    const r = run(args as string[], input as string | Buffer | undefined);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('reads a directory as an error, not a crash', () => {
    writeFileSync(join(tmp, 'ok.txt'), 'James Cleverly');
    const r = run([tmp]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read file \(a directory\)/);
  });

  it('reads UTF-16 text with a byte-order mark, and Windows-1252 text with a warning', () => {
    const text = 'Gérald Darmanin, ministre de l’Intérieur, a parlé.';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const a = run(['--json', '--date', '2023-01-10', '-'], utf16);
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).people.map((p: { name: string }) => p.name)).toEqual(['Gérald Darmanin']);
    const cp1252 = Buffer.from('G\xe9rald Darmanin a parl\xe9.', 'latin1');
    const b = run(['--json', '--date', '2023-01-10', '-'], cp1252);
    expect(b.status).toBe(0);
    expect(JSON.parse(b.stdout).people.map((p: { name: string }) => p.name)).toEqual(['Gérald Darmanin']);
    expect(b.stderr).toMatch(/^annotate: stdin: warning: the file is not valid UTF-8, so it was read as Windows-1252/);
  });
});
