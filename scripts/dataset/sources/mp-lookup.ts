/** UK: the DfE MP lookup (from the UK Parliament Members API) — sitting MPs' current party, which shows defections. */
import type { SourceAdapter } from '../adapter';
import { readCsv } from '../util';

/** The lookup has no dates: a party it reports that differs from the election's is known from its snapshot. */
const SNAPSHOT = '2026-06-27';

export const mpLookup: SourceAdapter = {
  source: { id: 'mplookup', name: 'MP lookup (DfE, from the UK Parliament Members API)', licence: 'Open Parliament Licence v3.0', url: 'https://github.com/dfe-analytical-services/mp-lookup', commit: '793ea661826202d050e95291e6f64021ce6c94d1', asOf: SNAPSHOT },
  load({ shared, registry }) {
    // One row per member (the last, if listed twice).
    const rows = new Map(readCsv(shared, 'dfe-mp-lookup/mp_lookup.csv').map((r) => [r.member_id, r]));
    for (const [mnis, r] of rows) {
      const p = registry.get(`gb-m${mnis}`);
      if (!p) continue;
      registry.addSource(p, 'mplookup');
      const party = r.party_text.replace(/^Labour \(Co-op\)$/, 'Labour and Co-operative');
      const last = p.parties?.at(-1);
      if (last && last.party !== party && !last.to) {
        last.to = SNAPSHOT;
        p.parties!.push({ party, from: SNAPSHOT });
      }
    }
  },
};
