/**
 * US: every member of Congress since 1977, one tenure per Congress served (FiveThirtyEight's
 * per-Congress membership, 95th–118th), named through congress-legislators' historical table.
 * A row means "served at some point in this Congress": mid-term arrivals and departures are not
 * in the file, so those that news covers are corrected by sourced rows in data/curated/congress-departures.json.
 * Terms since 2007 of members still sitting in 2026 come from the `congress` adapter, with exact dates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SourceAdapter } from '../adapter';
import { mergeSpells, readCsv } from '../util';
import { knownName } from './congress';

const FIRST_CONGRESS = 95; // 1977–1979
const PARTY: Record<string, string> = { '100': 'Democrat', '200': 'Republican', '328': 'Independent' };
/** The 119th Congress started on 3 January 2025: the 118th ends there. */
const AFTER_LAST = '2025-01-03';

export const congressHistory: SourceAdapter = {
  source: { id: 'congress-history', name: 'FiveThirtyEight congress-demographics (per-Congress membership) with congress-legislators names', licence: 'CC BY 4.0 (FiveThirtyEight); names CC0 1.0 (congress-legislators)', url: 'https://github.com/fivethirtyeight/data/tree/master/congress-demographics', commit: 'fcf572c4fba05a42f1f34f415bd5e6dc389efd68', asOf: '2023-03-29' },
  load({ shared, registry }) {
    const rows = readCsv(shared, 'congress-legislators/fivethirtyeight-data_aging_congress.csv').filter((r) => Number(r.congress) >= FIRST_CONGRESS);
    const starts = [...new Set(rows.map((r) => r.start_date))].sort();
    const endOf = (start: string) => starts[starts.indexOf(start) + 1] ?? AFTER_LAST;
    const historical = new Map(readCsv(shared, 'congress-legislators/legislators-historical.csv').map((r) => [r.bioguide_id, r]));
    // Sitting members: the first day of the exact terms the congress adapter has (those ending after 2007).
    const exactFrom = new Map<string, string>();
    for (const e of parseYaml(readFileSync(join(shared, 'congress-legislators', 'legislators-current.yaml'), 'utf8'), { maxAliasCount: -1 }) as any[]) {
      const starts = e.terms.filter((t: any) => t.end >= '2007-01-03').map((t: any) => t.start as string).sort();
      exactFrom.set(e.id.bioguide, starts[0] ?? '9999');
    }
    const current = new Set(exactFrom.keys());
    rows.sort((a, b) => a.bioguide_id.localeCompare(b.bioguide_id) || a.start_date.localeCompare(b.start_date));
    for (const r of rows) {
      // Sitting members' terms since 2007 are in legislators-current.yaml with their exact dates.
      if (current.has(r.bioguide_id) && endOf(r.start_date) > exactFrom.get(r.bioguide_id)!) continue;
      const h = historical.get(r.bioguide_id);
      const p = registry.get(`us-${r.bioguide_id}`) ?? (() => {
        const [last, rest = ''] = r.bioname.split(', ');
        const first = h?.first_name || rest.replace(/\(.*\)/, '').split(' ')[0];
        const surname = h?.last_name || last.charAt(0) + last.slice(1).toLowerCase();
        const name = knownName(h?.wikipedia_id ?? '', surname, h?.nickname || undefined, `${first} ${surname}`);
        const q = registry.identify({ id: `us-${r.bioguide_id}`, name, country: 'US', ids: { bioguide: r.bioguide_id }, join: 'ids' }, 'congress-history');
        registry.addAlias(q, { name: `${h?.nickname || first} ${surname}` });
        if (h?.nickname) registry.addAlias(q, { name: `${first} ${surname}` });
        if (h?.full_name) registry.addAlias(q, { name: h.full_name });
        if (h?.suffix) registry.addAlias(q, { name: `${h.nickname || first} ${surname} ${h.suffix}` });
        registry.setGender(q, h?.gender);
        return q;
      })();
      registry.addSource(p, 'congress-history');
      const senate = r.chamber === 'Senate';
      const end = endOf(r.start_date);
      registry.addTenure({
        person: p.id, title: senate ? `United States Senator from ${r.state_abbrev}` : `U.S. Representative from ${r.state_abbrev}`,
        short: senate ? 'Senator' : 'Representative', org: senate ? 'United States Senate' : 'United States House of Representatives', country: 'US',
        start: r.start_date, end, rank: 7, src: 'congress-history',
      });
      const party = PARTY[r.party_code];
      if (party && !current.has(r.bioguide_id)) p.parties = mergeSpells([...(p.parties ?? []), { party, from: r.start_date, to: end }]);
    }
  },
};
