/** The sources added for issue 13, each checked against the bundled dataset (skipped without ../shared/data). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Dataset, Tenure } from '../../src/core/schema';
import { loadDataset } from '../../src/core/dataset';
import { nameKey } from '../../src/core/normalise';
import { plainName } from '../../scripts/dataset/sources/openaustralia';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared', 'data');
const data = loadDataset(JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'))) as Dataset;
const byPerson = new Map<string, Tenure[]>();
for (const t of data.tenures) byPerson.set(t.person, [...(byPerson.get(t.person) ?? []), t]);
const named = (name: string, country: string) =>
  data.people.filter((p) => p.country === country && [p.name, ...(p.aliases ?? []).map((a) => a.name)].some((n) => nameKey(n) === nameKey(name)));
const dmy = (s: string) => s.split('/').reverse().join('-');
const overlaps = (t: Tenure, start: string, end?: string) => t.start < (end ?? '9999') && start < (t.end ?? '9999');

describe.skipIf(!existsSync(SHARED))('new sources against the dataset', () => {
  it('has every OpenAustralia ministry and shadow-ministry row with the source dates (or a sourced curated correction)', () => {
    const missing: string[] = [];
    for (const file of ['ministers.csv', 'shadow-ministers.csv']) {
      const text = readFileSync(join(SHARED, 'openaustralia', file), 'utf8').split('\n').filter((l) => l.trim() && !/^,+$/.test(l.trim())).join('\n');
      const rows = (parseCsv(text, { relax_column_count: true, relax_quotes: true }) as string[][]).slice(1);
      for (const r of rows) {
        const title = r.slice(3).join(', ').replace(/\s+/g, ' ').replace(/[’]/g, "'").trim();
        if (/\(Senate\)$/.test(title)) continue;
        const start = dmy(r[1].trim());
        const end = r[2]?.trim() ? dmy(r[2].trim()) : undefined;
        if (end && end <= start) continue; // reversed row: left out, corrected in data/curated/core-fixes.json
        const people = named(plainName(r[0]), 'AU');
        const ok = people.some((p) => (byPerson.get(p.id) ?? []).some((t) =>
          // The same post over the same days: rows listed twice, or back to back, are one tenure.
          (t.title === title && t.start <= start && ((t.end ?? '9999') >= (end ?? '9999') || (end === '2022-06-01' && t.end === '2022-05-23') ||
            // A core office is closed where the next holder starts: at most a fortnight before the source's end.
            (!!t.office && !!t.end && !!end && new Date(Date.parse(t.end) + 14 * 86_400_000).toISOString().slice(0, 10) >= end))) ||
          (t.src === 'curated' && overlaps(t, start, end))));
        if (!ok) missing.push(`${r[0]} ${title} ${start}–${end ?? ''}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has every Canadian minister row with the source day (end at the second before the successor = the successor\'s day)', () => {
    const posts = JSON.parse(readFileSync(join(SHARED, 'canada-ckan-ministers', 'minister.json'), 'utf8')) as Record<string, { en: string; ministers: { name: string; start_date: string }[] }>;
    const missing: string[] = [];
    for (const [code, post] of Object.entries(posts)) {
      if (code === 'GG') continue;
      for (const m of post.ministers) {
        const people = named(m.name, 'CA');
        const start = m.start_date.slice(0, 10);
        // Only the start is checked: a post code keeps its minister across renamings of the portfolio
        // (the dataset ends the old title where the renamed one starts), so the next row's day is not an end.
        const ok = people.some((p) => (byPerson.get(p.id) ?? []).some((t) => (t.title === post.en.replace(/[’]/g, "'") && t.start <= start && (t.end ?? '9999') > start) || (t.src === 'curated' && overlaps(t, start, undefined) && t.start <= start)));
        if (!ok) missing.push(`${m.name} ${post.en} ${start}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has every member of every Congress since 1977 in that Congress, in the chamber of the source', () => {
    const rows = parseCsv(readFileSync(join(SHARED, 'congress-legislators', 'fivethirtyeight-data_aging_congress.csv')), { columns: true }) as Record<string, string>[];
    const missing: string[] = [];
    for (const r of rows) {
      if (Number(r.congress) < 95) continue;
      const short = r.chamber === 'Senate' ? 'Senator' : 'Representative';
      const ts = byPerson.get(`us-${r.bioguide_id}`) ?? [];
      // A row means "served at some point in this Congress" (a sitting member's exact term may start mid-way).
      const next = new Date(Date.parse(r.start_date) + 730 * 86_400_000).toISOString().slice(0, 10);
      if (!ts.some((t) => t.short === short && overlaps(t, r.start_date, next))) missing.push(`${r.bioname} ${r.chamber} ${r.congress}`);
    }
    expect(missing.length, missing.slice(0, 10).join('; ')).toBe(0);
  });

  it('has every UK opposition post of a known MP (parlparse, to October 2020) with the source start', () => {
    const file = JSON.parse(readFileSync(join(SHARED, 'parlparse', 'ministers-2010.STALE-2020-10-21.json'), 'utf8')) as { memberships: any[] };
    let checked = 0;
    const missing: string[] = [];
    for (const m of file.memberships) {
      const hit = /\/Member\/(\d+)\/OppositionPost\//.exec(m.id);
      const role = String(m.role ?? '').replace(/\s+/g, ' ').trim();
      // Rows that end on the day they start cannot be right: the build leaves them out and says so.
      if (!hit || !m.start_date || (m.end_date && m.end_date <= m.start_date) || /^Leader of the |^Shadow Secretary of State$/.test(role) || !data.people.some((p) => p.id === `gb-m${hit[1]}`)) continue;
      checked++;
      const ts = byPerson.get(`gb-m${hit[1]}`) ?? [];
      if (!ts.some((t) => t.title === role && t.start <= m.start_date && (t.end ?? '9999') >= (m.end_date ?? '9999')) && !ts.some((t) => t.src === 'curated' && overlaps(t, m.start_date, m.end_date))) missing.push(`${hit[1]} ${role} ${m.start_date}`);
    }
    expect(checked).toBeGreaterThan(1500);
    expect(missing).toEqual([]);
  });
});
