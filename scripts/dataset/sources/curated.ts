/**
 * Curated layers (data/curated/*.json, except pledges and the Scottish names): facts no
 * open source has, each with the URL it was checked against. Format: docs/curating.md.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../../src/core/schema';
import type { Vacancy } from '../../../src/core/continuity';
import { nameKey } from '../../../src/core/normalise';
import type { SourceAdapter } from '../adapter';
import type { Registry } from '../registry';
import { readJson } from '../util';

export interface CuratedPerson { ref: string; name: string; aliases?: string[]; country: string; wikidata?: string; party?: string; url: string }
export interface CuratedTenure { person: string; title: string; short: string; org?: string; country: string; start: string; end: string | null; url: string; rank?: number; office?: string; acting?: boolean; /** The day start and end were confirmed at `url` with the search tool (absent: not yet re-checked). */ checked?: string }
/**
 * A fix to a tenure another source gives: `start` finds it (as that source has it), `end` replaces its end,
 * and `actualStart`, when given, its start (a member who arrived in mid-term, where the source has the Congress's first day).
 */
interface CuratedCorrection { person: string; title?: string; start: string; actualStart?: string; end: string | null; url: string; note: string }
interface CuratedVacancy { country: string; office: string; start: string; end: string | null; url: string; note: string }
interface CuratedLayer { people?: CuratedPerson[]; tenures?: CuratedTenure[]; corrections?: CuratedCorrection[]; vacancies?: CuratedVacancy[] }

/** Layers that are not people and tenures: read by their own adapters. */
const NOT_LAYERS = new Set(['pledges.json', 'scotland.json', 'known-gaps.json']);

/** The curated layer's English short titles for French offices → the ones used for the AN data. */
const FR_CURATED_SHORT: Record<string, string> = {
  'Interior Minister': 'Minister of the Interior',
  'Interior Minister (acting)': 'Minister of the Interior (acting)',
  'Foreign Minister': 'Minister for Foreign Affairs',
  'Economy Minister': 'Minister of the Economy',
  'Finance Minister': 'Minister of the Economy',
  'Armed Forces Minister': 'Minister of the Armed Forces',
  'Defence Minister': 'Minister of the Armed Forces',
  'Justice Minister': 'Minister of Justice',
};

/** Offices named by their short title in layers written before office keys existed. */
const OFFICE_OF_SHORT: Record<string, string> = {
  'Leader of the Opposition': 'opposition_leader',
  'Commission President': 'eu_commission_president',
};

export function curatedRank(short: string): number {
  if (/^(President|Prime Minister|Chancellor)$/.test(short)) return 1;
  if (/Deputy Prime Minister|Vice President/.test(short)) return 2;
  return 3;
}

const slug = (s: string) => nameKey(s).replace(/ /g, '-');

/** Curated references ("GB:Mark Carney") → the person they were joined to; shared with the pledges adapter. */
export const curatedRefs = new Map<string, Person>();

export function resolveRef(registry: Registry, ref: string): Person {
  const [country, ...rest] = ref.split(':');
  // A ref a layer defines is that layer's person; otherwise, the one person of the country with the name.
  const p = curatedRefs.get(ref) ?? registry.findByName(country, rest.join(':'));
  if (!p) throw new Error(`curated: no single person "${ref}" (add it to a layer's people)`);
  return p;
}

/** Vacancies the curated layers record (an office left empty on purpose), for the continuity check. */
export const curatedVacancies: (Vacancy & { url: string; note: string })[] = [];

export const curated: SourceAdapter = {
  source: { id: 'curated', name: 'Nameplate curated facts', licence: 'CC BY 4.0', url: 'data/curated/ in the Nameplate source (each record carries its own source URL)', asOf: '2026-12-06' },
  load({ curated: dir, registry }) {
    const layers = readdirSync(dir).filter((f) => f.endsWith('.json') && !NOT_LAYERS.has(f)).sort().map((f) => readJson(join(dir, f)) as CuratedLayer);
    // Everyone first, so a layer's tenures may name people another layer introduces.
    for (const layer of layers) loadPeople(registry, layer);
    for (const layer of layers) loadTenures(registry, layer);
  },
};

function loadPeople(registry: Registry, layer: CuratedLayer) {
  for (const c of layer.people ?? []) {
    const p = registry.identify({
      id: `${c.country.toLowerCase()}-${slug(c.name)}`, name: c.name, country: c.country, ...(c.wikidata ? { ids: { wikidata: c.wikidata } } : {}),
      ...(c.party ? { party: c.party } : {}), join: 'name',
      // Not found at home, the person may be a leader known elsewhere: an EU official who was a national prime minister,
      // a central banker who became one (Mark Carney). Joined only when one of the two records is a head of state or
      // government or an EU post.
      abroad: (other) => registry.tenures.some((t) => t.person === other.id && t.rank <= 2) ||
        c.country === 'EU' || (layer.tenures ?? []).some((t) => t.person === c.ref && (t.rank ?? curatedRank(t.short)) <= 2),
    }, 'curated');
    // The curated spelling keeps accents a source dropped ("Laurent Nuñez"), and replaces the
    // Wikidata extract's labels, which are often not the English press form ("Denys Chmyhal").
    if (nameKey(c.name) === nameKey(p.name) && c.name !== p.name && /[^\x00-\x7f]/.test(c.name)) p.name = c.name;
    else if (nameKey(c.name) !== nameKey(p.name)) {
      if (p.src.every((s) => s === 'wikidata' || s === 'curated')) {
        const label = p.name;
        p.name = c.name;
        registry.addAlias(p, { name: label });
      } else registry.addAlias(p, { name: c.name });
    }
    // A one-word alias ("Lula") is kept only for heads of state or government: for anyone else
    // it is a bare surname ("Almeida") that would match strangers.
    const leader = (layer.tenures ?? []).some((t) => t.person === c.ref && (t.rank ?? curatedRank(t.short)) === 1);
    for (const a of c.aliases ?? []) if (leader || a.trim().includes(' ')) registry.addAlias(p, { name: a });
    curatedRefs.set(c.ref, p);
    if (c.party && !p.parties?.length) p.parties = [{ party: c.party }];
  }
}

function loadTenures(registry: Registry, layer: CuratedLayer) {
  for (const t of layer.tenures ?? []) {
    const p = resolveRef(registry, t.person);
    const base = (t.country === 'FR' && FR_CURATED_SHORT[t.short]) || t.short;
    const short = t.acting && !/acting/i.test(base) ? `${base} (acting)` : base;
    const title = t.acting && !/acting/i.test(t.title) ? `${t.title} (acting)` : t.title;
    const office = t.office ?? OFFICE_OF_SHORT[t.short];
    // Two layers giving the same start of one office to one person (a leaders' update and a country's series): one tenure.
    if (office && registry.tenures.some((o) => o.src === 'curated' && o.person === p.id && o.office === office && o.country === t.country && o.start === t.start)) continue;
    registry.addTenure({
      person: p.id, title, short, ...(t.org ? { org: t.org } : {}), country: t.country, start: t.start,
      ...(t.end ? { end: t.end } : {}), rank: t.rank ?? curatedRank(t.short), src: 'curated', url: t.url, ...(office ? { office } : {}),
    });
  }
  for (const c of layer.corrections ?? []) {
    const p = resolveRef(registry, c.person);
    const hits = registry.tenures.filter((t) => t.person === p.id && t.start === c.start && (!c.title || t.short === c.title));
    if (!hits.length) throw new Error(`curated correction: no tenure of ${c.person} starting ${c.start}`);
    for (const t of hits) {
      if (c.actualStart) t.start = c.actualStart;
      if (c.end) t.end = c.end;
      else delete t.end;
      t.url = c.url;
    }
  }
  for (const v of layer.vacancies ?? []) curatedVacancies.push({ country: v.country, office: v.office, start: v.start, ...(v.end ? { end: v.end } : {}), url: v.url, note: v.note });
}
