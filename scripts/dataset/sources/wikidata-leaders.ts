/** Heads of state and government of the G20, the EU and a few more (Wikidata extract), since 2007. */
import type { SourceAdapter } from '../adapter';
import { addDays, readCsv } from '../util';

const LEADER_COUNTRIES: Record<string, string> = {
  ARG: 'AR', AUS: 'AU', BRA: 'BR', CAN: 'CA', CHN: 'CN', DEU: 'DE', FRA: 'FR', IND: 'IN', IDN: 'ID', ITA: 'IT', JPN: 'JP', KOR: 'KR',
  MEX: 'MX', RUS: 'RU', SAU: 'SA', ZAF: 'ZA', TUR: 'TR', AUT: 'AT', BEL: 'BE', BGR: 'BG', HRV: 'HR', CYP: 'CY', CZE: 'CZ', DNK: 'DK',
  EST: 'EE', FIN: 'FI', GRC: 'GR', HUN: 'HU', IRL: 'IE', LVA: 'LV', LTU: 'LT', LUX: 'LU', MLT: 'MT', NLD: 'NL', POL: 'PL', PRT: 'PT',
  ROU: 'RO', SVK: 'SK', SVN: 'SI', ESP: 'ES', SWE: 'SE', UKR: 'UA', ISR: 'IL', NZL: 'NZ', NOR: 'NO', CHE: 'CH',
};
/** Heads of state the extract mixes up (Swiss Federal Council, realms whose head of state is the British monarch). */
const SKIP_HEAD_OF_STATE = new Set(['CHE', 'AUS', 'CAN', 'NZL', 'JPN', 'SAU', 'ESP', 'NLD', 'BEL', 'DNK', 'SWE', 'NOR', 'LUX']);
const TITLES: Record<string, [string, string]> = {
  'FR|head_of_state': ['President of the French Republic', 'President'],
  'FR|head_of_government': ['Prime Minister of France', 'Prime Minister'],
  'DE|head_of_state': ['Federal President of Germany', 'President'],
  'DE|head_of_government': ['Federal Chancellor of Germany', 'Chancellor'],
  'AT|head_of_government': ['Federal Chancellor of Austria', 'Chancellor'],
};

export const wikidataLeaders: SourceAdapter = {
  source: { id: 'wikidata', name: 'Wikidata (heads of state and government extract)', licence: 'CC0 1.0', url: 'https://www.wikidata.org/', commit: '2e1e3b9cf6bff86186ae26376a2deafdbd9c67e3', asOf: '2025-10-03' },
  load({ shared, registry }) {
    const rows = readCsv(shared, 'wikidata-leaders-geografia/leaders_history.csv');
    rows.sort((a, b) => (a.iso3 + a.role + a.start).localeCompare(b.iso3 + b.role + b.start));
    const usable = rows.filter((r) => LEADER_COUNTRIES[r.iso3] && r.start && /^Q\d+$/.test(r.person_qid) && r.person && !/^Q\d+$/.test(r.person) &&
      !(r.role === 'head_of_state' && SKIP_HEAD_OF_STATE.has(r.iso3)));
    const headOfState = (r: Record<string, string>) => usable.some((o) => o.role === 'head_of_state' && o.iso3 === r.iso3 && o.person_qid === r.person_qid && o.start.slice(0, 4) === r.start.slice(0, 4));
    for (const [i, r] of usable.entries()) {
      const country = LEADER_COUNTRIES[r.iso3];
      // In presidential systems the extract lists the president as head of government too: keep "President" only.
      if (r.role === 'head_of_government' && headOfState(r)) continue;
      const start = r.start.slice(0, 10);
      // Open rows the extract forgot to close end where the next holder of the same office starts.
      const successor = usable.slice(i + 1).find((o) => o.iso3 === r.iso3 && o.role === r.role && o.person_qid !== r.person_qid && o.start > r.start);
      // The extract often ends a term the day before the successor's first day; our ends are exclusive.
      let end = r.end ? r.end.slice(0, 10) : successor?.start.slice(0, 10);
      if (end && successor && addDays(end, 1) === successor.start.slice(0, 10)) end = successor.start.slice(0, 10);
      if ((end ?? '9999') < '2007-01-01' || start.endsWith('-01-01')) continue;
      if (r.role === 'head_of_state' && /(do|da|de|dos) (Reino|Países|Espanha|Suécia|Dinamarca|Bélgica|Noruega|Japão)/.test(r.person)) continue;
      const p = registry.identify({ id: `wd-${r.person_qid}`, name: r.person, country, ids: { wikidata: r.person_qid }, join: 'name' }, 'wikidata');
      const hos = r.role === 'head_of_state';
      const [title, short] = TITLES[`${country}|${r.role}`] ?? (hos ? [`Head of state (${country})`, 'President'] : [`Head of government (${country})`, 'Prime Minister']);
      registry.addTenure({ person: p.id, title, short, country, start, ...(end ? { end } : {}), rank: 1, src: 'wikidata', office: hos ? 'hos' : 'hog' });
    }
  },
};
