/** UK: the Institute for Government Ministers Database — every ministerial appointment since 1979. */
import type { PartySpell } from '../../../src/core/schema';
import type { SourceAdapter } from '../adapter';
import { mergeSpells, readCsv } from '../util';
import { UK_SHORT, ukOffice } from './uk-titles';

const UK_RANK: Record<string, number> = { PM: 1, DPM: 2, SoS: 3, MoS: 4, PUSS: 5, 'Parl.': 6, 'Parl. lead.': 6 };
/** Posts held alongside a department ("Minister for Women and Equalities"): one step junior, so the card names the department. */
const UK_ADD_ON = /^Minister for (Women|Equalities|Women and Equalit(y|ies)|Intergovernmental Relations)$/;

export const ifg: SourceAdapter = {
  source: { id: 'ifg', name: 'IfG Ministers Database', licence: 'CC BY 4.0', url: 'https://github.com/instituteforgov/ifg-ministers-database-public', commit: '92e227025645607913912d9d8312b7421a437bd3', asOf: '2026-06-19' },
  load({ shared, registry }) {
    const csv = (f: string) => readCsv(shared, `ifg-ministers-database/${f}`);
    const groups = new Map<string, Record<string, string>[]>();
    for (const r of csv('person.csv')) groups.set(r.id, [...(groups.get(r.id) ?? []), r]);
    const idOf = new Map<string, string>();
    for (const [ifgId, versions] of groups) {
      // The current name is the version without an end date (else the latest).
      versions.sort((a, b) => (a.start_date || '0000').localeCompare(b.start_date || '0000'));
      const current = versions.find((v) => !v.end_date) ?? versions[versions.length - 1];
      const mnis = current.id_parliament ? String(parseInt(current.id_parliament, 10)) : undefined;
      const p = registry.identify({ id: mnis ? `gb-m${mnis}` : `gb-ifg-${ifgId.slice(0, 8)}`, name: current.name, country: 'GB', ids: { ifg: ifgId, ...(mnis ? { ukParliament: mnis } : {}) }, join: 'ids' }, 'ifg');
      registry.setGender(p, current.gender);
      for (const v of versions) {
        const when = { ...(v.start_date ? { from: v.start_date } : {}), ...(v.end_date ? { to: v.end_date } : {}) };
        if (v !== current) registry.addAlias(p, { name: v.name, ...when });
        // "Lord Cameron of Chipping Norton" is printed "Lord Cameron".
        const peer = /^((?:Lord|Lady|Baroness|Baron|Viscount|Earl)\s+[^\s]+(?:\s+[^\s]+)?)\s+of\s+/.exec(v.name);
        if (peer) registry.addAlias(p, { name: peer[1], ...when });
      }
      idOf.set(ifgId, p.id);
    }
    const posts = new Map(csv('post.csv').map((r) => [r.id, r]));
    const orgs = new Map(csv('organisation.csv').map((r) => [r.id, r]));
    for (const a of csv('appointment.csv')) {
      const post = posts.get(a.post_id);
      const person = idOf.get(a.person_id);
      if (!post || !person) throw new Error(`IfG appointment ${a.id}: unknown post or person`);
      const short = UK_SHORT.find(([re]) => re.test(post.name))?.[1] ?? post.name;
      const office = ukOffice(short);
      registry.addTenure({
        person, title: post.name, short, org: orgs.get(post.organisation_id)?.name, country: 'GB',
        // First Secretary of State is a title of precedence held with a department (Osborne, Hague, Raab): the department's rank.
        // The Leaders of both Houses sit in cabinet, whatever IfG's "parliamentary" rank says.
        start: a.start_date, ...(a.end_date ? { end: a.end_date } : {}), rank: short === 'First Secretary of State' || /^Leader of the House of (Commons|Lords)$/.test(short) ? 3 : (UK_RANK[post.rank_equivalence] ?? 6) + (UK_ADD_ON.test(short) ? 1 : 0), src: 'ifg',
        ...(office ? { office } : {}),
      });
    }
    // Party spells from the Commons/Lords representation periods.
    const reps = new Map(csv('representation.csv').map((r) => [r.id, r]));
    const spells = new Map<string, PartySpell[]>();
    for (const c of csv('representation_characteristics.csv')) {
      const rep = reps.get(c.representation_id);
      const person = rep && idOf.get(rep.person_id);
      if (!person || !c.party) continue;
      spells.set(person, [...(spells.get(person) ?? []), { party: c.party, ...(c.start_date ? { from: c.start_date } : {}), ...(c.end_date ? { to: c.end_date } : {}) }]);
    }
    for (const [id, list] of spells) registry.get(id)!.parties = mergeSpells(list);
  },
};
