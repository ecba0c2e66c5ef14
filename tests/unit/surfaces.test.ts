/**
 * The pure parts behind the popup and options page: the effective dataset
 * (sources switched off), base64 and quota helpers, host lists, and the UI
 * strings (every key used exists in English and French, with the same $n).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { annotate } from '../../src/core/annotate';
import { DatasetIndex } from '../../src/core/dataset';
import type { Dataset } from '../../src/core/schema';
import { countBySource, decodeBase64, isQuotaError, withoutSources } from '../../src/background/effective';
import { normaliseHost, parseHostList } from '../../src/ui/hosts';
import { FIXTURE } from './fixture-dataset';

const ROOT = join(import.meta.dirname, '..', '..');

/** FIXTURE with a second source: Cleverly's Home Secretary tenure and the pledge come from "min". */
const TWO: Dataset = {
  ...FIXTURE,
  sources: [...FIXTURE.sources, { id: 'min', name: 'Ministers', licence: 'CC0', url: 'https://example.org/m' }],
  people: FIXTURE.people.map((p) => (p.id === 'p-cleverly' ? { ...p, src: ['t', 'min'] } : p.id === 'p-sunak' ? { ...p, src: ['min'] } : p)),
  tenures: FIXTURE.tenures.map((t) => (t.person === 'p-cleverly' && t.short === 'Home Secretary' ? { ...t, src: 'min' } : t.person === 'p-sunak' ? { ...t, src: 'min' } : t)),
  pledges: FIXTURE.pledges.map((p) => ({ ...p, src: 'min' })),
};

describe('the effective dataset', () => {
  it('is the very same object when nothing is switched off (the compiled index stays usable)', () => {
    expect(withoutSources(TWO, new Set())).toBe(TWO);
    expect(withoutSources(TWO, new Set(['not-a-source']))).toBe(TWO);
  });

  it('drops the tenures and pledges of a source that is off, and the people only it contributed', () => {
    const d = withoutSources(TWO, new Set(['min']));
    expect(d.sources.map((s) => s.id)).toEqual(['t']);
    expect(d.people.find((p) => p.id === 'p-sunak')).toBeUndefined();
    expect(d.people.find((p) => p.id === 'p-cleverly')?.src).toEqual(['t']);
    expect(d.tenures.some((t) => t.src === 'min' || t.person === 'p-sunak')).toBe(false);
    expect(d.pledges).toEqual([]);
    // The input is left as it was.
    expect(TWO.people.find((p) => p.id === 'p-cleverly')?.src).toEqual(['t', 'min']);
  });

  it('changes what an article shows: the title no longer resolves, the name still does', () => {
    const text = 'Home Secretary James Cleverly met Rishi Sunak to stop the boats.';
    const meta = { jsonLd: [], metas: [], times: [] };
    const run = (d: Dataset) => annotate(new DatasetIndex(d), { text, meta, date: '2024-01-31', today: '2026-01-01' });
    const all = run(TWO);
    expect(all.people.map((p) => [p.name, p.role])).toEqual(expect.arrayContaining([['James Cleverly', 'Home Secretary'], ['Rishi Sunak', 'Prime Minister']]));
    const off = run(withoutSources(TWO, new Set(['min'])));
    expect(off.people.map((p) => [p.name, p.role])).toEqual([['James Cleverly', null]]);
    expect(off.pledges).toEqual([]);
  });

  it('counts people, tenures and pledges per source', () => {
    const c = countBySource(TWO);
    expect(c.get('min')).toEqual({ people: 2, tenures: 2, pledges: 1 });
    expect(c.get('t')).toEqual({ people: FIXTURE.people.length - 1, tenures: FIXTURE.tenures.length - 2, pledges: 0 });
  });
});

describe('background helpers', () => {
  it('decodes base64 to the exact bytes, and refuses anything else', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 0xef, 0xbb, 0xbf]);
    expect([...decodeBase64(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
    expect([...decodeBase64('')]).toEqual([]);
    expect(() => decodeBase64('not base64!')).toThrow();
    expect(() => decodeBase64('abcde')).toThrow();
  });

  it('recognises storage quota errors from Chrome and Firefox', () => {
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }))).toBe(true);
    expect(isQuotaError(new Error('Invalid value'))).toBe(false);
  });
});

describe('host lists', () => {
  it('normalises what readers paste', () => {
    expect(normaliseHost(' https://News.Example.org/politics?x=1 ')).toBe('news.example.org');
    expect(normaliseHost('*.example.com')).toBe('example.com');
    expect(normaliseHost('example.com.')).toBe('example.com');
    expect(normaliseHost('127.0.0.1:8080')).toBe('127.0.0.1:8080');
    for (const bad of ['not a host', '-a.com', 'a..b', 'user@example.com', 'a_b.com', '']) expect(normaliseHost(bad), bad).toBeUndefined();
  });

  it('reports bad lines by number and drops blanks and repeats', () => {
    expect(parseHostList('example.com\n\nnot a host\nEXAMPLE.com\nbbc.co.uk\r\n')).toEqual({ hosts: ['example.com', 'bbc.co.uk'], bad: [{ line: 3, text: 'not a host' }] });
  });
});

describe('UI strings', () => {
  const en = JSON.parse(readFileSync(join(ROOT, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const fr = JSON.parse(readFileSync(join(ROOT, '_locales', 'fr', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const source = ['popup', 'options', 'ui', 'card'].flatMap((d) => files(join(ROOT, 'src', d))).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('English and French have the same keys, with the same substitutions', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const subs = (m: string) => [...new Set(m.match(/\$\d/g) ?? [])].sort();
    for (const k of Object.keys(en)) expect(subs(fr[k].message), k).toEqual(subs(en[k].message));
    for (const k of Object.keys(en)) expect(k, k).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('every key the popup and options page use exists', () => {
    const used = [...source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]);
    const prefixes = [...source.matchAll(/\bt\(\s*`([A-Za-z0-9_]+)\$\{/g)].map((m) => m[1]);
    const mapped = [...source.matchAll(/'(date(?:From)[A-Za-z]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(50);
    for (const k of [...used, ...mapped]) expect(en[k], k).toBeDefined();
    for (const p of prefixes) expect(Object.keys(en).some((k) => k.startsWith(p)), p).toBe(true);
    for (const k of ['status_kept', 'status_broken', 'status_in_progress', 'status_abandoned', 'status_hard_to_rate', 'marks_underline', 'marks_background', 'marks_none', 'theme_auto', 'theme_light', 'theme_dark']) {
      expect(en[k], k).toBeDefined();
    }
    // The manifest's own keys are kept.
    expect(en.extName.message).toBe('Nameplate');
    expect(en.extDescription && fr.extDescription).toBeTruthy();
  });

  it('no UI text is hard-coded in the popup and options markup', () => {
    for (const file of ['popup/Popup.tsx', 'options/Options.tsx']) {
      const tsx = readFileSync(join(ROOT, 'src', file), 'utf8');
      // Text between a closing ">" and "<" that has letters and is not an expression.
      const literal = [...tsx.matchAll(/(?<!=)>\s*([A-Za-z][^<>{}]*?)\s*</g)].map((m) => m[1]).filter((s) => /[a-z]{3}/i.test(s) && !/[();=.]/.test(s));
      expect(literal, file).toEqual([]);
    }
  });
});
