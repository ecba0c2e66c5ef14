/** US: unitedstates/congress-legislators — presidents and vice presidents since 1977, and every current member's terms since 2007. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PartySpell, Person } from '../../../src/core/schema';
import { nameKey } from '../../../src/core/normalise';
import type { SourceAdapter } from '../adapter';
import type { Registry } from '../registry';
import { mergeSpells } from '../util';

/** Term end dates after the snapshot are only scheduled: such terms stay open. */
const SNAPSHOT = '2026-06-15';
const US_STATES_AT_LARGE = new Set(['AK', 'DE', 'ND', 'SD', 'VT', 'WY']);

/** A generational suffix after a surname: "Jr.", ", Sr.", "III". */
const NAME_SUFFIX = /,?\s+(?:Jr|Sr)\.?$|,?\s+(?:II|III|IV)$/;

/**
 * The name readers know: the Wikipedia title ("Joe Biden", "JD Vance", "Tom Kean Jr." — a suffix may follow
 * the surname) when it ends in the surname, else the nickname with the surname, else `fallback`.
 */
export function knownName(wikipedia: string, last: string, nickname: string | undefined, fallback: string): string {
  const wiki = wikipedia.replace(/\s*\(.*\)$/, '').trim();
  if (wiki && nameKey(wiki.replace(NAME_SUFFIX, '')).endsWith(nameKey(last))) return wiki;
  return nickname ? `${nickname} ${last}` : fallback;
}

/** The person of a congress-legislators entry (executive or legislator file), registered once. */
export function usPerson(registry: Registry, entry: any, src: string): Person {
  // Some early presidents have no bioguide id: fall back to their GovTrack id.
  const bioguide: string = entry.id.bioguide ?? `GT${entry.id.govtrack}`;
  if (!entry.id.bioguide && !entry.id.govtrack) throw new Error(`congress-legislators: ${entry.name?.last} has neither a bioguide nor a GovTrack id`);
  const existing = registry.get(`us-${bioguide}`);
  if (existing) return existing;
  const n = entry.name;
  // The official name is an alias of the one readers know.
  const official = String(n.official_full ?? [n.first, n.last, n.suffix].filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();
  const cleanName = knownName(typeof entry.id.wikipedia === 'string' ? entry.id.wikipedia : '', n.last, n.nickname, official);
  const p = registry.identify({ id: `us-${bioguide}`, name: cleanName, country: 'US', ids: { ...(entry.id.bioguide ? { bioguide } : {}), ...(entry.id.wikidata ? { wikidata: entry.id.wikidata } : {}) }, join: 'ids' }, src);
  registry.addAlias(p, { name: official });
  registry.setGender(p, entry.bio?.gender);
  registry.addAlias(p, { name: [n.nickname ?? n.first, n.last].join(' ') });
  if (n.nickname) registry.addAlias(p, { name: [n.first, n.last].join(' ') });
  if (n.suffix) registry.addAlias(p, { name: [n.nickname ?? n.first, n.last, n.suffix].join(' ') });
  return p;
}

export const congress: SourceAdapter = {
  source: { id: 'congress', name: 'congress-legislators', licence: 'CC0 1.0', url: 'https://github.com/unitedstates/congress-legislators', commit: 'dfa9622263dd4c8d08636926e498f1845704d7eb', asOf: SNAPSHOT },
  load({ shared, registry }) {
    const yaml = (f: string) => parseYaml(readFileSync(join(shared, 'congress-legislators', f), 'utf8'), { maxAliasCount: -1 }) as any[];
    for (const e of yaml('executive.yaml')) {
      if (!e.terms.some((t: any) => t.end >= '1977-01-20')) continue;
      const p = usPerson(registry, e, 'congress');
      for (const t of e.terms) {
        const president = t.type === 'prez';
        registry.addTenure({
          person: p.id, title: president ? 'President of the United States' : 'Vice President of the United States',
          short: president ? 'President' : 'Vice President', org: 'United States federal government', country: 'US',
          start: t.start, ...(t.end <= SNAPSHOT ? { end: t.end } : {}), rank: president ? 1 : 2, src: 'congress',
          office: president ? 'hos' : 'vice_president',
        });
        p.parties = mergeSpells([...(p.parties ?? []), { party: t.party, from: t.start, to: t.end }]);
      }
    }
    for (const e of yaml('legislators-current.yaml')) {
      const p = usPerson(registry, e, 'congress');
      const spells: PartySpell[] = [];
      for (const t of e.terms) {
        if (t.end < '2007-01-03') continue;
        const senate = t.type === 'sen';
        const district = senate ? '' : US_STATES_AT_LARGE.has(t.state) || t.district === 0 ? ' (at large)' : ` (district ${t.district})`;
        registry.addTenure({
          person: p.id, title: senate ? `United States Senator from ${t.state}` : `U.S. Representative from ${t.state}${district}`,
          short: senate ? 'Senator' : 'Representative', org: senate ? 'United States Senate' : 'United States House of Representatives', country: 'US',
          start: t.start, ...(t.end <= SNAPSHOT ? { end: t.end } : {}), rank: 7, src: 'congress',
        });
        spells.push({ party: t.party, from: t.start, to: t.end });
      }
      const merged = mergeSpells([...(p.parties ?? []), ...spells]);
      const last = merged[merged.length - 1];
      if (last) delete last.to;
      p.parties = merged;
    }
  },
};
