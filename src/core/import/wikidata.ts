/**
 * Wikidata entity JSON, as downloaded from Special:EntityData/Q….json (or
 * wbgetentities): { entities: { Q…: { labels, aliases, claims } } }. Each person
 * with "position held" (P39) statements becomes a person; each P39 with a start
 * time (qualifier P580, end P582) an office. Claims are simplified with
 * wikibase-sdk after valibot has checked the parts read here.
 */
import * as v from 'valibot';
import { simplifyClaim, type Claim } from 'wikibase-sdk';
import type { PartySpell } from '../schema';
import type { PersonDraft, TenureDraft } from './build';
import { isCountry, rankFromTitle, type Fields } from './fields';
import { isObject, type JsonObject, type JsonValue } from './json';
import { ImportFailure, MAX_RECORDS, describeValue, plural, quote, type Problems } from './types';

/** A look-up table keyed by values from the file: a Map, so no key can reach Object.prototype. */
const table = <T>(o: Record<string, T>) => new Map(Object.entries(o));

/** Common offices, so a file of one person reads well without the positions' own entities. */
const POSITIONS = table<{ title: string; short: string; country: string; rank: number }>({
  Q14211: { title: 'Prime Minister of the United Kingdom', short: 'Prime Minister', country: 'GB', rank: 1 },
  Q16707842: { title: 'Member of Parliament of the United Kingdom', short: 'MP', country: 'GB', rank: 7 },
  Q1362216: { title: 'First Minister of Scotland', short: 'First Minister', country: 'GB', rank: 1 },
  Q11696: { title: 'President of the United States', short: 'President', country: 'US', rank: 1 },
  Q11699: { title: 'Vice President of the United States', short: 'Vice President', country: 'US', rank: 2 },
  Q4416090: { title: 'United States senator', short: 'Senator', country: 'US', rank: 7 },
  Q13218630: { title: 'Member of the United States House of Representatives', short: 'Representative', country: 'US', rank: 7 },
  Q191954: { title: 'President of the French Republic', short: 'President', country: 'FR', rank: 1 },
  Q1587677: { title: 'Prime Minister of France', short: 'Prime Minister', country: 'FR', rank: 1 },
  Q4970706: { title: 'Federal Chancellor of Germany', short: 'Chancellor', country: 'DE', rank: 1 },
  Q796897: { title: 'President of the Council of Ministers of Italy', short: 'Prime Minister', country: 'IT', rank: 1 },
  Q844587: { title: 'President of the Government of Spain', short: 'Prime Minister', country: 'ES', rank: 1 },
  Q839078: { title: 'Prime Minister of Canada', short: 'Prime Minister', country: 'CA', rank: 1 },
  Q319145: { title: 'Prime Minister of Australia', short: 'Prime Minister', country: 'AU', rank: 1 },
  Q1071117: { title: 'Prime Minister of New Zealand', short: 'Prime Minister', country: 'NZ', rank: 1 },
  Q191827: { title: 'Taoiseach', short: 'Taoiseach', country: 'IE', rank: 1 },
  Q3058109: { title: 'Prime Minister of the Netherlands', short: 'Prime Minister', country: 'NL', rank: 1 },
  Q687075: { title: 'Prime Minister of Sweden', short: 'Prime Minister', country: 'SE', rank: 1 },
  Q2334076: { title: 'Prime Minister of Norway', short: 'Prime Minister', country: 'NO', rank: 1 },
  Q795477: { title: 'Prime Minister of Denmark', short: 'Prime Minister', country: 'DK', rank: 1 },
  Q274948: { title: 'Prime Minister of Japan', short: 'Prime Minister', country: 'JP', rank: 1 },
  Q192711: { title: 'Prime Minister of India', short: 'Prime Minister', country: 'IN', rank: 1 },
  Q208487: { title: 'Prime Minister of Israel', short: 'Prime Minister', country: 'IL', rank: 1 },
  Q273884: { title: 'President of South Africa', short: 'President', country: 'ZA', rank: 1 },
  Q5176750: { title: 'President of Brazil', short: 'President', country: 'BR', rank: 1 },
  Q27169: { title: 'Member of the European Parliament', short: 'MEP', country: 'EU', rank: 7 },
});

/** Countries (P27 country of citizenship, P17, P1001) by item. */
const COUNTRIES = table<string>({
  Q145: 'GB', Q30: 'US', Q142: 'FR', Q183: 'DE', Q38: 'IT', Q29: 'ES', Q17: 'JP', Q16: 'CA', Q408: 'AU', Q155: 'BR', Q668: 'IN', Q148: 'CN',
  Q159: 'RU', Q96: 'MX', Q414: 'AR', Q884: 'KR', Q258: 'ZA', Q43: 'TR', Q851: 'SA', Q252: 'ID', Q27: 'IE', Q55: 'NL', Q31: 'BE', Q39: 'CH',
  Q40: 'AT', Q34: 'SE', Q20: 'NO', Q35: 'DK', Q33: 'FI', Q36: 'PL', Q45: 'PT', Q41: 'GR', Q213: 'CZ', Q28: 'HU', Q218: 'RO', Q219: 'BG',
  Q224: 'HR', Q215: 'SI', Q214: 'SK', Q37: 'LT', Q211: 'LV', Q191: 'EE', Q229: 'CY', Q233: 'MT', Q32: 'LU', Q458: 'EU', Q664: 'NZ',
  Q801: 'IL', Q794: 'IR', Q1033: 'NG', Q79: 'EG', Q212: 'UA', Q843: 'PK',
});

/** Parties, named as the bundled data names them. */
const PARTIES = table<string>({
  Q9630: 'Conservative', Q9626: 'Labour', Q9624: 'Liberal Democrat', Q29552: 'Democratic', Q29468: 'Republican',
});

const LANGUAGES = ['en', 'mul', 'en-gb', 'en-us', 'en-ca'];

// ---------------------------------------------------------------------------
// Shapes (only the parts read here are checked, and kept)

const found = (expected: string) => (issue: v.BaseIssue<unknown>) => (issue.input === undefined ? 'missing' : `expected ${expected}, found ${describeValue(issue.input)}`);
const Qid = v.pipe(v.string(found('an item id')), v.regex(/^Q[1-9]\d*$/, (i) => `${quote(i.input)} is not a Wikidata item id (Q followed by digits)`));
const Term = v.object({ language: v.string(found('text')), value: v.string(found('text')) }, found('an object'));

const snak = <T extends v.GenericSchema>(datavalue: T) =>
  v.pipe(
    v.object(
      {
        snaktype: v.picklist(['value', 'somevalue', 'novalue'], found('"value", "somevalue" or "novalue"')),
        property: v.string(found('a property id')),
        datatype: v.optional(v.string()),
        datavalue: v.optional(datavalue),
      },
      found('an object'),
    ),
    v.check((s) => s.snaktype !== 'value' || s.datavalue !== undefined, 'a statement of type "value" without a "datavalue"'),
  );
const ItemSnak = snak(
  v.object({
    type: v.literal('wikibase-entityid', found('"wikibase-entityid"')),
    value: v.pipe(
      v.object({ id: v.optional(Qid), 'numeric-id': v.optional(v.pipe(v.number(found('a number')), v.integer(), v.minValue(1))), 'entity-type': v.optional(v.string()) }, found('an object')),
      v.check((x) => x.id !== undefined || (x['numeric-id'] !== undefined && (x['entity-type'] ?? 'item') === 'item'), 'an item value needs an "id" (or a "numeric-id")'),
      v.transform((x) => ({ ...x, 'entity-type': x['entity-type'] ?? 'item' })),
    ),
  }),
);
const TimeSnak = snak(
  v.object({
    type: v.literal('time', found('"time"')),
    value: v.object({ time: v.string(found('text')), precision: v.number(found('a number')), timezone: v.optional(v.number()), calendarmodel: v.optional(v.string()) }, found('an object')),
  }),
);
const StringSnak = snak(v.object({ type: v.literal('string', found('"string"')), value: v.string(found('text')) }));
const Rank = v.optional(v.picklist(['preferred', 'normal', 'deprecated'], found('"preferred", "normal" or "deprecated"')));
const Dated = v.optional(v.object({ P580: v.optional(v.array(TimeSnak, found('a list'))), P582: v.optional(v.array(TimeSnak, found('a list'))) }, found('an object')));
const ItemStatements = v.optional(v.array(v.object({ type: v.optional(v.string()), rank: Rank, mainsnak: ItemSnak }, found('an object')), found('a list')));
const DatedItemStatements = v.optional(v.array(v.object({ type: v.optional(v.string()), rank: Rank, mainsnak: ItemSnak, qualifiers: Dated }, found('an object')), found('a list')));
const StringStatements = v.optional(v.array(v.object({ type: v.optional(v.string()), rank: Rank, mainsnak: StringSnak }, found('an object')), found('a list')));

const EntitySchema = v.object(
  {
    id: v.string(found('an id')),
    type: v.optional(v.string()),
    missing: v.optional(v.string()),
    labels: v.optional(v.record(v.string(), Term, found('an object'))),
    aliases: v.optional(v.record(v.string(), v.array(Term, found('a list')), found('an object'))),
    claims: v.optional(
      v.object(
        {
          P31: ItemStatements,
          P39: DatedItemStatements,
          P27: ItemStatements,
          P102: DatedItemStatements,
          P17: ItemStatements,
          P1001: ItemStatements,
          P297: StringStatements,
        },
        found('an object'),
      ),
    ),
  },
  found('an object'),
);
type Entity = v.InferOutput<typeof EntitySchema>;
type Statement = NonNullable<NonNullable<NonNullable<Entity['claims']>['P39']>>[number];

export function isWikidata(doc: JsonValue): doc is JsonObject {
  return isObject(doc) && (isObject(doc.entities) || (typeof doc.id === 'string' && /^Q\d+$/.test(doc.id) && isObject(doc.claims)));
}

const pathOf = (base: string, issue: v.BaseIssue<unknown>) => base + (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');

/** A statement's value and its start/end qualifiers, via wikibase-sdk; undefined for "no value"/"unknown value". */
function simplified(st: Statement): { value?: string; start?: string; end?: string } {
  const s = simplifyClaim(st as unknown as Claim, { keepQualifiers: true, timeConverter: 'simple-day' }) as { value?: unknown; qualifiers?: Record<string, unknown[]> };
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { value: str(s.value), start: str(s.qualifiers?.P580?.[0]), end: str(s.qualifiers?.P582?.[0]) };
}

const itemValue = (st: { mainsnak: unknown; rank?: string }) => {
  if (st.rank === 'deprecated') return undefined;
  const v = simplifyClaim(st as unknown as Claim, {});
  return typeof v === 'string' ? v : undefined;
};

export function readWikidata(doc: JsonObject, fields: Fields, problems: Problems): { people: PersonDraft[]; tenures: TenureDraft[] } {
  const raw: JsonObject = isObject(doc.entities) ? doc.entities : Object.assign(Object.create(null), { [String(doc.id)]: doc });
  const keys = Object.keys(raw);
  if (keys.length > MAX_RECORDS) throw new ImportFailure('file', `the file has ${plural(keys.length, 'entity', 'entities')}; Nameplate imports at most ${plural(MAX_RECORDS, 'record')} per file: split it into smaller files`);
  if (!keys.length) throw new ImportFailure('file', 'nothing to import: "entities" is empty');

  const entities = new Map<string, Entity>();
  for (const key of keys) {
    const r = v.safeParse(EntitySchema, raw[key]);
    if (!r.success) {
      for (const issue of r.issues) problems.error(pathOf(key, issue), issue.message);
      continue;
    }
    const e = r.output;
    if (e.missing !== undefined) {
      problems.error(key, `Wikidata has no item ${key} (the file marks it "missing")`);
      continue;
    }
    if (e.type !== undefined && e.type !== 'item') {
      problems.warn(`is a Wikidata ${e.type}, not an item; left out`, key);
      continue;
    }
    if (!/^Q[1-9]\d*$/.test(e.id)) {
      problems.error(`${key}.id`, `${quote(e.id)} is not a Wikidata item id (Q followed by digits)`);
      continue;
    }
    if (entities.has(e.id)) {
      problems.error(`${key}.id`, `${e.id} appears more than once in the file`);
      continue;
    }
    entities.set(e.id, e);
  }
  if (problems.errorCount) return { people: [], tenures: [] };

  const labelOf = (e: Entity | undefined) => {
    const labels = e?.labels;
    if (!labels) return undefined;
    for (const lang of LANGUAGES) if (labels[lang]?.value) return labels[lang].value;
    return Object.values(labels).find((t) => t.value)?.value;
  };
  const itemsOf = (list: { mainsnak: unknown; rank?: string }[] | undefined) => (list ?? []).map(itemValue).filter((x): x is string => !!x);
  /** A country item's ISO code: built in, or its "ISO 3166-1 alpha-2 code" (P297) when the file includes the item. */
  const iso = (q: string): string | undefined => COUNTRIES.get(q) ?? itemsOf(entities.get(q)?.claims?.P297).find(isCountry);
  const positionCountry = (q: string): string | undefined => {
    const known = POSITIONS.get(q);
    if (known) return known.country;
    const e = entities.get(q);
    for (const c of [...itemsOf(e?.claims?.P1001), ...itemsOf(e?.claims?.P17)]) {
      const code = iso(c);
      if (code) return code;
    }
    return undefined;
  };

  const holders = [...entities.values()].filter((e) => e.claims?.P39?.length);
  if (!holders.length) {
    if (entities.size === 1) {
      const [e] = entities.values();
      const label = labelOf(e);
      throw new ImportFailure(e.id, `${label ? `${label} (${e.id})` : e.id} has no "position held" (P39) statements: nothing to import`);
    }
    throw new ImportFailure('file', 'no item in the file has "position held" (P39) statements: nothing to import');
  }

  const people: PersonDraft[] = [];
  const tenures: TenureDraft[] = [];
  for (const e of holders) {
    const at = e.id;
    const kinds = itemsOf(e.claims?.P31);
    if (kinds.length && !kinds.includes('Q5')) {
      problems.warn(`is not a human (instance of ${kinds.join(', ')}); left out`, at);
      continue;
    }
    const before = problems.errorCount;
    const rawName = labelOf(e);
    const name = fields.text(rawName ?? '', `${at}.labels.en`, 'name', true);
    const aliases: string[] = [];
    for (const lang of ['en', 'mul']) {
      (e.aliases?.[lang] ?? []).forEach((t, k) => {
        const a = fields.text(t.value, `${at}.aliases.${lang}[${k}]`, 'name', false);
        if (a && !aliases.includes(a)) aliases.push(a);
      });
    }
    const citizenships = itemsOf(e.claims?.P27);
    const personCountry = citizenships.map(iso).find((c): c is string => !!c);

    const parties: PartySpell[] = [];
    (e.claims?.P102 ?? []).forEach((st, k) => {
      if (st.rank === 'deprecated') return;
      const w = `${at}.claims.P102[${k}]`;
      const { value, start, end } = simplified(st);
      if (!value) return;
      const party = PARTIES.get(value) ?? labelOf(entities.get(value));
      if (!party) {
        problems.warn(`party ${value} has no label in the file and is not one Nameplate knows; left out`, w);
        return;
      }
      const from = start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? fields.date(start, `${w}.qualifiers.P580`, false) : undefined;
      const to = end && /^\d{4}-\d{2}-\d{2}$/.test(end) ? fields.date(end, `${w}.qualifiers.P582`, false) : undefined;
      const name = fields.text(party, w, 'text', false);
      if (name) parties.push({ party: name, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    });

    const mine: TenureDraft[] = [];
    (e.claims?.P39 ?? []).forEach((st, k) => {
      if (st.rank === 'deprecated') return;
      const w = `${at}.claims.P39[${k}]`;
      const { value: position, start, end } = simplified(st);
      if (!position) return;
      const known = POSITIONS.get(position);
      const label = known?.title ?? labelOf(entities.get(position));
      if (!label) problems.warn(`position ${position} has no label in the file and is not one Nameplate knows, so its id is its title`, w);
      if (!start) {
        problems.warn(`position ${label ? `${quote(label)} (${position})` : position} has no start time (P580); left out`, w);
        return;
      }
      if (/^-?\d{1,4}(-\d{2})?$/.test(start)) {
        problems.warn(`position ${label ? `${quote(label)} (${position})` : position} starts on ${start}, not a full date; left out`, w);
        return;
      }
      const startDate = fields.date(start, `${w}.qualifiers.P580`, true, 'start date');
      // An end known only to the year or month: the office is over, but when exactly is unknown; keep it out rather than guess.
      if (end && /^-?\d{1,4}(-\d{2})?$/.test(end)) {
        problems.warn(`position ${label ? `${quote(label)} (${position})` : position} ends on ${end}, not a full date; left out`, w);
        return;
      }
      const endDate = fields.date(end, `${w}.qualifiers.P582`, false, 'end date');
      fields.range(startDate, endDate, `${w}.qualifiers.P582`);
      const title = fields.text(label ?? position, `${w}.mainsnak`, 'title', true);
      const country = positionCountry(position) ?? personCountry;
      if (!country) {
        problems.error(`${at}.claims.P27`, citizenships.length
          ? `none of ${citizenships.join(', ')} is a country Nameplate knows, so the country of ${quote(label ?? position)} is unknown (include the country's item, with its ISO code P297, in the file)`
          : `no country of citizenship (P27), so the country of ${quote(label ?? position)} is unknown`);
        return;
      }
      if (!startDate || !title) return;
      fields.noteFuture(startDate, `${w}.qualifiers.P580`);
      mine.push({
        personLocal: e.id, title, short: known?.short ?? title, country, start: startDate, ...(endDate ? { end: endDate } : {}),
        rank: known?.rank ?? rankFromTitle(title), where: w,
      });
    });
    if (problems.errorCount > before || !name) continue;
    if (!mine.length) {
      problems.warn('has no position with a full start date; left out', at);
      continue;
    }
    people.push({ localId: e.id, name, aliases: aliases.map((a) => ({ name: a })), parties, country: personCountry ?? mine[0].country, wikidata: e.id, where: at });
    tenures.push(...mine);
  }
  if (!problems.errorCount && !tenures.length) {
    throw new ImportFailure(holders.length === 1 ? holders[0].id : 'file', 'nothing to import: no "position held" (P39) statement has a full start date (P580)');
  }
  return { people, tenures };
}
