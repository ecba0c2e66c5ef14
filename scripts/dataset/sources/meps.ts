/** EU: MEPs of the 10th term (2024–), via MEPwatch, with their political group. */
import { join } from 'node:path';
import type { SourceAdapter } from '../adapter';
import { readCsv, readJson, titleCase } from '../util';

const TERM_10_START = '2024-07-16';

export const meps: SourceAdapter = {
  source: { id: 'europarl', name: 'European Parliament (MEPs of the 10th term, via MEPwatch)', licence: 'European Parliament reuse notice (acknowledge the source)', url: 'https://www.europarl.europa.eu/meps/en/', commit: '908f5f8bedc305ef9c5e1c8179e9e0cf499e36c4', asOf: '2024-10-14' },
  load({ shared, registry }) {
    const groups = readJson(join(shared, 'mepwatch-meps-10', 'eugroups.json')) as Record<string, { name: string }>;
    const moves = new Map(readCsv(shared, 'mepwatch-meps-10/inout.csv').map((r) => [r.id, r]));
    for (const r of readCsv(shared, 'mepwatch-meps-10/meps.csv')) {
      const country = r.country.toUpperCase();
      const name = `${r.first_name} ${titleCase(r.last_name)}`.replace(/\s+/g, ' ').trim();
      const p = registry.identify({ id: `eu-${r.epid}`, name, country, join: 'name' }, 'europarl');
      registry.setGender(p, r.gender);
      const move = moves.get(r.epid);
      const start = move && move.start > TERM_10_START ? move.start : TERM_10_START;
      const group = groups[r.eugroup]?.name ?? r.eugroup;
      registry.addTenure({
        person: p.id, title: `Member of the European Parliament (${country})`, short: 'MEP', org: `European Parliament, ${group}`, country,
        start, rank: 7, src: 'europarl',
      });
      if (!p.parties?.length && r.party) p.parties = [{ party: r.party, from: start }];
    }
  },
};
