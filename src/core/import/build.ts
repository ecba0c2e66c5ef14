/**
 * From the drafts a format produced to the layer: final ids (prefixed with the
 * source id), party spells, duplicates, and a last check of every record
 * against schema v1 with valibot.
 */
import * as v from 'valibot';
import type { Alias, PartySpell, Person, Source, Tenure } from '../schema';
import { CountrySchema, DateSchema, NameSchema, TextSchema, TitleSchema, WikidataIdSchema } from './fields';
import { ImportFailure, type ImportedLayer, type Problems } from './types';

export interface PersonDraft {
  /** Unique within the file; the person's id is `<sourceId>:<localId>`. */
  localId: string;
  name: string;
  aliases: Alias[];
  parties: PartySpell[];
  country: string;
  wikidata?: string;
  /** Where the person is in the file, for warnings. */
  where: string;
}

export interface TenureDraft {
  personLocal: string;
  title: string;
  short: string;
  org?: string;
  country: string;
  start: string;
  end?: string;
  rank: number;
  where: string;
}

const LOCAL_ID = /[^\p{L}\p{N}._~-]+/gu;

/** A readable, id-safe form of a name or an id from the file. */
export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(LOCAL_ID, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}

function recordSchemas(sourceId: string) {
  const optionalDate = v.optional(DateSchema);
  const person = v.object({
    id: v.pipe(v.string(), v.startsWith(`${sourceId}:`)),
    name: NameSchema,
    aliases: v.optional(v.array(v.object({ name: NameSchema, from: optionalDate, to: optionalDate }))),
    parties: v.optional(v.array(v.object({ party: TextSchema, from: optionalDate, to: optionalDate }))),
    country: CountrySchema,
    ids: v.optional(v.object({ wikidata: v.optional(WikidataIdSchema) })),
    src: v.tuple([v.literal(sourceId)]),
  });
  const tenure = v.pipe(
    v.object({
      person: v.pipe(v.string(), v.startsWith(`${sourceId}:`)),
      title: TitleSchema,
      short: TitleSchema,
      org: v.optional(TextSchema),
      country: CountrySchema,
      start: DateSchema,
      end: optionalDate,
      rank: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9)),
      src: v.literal(sourceId),
    }),
    v.forward(v.partialCheck([['start'], ['end']], (t) => t.end === undefined || t.end > t.start, 'the end must come after the start'), ['end']),
  );
  return { person, tenure };
}

const pathOf = (issue: v.BaseIssue<unknown>) =>
  (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');

/** Party spells in date order, one per unbroken spell of the same party. */
function mergeSpells(spells: PartySpell[]): PartySpell[] {
  const sorted = [...spells].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const out: PartySpell[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    // Same party, touching or overlapping (or undated): one spell.
    if (last && last.party === s.party && (last.to === undefined || s.from === undefined || s.from <= last.to)) {
      if (last.to !== undefined) {
        if (s.to === undefined) delete last.to;
        else if (s.to > last.to) last.to = s.to;
      }
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

export function buildLayer(source: Source, people: PersonDraft[], tenures: TenureDraft[], problems: Problems): ImportedLayer {
  const sourceId = source.id;
  const holders = new Set(tenures.map((t) => t.personLocal));
  const kept = people.filter((p) => holders.has(p.localId));
  const idle = people.length - kept.length;
  if (idle) {
    for (const p of people) if (!holders.has(p.localId)) problems.warn('this person holds no office in the file and was left out', p.where);
  }
  if (!tenures.length) throw new ImportFailure('file', 'nothing to import: the file has no offices (each record needs a person, a title and a start date)');

  const outPeople: Person[] = kept.map((p) => {
    const aliases = p.aliases.filter((a, i, all) => a.name !== p.name && all.findIndex((b) => b.name === a.name && b.from === a.from && b.to === a.to) === i);
    const parties = mergeSpells(p.parties);
    return {
      id: `${sourceId}:${p.localId}`,
      name: p.name,
      ...(aliases.length ? { aliases } : {}),
      ...(parties.length ? { parties } : {}),
      country: p.country,
      ...(p.wikidata ? { ids: { wikidata: p.wikidata } } : {}),
      src: [sourceId],
    };
  });

  const seen = new Map<string, string>();
  const outTenures: Tenure[] = [];
  for (const t of tenures) {
    const key = JSON.stringify([t.personLocal, t.title, t.short, t.org ?? '', t.country, t.start, t.end ?? '']);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.warn(`repeats an earlier record exactly (${first}); the repeat was left out`, t.where);
      continue;
    }
    seen.set(key, t.where);
    outTenures.push({
      person: `${sourceId}:${t.personLocal}`,
      title: t.title,
      short: t.short,
      ...(t.org ? { org: t.org } : {}),
      country: t.country,
      start: t.start,
      ...(t.end ? { end: t.end } : {}),
      rank: t.rank,
      src: sourceId,
    });
  }

  // The last word: every record fits schema v1 (the format readers should already have caught anything here).
  const schemas = recordSchemas(sourceId);
  const ids = new Set<string>();
  outPeople.forEach((p, i) => {
    const r = v.safeParse(schemas.person, p, { abortPipeEarly: true });
    if (!r.success) for (const issue of r.issues) problems.error(`people[${i}]${pathOf(issue)}`, issue.message);
    if (ids.has(p.id)) problems.error(`people[${i}].id`, `${p.id} is used by more than one person`);
    ids.add(p.id);
  });
  outTenures.forEach((t, i) => {
    const r = v.safeParse(schemas.tenure, t, { abortPipeEarly: true });
    if (!r.success) for (const issue of r.issues) problems.error(`tenures[${i}]${pathOf(issue)}`, issue.message);
    if (!ids.has(t.person)) problems.error(`tenures[${i}].person`, `${t.person} is not one of the people imported`);
  });

  if (idle && idle === people.length) throw new ImportFailure('file', 'nothing to import: no person in the file holds an office');
  return { source, people: outPeople, tenures: outTenures };
}
