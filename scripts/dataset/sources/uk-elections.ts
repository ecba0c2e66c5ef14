/** UK: every MP elected at the general elections of 2010–2024 and at by-elections (House of Commons Library results). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { SourceAdapter } from '../adapter';
import { dmy, mergeSpells, readCsv, type Row } from '../util';

const DIR = 'uk-parliament-election-results';
const GE_COLUMNS = ['ONS ID', 'ONS region ID', 'Constituency name', 'County name', 'Region name', 'Country name', 'Constituency type', 'Party name', 'Party abbreviation', 'Electoral Commission party ID', 'MNIS party ID', 'Electoral Commission adjunct party ID', 'Candidate first name', 'Candidate surname', 'Candidate gender', 'Sitting MP', 'Former MP', 'Member MNIS ID', 'Votes', 'Share', 'Change'];

interface Win { mnis: string; first: string; last: string; gender: string; party: string; seat: string; seatName: string; date: string; parliament: number }

/** The winner (most votes) of each contest. */
function winners(rows: Row[], parliament: number, dateOf: (r: Row) => string): Win[] {
  const best = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r['ONS ID'] ?? r['ONS ID2']}|${dateOf(r)}`;
    const cur = best.get(key);
    if (!cur || Number(r.Votes) > Number(cur.Votes)) best.set(key, r);
  }
  return [...best.values()].map((r) => ({
    mnis: String(r['Member MNIS ID'] ?? '').trim(), first: r['Candidate first name'].trim(), last: r['Candidate surname'].trim(), gender: r['Candidate gender'] ?? '',
    party: r['Party name'].trim(), seat: r['ONS ID'] ?? r['ONS ID2'], seatName: r['Constituency name'].trim(), date: dateOf(r), parliament,
  }));
}

export const ukElections: SourceAdapter = {
  source: { id: 'ukparl', name: 'UK Parliament election results (House of Commons Library)', licence: 'Open Parliament Licence v3.0', url: 'https://electionresults.parliament.uk/', commit: '774c93e64c4d69a5094d0518aef68060c4d74df0', asOf: '2026-08-20' },
  load({ shared, registry }) {
    const periods = parseCsv(readFileSync(join(shared, DIR, 'parliament_periods.csv')), { relax_column_count: true }) as string[][];
    const elected = new Map<number, string>();
    const dissolved = new Map<number, string>();
    for (const p of periods) {
      elected.set(Number(p[0]), dmy(p[1]));
      if (p[4]) dissolved.set(Number(p[0]), dmy(p[4]));
    }
    const wins: Win[] = [];
    for (let n = 55; n <= 59; n++) {
      const ge = parseCsv(readFileSync(join(shared, DIR, `parliament-${n}-general-election-candidacies.csv`)), {
        columns: n === 59 ? true : GE_COLUMNS, bom: true, skip_empty_lines: true, relax_column_count: true,
      }) as Row[];
      wins.push(...winners(ge, n, () => elected.get(n)!));
      wins.push(...winners(readCsv(shared, `${DIR}/parliament-${n}-by-elections-candidacies.csv`), n, (r) => dmy(r['Election date'])));
    }
    wins.sort((a, b) => a.date.localeCompare(b.date) || a.seat.localeCompare(b.seat));
    for (const w of wins) {
      if (!w.mnis) throw new Error(`election results: winner ${w.first} ${w.last} (${w.seatName}, ${w.date}) has no MNIS id`);
      // The seat is held until dissolution, or the next by-election in the same seat during that Parliament.
      const next = wins.find((o) => o.seat === w.seat && o.parliament === w.parliament && o.date > w.date);
      const end = next?.date ?? dissolved.get(w.parliament);
      const p = registry.identify({ id: `gb-m${w.mnis}`, name: `${w.first} ${w.last}`, country: 'GB', ids: { ukParliament: w.mnis }, join: 'ids' }, 'ukparl');
      registry.setGender(p, w.gender);
      registry.addTenure({
        person: p.id, title: `Member of Parliament for ${w.seatName}`, short: 'MP', org: 'House of Commons', country: 'GB',
        start: w.date, ...(end ? { end } : {}), rank: 7, src: 'ukparl',
      });
      if (!p.src.includes('ifg')) p.parties = mergeSpells([...(p.parties ?? []), { party: w.party, from: w.date, ...(end ? { to: end } : {}) }]);
    }
  },
};
