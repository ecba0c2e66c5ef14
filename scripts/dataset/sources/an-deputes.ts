/** France: deputies of the 16th (2022–2024, via NosDéputés) and 17th (2024–, via Datan) legislatures, joined to ministers by AN id. */
import type { SourceAdapter } from '../adapter';
import type { Registry } from '../registry';
import { addDays, readCsv } from '../util';

/** The 16th legislature ended with the dissolution of 9 June 2024 (decree published 10 June). */
const DISSOLUTION_2024 = { end: '2024-06-10', url: 'https://fr.news.yahoo.com/dissolution-lassembl%C3%A9e-nationale-texte-d%C3%A9cret-174003001.html' };

const deputy = (registry: Registry, uid: string, first: string, last: string, civ: string) => {
  const p = registry.identify({ id: `fr-${uid}`, name: `${first} ${last}`, country: 'FR', ids: { assemblee: uid }, join: 'ids' }, 'an-deputes');
  registry.setGender(p, civ);
  return p;
};

export const anDeputes: SourceAdapter = {
  source: { id: 'an-deputes', name: 'Assemblée nationale open data (deputies, via NosDéputés and Datan)', licence: 'Licence Ouverte / Etalab 2.0', url: 'https://data.assemblee-nationale.fr/', commit: '18582f1ddddeef11a2e720b1f784efb0bf07f105', asOf: '2026-03-09' },
  load({ shared, registry }) {
    const names = new Map(readCsv(shared, 'nosdeputes2-an-opendata/deputes.csv').map((r) => [r.id, r]));
    for (const m of readCsv(shared, 'nosdeputes2-an-opendata/deputes-organes.csv')) {
      if (m.typeOrgane !== 'ASSEMBLEE' || m.legislature !== '16') continue;
      const who = names.get(m.depId);
      if (!who) continue;
      const p = deputy(registry, m.depId, who.prenom, who.nom, who.civ);
      const end = m.dateFin ? addDays(m.dateFin, 1) : DISSOLUTION_2024.end;
      registry.addTenure({
        person: p.id, title: 'Député (16e législature)', short: 'Deputy', org: 'Assemblée nationale', country: 'FR',
        start: m.dateDebut, end, rank: 7, src: 'an-deputes', ...(m.dateFin ? {} : { url: DISSOLUTION_2024.url }),
      });
    }
    for (const r of readCsv(shared, 'datan-deputes-17/deputes-active.csv')) {
      const p = deputy(registry, r.id, r.prenom, r.nom, r.civ);
      registry.addTenure({
        person: p.id, title: `Député de la ${r.circo}e circonscription (${r.departementNom})`, short: 'Deputy', org: 'Assemblée nationale', country: 'FR',
        start: r.datePriseFonction, rank: 7, src: 'an-deputes',
      });
      if (!p.parties?.length) p.parties = [{ party: r.groupe, from: r.datePriseFonction }];
    }
  },
};
