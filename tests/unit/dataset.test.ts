/** The bundled dataset: valid, no duplicates, and dates that match the sources. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Dataset, Person, Tenure } from '../../src/core/schema';
import { DatasetIndex, exportIndex, loadDataset } from '../../src/core/dataset';
import { nameKey } from '../../src/core/normalise';
import { validateDataset } from '../../scripts/validate-dataset';
import { unfitSource } from '../../scripts/source-urls';
import { annotate } from '../../src/core/annotate';

const ROOT = join(import.meta.dirname, '..', '..');
const data = loadDataset(JSON.parse(readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8'))) as Dataset;
const index = new DatasetIndex(data);
const SHARED = join(ROOT, '..', 'shared', 'data');

/** The one person of `country` known by `name` (current or earlier), among those `also` accepts. */
const personNamed = (name: string, country: string, also: (p: Person) => boolean = () => true) => {
  const hits = data.people.filter((p) => p.country === country && [p.name, ...(p.aliases ?? []).map((a) => a.name)].some((n) => nameKey(n) === nameKey(name)) && also(p));
  expect(hits, `exactly one ${name}`).toHaveLength(1);
  return hits[0];
};
const tenuresOf = (name: string, country: string, short: string) => {
  const id = personNamed(name, country).id;
  return data.tenures.filter((t) => t.person === id && t.short === short).map((t) => [t.start, t.end ?? null]);
};

/** data/curated/scotland.json: names for the TheyWorkForYou person ids of sp-ministers.json. */
type ScottishName = { publicwhip: string; name: string; url: string; party?: string; distinctFrom?: string };
function scottishNames(): Map<string, ScottishName> {
  const file = JSON.parse(readFileSync(join(ROOT, 'data', 'curated', 'scotland.json'), 'utf8')) as { people: ScottishName[] };
  return new Map(file.people.map((p) => [p.publicwhip, p]));
}

/** The one GB person of that name who holds a Scottish Government role (there are two Adam Ingrams). */
const scottishMinister = (name: string) => personNamed(name, 'GB', (p) => data.tenures.some((t) => t.person === p.id && t.src === 'sp'));

describe('bundled dataset', () => {
  it('cites no mirror, scraper or staging copy anywhere in the curated layers (notes included)', () => {
    const dir = join(ROOT, 'data', 'curated');
    const unfit: string[] = [];
    let urls = 0;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const u of readFileSync(join(dir, f), 'utf8').match(/https?:\/\/[^\s"'<>)]+/g) ?? []) {
        urls++;
        const why = unfitSource(u);
        if (why) unfit.push(`${f}: ${u}: ${why}`);
      }
    }
    expect(urls).toBeGreaterThan(500);
    expect(unfit).toEqual([]);
    // The check itself: a known mirror, a "wiki" look-alike and the mobile site are refused; Wikipedia is not.
    expect(unfitSource('https://wikimili.com/en/Priti_Patel')).toMatch(/mirror/);
    expect(unfitSource('https://en.wiki.example.net/Priti_Patel')).toMatch(/copy of Wikipedia/);
    expect(unfitSource('https://en.m.wikipedia.org/wiki/Priti_Patel')).toMatch(/mirror/);
    expect(unfitSource('https://en.wikipedia.org/wiki/Priti_Patel')).toBeUndefined();
  });

  it('joins a Scottish minister to a UK record only when name and party agree', () => {
    // Alex Salmond: First Minister, later an SNP MP: one person with both.
    const salmond = personNamed('Alex Salmond', 'GB');
    const shorts = new Set(data.tenures.filter((t) => t.person === salmond.id).map((t) => t.short));
    expect(shorts.has('First Minister of Scotland') && shorts.has('MP')).toBe(true);
    // Adam Ingram the SNP children's minister is not Adam Ingram the Labour MP.
    const ingrams = data.people.filter((p) => p.country === 'GB' && p.name === 'Adam Ingram');
    expect(ingrams).toHaveLength(2);
    const roles = ingrams.map((p) => data.tenures.filter((t) => t.person === p.id).map((t) => t.src));
    expect(roles.filter((srcs) => srcs.includes('sp') && !srcs.includes('ukparl'))).toHaveLength(1);
  });

  it('names Scottish ministers only with a cited source, once each', () => {
    const list = [...scottishNames().values()];
    expect(list.length).toBeGreaterThan(60);
    for (const p of list) {
      expect(p.publicwhip, p.name).toMatch(/^uk\.org\.publicwhip\/person\/\d+$/);
      expect(p.url, p.name).toMatch(/^https?:\/\//);
      expect(p.name.trim(), p.publicwhip).toBe(p.name);
    }
    expect(new Set(list.map((p) => nameKey(p.name))).size).toBe(list.length);
  });

  it('has the First Ministers of Scotland with the source dates, and resolves the title to them', () => {
    // The source records 27 March 2023 as Sturgeon's last day and Yousaf's first as the 28th: one handover.
    expect(tenuresOf('Nicola Sturgeon', 'GB', 'First Minister of Scotland')).toEqual([['2014-11-19', '2023-03-28']]);
    expect(tenuresOf('Humza Yousaf', 'GB', 'First Minister of Scotland')).toEqual([['2023-03-28', '2024-05-07']]);
    expect(tenuresOf('John Swinney', 'GB', 'First Minister of Scotland')).toEqual([['2024-05-07', null]]);
    const read = (text: string) => annotate(index, { text, meta: { jsonLd: [], metas: [], times: [] }, date: '2025-01-10', today: '2026-11-28' }).people.map((p) => [p.name, p.role]);
    expect(read("Scotland's First Minister said the budget would pass. The First Minister spoke in Edinburgh.")).toEqual([['John Swinney', 'First Minister of Scotland']]);
    // A bare "First Minister" could be Wales's or Northern Ireland's: no guess.
    expect(read('The First Minister said the budget would pass.')).toEqual([]);
  });

  it('ships the matcher compiled from exactly this dataset (data/index.json)', () => {
    const shipped = readFileSync(join(ROOT, 'data', 'index.json'), 'utf8');
    expect(shipped === JSON.stringify(exportIndex(data)) + '\n', 'run npm run data:build').toBe(true);
  });

  it('validates against the schema, with sources for every record', () => {
    expect(validateDataset(data)).toEqual([]);
    expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has the spot-checked offices with the right dates', () => {
    // Collomb left the Interior on 3 October 2018 (the AN record runs to the later decree; the curated, sourced tenure wins).
    expect(tenuresOf('Gérard Collomb', 'FR', 'Minister of the Interior')).toEqual([['2017-05-17', '2018-10-03']]);
    expect(tenuresOf('James Cleverly', 'GB', 'Home Secretary')).toEqual([['2023-11-13', '2024-07-05']]);
    expect(tenuresOf('Suella Braverman', 'GB', 'Home Secretary')).toEqual([['2022-09-06', '2022-10-19'], ['2022-10-25', '2023-11-13']]);
    expect(tenuresOf('Liz Truss', 'GB', 'Prime Minister')).toEqual([['2022-09-06', '2022-10-25']]);
    expect(tenuresOf('Kamala Harris', 'US', 'Vice President')).toEqual([['2021-01-20', '2025-01-20']]);
    expect(tenuresOf('Rishi Sunak', 'GB', 'Prime Minister')).toEqual([['2022-10-25', '2024-07-05']]);
    // Interior, then "Interior and Overseas" from 4 July 2022: one unbroken stint under two titles.
    expect(tenuresOf('Gérald Darmanin', 'FR', 'Minister of the Interior')).toEqual([['2020-07-06', '2022-07-04'], ['2022-07-04', '2024-09-21']]);
    expect(tenuresOf('Bruno Retailleau', 'FR', 'Minister of the Interior').at(0)?.[0]).toBe('2024-09-21');
    expect(tenuresOf('Shabana Mahmood', 'GB', 'Home Secretary').at(0)?.[0]).toBe('2025-09-05');
  });

  it('knows earlier names as dated aliases', () => {
    const braverman = personNamed('Suella Braverman', 'GB');
    expect(braverman.aliases?.map((a) => a.name)).toContain('Suella Fernandes');
    expect(personNamed('Peter Mandelson', 'GB').id).toBe(personNamed('Lord Mandelson', 'GB').id);
  });

  it('never lists one office twice for the same stretch of time', () => {
    const seen = new Map<string, Tenure[]>();
    for (const t of data.tenures) seen.set(`${t.person}|${t.title}|${t.org ?? ''}|${t.country}`, [...(seen.get(`${t.person}|${t.title}|${t.org ?? ''}|${t.country}`) ?? []), t]);
    const overlapping = [...seen].filter(([, list]) => list.some((a, i) => list.slice(i + 1).some((b) => a.start < (b.end ?? '9999') && b.start < (a.end ?? '9999')))).map(([k]) => k);
    expect(overlapping).toEqual([]);
  });

  it('has one Prime Minister of the UK and one US President on any date', () => {
    for (const date of ['2010-05-12', '2016-07-14', '2019-07-25', '2022-09-07', '2022-10-26', '2024-07-06']) {
      expect(index.holdersOn('prime minister', date, 'GB'), date).toHaveLength(1);
    }
    for (const date of ['2009-01-21', '2017-01-21', '2021-01-21', '2025-01-21']) expect(index.holdersOn('president', date, 'US'), date).toHaveLength(1);
  });

  it('has no duplicate person: same-named people of one country are told apart by an id of the same kind', () => {
    const ids = new Map<string, string>();
    const clash: string[] = [];
    for (const p of data.people) {
      for (const [kind, value] of Object.entries(p.ids ?? {})) {
        const key = `${kind}:${value}`;
        if (ids.has(key)) clash.push(`${key} on ${ids.get(key)} and ${p.id}`);
        ids.set(key, p.id);
      }
    }
    expect(clash).toEqual([]);
    const byName = new Map<string, typeof data.people>();
    for (const p of data.people) byName.set(`${p.country}|${nameKey(p.name)}`, [...(byName.get(`${p.country}|${nameKey(p.name)}`) ?? []), p]);
    // Pairs checked by hand to be two people (data/curated/scotland.json: distinctFrom, with the reason).
    const distinct = [...scottishNames().values()].filter((n) => n.distinctFrom).map((n) => [`gb-sp${n.publicwhip.split('/').pop()}`, n.distinctFrom!].sort().join('|'));
    expect(distinct.length).toBeGreaterThan(0);
    const toldApart = (a: Person, b: Person) => distinct.includes([a.id, b.id].sort().join('|')) || Object.keys(a.ids ?? {}).some((k) => k in (b.ids ?? {}) && k !== 'ifg');
    const suspicious = [...byName].filter(([, list]) => list.length > 1).filter(([, list]) =>
      list.some((a, i) => list.slice(i + 1).some((b) => !toldApart(a, b))),
    ).map(([k]) => k);
    expect(suspicious).toEqual([]);
  });

  it('links every pledge to its source and, where they are in the data, its authors', () => {
    expect(data.pledges.length).toBeGreaterThanOrEqual(40);
    const stop = data.pledges.find((p) => p.id === 'uk-stop-the-boats')!;
    expect(stop.by).toEqual([personNamed('Rishi Sunak', 'GB').id]);
    for (const p of data.pledges) {
      expect(p.url, p.id).toMatch(/^https?:\/\//);
      expect(p.status.url, `${p.id}: a source for its status`).toMatch(/^https?:\/\//);
    }
  });
});

describe.skipIf(!existsSync(SHARED))('bundled dataset against ../shared/data', () => {
  const covered = (list: Tenure[], start: string, end: string | undefined) =>
    list.some((t) => t.start <= start && (t.end === undefined || (end !== undefined && end <= t.end)));

  it('covers every IfG appointment with the same dates (consecutive spells of one post are joined)', () => {
    const csv = (f: string) => parseCsv(readFileSync(join(SHARED, 'ifg-ministers-database', f)), { columns: true, bom: true }) as Record<string, string>[];
    const mnisOf = new Map(csv('person.csv').map((r) => [r.id, r.id_parliament ? `gb-m${parseInt(r.id_parliament, 10)}` : `gb-ifg-${r.id.slice(0, 8)}`]));
    const posts = new Map(csv('post.csv').map((r) => [r.id, r.name]));
    const missing: string[] = [];
    let checked = 0;
    for (const a of csv('appointment.csv')) {
      if (a.end_date && a.end_date <= a.start_date) continue; // impossible rows, reported by the build
      const list = data.tenures.filter((t) => t.person === mnisOf.get(a.person_id) && t.title === posts.get(a.post_id));
      if (!covered(list, a.start_date, a.end_date || undefined) && !list.some((t) => t.src === 'curated')) missing.push(`${mnisOf.get(a.person_id)} ${posts.get(a.post_id)} ${a.start_date}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(3600);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('has every president and vice president term since 1977 with the source dates', () => {
    const exec = parseYaml(readFileSync(join(SHARED, 'congress-legislators', 'executive.yaml'), 'utf8')) as { id: { bioguide?: string; govtrack: number }; terms: { type: string; start: string; end: string }[] }[];
    let checked = 0;
    for (const e of exec) {
      for (const t of e.terms) {
        if (t.end < '1977-01-20') continue;
        const short = t.type === 'prez' ? 'President' : 'Vice President';
        const list = data.tenures.filter((x) => x.person === `us-${e.id.bioguide ?? `GT${e.id.govtrack}`}` && x.short === short);
        expect(covered(list, t.start, t.end > '2026-06-15' ? undefined : t.end), `${e.id.bioguide ?? e.id.govtrack} ${short} ${t.start}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('makes every winner of the 2024 general election an MP from election day', () => {
    const rows = parseCsv(readFileSync(join(SHARED, 'uk-parliament-election-results', 'parliament-59-general-election-candidacies.csv')), { columns: true, bom: true }) as Record<string, string>[];
    const best = new Map<string, Record<string, string>>();
    for (const r of rows) if (!best.has(r['ONS ID']) || Number(r.Votes) > Number(best.get(r['ONS ID'])!.Votes)) best.set(r['ONS ID'], r);
    expect(best.size).toBe(650);
    const missing = [...best.values()].filter((w) => !data.tenures.some((t) => t.person === `gb-m${w['Member MNIS ID']}` && t.short === 'MP' && t.start === '2024-07-04' && t.title === `Member of Parliament for ${w['Constituency name']}`));
    expect(missing.map((w) => `${w['Candidate first name']} ${w['Candidate surname']}`)).toEqual([]);
  });

  it('has every term since 2007 of every current member of Congress, with the source dates (back-to-back terms joined)', () => {
    const current = parseYaml(readFileSync(join(SHARED, 'congress-legislators', 'legislators-current.yaml'), 'utf8')) as { id: { bioguide: string }; terms: { type: string; start: string; end: string }[] }[];
    expect(current.length).toBeGreaterThan(500);
    const missing: string[] = [];
    for (const m of current) {
      for (const t of m.terms) {
        if (t.end < '2007-01-03') continue;
        const short = t.type === 'sen' ? 'Senator' : 'Representative';
        const list = data.tenures.filter((x) => x.person === `us-${m.id.bioguide}` && x.short === short);
        if (!covered(list, t.start, t.end > '2026-06-15' ? undefined : t.end)) missing.push(`${m.id.bioguide} ${short} ${t.start}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has every Scottish Government role of each named person with the source dates (aides left out)', () => {
    const names = scottishNames();
    const roles = JSON.parse(readFileSync(join(SHARED, 'parlparse', 'sp-ministers.json'), 'utf8')) as { role: string; person_id: string[]; start_date: string; end_date?: string }[];
    const missing: string[] = [];
    let checked = 0;
    for (const m of roles) {
      const who = m.person_id.map((id) => names.get(id)).find(Boolean);
      if (!who || /Parliamentary Liaison Officer|Parliamentary Aide/.test(m.role)) continue;
      const id = scottishMinister(who.name).id;
      const title = m.role === 'First Minister' ? 'First Minister of Scotland' : m.role;
      const list = data.tenures.filter((t) => t.person === id && t.title === title && t.src === 'sp');
      // The source lists a few appointments twice, open and closed a day apart: the closed row says when it ended.
      const twin = m.end_date ? undefined : roles.find((o) => o !== m && o.role === m.role && o.end_date && o.person_id.some((x) => m.person_id.includes(x)) && o.start_date >= m.start_date && Date.parse(o.start_date) - Date.parse(m.start_date) <= 7 * 86_400_000);
      if (!covered(list, m.start_date, twin?.end_date ?? m.end_date)) missing.push(`${who.name} ${m.role} ${m.start_date}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });

  it('is regenerated byte for byte by npm run data:build', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nameplate-data-')), 'dataset.json');
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'build-dataset.ts'), '--shared', SHARED, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8') === readFileSync(join(ROOT, 'data', 'dataset.json'), 'utf8')).toBe(true);
    expect(readFileSync(join(out, '..', 'index.json'), 'utf8') === readFileSync(join(ROOT, 'data', 'index.json'), 'utf8')).toBe(true);
  });
});
