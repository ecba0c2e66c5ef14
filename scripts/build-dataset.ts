/**
 * Builds data/dataset.json from the open-data sources in ../shared/data and the
 * curated layers in data/curated. Deterministic: the same inputs give the same
 * bytes (no clock, sorted output). See docs/dataset.md.
 *
 *   npm run data:build [-- --shared PATH] [--out PATH]
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Alias, Dataset, PartySpell, Person, Pledge, PledgeStatus, Source, Tenure } from '../src/core/schema';
import { nameKey } from '../src/core/normalise';
import { validateDataset } from './validate-dataset';

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(argValue('--shared') ?? join(ROOT, '..', 'shared', 'data'));
const OUT = resolve(argValue('--out') ?? join(ROOT, 'data', 'dataset.json'));
const CURATED = resolve(argValue('--curated') ?? join(ROOT, 'data', 'curated'));

if (!existsSync(join(SHARED, 'SOURCES.md'))) {
  console.error(`data:build: source data not found at ${SHARED} (pass --shared PATH). The committed data/dataset.json is still usable.`);
  process.exit(2);
}

/** Sources, with the snapshot each file was taken from (see ../shared/data/SOURCES.md). */
const SOURCES: (Source & { snapshot: string })[] = [
  { id: 'ifg', name: 'IfG Ministers Database', licence: 'CC BY 4.0', url: 'https://github.com/instituteforgov/ifg-ministers-database-public', commit: '92e227025645607913912d9d8312b7421a437bd3', snapshot: '2026-06-19' },
  { id: 'congress', name: 'congress-legislators', licence: 'CC0 1.0', url: 'https://github.com/unitedstates/congress-legislators', commit: 'dfa9622263dd4c8d08636926e498f1845704d7eb', snapshot: '2026-06-15' },
  { id: 'an', name: 'Assemblée nationale open data', licence: 'Licence Ouverte / Etalab 2.0', url: 'https://data.assemblee-nationale.fr/', commit: '3d34cba83828dbb84796c3085632617caccb4515', snapshot: '2026-01-29' },
  { id: 'wikidata', name: 'Wikidata (heads of state and government extract)', licence: 'CC0 1.0', url: 'https://www.wikidata.org/', commit: '2e1e3b9cf6bff86186ae26376a2deafdbd9c67e3', snapshot: '2025-10-03' },
  { id: 'curated', name: 'Nameplate curated facts', licence: 'CC BY 4.0', url: 'https://github.com/nameplate/nameplate/tree/main/data/curated', snapshot: '2026-11-28' },
];

const csv = (path: string): Record<string, string>[] =>
  parseCsv(readFileSync(join(SHARED, path)), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
const json = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------
// The people registry: one Person per real person, joined across sources.

const people = new Map<string, Person>();
const byKey = new Map<string, string[]>(); // `${country}|${nameKey}` → ids
const byWikidata = new Map<string, string>();
const tenures: Tenure[] = [];

function register(p: Person): Person {
  const existing = people.get(p.id);
  if (existing) return existing;
  people.set(p.id, p);
  indexNames(p);
  if (p.ids?.wikidata) byWikidata.set(p.ids.wikidata, p.id);
  return p;
}

function indexNames(p: Person) {
  for (const n of [p.name, ...(p.aliases ?? []).map((a) => a.name)]) {
    const k = `${p.country}|${nameKey(n)}`;
    const list = byKey.get(k) ?? [];
    if (!list.includes(p.id)) list.push(p.id);
    byKey.set(k, list);
  }
}

/** Find the one person of this country known by this name, if exactly one. */
function findByName(country: string, name: string): Person | undefined {
  const ids = byKey.get(`${country}|${nameKey(name)}`) ?? [];
  return ids.length === 1 ? people.get(ids[0]) : undefined;
}

function addSource(p: Person, src: string) {
  if (!p.src.includes(src)) p.src.push(src);
}

function addAlias(p: Person, alias: Alias) {
  if (nameKey(alias.name) === nameKey(p.name)) return;
  p.aliases ??= [];
  if (p.aliases.some((a) => nameKey(a.name) === nameKey(alias.name))) return;
  p.aliases.push(alias);
  indexNames(p);
}

// ---------------------------------------------------------------------------
// UK: IfG Ministers Database.

const UK_SHORT: [RegExp, string][] = [
  [/^Prime Minister$/, 'Prime Minister'],
  [/^Deputy Prime Minister$/, 'Deputy Prime Minister'],
  [/^First Secretary of State$/, 'First Secretary of State'],
  [/^Chancellor of the Exchequer$/, 'Chancellor'],
  [/^Secretary of State for the Home Department$/, 'Home Secretary'],
  [/^Secretary of State for Foreign/, 'Foreign Secretary'],
  [/^Secretary of State for Defence$/, 'Defence Secretary'],
  [/^Secretary of State for Health/, 'Health Secretary'],
  [/^Secretary of State for (Education|Children, Schools)/, 'Education Secretary'],
  [/^Secretary of State for Justice/, 'Justice Secretary'],
  [/^Secretary of State for Work and Pensions$/, 'Work and Pensions Secretary'],
  [/^Secretary of State for Business/, 'Business Secretary'],
  [/^Secretary of State for Trade and Industry$/, 'Trade and Industry Secretary'],
  [/^Secretary of State for International Trade$/, 'International Trade Secretary'],
  [/^Secretary of State for Transport$/, 'Transport Secretary'],
  [/^Secretary of State for Environment, Food/, 'Environment Secretary'],
  [/^Secretary of State for Scotland$/, 'Scottish Secretary'],
  [/^Secretary of State for Wales$/, 'Welsh Secretary'],
  [/^Secretary of State for Northern Ireland$/, 'Northern Ireland Secretary'],
  [/^Secretary of State for (Digital, )?Culture/, 'Culture Secretary'],
  [/^Secretary of State for Energy/, 'Energy Secretary'],
  [/^Secretary of State for Levelling Up/, 'Levelling Up Secretary'],
  [/^Secretary of State for (Housing, )?Communities/, 'Communities Secretary'],
  [/^Secretary of State for Science, Innovation/, 'Science Secretary'],
  [/^Secretary of State for International Development$/, 'International Development Secretary'],
  [/^Secretary of State for Exiting the European Union$/, 'Brexit Secretary'],
  [/^Chief Secretary to the Treasury$/, 'Chief Secretary to the Treasury'],
];
const UK_RANK: Record<string, number> = { PM: 1, DPM: 2, SoS: 3, MoS: 4, PUSS: 5, 'Parl.': 6, 'Parl. lead.': 6 };

function loadIfg() {
  const rows = csv('ifg-ministers-database/person.csv');
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) groups.set(r.id, [...(groups.get(r.id) ?? []), r]);
  const idOf = new Map<string, string>();
  for (const [ifgId, versions] of groups) {
    // The current name is the version without an end date (else the latest).
    versions.sort((a, b) => (a.start_date || '0000').localeCompare(b.start_date || '0000'));
    const current = versions.find((v) => !v.end_date) ?? versions[versions.length - 1];
    const mnis = current.id_parliament ? String(parseInt(current.id_parliament, 10)) : undefined;
    const id = mnis ? `gb-m${mnis}` : `gb-ifg-${ifgId.slice(0, 8)}`;
    const p = register({ id, name: current.name, country: 'GB', ids: { ifg: ifgId, ...(mnis ? { ukParliament: mnis } : {}) }, src: ['ifg'] });
    for (const v of versions) {
      if (v === current) continue;
      addAlias(p, { name: v.name, ...(v.start_date ? { from: v.start_date } : {}), ...(v.end_date ? { to: v.end_date } : {}) });
    }
    idOf.set(ifgId, id);
  }
  const posts = new Map(csv('ifg-ministers-database/post.csv').map((r) => [r.id, r]));
  const orgs = new Map(csv('ifg-ministers-database/organisation.csv').map((r) => [r.id, r]));
  for (const a of csv('ifg-ministers-database/appointment.csv')) {
    const post = posts.get(a.post_id);
    const person = idOf.get(a.person_id);
    if (!post || !person) throw new Error(`IfG appointment ${a.id}: unknown post or person`);
    const short = UK_SHORT.find(([re]) => re.test(post.name))?.[1] ?? post.name;
    tenures.push({
      person, title: post.name, short, org: orgs.get(post.organisation_id)?.name, country: 'GB',
      start: a.start_date, ...(a.end_date ? { end: a.end_date } : {}), rank: UK_RANK[post.rank_equivalence] ?? 6, src: 'ifg',
    });
  }
  // Party spells from the Commons/Lords representation periods.
  const reps = new Map(csv('ifg-ministers-database/representation.csv').map((r) => [r.id, r]));
  const spells = new Map<string, PartySpell[]>();
  for (const c of csv('ifg-ministers-database/representation_characteristics.csv')) {
    const rep = reps.get(c.representation_id);
    const person = rep && idOf.get(rep.person_id);
    if (!person || !c.party) continue;
    spells.set(person, [...(spells.get(person) ?? []), { party: c.party, ...(c.start_date ? { from: c.start_date } : {}), ...(c.end_date ? { to: c.end_date } : {}) }]);
  }
  for (const [id, list] of spells) people.get(id)!.parties = mergeSpells(list);
}

/** Sort party spells and merge consecutive spells of the same party. */
function mergeSpells(list: PartySpell[]): PartySpell[] {
  list.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const out: PartySpell[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && last.party === s.party) {
      if (!s.to || (last.to && s.to > last.to)) last.to = s.to;
      if (!s.to) delete last.to;
    } else out.push({ ...s });
  }
  return out;
}

// ---------------------------------------------------------------------------
// US: congress-legislators (executive and current members).

const US_STATES_AT_LARGE = new Set(['AK', 'DE', 'ND', 'SD', 'VT', 'WY']);

function usPerson(entry: any): Person {
  const bioguide: string = entry.id.bioguide;
  const n = entry.name;
  const cleanName = String(n.official_full ?? [n.first, n.last, n.suffix].filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();
  const existing = people.get(`us-${bioguide}`);
  if (existing) return existing;
  const p = register({ id: `us-${bioguide}`, name: cleanName, country: 'US', ids: { bioguide, ...(entry.id.wikidata ? { wikidata: entry.id.wikidata } : {}) }, src: ['congress'] });
  const plain = [n.nickname ?? n.first, n.last].join(' ');
  addAlias(p, { name: plain });
  if (n.nickname) addAlias(p, { name: [n.first, n.last].join(' ') });
  return p;
}

function loadCongress() {
  const exec = parseYaml(readFileSync(join(SHARED, 'congress-legislators/executive.yaml'), 'utf8'), { maxAliasCount: -1 }) as any[];
  for (const e of exec) {
    const recent = e.terms.some((t: any) => t.end >= '1977-01-20');
    if (!recent) continue;
    const p = usPerson(e);
    for (const t of e.terms) {
      const president = t.type === 'prez';
      tenures.push({
        person: p.id, title: president ? 'President of the United States' : 'Vice President of the United States',
        short: president ? 'President' : 'Vice President', org: 'United States federal government', country: 'US',
        start: t.start, ...(t.end <= SNAPSHOT_CEILING.congress ? { end: t.end } : {}), rank: president ? 1 : 2, src: 'congress',
      });
      p.parties = mergeSpells([...(p.parties ?? []), { party: t.party, from: t.start, to: t.end }]);
    }
  }
  const current = parseYaml(readFileSync(join(SHARED, 'congress-legislators/legislators-current.yaml'), 'utf8'), { maxAliasCount: -1 }) as any[];
  for (const e of current) {
    const p = usPerson(e);
    const spells: PartySpell[] = [];
    for (const t of e.terms) {
      if (t.end < '2007-01-03') continue;
      const senate = t.type === 'sen';
      const district = senate ? '' : US_STATES_AT_LARGE.has(t.state) || t.district === 0 ? ' (at large)' : ` (district ${t.district})`;
      tenures.push({
        person: p.id, title: senate ? `United States Senator from ${t.state}` : `U.S. Representative from ${t.state}${district}`,
        short: senate ? 'Senator' : 'Representative', org: senate ? 'United States Senate' : 'United States House of Representatives', country: 'US',
        start: t.start, ...(t.end <= SNAPSHOT_CEILING.congress ? { end: t.end } : {}), rank: 7, src: 'congress',
      });
      spells.push({ party: t.party, from: t.start, to: t.end });
    }
    const merged = mergeSpells([...(p.parties ?? []), ...spells]);
    const last = merged[merged.length - 1];
    if (last) delete last.to;
    p.parties = merged;
  }
}

/** Term end dates after a source's snapshot are only scheduled: keep such terms open. */
const SNAPSHOT_CEILING = { congress: '2026-06-15' };

// ---------------------------------------------------------------------------
// France: Assemblée nationale government data (2017 onwards).

const FR_SHORT: [RegExp, string][] = [
  [/Intérieur/i, 'Minister of the Interior'],
  [/Europe et des Affaires étrangères|Affaires étrangères/i, 'Minister for Foreign Affairs'],
  [/Armées/i, 'Minister of the Armed Forces'],
  [/Justice/i, 'Minister of Justice'],
  [/Économie|Economie/i, 'Minister of the Economy'],
];

function loadAssemblee() {
  const dir = join(SHARED, 'an-gouvernement-2017');
  const organes = new Map<string, any>();
  for (const f of readdirSync(join(dir, 'organe')).sort()) {
    const o = json(join(dir, 'organe', f));
    organes.set(o.uid, o);
  }
  for (const f of readdirSync(join(dir, 'acteur')).sort()) {
    const a = json(join(dir, 'acteur', f));
    const uid: string = a.uid['#text'] ?? a.uid;
    const ident = a.etatCivil.ident;
    const name = `${ident.prenom} ${ident.nom}`;
    const p = findByName('FR', name) ?? register({ id: `fr-${uid}`, name, country: 'FR', ids: { assemblee: uid }, src: [] });
    p.ids = { ...p.ids, assemblee: uid };
    addSource(p, 'an');
    const mandats = [a.mandats.mandat].flat();
    for (const m of mandats) {
      if (m.typeOrgane !== 'MINISTERE' || !m.dateDebut) continue;
      const quality: string = m.infosQualite?.libQualite ?? '';
      if (/mission/i.test(quality) || /Premier ministre/i.test(quality)) continue;
      const org = organes.get([m.organes.organeRef].flat()[0]);
      if (!org) continue;
      const ministry: string = org.libelle;
      const fullMinister = /^Ministre$/i.test(quality);
      const title = `${quality} (${ministry.replace(/^Ministère (de l'|de la |des |du )?/i, '')})`;
      const short = (fullMinister && FR_SHORT.find(([re]) => re.test(ministry))?.[1]) || title;
      // AN end dates are the last day in office; ours are exclusive.
      const fixed = m.dateFin ? undefined : endOfGovernment(mandats, m);
      const end = m.dateFin ? addDays(m.dateFin, 1) : fixed?.end;
      tenures.push({
        person: p.id, title, short, org: `Gouvernement de la République française`, country: 'FR',
        start: m.dateDebut, ...(end ? { end } : {}), rank: fullMinister ? 3 : /délégué/i.test(quality) ? 4 : 5, src: 'an',
        ...(fixed ? { url: fixed.url } : {}),
      });
    }
  }
}

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

// ---------------------------------------------------------------------------
// Heads of state and government (Wikidata extract), for countries without a better source.

const LEADER_COUNTRIES: Record<string, string> = {
  ARG: 'AR', AUS: 'AU', BRA: 'BR', CAN: 'CA', CHN: 'CN', DEU: 'DE', FRA: 'FR', IND: 'IN', IDN: 'ID', ITA: 'IT', JPN: 'JP', KOR: 'KR',
  MEX: 'MX', RUS: 'RU', SAU: 'SA', ZAF: 'ZA', TUR: 'TR', AUT: 'AT', BEL: 'BE', BGR: 'BG', HRV: 'HR', CYP: 'CY', CZE: 'CZ', DNK: 'DK',
  EST: 'EE', FIN: 'FI', GRC: 'GR', HUN: 'HU', IRL: 'IE', LVA: 'LV', LTU: 'LT', LUX: 'LU', MLT: 'MT', NLD: 'NL', POL: 'PL', PRT: 'PT',
  ROU: 'RO', SVK: 'SK', SVN: 'SI', ESP: 'ES', SWE: 'SE', UKR: 'UA', ISR: 'IL', NZL: 'NZ', NOR: 'NO', CHE: 'CH',
};
const LEADER_TITLES: Record<string, [string, string]> = {
  'FR|head_of_state': ['President of the French Republic', 'President'],
  'FR|head_of_government': ['Prime Minister of France', 'Prime Minister'],
  'DE|head_of_state': ['Federal President of Germany', 'President'],
  'DE|head_of_government': ['Federal Chancellor of Germany', 'Chancellor'],
  'AT|head_of_government': ['Federal Chancellor of Austria', 'Chancellor'],
};

function loadLeaders() {
  const rows = csv('wikidata-leaders-geografia/leaders_history.csv');
  rows.sort((a, b) => (a.iso3 + a.role + a.start).localeCompare(b.iso3 + b.role + b.start));
  for (const r of rows) {
    const country = LEADER_COUNTRIES[r.iso3];
    if (!country || !r.start || !/^Q\d+$/.test(r.person_qid) || /^Q\d+$/.test(r.person) || !r.person) continue;
    const start = r.start.slice(0, 10);
    const end = r.end ? r.end.slice(0, 10) : undefined;
    if ((end ?? '9999') < '2007-01-01' || start.endsWith('-01-01')) continue;
    if (r.role === 'head_of_state' && /(do|da|de|dos) (Reino|Países|Espanha|Suécia|Dinamarca|Bélgica|Noruega|Japão)/.test(r.person)) continue;
    const p = people.get(byWikidata.get(r.person_qid) ?? '') ?? findByName(country, r.person) ?? register({ id: `wd-${r.person_qid}`, name: r.person, country, ids: { wikidata: r.person_qid }, src: [] });
    p.ids = { ...p.ids, wikidata: r.person_qid };
    byWikidata.set(r.person_qid, p.id);
    addSource(p, 'wikidata');
    const [title, short] = LEADER_TITLES[`${country}|${r.role}`] ?? (r.role === 'head_of_state' ? [`Head of state (${country})`, 'President'] : [`Head of government (${country})`, 'Prime Minister']);
    tenures.push({ person: p.id, title, short, country, start, ...(end ? { end } : {}), rank: r.role === 'head_of_state' ? 1 : 1, src: 'wikidata' });
  }
}

// ---------------------------------------------------------------------------
// Curated layers: hand-checked facts, each with its source URL.

interface CuratedPerson { ref: string; name: string; aliases?: string[]; country: string; wikidata?: string; party?: string; url: string }
interface CuratedTenure { person: string; title: string; short: string; org?: string; country: string; start: string; end: string | null; url: string; rank?: number }
interface CuratedCorrection { person: string; title?: string; start: string; end: string | null; url: string; note: string }

function resolveRef(ref: string): Person {
  const [country, ...rest] = ref.split(':');
  const name = rest.join(':');
  const p = findByName(country, name);
  if (!p) throw new Error(`curated: no single person "${ref}" (add it to people.json)`);
  return p;
}

/** The curated layer's English short titles for French offices → the ones used for the AN data. */
const FR_CURATED_SHORT: Record<string, string> = {
  'Interior Minister': 'Minister of the Interior',
  'Interior Minister (acting)': 'Minister of the Interior (acting)',
  'Foreign Minister': 'Minister for Foreign Affairs',
  'Economy Minister': 'Minister of the Economy',
  'Armed Forces Minister': 'Minister of the Armed Forces',
  'Justice Minister': 'Minister of Justice',
};

function loadCurated() {
  const layer = json(join(CURATED, 'people.json')) as { people: CuratedPerson[]; tenures: CuratedTenure[]; corrections?: CuratedCorrection[] };
  for (const c of layer.people) {
    const p = (c.wikidata && people.get(byWikidata.get(c.wikidata) ?? '')) || findByName(c.country, c.name) ||
      register({ id: `${c.country.toLowerCase()}-${slug(c.name)}`, name: c.name, country: c.country, src: [] });
    addSource(p, 'curated');
    if (c.wikidata) p.ids = { ...p.ids, wikidata: c.wikidata };
    for (const a of c.aliases ?? []) addAlias(p, { name: a });
    if (c.party && !p.parties?.length) p.parties = [{ party: c.party }];
  }
  for (const t of layer.tenures) {
    const p = resolveRef(t.person);
    tenures.push({
      person: p.id, title: t.title, short: (t.country === 'FR' && FR_CURATED_SHORT[t.short]) || t.short, ...(t.org ? { org: t.org } : {}), country: t.country, start: t.start,
      ...(t.end ? { end: t.end } : {}), rank: t.rank ?? curatedRank(t.short), src: 'curated', url: t.url,
    });
  }
  for (const c of layer.corrections ?? []) {
    const p = resolveRef(c.person);
    const hits = tenures.filter((t) => t.person === p.id && t.start === c.start && (!c.title || t.short === c.title));
    if (!hits.length) throw new Error(`curated correction: no tenure of ${c.person} starting ${c.start}`);
    for (const t of hits) {
      if (c.end) t.end = c.end;
      else delete t.end;
      t.url = c.url;
    }
  }
}

function curatedRank(short: string): number {
  if (/^(President|Prime Minister|Chancellor)$/.test(short)) return 1;
  if (/Deputy Prime Minister|Vice President/.test(short)) return 2;
  return 3;
}

function loadPledges(): Pledge[] {
  const layer = json(join(CURATED, 'pledges.json')) as { pledges: (Omit<Pledge, 'src' | 'by'> & { by: string[] })[] };
  return layer.pledges.map((pl) => ({
    id: pl.id, wording: pl.wording, phrases: pl.phrases.map((s) => s.toLowerCase()),
    by: pl.by.flatMap((ref) => {
      try {
        return [resolveRef(ref).id];
      } catch {
        return []; // pledges by people outside the dataset (campaigns, parties) keep no person link
      }
    }),
    date: pl.date, status: { value: pl.status.value as PledgeStatus, date: pl.status.date }, url: pl.url, src: 'curated',
  }));
}

const slug = (s: string) => nameKey(s).replace(/ /g, '-');

// ---------------------------------------------------------------------------

/** Source rows that cannot be right (ending on or before they start) are left out and reported. */
function dropImpossible(list: Tenure[]): Tenure[] {
  return list.filter((t) => {
    if (t.end === undefined || t.end > t.start) return true;
    console.warn(`data:build: left out ${t.src} tenure of ${t.person} as ${t.short}: ends ${t.end}, starts ${t.start}`);
    return false;
  });
}

/** A curated tenure replaces any source tenure of the same person and office that it overlaps. */
function preferCurated(list: Tenure[]): Tenure[] {
  const curated = list.filter((t) => t.src === 'curated');
  const overlaps = (a: Tenure, b: Tenure) => a.start < (b.end ?? '9999') && b.start < (a.end ?? '9999');
  return list.filter((t) => t.src === 'curated' || !curated.some((c) => c.person === t.person && c.short === t.short && overlaps(c, t)));
}

/** Same office, same person, back to back: one tenure. */
function mergeTenures(list: Tenure[]): Tenure[] {
  list.sort((a, b) => a.person.localeCompare(b.person) || a.title.localeCompare(b.title) || a.short.localeCompare(b.short) || a.start.localeCompare(b.start));
  const out: Tenure[] = [];
  for (const t of list) {
    const last = out[out.length - 1];
    // Only the AN's gaps between governments (the outgoing ministers stay on for current affairs) are bridged.
    const gap = t.src === 'an' ? 7 : 0;
    if (last && last.person === t.person && last.title === t.title && last.short === t.short && last.country === t.country && last.src === t.src && last.end && addDays(last.end, gap) >= t.start) {
      if (!t.end) delete last.end;
      else if (t.end > last.end) last.end = t.end;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}

loadIfg();
loadCongress();
loadAssemblee();
loadLeaders();
loadCurated();
const pledges = loadPledges();

const dataset: Dataset = {
  schema: 1,
  asOf: SOURCES.map((s) => s.snapshot).sort().at(-1)!,
  sources: SOURCES.map(({ snapshot: _s, ...s }) => s),
  people: [...people.values()].filter((p) => p.src.length).sort((a, b) => a.id.localeCompare(b.id)),
  tenures: mergeTenures(preferCurated(dropImpossible(tenures))).sort((a, b) => a.person.localeCompare(b.person) || a.start.localeCompare(b.start) || a.short.localeCompare(b.short)),
  pledges: pledges.sort((a, b) => a.id.localeCompare(b.id)),
};
const problems = validateDataset(dataset);
if (problems.length) {
  console.error(`data:build: the built dataset is invalid:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
writeFileSync(OUT, JSON.stringify(dataset) + '\n');
console.log(`data:build: wrote ${OUT}: ${dataset.people.length} people, ${dataset.tenures.length} tenures, ${dataset.pledges.length} pledges, as of ${dataset.asOf}`);
