/** France: Assemblée nationale open data — members of the government since 2017 (one file per person). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceAdapter } from '../adapter';
import { addDays, readJson } from '../util';

const FR_SHORT: [RegExp, string, string?][] = [
  [/Intérieur/i, 'Minister of the Interior', 'interior'],
  [/Europe et des Affaires étrangères|Affaires étrangères/i, 'Minister for Foreign Affairs', 'foreign'],
  [/Armées/i, 'Minister of the Armed Forces', 'defence'],
  [/Justice/i, 'Minister of Justice', 'justice'],
  [/Économie|Economie/i, 'Minister of the Economy', 'finance'],
  [/Éducation nationale|Education nationale/i, 'Minister of Education'],
  [/Santé|Solidarités et de la Santé/i, 'Minister of Health'],
  [/Travail/i, 'Minister of Labour'],
  [/Culture/i, 'Minister of Culture'],
  [/Agriculture/i, 'Minister of Agriculture'],
  [/Transition écologique/i, 'Minister for the Ecological Transition'],
];

/**
 * The AN data is frozen mid-2024: the Attal government's mandates have no end
 * although it was replaced. A ministry mandate without an end takes the end of
 * the government it ran alongside, from this curated table.
 */
const GOVERNMENT_ENDS: Record<string, { end: string; url: string }> = {
  PO833673: { end: '2024-09-21', url: 'https://www.universalis.fr/evenement/5-27-septembre-2024-nomination-de-michel-barnier-au-poste-de-premier-ministre/' },
};
function endOfGovernment(mandats: any[], m: any): { end: string; url: string } | undefined {
  const gov = mandats.find((g) => g.typeOrgane === 'GOUVERNEMENT' && g.dateDebut <= m.dateDebut && !g.dateFin);
  const organe = gov && [gov.organes.organeRef].flat()[0];
  return organe ? GOVERNMENT_ENDS[organe] : undefined;
}

/** An organe's name, folded: the AN gives one ministry several organe ids over the years. */
const ministryOf = (org: any) => String(org?.libelle ?? '').replace(/\u00a0/g, ' ').replace(/’/g, "'").toLowerCase();

export const assemblee: SourceAdapter = {
  source: { id: 'an', name: 'Assemblée nationale open data', licence: 'Licence Ouverte / Etalab 2.0', url: 'https://data.assemblee-nationale.fr/', commit: '3d34cba83828dbb84796c3085632617caccb4515', asOf: '2026-01-29' },
  load({ shared, registry }) {
    const dir = join(shared, 'an-gouvernement-2017');
    const organes = new Map<string, any>();
    for (const f of readdirSync(join(dir, 'organe')).sort()) {
      const o = readJson(join(dir, 'organe', f));
      organes.set(o.uid, o);
    }
    const acteurs = readdirSync(join(dir, 'acteur')).sort().map((f) => readJson(join(dir, 'acteur', f)));
    // A plain "Ministre" in a ministry led at the same time by a "Ministre d'État" is attached to that
    // minister (Gourault at the Interior under Collomb, 2017–18), whatever the AN's organe says.
    const senior = acteurs.flatMap((a) => [a.mandats.mandat].flat().filter((m: any) => m.typeOrgane === 'MINISTERE' && /^Ministre d'État/i.test(m.infosQualite?.libQualite ?? ''))
      .map((m: any) => ({ uid: a.uid['#text'] ?? a.uid, ministry: ministryOf(organes.get([m.organes.organeRef].flat()[0])), start: m.dateDebut as string, end: (m.dateFin ?? '9999') as string })));
    for (const a of acteurs) {
      const uid: string = a.uid['#text'] ?? a.uid;
      const ident = a.etatCivil.ident;
      const p = registry.identify({ id: `fr-${uid}`, name: `${ident.prenom} ${ident.nom}`, country: 'FR', ids: { assemblee: uid }, join: 'name' }, 'an');
      registry.setGender(p, ident.civ);
      const mandats = [a.mandats.mandat].flat();
      for (const m of mandats) {
        if (m.typeOrgane !== 'MINISTERE' || !m.dateDebut) continue;
        // The AN writes some names with non-breaking spaces ("Ministère\u00a0de\u00a0l’Europe…").
        const quality: string = (m.infosQualite?.libQualite ?? '').replace(/\u00a0/g, ' ');
        if (/mission/i.test(quality) || /Premier ministre/i.test(quality)) continue;
        const org = organes.get([m.organes.organeRef].flat()[0]);
        if (!org) continue;
        const ministry: string = String(org.libelle).replace(/\u00a0/g, ' ');
        // "Ministre d'État, ministre" is a senior full minister; a "Ministère … auprès du ministre …" is attached to another (Borne at Transport, 2017–19).
        const underSenior = /^Ministre$/i.test(quality) && senior.some((o) => o.ministry === ministryOf(org) && o.uid !== uid && o.start <= (m.dateFin ?? '9999') && m.dateDebut <= o.end);
        const attached = /auprès/i.test(ministry) || underSenior;
        // The Keeper of the Seals is the Minister of Justice ("Garde des sceaux, ministre de la justice").
        const keeper = /garde des sceaux/i.test(quality);
        const fullMinister = (keeper || /^Ministre( d'État(, ministre)?)?$/i.test(quality)) && !attached;
        // "Ministère du Travail…" held as "Ministre" → "Ministre du Travail…"; a quality that names its ministry stands alone.
        const title = keeper ? quality : underSenior ? ministry.replace(/^Minist[èe]re/i, 'Ministre auprès du ministre') : /^Minist[èe]re\b/i.test(ministry) ? ministry.replace(/^Minist[èe]re/i, quality) : `${quality} (${ministry})`;
        // An attached minister is known by the brief: "Ministre chargé des transports".
        const brief = attached && /^Ministre$/i.test(quality) ? /chargée? ((?:des|du|de la|de l['’]|de) ?[^,]+)/i.exec(ministry)?.[1] : undefined;
        const known = fullMinister ? FR_SHORT.find(([re]) => re.test(ministry)) : undefined;
        const short = known?.[1] || (brief && !underSenior ? `Ministre chargé ${brief.split(/\s+auprès/)[0].trim()}` : title);
        // AN end dates are the last day in office; ours are exclusive.
        const fixed = m.dateFin ? undefined : endOfGovernment(mandats, m);
        const end = m.dateFin ? addDays(m.dateFin, 1) : fixed?.end;
        registry.addTenure({
          person: p.id, title, short, org: `Gouvernement de la République française`, country: 'FR',
          start: m.dateDebut, ...(end ? { end } : {}), rank: fullMinister ? 3 : /délégué/i.test(quality) || attached ? 4 : 5, src: 'an',
          ...(fixed ? { url: fixed.url } : {}), ...(known?.[2] ? { office: known[2] } : {}),
        });
      }
    }
  },
};
