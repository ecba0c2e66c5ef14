/**
 * Builds data/dataset.json from the open-data sources in ../shared/data and the
 * curated layers in data/curated. Deterministic: the same inputs give the same
 * bytes (no clock, sorted output). See docs/dataset.md.
 *
 *   npm run data:build [-- --shared PATH] [--out PATH]
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Alias, Dataset, PartySpell, Person, Pledge, PledgeStatus, Source, Tenure } from '../src/core/schema';
import { nameKey } from '../src/core/normalise';
import { exportIndex, packDataset, surnameOf } from '../src/core/dataset';
import { validateDataset } from './validate-dataset';

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(argValue('--shared') ?? join(ROOT, '..', 'shared', 'data'));
const OUT = resolve(argValue('--out') ?? join(ROOT, 'data', 'dataset.json'));
const INDEX_OUT = resolve(argValue('--index-out') ?? join(dirname(OUT), 'index.json'));
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
  { id: 'ukparl', name: 'UK Parliament election results (House of Commons Library)', licence: 'Open Parliament Licence v3.0', url: 'https://electionresults.parliament.uk/', commit: '774c93e64c4d69a5094d0518aef68060c4d74df0', snapshot: '2026-08-20' },
  { id: 'mplookup', name: 'MP lookup (DfE, from the UK Parliament Members API)', licence: 'Open Parliament Licence v3.0', url: 'https://github.com/dfe-analytical-services/mp-lookup', commit: '793ea661826202d050e95291e6f64021ce6c94d1', snapshot: '2026-06-27' },
  { id: 'an-deputes', name: 'Assemblée nationale open data (deputies, via NosDéputés and Datan)', licence: 'Licence Ouverte / Etalab 2.0', url: 'https://data.assemblee-nationale.fr/', commit: '18582f1ddddeef11a2e720b1f784efb0bf07f105', snapshot: '2026-03-09' },
  { id: 'europarl', name: 'European Parliament (MEPs of the 10th term, via MEPwatch)', licence: 'European Parliament reuse notice (acknowledge the source)', url: 'https://www.europarl.europa.eu/meps/en/', commit: '908f5f8bedc305ef9c5e1c8179e9e0cf499e36c4', snapshot: '2024-10-14' },
  { id: 'sp', name: 'Scottish Government roles (Scottish Parliament open data, via mySociety parlparse)', licence: 'Open Parliament Licence v3.0 (attribute mySociety/TheyWorkForYou and the Scottish Parliament)', url: 'https://github.com/mysociety/parlparse/blob/master/members/sp-ministers.json', commit: '74dddadc9f8c036ae332b6ef715a5bb4a6185b29', snapshot: '2026-06-22' },
  { id: 'curated', name: 'Nameplate curated facts', licence: 'CC BY 4.0', url: 'data/curated/ in the Nameplate source (each record carries its own source URL)', snapshot: '2026-11-28' },
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
const byNameOnly = new Map<string, string[]>(); // nameKey → ids, across countries
const tenures: Tenure[] = [];

/** Record a source's gender for a person ("M", "Female", "Mme"…); the first source that says wins. */
function setGender(p: Person, value: string | undefined): void {
  if (p.gender || !value) return;
  const v = value.trim().toLowerCase().replace(/\.$/, '');
  if (['m', 'male', 'mr'].includes(v)) p.gender = 'm';
  else if (['f', 'female', 'mme', 'mrs', 'ms'].includes(v)) p.gender = 'f';
}

function register(p: Person): Person {
  const existing = people.get(p.id);
  if (existing) return existing;
  people.set(p.id, p);
  indexNames(p);
  const short = withoutMiddleInitials(p.name);
  if (short !== p.name) addAlias(p, { name: short });
  if (p.ids?.wikidata) byWikidata.set(p.ids.wikidata, p.id);
  return p;
}

function indexNames(p: Person) {
  for (const n of [p.name, ...(p.aliases ?? []).map((a) => a.name)]) {
    for (const [map, k] of [[byKey, `${p.country}|${nameKey(n)}`], [byNameOnly, nameKey(n)]] as const) {
      const list = map.get(k) ?? [];
      if (!list.includes(p.id)) list.push(p.id);
      map.set(k, list);
    }
  }
}

/** The one person anywhere known by this name (an EU official who is also a national politician). */
function findByNameAnywhere(name: string): Person | undefined {
  const ids = byNameOnly.get(nameKey(name)) ?? [];
  return ids.length === 1 ? people.get(ids[0]) : undefined;
}

/** Find the one person of this country known by this name, if exactly one. */
function findByName(country: string, name: string): Person | undefined {
  const ids = byKey.get(`${country}|${nameKey(name)}`) ?? [];
  return ids.length === 1 ? people.get(ids[0]) : undefined;
}

function addSource(p: Person, src: string) {
  if (!p.src.includes(src)) p.src.push(src);
}

/** "Charles E. Schumer" is printed "Charles Schumer" too: drop middle initials. */
function withoutMiddleInitials(name: string): string {
  const words = name.split(/\s+/);
  return words.length > 2 ? words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.?$/u.test(w)).join(' ') : name;
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
    setGender(p, current.gender);
    for (const v of versions) {
      if (v !== current) addAlias(p, { name: v.name, ...(v.start_date ? { from: v.start_date } : {}), ...(v.end_date ? { to: v.end_date } : {}) });
      // "Lord Cameron of Chipping Norton" is printed "Lord Cameron".
      const peer = /^((?:Lord|Lady|Baroness|Baron|Viscount|Earl)\s+[^\s]+(?:\s+[^\s]+)?)\s+of\s+/.exec(v.name);
      if (peer) addAlias(p, { name: peer[1], ...(v.start_date ? { from: v.start_date } : {}), ...(v.end_date ? { to: v.end_date } : {}) });
    }
    idOf.set(ifgId, id);
  }
  // Posts held alongside a department ("Education Secretary and Minister for Women and Equalities"):
  // one step junior, so the tooltip names the department rather than the extra brief.
  const UK_ADD_ON = /^Minister for (Women|Equalities|Women and Equalit(y|ies)|Intergovernmental Relations)$/;
  const posts = new Map(csv('ifg-ministers-database/post.csv').map((r) => [r.id, r]));
  const orgs = new Map(csv('ifg-ministers-database/organisation.csv').map((r) => [r.id, r]));
  for (const a of csv('ifg-ministers-database/appointment.csv')) {
    const post = posts.get(a.post_id);
    const person = idOf.get(a.person_id);
    if (!post || !person) throw new Error(`IfG appointment ${a.id}: unknown post or person`);
    const short = UK_SHORT.find(([re]) => re.test(post.name))?.[1] ?? post.name;
    tenures.push({
      person, title: post.name, short, org: orgs.get(post.organisation_id)?.name, country: 'GB',
      start: a.start_date, ...(a.end_date ? { end: a.end_date } : {}), rank: (UK_RANK[post.rank_equivalence] ?? 6) + (UK_ADD_ON.test(short) ? 1 : 0), src: 'ifg',
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
  // Some early presidents have no bioguide id: fall back to their GovTrack id.
  const bioguide: string = entry.id.bioguide ?? `GT${entry.id.govtrack}`;
  if (!entry.id.bioguide && !entry.id.govtrack) throw new Error(`congress-legislators: ${entry.name?.last} has neither a bioguide nor a GovTrack id`);
  const n = entry.name;
  // The name readers know is the Wikipedia title ("Joe Biden", "JD Vance"); the official one is an alias.
  const official = String(n.official_full ?? [n.first, n.last, n.suffix].filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();
  const known = typeof entry.id.wikipedia === 'string' ? entry.id.wikipedia.replace(/\s*\(.*\)$/, '').trim() : '';
  const cleanName = known && nameKey(known).endsWith(nameKey(n.last)) ? known : n.nickname ? `${n.nickname} ${n.last}` : official;
  const existing = people.get(`us-${bioguide}`);
  if (existing) return existing;
  const p = register({ id: `us-${bioguide}`, name: cleanName, country: 'US', ids: { ...(entry.id.bioguide ? { bioguide } : {}), ...(entry.id.wikidata ? { wikidata: entry.id.wikidata } : {}) }, src: ['congress'] });
  addAlias(p, { name: official });
  setGender(p, entry.bio?.gender);
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
  [/Éducation nationale|Education nationale/i, 'Minister of Education'],
  [/Santé|Solidarités et de la Santé/i, 'Minister of Health'],
  [/Travail/i, 'Minister of Labour'],
  [/Culture/i, 'Minister of Culture'],
  [/Agriculture/i, 'Minister of Agriculture'],
  [/Transition écologique/i, 'Minister for the Ecological Transition'],
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
    setGender(p, ident.civ);
    addSource(p, 'an');
    const mandats = [a.mandats.mandat].flat();
    for (const m of mandats) {
      if (m.typeOrgane !== 'MINISTERE' || !m.dateDebut) continue;
      const quality: string = m.infosQualite?.libQualite ?? '';
      if (/mission/i.test(quality) || /Premier ministre/i.test(quality)) continue;
      const org = organes.get([m.organes.organeRef].flat()[0]);
      if (!org) continue;
      const ministry: string = org.libelle;
      // "Ministre d'État, ministre" is a senior full minister; a "Ministère … auprès du ministre …" is attached to another (Borne at Transport, 2017–19).
      const attached = /auprès/i.test(ministry);
      const fullMinister = /^Ministre( d'État(, ministre)?)?$/i.test(quality) && !attached;
      // "Ministère du Travail…" held as "Ministre" → "Ministre du Travail…".
      const title = /^Minist[èe]re\b/i.test(ministry) ? ministry.replace(/^Minist[èe]re/i, quality) : `${quality} (${ministry})`;
      // An attached minister is known by the brief: "Ministre chargé des transports".
      const brief = attached && /^Ministre$/i.test(quality) ? /chargée? ((?:des|du|de la|de l['’]|de) ?[^,]+)/i.exec(ministry)?.[1] : undefined;
      const short = (fullMinister && FR_SHORT.find(([re]) => re.test(ministry))?.[1]) || (brief ? `Ministre chargé ${brief.split(/\s+auprès/)[0].trim()}` : title);
      // AN end dates are the last day in office; ours are exclusive.
      const fixed = m.dateFin ? undefined : endOfGovernment(mandats, m);
      const end = m.dateFin ? addDays(m.dateFin, 1) : fixed?.end;
      tenures.push({
        person: p.id, title, short, org: `Gouvernement de la République française`, country: 'FR',
        start: m.dateDebut, ...(end ? { end } : {}), rank: fullMinister ? 3 : /délégué/i.test(quality) || attached ? 4 : 5, src: 'an',
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
// UK: every MP elected at the general elections of 2010–2024 and at by-elections.

const GE_COLUMNS = ['ONS ID', 'ONS region ID', 'Constituency name', 'County name', 'Region name', 'Country name', 'Constituency type', 'Party name', 'Party abbreviation', 'Electoral Commission party ID', 'MNIS party ID', 'Electoral Commission adjunct party ID', 'Candidate first name', 'Candidate surname', 'Candidate gender', 'Sitting MP', 'Former MP', 'Member MNIS ID', 'Votes', 'Share', 'Change'];
const dmy = (s: string) => { const [d, m, y] = s.split('/'); return `${y}-${m}-${d}`; };

interface Win { mnis: string; first: string; last: string; gender: string; party: string; seat: string; seatName: string; date: string; parliament: number }

/** The winner (most votes) of each contest. */
function winners(rows: Record<string, string>[], parliament: number, dateOf: (r: Record<string, string>) => string): Win[] {
  const best = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const seat = r['ONS ID'] ?? r['ONS ID2'];
    const key = `${seat}|${dateOf(r)}`;
    const cur = best.get(key);
    if (!cur || Number(r.Votes) > Number(cur.Votes)) best.set(key, r);
  }
  return [...best.values()].map((r) => ({
    mnis: String(r['Member MNIS ID'] ?? '').trim(), first: r['Candidate first name'].trim(), last: r['Candidate surname'].trim(), gender: r['Candidate gender'] ?? '',
    party: r['Party name'].trim(), seat: r['ONS ID'] ?? r['ONS ID2'], seatName: r['Constituency name'].trim(), date: dateOf(r), parliament,
  }));
}

function loadMps() {
  const dir = 'uk-parliament-election-results';
  const periods = parseCsv(readFileSync(join(SHARED, dir, 'parliament_periods.csv')), { relax_column_count: true }) as string[][];
  const elected = new Map<number, string>();
  const dissolved = new Map<number, string>();
  for (const p of periods) {
    elected.set(Number(p[0]), dmy(p[1]));
    if (p[4]) dissolved.set(Number(p[0]), dmy(p[4]));
  }
  const wins: Win[] = [];
  for (let n = 55; n <= 59; n++) {
    const ge = parseCsv(readFileSync(join(SHARED, dir, `parliament-${n}-general-election-candidacies.csv`)), {
      columns: n === 59 ? true : GE_COLUMNS, bom: true, skip_empty_lines: true, relax_column_count: true,
    }) as Record<string, string>[];
    wins.push(...winners(ge, n, () => elected.get(n)!));
    wins.push(...winners(csv(`${dir}/parliament-${n}-by-elections-candidacies.csv`), n, (r) => dmy(r['Election date'])));
  }
  const lookup = new Map(csv('dfe-mp-lookup/mp_lookup.csv').map((r) => [r.member_id, r]));
  wins.sort((a, b) => a.date.localeCompare(b.date) || a.seat.localeCompare(b.seat));
  for (const w of wins) {
    if (!w.mnis) throw new Error(`election results: winner ${w.first} ${w.last} (${w.seatName}, ${w.date}) has no MNIS id`);
    // The seat is held until dissolution, or the next by-election in the same seat during that Parliament.
    const next = wins.find((o) => o.seat === w.seat && o.parliament === w.parliament && o.date > w.date);
    const end = next?.date ?? dissolved.get(w.parliament);
    const p = people.get(`gb-m${w.mnis}`) ?? register({ id: `gb-m${w.mnis}`, name: `${w.first} ${w.last}`, country: 'GB', ids: { ukParliament: w.mnis }, src: [] });
    addSource(p, 'ukparl');
    setGender(p, w.gender);
    tenures.push({
      person: p.id, title: `Member of Parliament for ${w.seatName}`, short: 'MP', org: 'House of Commons', country: 'GB',
      start: w.date, ...(end ? { end } : {}), rank: 7, src: 'ukparl',
    });
    if (!p.src.includes('ifg')) p.parties = mergeSpells([...(p.parties ?? []), { party: w.party, from: w.date, ...(end ? { to: end } : {}) }]);
  }
  // Current party (defections since the election), as the lookup knew it on its snapshot date.
  for (const [mnis, r] of lookup) {
    const p = people.get(`gb-m${mnis}`);
    if (!p) continue;
    addSource(p, 'mplookup');
    const party = r.party_text.replace(/^Labour \(Co-op\)$/, 'Labour and Co-operative');
    const last = p.parties?.at(-1);
    if (last && last.party !== party && !last.to) {
      last.to = MP_LOOKUP_DATE;
      p.parties!.push({ party, from: MP_LOOKUP_DATE });
    }
  }
}
/** The MP lookup has no dates: a party it reports that differs from the election's is known from its snapshot. */
const MP_LOOKUP_DATE = '2026-06-27';

// ---------------------------------------------------------------------------
// France: deputies of the 16th (2022–2024) and 17th (2024–) legislatures.

const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/\b(De|Du|Des|Le|La|Von|Van|Der|Den)\b(?=\s)/g, (w) => w.toLowerCase());

function frDeputy(uid: string, first: string, last: string, civ: string): Person {
  const id = byAssemblee.get(uid);
  const p = (id && people.get(id)) || register({ id: `fr-${uid}`, name: `${first} ${last}`, country: 'FR', ids: { assemblee: uid }, src: [] });
  byAssemblee.set(uid, p.id);
  p.ids = { ...p.ids, assemblee: uid };
  addSource(p, 'an-deputes');
  setGender(p, civ);
  return p;
}
const byAssemblee = new Map<string, string>();

/** The 16th legislature ended with the dissolution of 9 June 2024 (decree published 10 June). */
const DISSOLUTION_2024 = { end: '2024-06-10', url: 'https://fr.news.yahoo.com/dissolution-lassembl%C3%A9e-nationale-texte-d%C3%A9cret-174003001.html' };

function loadDeputies() {
  for (const p of people.values()) if (p.ids?.assemblee) byAssemblee.set(p.ids.assemblee, p.id);
  const names = new Map(csv('nosdeputes2-an-opendata/deputes.csv').map((r) => [r.id, r]));
  for (const m of csv('nosdeputes2-an-opendata/deputes-organes.csv')) {
    if (m.typeOrgane !== 'ASSEMBLEE' || m.legislature !== '16') continue;
    const who = names.get(m.depId);
    if (!who) continue;
    const p = frDeputy(m.depId, who.prenom, who.nom, who.civ);
    const end = m.dateFin ? addDays(m.dateFin, 1) : DISSOLUTION_2024.end;
    tenures.push({
      person: p.id, title: 'Député (16e législature)', short: 'Deputy', org: 'Assemblée nationale', country: 'FR',
      start: m.dateDebut, end, rank: 7, src: 'an-deputes', ...(m.dateFin ? {} : { url: DISSOLUTION_2024.url }),
    });
  }
  for (const r of csv('datan-deputes-17/deputes-active.csv')) {
    const p = frDeputy(r.id, r.prenom, r.nom, r.civ);
    tenures.push({
      person: p.id, title: `Député de la ${r.circo}e circonscription (${r.departementNom})`, short: 'Deputy', org: 'Assemblée nationale', country: 'FR',
      start: r.datePriseFonction, rank: 7, src: 'an-deputes',
    });
    if (!p.parties?.length) p.parties = [{ party: r.groupe, from: r.datePriseFonction }];
  }
}

// ---------------------------------------------------------------------------
// EU: MEPs of the 10th term (2024–).

const TERM_10_START = '2024-07-16';

function loadMeps() {
  const groups = json(join(SHARED, 'mepwatch-meps-10', 'eugroups.json')) as Record<string, { name: string }>;
  const moves = new Map(csv('mepwatch-meps-10/inout.csv').map((r) => [r.id, r]));
  for (const r of csv('mepwatch-meps-10/meps.csv')) {
    const country = r.country.toUpperCase();
    const name = `${r.first_name} ${titleCase(r.last_name)}`.replace(/\s+/g, ' ').trim();
    const p = findByName(country, name) ?? register({ id: `eu-${r.epid}`, name, country, src: [] });
    addSource(p, 'europarl');
    setGender(p, r.gender);
    const move = moves.get(r.epid);
    const start = move && move.start > TERM_10_START ? move.start : TERM_10_START;
    const group = groups[r.eugroup]?.name ?? r.eugroup;
    tenures.push({
      person: p.id, title: `Member of the European Parliament (${country})`, short: 'MEP', org: `European Parliament, ${group}`, country,
      start, rank: 7, src: 'europarl',
    });
    if (!p.parties?.length && r.party) p.parties = [{ party: r.party, from: start }];
  }
}

// ---------------------------------------------------------------------------
// Scotland: Scottish Government roles (parlparse sp-ministers.json). The file has TheyWorkForYou
// person ids but no names; data/curated/scotland.json names each id, with a source URL.

interface ScottishName {
  publicwhip: string;
  name: string;
  aliases?: string[];
  party?: string;
  url: string;
  /** A UK record with the same name that is someone else (checked by hand). */
  distinctFrom?: string;
}

/** Aides and liaison officers are not members of the government. */
const SP_NOT_MINISTERS = /Parliamentary Liaison Officer|Parliamentary Aide/;
const SP_SHORT: [RegExp, string, number][] = [
  [/^First Minister$/, 'First Minister of Scotland', 2],
  [/^Deputy First Minister/, 'Deputy First Minister of Scotland', 3],
  [/^Cabinet Secretary/, '', 3],
  [/^(Lord Advocate|Solicitor General for Scotland)$/, '', 4],
  [/^Minister/, '', 4],
  [/^Deputy Minister/, '', 5],
];

/** "Scottish Labour" and "Labour" are one party here; "Liberal Democrats" and "Liberal Democrat" too. */
const partyKey = (party: string) => party.replace(/^Scottish (?!National)/, '').replace(/s$/, '').toLowerCase();

/**
 * A name alone does not make two people one: Adam Ingram the SNP minister is not Adam Ingram the
 * Labour MP. A join also needs the party of the Scottish role among the person's party spells.
 */
function sameParty(candidate: Person | undefined, party: string | undefined): Person | undefined {
  if (!candidate || !party) return undefined;
  return candidate.parties?.some((s) => partyKey(s.party) === partyKey(party)) ? candidate : undefined;
}

function loadScotland() {
  const namesFile = join(CURATED, 'scotland.json');
  if (!existsSync(namesFile)) return;
  const names = new Map((json(namesFile).people as ScottishName[]).map((n) => [n.publicwhip, n]));
  const idOf = new Map<string, string>();
  for (const m of json(join(SHARED, 'parlparse', 'sp-ministers.json')) as any[]) {
    if (SP_NOT_MINISTERS.test(m.role)) continue;
    for (const pid of m.person_id as string[]) {
      const who = names.get(pid);
      if (!who) continue; // not named with a source yet: left out rather than guessed
      let id = idOf.get(pid);
      if (!id) {
        const twfy = pid.split('/').pop()!;
        // Someone who is also in a UK source (an MP, a UK minister) is joined when exactly one GB person has the name and the party.
        const found = sameParty(findByName('GB', who.name), who.party);
        const existing = found?.id === who.distinctFrom ? undefined : found;
        const p = existing ?? register({ id: `gb-sp${twfy}`, name: who.name, country: 'GB', ...(who.party ? { parties: [{ party: who.party }] } : {}), src: [] });
        for (const alias of who.aliases ?? []) addAlias(p, { name: alias });
        p.ids = { ...p.ids, theyWorkForYou: twfy };
        addSource(p, 'sp');
        addSource(p, 'curated');
        if (existing) console.log(`data:build: Scottish minister ${who.name} joined to ${existing.id}`);
        idOf.set(pid, (id = p.id));
      }
      const [, fixedShort, rank] = SP_SHORT.find(([re]) => re.test(m.role)) ?? [null, '', 5];
      const title = m.role === 'First Minister' ? 'First Minister of Scotland' : m.role;
      tenures.push({
        person: id, title, short: fixedShort || m.role, org: 'Scottish Government', country: 'GB',
        start: m.start_date, ...(m.end_date ? { end: m.end_date } : {}), rank, src: 'sp',
      });
    }
  }
}

// ---------------------------------------------------------------------------
// Surnames that need care: common words ("May", "Truss", "Cleverly") and common surnames.

const COMMON_SURNAMES = `smith jones williams taylor davies brown wilson evans thomas johnson roberts walker wright robinson thompson white hughes
edwards green hall wood harris lewis martin jackson clarke clark turner hill scott cooper morris ward moore king watson baker harrison
morgan patel young allen mitchell james anderson phillips lee bell parker davis miller garcia rodriguez martinez murphy reid kelly
campbell stewart murray ross khan ali ahmed singh shah hussain begum kaur lopez gonzalez hernandez perez sanchez ramirez torres nguyen
kim chen wang li zhang liu johnston graham hamilton cox richardson wilkinson marshall owen rees price ellis hunt reeves gray grant
bernard dubois durand petit moreau laurent simon michel lefebvre leroy roux david bertrand morel fournier girard bonnet dupont lambert
fontaine rousseau vincent muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann rossi russo ferrari esposito`.split(/\s+/);

function surnameFlags(): { common: string[]; words: string[] } {
  const words = new Set(readFileSync(join(ROOT, 'node_modules', 'word-list', 'words.txt'), 'utf8').split('\n'));
  const french = new Set((JSON.parse(readFileSync(join(ROOT, 'node_modules', 'an-array-of-french-words', 'index.json'), 'utf8')) as string[]).map((w) => nameKey(w)));
  const counts = new Map<string, number>();
  for (const p of people.values()) {
    if (!p.src.length) continue;
    for (const n of new Set([p.name, ...(p.aliases ?? []).map((a) => a.name)].map(surnameOf).filter(Boolean))) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  // A surname that is someone's first name in the data ("Philippe", "Cameron") is no safe sign of one person either.
  const firstNames = new Set([...people.values()].filter((p) => p.src.length).map((p) => nameKey(p.name).split(' ')[0]));
  const common = [...counts].filter(([k, c]) => c > 1 || COMMON_SURNAMES.includes(k) || firstNames.has(k)).map(([k]) => k).sort();
  const asWords = [...counts.keys()].filter((k) => !k.includes(' ') && (words.has(k) || french.has(k))).sort();
  return { common, words: asWords };
}

// ---------------------------------------------------------------------------
// Heads of state and government (Wikidata extract), for countries without a better source.

const LEADER_COUNTRIES: Record<string, string> = {
  ARG: 'AR', AUS: 'AU', BRA: 'BR', CAN: 'CA', CHN: 'CN', DEU: 'DE', FRA: 'FR', IND: 'IN', IDN: 'ID', ITA: 'IT', JPN: 'JP', KOR: 'KR',
  MEX: 'MX', RUS: 'RU', SAU: 'SA', ZAF: 'ZA', TUR: 'TR', AUT: 'AT', BEL: 'BE', BGR: 'BG', HRV: 'HR', CYP: 'CY', CZE: 'CZ', DNK: 'DK',
  EST: 'EE', FIN: 'FI', GRC: 'GR', HUN: 'HU', IRL: 'IE', LVA: 'LV', LTU: 'LT', LUX: 'LU', MLT: 'MT', NLD: 'NL', POL: 'PL', PRT: 'PT',
  ROU: 'RO', SVK: 'SK', SVN: 'SI', ESP: 'ES', SWE: 'SE', UKR: 'UA', ISR: 'IL', NZL: 'NZ', NOR: 'NO', CHE: 'CH',
};
/** Heads of state the extract mixes up (Swiss Federal Council, realms whose head of state is the British monarch). */
const LEADER_SKIP_HEAD_OF_STATE = new Set(['CHE', 'AUS', 'CAN', 'NZL', 'JPN', 'SAU', 'ESP', 'NLD', 'BEL', 'DNK', 'SWE', 'NOR', 'LUX']);
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
  const usable = rows.filter((r) => LEADER_COUNTRIES[r.iso3] && r.start && /^Q\d+$/.test(r.person_qid) && r.person && !/^Q\d+$/.test(r.person) &&
    !(r.role === 'head_of_state' && LEADER_SKIP_HEAD_OF_STATE.has(r.iso3)));
  const headOfState = (r: Record<string, string>) => usable.some((o) => o.role === 'head_of_state' && o.iso3 === r.iso3 && o.person_qid === r.person_qid && o.start.slice(0, 4) === r.start.slice(0, 4));
  for (const [i, r] of usable.entries()) {
    const country = LEADER_COUNTRIES[r.iso3];
    // In presidential systems the extract lists the president as head of government too: keep "President" only.
    if (r.role === 'head_of_government' && headOfState(r)) continue;
    const start = r.start.slice(0, 10);
    // Open rows the extract forgot to close end where the next holder of the same office starts.
    const next = r.end ? undefined : usable.slice(i + 1).find((o) => o.iso3 === r.iso3 && o.role === r.role && o.person_qid !== r.person_qid && o.start > r.start);
    // The extract often ends a term the day before the successor's first day; our ends are exclusive.
    const successor = usable.slice(i + 1).find((o) => o.iso3 === r.iso3 && o.role === r.role && o.person_qid !== r.person_qid && o.start > r.start);
    let end = r.end ? r.end.slice(0, 10) : next?.start.slice(0, 10);
    if (end && successor && addDays(end, 1) === successor.start.slice(0, 10)) end = successor.start.slice(0, 10);
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

/**
 * A curated person not found in their own country may be a leader known elsewhere: an EU official who
 * was a national prime minister, a central banker who became one (Mark Carney). Joined only when one
 * person anywhere has the name and one of the two records is a head of state or government or an EU post.
 */
function findLeaderAbroad(c: CuratedPerson, curatedTenures: CuratedTenure[]): Person | undefined {
  const other = findByNameAnywhere(c.name);
  if (!other) return undefined;
  const seniorThere = tenures.some((t) => t.person === other.id && t.rank <= 2);
  const seniorHere = c.country === 'EU' || curatedTenures.some((t) => t.person === c.ref && (t.rank ?? curatedRank(t.short)) <= 2);
  return seniorThere || seniorHere ? other : undefined;
}

function resolveRef(ref: string): Person {
  const [country, ...rest] = ref.split(':');
  const name = rest.join(':');
  const p = findByName(country, name) ?? curatedRefs.get(ref);
  if (!p) throw new Error(`curated: no single person "${ref}" (add it to people.json)`);
  return p;
}

/** Curated references ("GB:Mark Carney") → the person they were joined to. */
const curatedRefs = new Map<string, Person>();

/** The curated layer's English short titles for French offices → the ones used for the AN data. */
const FR_CURATED_SHORT: Record<string, string> = {
  'Interior Minister': 'Minister of the Interior',
  'Interior Minister (acting)': 'Minister of the Interior (acting)',
  'Foreign Minister': 'Minister for Foreign Affairs',
  'Economy Minister': 'Minister of the Economy',
  'Armed Forces Minister': 'Minister of the Armed Forces',
  'Justice Minister': 'Minister of Justice',
};

/** Every curated layer: data/curated/*.json except pledges.json, in name order. */
function loadCurated() {
  const layers = readdirSync(CURATED).filter((f) => f.endsWith('.json') && f !== 'pledges.json' && f !== 'scotland.json').sort()
    .map((f) => json(join(CURATED, f)) as CuratedLayer);
  // Everyone first, so a layer's tenures may name people another layer introduces.
  for (const layer of layers) loadCuratedPeople(layer);
  for (const layer of layers) loadCuratedTenures(layer);
}

interface CuratedLayer { people: CuratedPerson[]; tenures: CuratedTenure[]; corrections?: CuratedCorrection[] }

function loadCuratedPeople(layer: CuratedLayer) {
  for (const c of layer.people) {
    const p = (c.wikidata && people.get(byWikidata.get(c.wikidata) ?? '')) || findByName(c.country, c.name) ||
      findLeaderAbroad(c, layer.tenures) || register({ id: `${c.country.toLowerCase()}-${slug(c.name)}`, name: c.name, country: c.country, src: [] });
    addSource(p, 'curated');
    if (c.wikidata) p.ids = { ...p.ids, wikidata: c.wikidata };
    // The curated spelling keeps accents a source dropped ("Laurent Nuñez").
    if (nameKey(c.name) === nameKey(p.name) && c.name !== p.name && /[^\x00-\x7f]/.test(c.name)) p.name = c.name;
    for (const a of c.aliases ?? []) addAlias(p, { name: a });
    curatedRefs.set(c.ref, p);
    if (c.party && !p.parties?.length) p.parties = [{ party: c.party }];
  }
}

function loadCuratedTenures(layer: CuratedLayer) {
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
  const layer = json(join(CURATED, 'pledges.json')) as { pledges: (Omit<Pledge, 'src' | 'by'> & { by: string[]; statusUrl: string })[] };
  return layer.pledges.map((pl) => ({
    id: pl.id, wording: pl.wording, phrases: pl.phrases.map((s) => s.toLowerCase()),
    by: pl.by.flatMap((ref) => {
      try {
        return [resolveRef(ref).id];
      } catch {
        return []; // pledges by people outside the dataset (campaigns, parties) keep no person link
      }
    }),
    date: pl.date, status: { value: pl.status.value as PledgeStatus, date: pl.status.date, url: pl.statusUrl }, url: pl.url, src: 'curated',
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
    // Only the AN's gaps between governments (the outgoing ministers stay on for current affairs) are bridged,
    // Also a new Congress sworn in a day or two after the last one ended.
    const gap = t.src === 'an' ? 7 : t.src === 'congress' ? 3 : 0;
    const sameOffice = !!last && last.person === t.person && last.title === t.title && last.short === t.short && last.country === t.country && last.src === t.src;
    // A row listed twice gives one tenure.
    if (sameOffice && last.start === t.start && last.end === t.end) continue;
    // One appointment a source records twice (Wikidata, parlparse): an open row and, a few days later, a closed
    // one (which has the end), or two open rows (dates of election and of taking office). One tenure.
    if (sameOffice && !last.end && (last.org ?? '') === (t.org ?? '') && (!t.end || addDays(last.start, 7) >= t.start)) {
      console.log(`data:build: ${t.src} lists ${t.person} as ${t.short} from ${last.start} (open) and from ${t.start}${t.end ? ` to ${t.end}` : ''}: one tenure${t.end ? ` to ${t.end}` : ''}`);
      if (t.end) last.end = t.end;
      continue;
    }
    if (sameOffice && last.end && addDays(last.end, gap) >= t.start) {
      if (!t.end) delete last.end;
      else if (t.end > last.end) last.end = t.end;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}

loadIfg();
loadMps();
loadCongress();
loadAssemblee();
loadDeputies();
loadMeps();
loadScotland();
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
  surnames: surnameFlags(),
};
const problems = validateDataset(dataset);
if (problems.length) {
  console.error(`data:build: the built dataset is invalid:\n  ${problems.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
writeFileSync(OUT, JSON.stringify(packDataset(dataset)) + '\n');
// The matcher, compiled now so the service worker loads it instead of rebuilding it on every wake.
writeFileSync(INDEX_OUT, JSON.stringify(exportIndex(dataset)) + '\n');
console.log(`data:build: wrote ${OUT}: ${dataset.people.length} people, ${dataset.tenures.length} tenures, ${dataset.pledges.length} pledges, as of ${dataset.asOf}`);
