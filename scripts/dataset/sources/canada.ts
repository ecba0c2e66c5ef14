/**
 * Canada: federal ministers with exact times, from the Government of Canada open-data portal's
 * pick-list (scraped from ourcommons.ca), January 2020 on, both Carney ministries included.
 * Post codes are the scraper's initials, not stable keys: the English title is used. End dates
 * the scraper wrote when it found none (midnight on the day it ran) are not real endings.
 */
import { join } from 'node:path';
import type { Tenure } from '../../../src/core/schema';
import { nameKey } from '../../../src/core/normalise';
import type { SourceAdapter } from '../adapter';
import { addDays, readJson } from '../util';

/** Days the scraper ran and wrote its fallback ends (SOURCES.md; commit dates of the file). */
const SCRAPE_DAYS = new Set(['2025-03-21', '2025-05-16', '2025-12-09', '2026-07-24']);

const SHORT: [RegExp, string, string?, number?][] = [
  [/^Prime Minister$/, 'Prime Minister', 'hog', 1],
  [/^Deputy Prime Minister$/, 'Deputy Prime Minister', 'deputy_hog', 2],
  [/^Minister of Finance( and National Revenue)?$/, 'Finance Minister', 'finance'],
  [/^Minister of Foreign Affairs( and International Development)?$/, 'Foreign Minister', 'foreign'],
  [/^Minister of National Defence$/, 'Defence Minister', 'defence'],
  [/^Minister of Public Safety\b/, 'Public Safety Minister', 'interior'],
  [/^Minister of Justice$/, 'Justice Minister', 'justice'],
];

const rankOf = (title: string) =>
  /^(Associate Minister|Minister responsible for)/.test(title) ? 4 : /^(Secretary of State|Chief government whip|Special Representative)/.test(title) ? 5 : 3;

/** "2025-03-14T11:30:59" → the first day no longer held, at day granularity: the successor's day. */
function endDay(stamp: string): string {
  const [day, time] = stamp.split('T');
  return time >= '23:59' ? addDays(day, 1) : day;
}

export const canada: SourceAdapter = {
  source: { id: 'canada', name: 'Government of Canada open data (federal ministers, from ourcommons.ca)', licence: 'MIT (ckanext-canada); facts from the House of Commons of Canada', url: 'https://github.com/open-data/ckanext-canada/blob/master/ckanext/canada/tables/choices/minister.json', commit: 'fb4263fb23e93bef342e0ea3f867a43629172a9e', asOf: '2026-07-24' },
  load({ shared, registry }) {
    const posts = readJson(join(shared, 'canada-ckan-ministers', 'minister.json')) as Record<string, { en: string; ministers: { name: string; start_date: string; end_date: string }[] }>;
    const rows: Tenure[] = [];
    for (const [code, post] of Object.entries(posts).sort(([a], [b]) => a.localeCompare(b))) {
      // The Governor General row is hard-coded by the scraper, not scraped: the curated realms layer has the office.
      if (code === 'GG') continue;
      const title = post.en.replace(/[’]/g, "'").trim();
      const rule = SHORT.find(([re]) => re.test(title));
      for (const m of post.ministers) {
        const p = registry.identify({ id: `ca-${nameKey(m.name).replace(/ /g, '-')}`, name: m.name.trim(), country: 'CA', join: 'name' }, 'canada');
        const start = m.start_date.slice(0, 10);
        const fallback = m.end_date.endsWith('T00:00:00') && SCRAPE_DAYS.has(m.end_date.slice(0, 10));
        const end = m.end_date && !fallback ? endDay(m.end_date) : undefined;
        rows.push({
          person: p.id, title, short: rule?.[1] ?? title, org: 'Government of Canada', country: 'CA', start, ...(end ? { end } : {}),
          rank: rule?.[3] ?? rankOf(title), src: 'canada', ...(rule?.[2] ? { office: rule[2] } : {}),
        });
      }
    }
    // An office retitled under the same holder (Finance → Finance and National Revenue) or handed on
    // while the old row stays open: the open row ends where the next row of that office starts.
    for (const t of rows) {
      if (t.end) continue;
      const same = (o: Tenure) => (t.office ? o.office === t.office : o.title === t.title);
      const next = rows.filter((o) => o !== t && same(o) && o.start > t.start).sort((a, b) => a.start.localeCompare(b.start))[0];
      if (next) t.end = next.start;
    }
    for (const t of rows) registry.addTenure(t);
  },
};
