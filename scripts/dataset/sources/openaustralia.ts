/**
 * Australia: the OpenAustralia parser's hand-made tables (from the APH Parliamentary Handbook):
 * federal ministers since 1996, shadow ministers since 1996, representatives and senators who sat
 * from 1980 on. Its known date faults are corrected by sourced rows in data/curated/australia.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Person } from '../../../src/core/schema';
import { nameKey } from '../../../src/core/normalise';
import type { SourceAdapter } from '../adapter';
import { dmy } from '../util';

const DIR = 'openaustralia';
const PARTIES: Record<string, string> = {
  ALP: 'Labor', LIB: 'Liberal', NPA: 'National', NP: 'National', Nats: 'National', NCP: 'National Country', CP: 'Country', LNP: 'Liberal National',
  GRN: 'Greens', IND: 'Independent', 'IND LIB': 'Independent Liberal', PHON: 'One Nation', CLP: 'Country Liberal', AD: 'Australian Democrats',
  UAP: 'United Australia', 'UNITE AP': 'United Australia', PUP: 'Palmer United', NXT: 'Nick Xenophon Team', CA: 'Centre Alliance', KAP: "Katter's Australian",
  JLN: 'Jacqui Lambie Network', FFP: 'Family First', LDP: 'Liberal Democrats', DLP: 'Democratic Labour', GWA: 'Greens (WA)',
};

/** Titles readers use, and the core offices kept continuous. */
const MINISTER_SHORT: [RegExp, string, string?, number?][] = [
  [/^Prime Minister$/, 'Prime Minister', 'hog', 1],
  [/^Deputy Prime Minister$/, 'Deputy Prime Minister', 'deputy_hog', 2],
  [/^Treasurer$/, 'Treasurer', 'finance'],
  [/^Minister for Foreign Affairs$/, 'Foreign Minister', 'foreign'],
  [/^Minister for Defence$/, 'Defence Minister', 'defence'],
  [/^Minister for Home Affairs$/, 'Home Affairs Minister', 'interior'],
  [/^Attorney-General$/, 'Attorney-General', 'justice'],
  [/^Minister for Finance$/, 'Finance Minister'],
];
const SHADOW_SHORT: [RegExp, string, string?, number?][] = [
  [/^Leader of the Opposition$/, 'Leader of the Opposition', 'opposition_leader', 2],
  [/^Deputy Leader of the Opposition$/, 'Deputy Leader of the Opposition', undefined, 3],
  [/^Shadow Treasurer$/, 'Shadow Treasurer'],
  [/^Shadow Minister for Foreign Affairs$/, 'Shadow Foreign Minister'],
  [/^Shadow Minister for Defence$/, 'Shadow Defence Minister'],
  [/^Shadow Attorney-General$/, 'Shadow Attorney-General'],
];

/** "The Hon Dr Jim Chalmers MP", "Senator the Hon Penny Wong" → "Jim Chalmers". */
export function plainName(raw: string): string {
  return raw.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim()
    .replace(/^(Senator\s+)?(the\s+)?(Rt\s+)?(Hon\.?\s+)?/i, '')
    .replace(/^(Dr|Mr|Ms|Mrs|Miss|Prof\.?)\s+/i, '')
    .replace(/(\s+(MP|AM|AO|AC|QC|SC|KC|OAM|CSC|RFD|MC|CBE|DSC))+$/g, '')
    .trim();
}
const firstLast = (name: string) => {
  const w = nameKey(name).split(' ');
  return `${w[0]} ${w[w.length - 1]}`;
};
/** d.m.yyyy with any padding (and a stray trailing space) → yyyy-mm-dd. */
const dotDate = (s: string) => {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : undefined;
};

/** Lines without the comment rows (`#…`) and the blank line after the header. */
function rows(shared: string, file: string): string[][] {
  const text = readFileSync(join(shared, DIR, file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#') && !/^,+$/.test(l.trim())).join('\n');
  return (parseCsv(text, { relax_column_count: true, relax_quotes: true, trim: false }) as string[][]).slice(1);
}

interface AuPerson { oaId: string; name: string; aliases: string[] }

/**
 * The file starts the Albanese government on 1 June 2022 (the full ministry) and so keeps every
 * Morrison minister, and Labor's shadow ministers, in post to that day. Both ended on 23 May 2022,
 * when the interim ministry was sworn in (its rows are in data/curated/australia.json).
 */
const CHANGE_OF_GOVERNMENT_2022 = { fileEnd: '2022-06-01', end: '2022-05-23', url: 'https://thewest.com.au/politics/albanese-and-four-key-ministers-sworn-in-c-6900743' };

export const openAustralia: SourceAdapter = {
  source: { id: 'openaustralia', name: 'OpenAustralia (Parliament of Australia handbook data)', licence: 'Facts from the Parliament of Australia; compiled by the OpenAustralia Foundation (attribute both)', url: 'https://github.com/openaustralia/openaustralia-parser/tree/master/data', commit: '304f5f89301c3f6660a03e9d33500782a71440dd', asOf: '2026-08-18' },
  load({ shared, registry }) {
    // people.csv: the person behind every name form.
    const byName = new Map<string, AuPerson[]>(); // full name key → people
    const byFirstLast = new Map<string, AuPerson[]>();
    const all: AuPerson[] = [];
    for (const r of rows(shared, 'people.csv')) {
      const names = r.slice(2).filter((c, i) => i !== 1 && c.trim()).map(plainName).filter(Boolean);
      if (!names.length) continue;
      const p: AuPerson = { oaId: r[0], name: names[0], aliases: [...new Set(names.slice(1))] };
      all.push(p);
      for (const n of [p.name, ...p.aliases]) {
        for (const [map, k] of [[byName, nameKey(n)], [byFirstLast, firstLast(n)]] as const) {
          const list = map.get(k) ?? [];
          if (!list.includes(p)) list.push(p);
          map.set(k, list);
        }
      }
    }
    const persons = new Map<AuPerson, Person>();
    const seats: { who: AuPerson; start: string; end?: string }[] = [];
    /** The Nameplate person for an OpenAustralia person, named as the ministry files print them when they do. */
    const personOf = (who: AuPerson, common?: string): Person => {
      let p = persons.get(who);
      if (!p) {
        const name = common ?? (() => { const w = who.name.split(' '); return w.length > 2 ? `${w[0]} ${w[w.length - 1]}` : who.name; })();
        p = registry.identify({ id: `au-oa${who.oaId}`, name, country: 'AU', join: 'ids' }, 'openaustralia');
        // Every form finds the person in the ministry files; only forms a page could print become aliases
        // (people.csv also holds "Member for Dickson France. Ms Ali" and "William (later Sir William) McMahon").
        for (const a of [who.name, ...who.aliases]) if (!/\bMember for\b|\(later\b/i.test(a)) registry.addAlias(p, { name: a });
        persons.set(who, p);
      }
      if (common && nameKey(p.name) !== nameKey(common)) registry.addAlias(p, { name: common });
      return p;
    };
    const find = (name: string, on: string): AuPerson | undefined => {
      const exact = byName.get(nameKey(name));
      if (exact?.length === 1) return exact[0];
      const fl = byFirstLast.get(firstLast(name)) ?? [];
      if (fl.length === 1) return fl[0];
      // Same first and last name, or only the surname, and a seat on the day: name + country + overlapping dates.
      const last = nameKey(name).split(' ').at(-1)!;
      const sitting = all.filter((p) => [p.name, ...p.aliases].some((n) => nameKey(n).split(' ').at(-1) === last) && seats.some((s) => s.who === p && s.start <= on && (s.end ?? '9999') > on));
      return sitting.length === 1 ? sitting[0] : undefined;
    };

    // Members and senators: one seat per row (a party switch starts a new row).
    for (const [file, house] of [['representatives.csv', 'House'], ['senators.csv', 'Senate']] as const) {
      for (const r of rows(shared, file)) {
        const name = plainName(r[2] ?? '');
        const start = dotDate(r[5] ?? '');
        const end = dotDate(r[7] ?? '');
        if (!name || !start || (end && end < '1980-01-01')) continue;
        const fl = byFirstLast.get(firstLast(name)) ?? [];
        const who = byName.get(nameKey(name))?.[0] ?? (fl.length === 1 ? fl[0] : undefined);
        if (!who) {
          console.warn(`data:build: openaustralia ${file}: no person for "${name}"`);
          continue;
        }
        seats.push({ who, start, ...(end ? { end } : {}) });
        const p = personOf(who);
        const party = PARTIES[(r[9] ?? '').trim()];
        const senate = house === 'Senate';
        registry.addTenure({
          person: p.id, title: senate ? `Senator for ${r[4].trim()}` : `Member for ${r[3].trim()}`, short: senate ? 'Senator' : 'MP',
          org: senate ? 'Australian Senate' : 'Australian House of Representatives', country: 'AU', start, ...(end && end > start ? { end } : end ? { end } : {}), rank: 7, src: 'openaustralia',
        });
        if (party) p.parties = [...(p.parties ?? []).filter((s) => !(s.from === start)), { party, from: start, ...(end ? { to: end } : {}) }].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
      }
    }

    // Ministers and shadow ministers.
    for (const [file, shadow] of [['ministers.csv', false], ['shadow-ministers.csv', true]] as const) {
      for (const r of rows(shared, file)) {
        const common = plainName(r[0] ?? '');
        // Five shadow titles have unquoted commas: rejoin fields 4+.
        const title = r.slice(3).join(', ').replace(/\s+/g, ' ').replace(/[’]/g, "'").trim();
        if (!common || !r[1] || !title) continue;
        // "(Senate)" marks who represents a shadow post in the Senate, not the post itself.
        if (/\(Senate\)$/.test(title)) continue;
        const start = dmy(r[1].trim());
        let end = r[2]?.trim() ? dmy(r[2].trim()) : undefined;
        const changeover = end === CHANGE_OF_GOVERNMENT_2022.fileEnd && start < CHANGE_OF_GOVERNMENT_2022.end;
        if (changeover) end = CHANGE_OF_GOVERNMENT_2022.end;
        const who = find(common, start);
        let p: Person;
        if (who) p = personOf(who, common);
        else {
          console.warn(`data:build: openaustralia ${file}: "${common}" matched no member; kept under the printed name`);
          p = registry.identify({ id: `au-${nameKey(common).replace(/ /g, '-')}`, name: common, country: 'AU', join: 'ids' }, 'openaustralia');
        }
        const rule = (shadow ? SHADOW_SHORT : MINISTER_SHORT).find(([re]) => re.test(title));
        const junior = /^(Shadow )?(Assistant Minister|Parliamentary Secretary|Shadow Parliamentary Secretary|Shadow Assistant Minister)/.test(title);
        // Duties held alongside a portfolio, and party posts, rank below the portfolio itself.
        const alongside = /^(Manager of (Government|Opposition) Business|Vice-President of the Executive Council|(Deputy )?Leader of the (Government|Opposition) in the Senate|Minister Assisting|Deputy Leader of the (Liberal|National|Labor)|Leader of the (Liberal|National|Nationals|Labor)|Cabinet Secretary|Minister for the Public Service|Minister for Women)/.test(title);
        const rank = rule?.[3] ?? (alongside ? 5 : shadow ? (junior ? 5 : 4) : junior ? 5 : 3);
        registry.addTenure({
          person: p.id, title, short: rule?.[1] ?? title, org: shadow ? 'Opposition (Australia)' : 'Australian Government', country: 'AU',
          start, ...(end ? { end } : {}), rank, src: 'openaustralia', ...(rule?.[2] ? { office: rule[2] } : {}),
          ...(changeover ? { url: CHANGE_OF_GOVERNMENT_2022.url } : {}),
        });
      }
    }
  },
};
