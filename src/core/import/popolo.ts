/**
 * Popolo JSON (https://www.popoloproject.com/specs/): persons, organizations,
 * memberships (with posts and legislative-period events, as in mySociety's
 * EveryPolitician files). A membership of an organization classified "party"
 * (or a membership's on_behalf_of_id) is a party spell; every other membership is
 * an office held.
 */
import * as v from 'valibot';
import type { Alias, PartySpell } from '../schema';
import { slug, type PersonDraft, type TenureDraft } from './build';
import { rankFromTitle, type Fields } from './fields';
import { isObject, type JsonObject, type JsonValue } from './json';
import { ImportFailure, MAX_RECORDS, describeValue, plural, quote, type Problems } from './types';

const found = (expected: string) => (issue: v.BaseIssue<unknown>) => (issue.input === undefined ? 'missing' : `expected ${expected}, found ${describeValue(issue.input)}`);
/** Ids are text; some files write them as numbers. */
const Id = v.pipe(v.union([v.string(), v.number()], found('an id (text)')), v.transform((x) => String(x)));
/** Text fields are read as text; their content is checked later (Fields). */
const Text = v.optional(v.nullable(v.string(found('text'))));
const list = <T extends v.GenericSchema>(item: T) => v.optional(v.nullable(v.array(item, found('a list'))));

const PersonSchema = v.object(
  {
    id: Id,
    name: Text,
    given_name: Text,
    family_name: Text,
    other_names: list(v.object({ name: v.string(found('text')), start_date: Text, end_date: Text }, found('an object'))),
    identifiers: list(v.object({ scheme: Text, identifier: v.optional(Id) }, found('an object'))),
    country: Text,
    national_identity: Text,
  },
  found('an object'),
);
const OrganizationSchema = v.object({ id: Id, name: Text, classification: Text, country: Text }, found('an object'));
const PostSchema = v.object({ id: Id, label: Text, role: Text, organization_id: v.optional(v.nullable(Id)) }, found('an object'));
const EventSchema = v.object({ id: Id, start_date: Text, end_date: Text }, found('an object'));
const MembershipSchema = v.object(
  {
    id: v.optional(v.nullable(Id)),
    person_id: v.union([Id, v.array(Id)], found('a person id or a list of them')),
    organization_id: v.optional(v.nullable(Id)),
    on_behalf_of_id: v.optional(v.nullable(Id)),
    post_id: v.optional(v.nullable(Id)),
    legislative_period_id: v.optional(v.nullable(Id)),
    role: Text,
    label: Text,
    start_date: Text,
    end_date: Text,
    country: Text,
  },
  found('an object'),
);
const PopoloSchema = v.object({
  persons: list(PersonSchema),
  organizations: list(OrganizationSchema),
  memberships: list(MembershipSchema),
  posts: list(PostSchema),
  events: list(EventSchema),
  country: Text,
});
type Popolo = v.InferOutput<typeof PopoloSchema>;

const ARRAYS = ['persons', 'organizations', 'memberships', 'posts', 'events'] as const;

export function isPopolo(doc: JsonValue): doc is JsonObject {
  return isObject(doc) && (Array.isArray(doc.persons) || Array.isArray(doc.memberships));
}

const pathOf = (issue: v.BaseIssue<unknown>) =>
  (issue.path ?? []).map((p, k) => (typeof p.key === 'number' ? `[${p.key}]` : `${k ? '.' : ''}${String(p.key)}`)).join('') || 'file';

/** Popolo's "open" end dates ("9999-12-31", as in TheyWorkForYou's files) mean the office is still held. */
const openEnd = (s: string | null | undefined) => (s && /^9999-/.test(s.trim()) ? undefined : s);

const LEGISLATURES = new Set(['legislature', 'chamber', 'lower house', 'upper house', 'parliament', 'house']);
const GENERIC_ROLES = new Set(['member', 'members', 'membre', 'mitglied', 'miembro', 'membro']);

export function readPopolo(doc: JsonObject, fields: Fields, problems: Problems): { people: PersonDraft[]; tenures: TenureDraft[] } {
  for (const key of ARRAYS) {
    const a = doc[key];
    if (Array.isArray(a) && a.length > MAX_RECORDS) {
      throw new ImportFailure('file', `the file has ${plural(a.length, key === 'persons' ? 'person' : key.slice(0, -1))}; Nameplate imports at most ${plural(MAX_RECORDS, 'record')} per file: split it into smaller files`);
    }
  }
  const parsed = v.safeParse(PopoloSchema, doc);
  if (!parsed.success) {
    for (const issue of parsed.issues) problems.error(pathOf(issue), issue.message);
    return { people: [], tenures: [] };
  }
  const data: Popolo = parsed.output;
  const persons = data.persons ?? [];
  const memberships = data.memberships ?? [];
  if (!persons.length) throw new ImportFailure('file', 'nothing to import: the Popolo file has no "persons"');
  if (!memberships.length) throw new ImportFailure('file', 'nothing to import: the Popolo file has no "memberships" (the offices people held)');

  // Ids must be unique within each list.
  const index = <T extends { id: string }>(items: T[] | null | undefined, key: string): Map<string, { item: T; i: number }> => {
    const out = new Map<string, { item: T; i: number }>();
    (items ?? []).forEach((item, i) => {
      const before = out.get(item.id);
      if (before) problems.error(`${key}[${i}].id`, `${quote(item.id)} is used more than once (${key}[${before.i}] has it too); ids must be unique`);
      else out.set(item.id, { item, i });
    });
    return out;
  };
  const personById = index(persons, 'persons');
  const orgById = index(data.organizations, 'organizations');
  const postById = index(data.posts, 'posts');
  const eventById = index(data.events, 'events');
  const membershipIds = new Map<string, number>();
  memberships.forEach((m, i) => {
    if (m.id == null) return;
    const before = membershipIds.get(m.id);
    if (before !== undefined) problems.error(`memberships[${i}].id`, `${quote(m.id)} is used more than once (memberships[${before}] has it too); ids must be unique`);
    else membershipIds.set(m.id, i);
  });

  // People.
  const drafts = new Map<string, PersonDraft>();
  const localIds = new Set<string>();
  persons.forEach((p, i) => {
    if (personById.get(p.id)?.i !== i) return;
    const at = `persons[${i}]`;
    const rawName = p.name ?? ([p.given_name, p.family_name].filter(Boolean).join(' ') || undefined);
    const name = fields.text(rawName, `${at}.name`, 'name', true);
    const aliases: Alias[] = [];
    (p.other_names ?? []).forEach((o, k) => {
      const w = `${at}.other_names[${k}]`;
      const a = fields.text(o.name, `${w}.name`, 'name', false);
      const from = fields.date(o.start_date, `${w}.start_date`, false);
      const to = fields.date(openEnd(o.end_date), `${w}.end_date`, false);
      fields.range(from, to, `${w}.end_date`);
      if (a) aliases.push({ name: a, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    });
    let wikidata: string | undefined;
    (p.identifiers ?? []).forEach((idf, k) => {
      if (idf.scheme?.trim().toLowerCase() === 'wikidata' && !wikidata) wikidata = fields.wikidata(idf.identifier, `${at}.identifiers[${k}].identifier`);
    });
    const country = p.country ? fields.country(p.country, `${at}.country`, false) : undefined;
    if (!name) return;
    let localId = slug(p.id) || `person-${i}`;
    for (let k = 2; localIds.has(localId); k++) localId = `${slug(p.id) || `person-${i}`}-${k}`;
    localIds.add(localId);
    drafts.set(p.id, { localId, name, aliases, parties: [], country: country ?? '', ...(wikidata ? { wikidata } : {}), where: at });
  });
  const topCountry = data.country ? fields.country(data.country, 'country', false) : undefined;
  const nationalCountry = (p: { national_identity?: string | null }) => {
    const s = p.national_identity?.trim().toUpperCase();
    return s && /^[A-Z]{2}$/.test(s) ? s : undefined;
  };

  // Memberships: offices and party spells.
  const tenures: TenureDraft[] = [];
  memberships.forEach((m, i) => {
    const at = `memberships[${i}]`;
    const before = problems.errorCount;
    const ids = Array.isArray(m.person_id) ? m.person_id : [m.person_id];
    if (!ids.length) problems.error(`${at}.person_id`, 'an empty list: the membership names no person');
    ids.forEach((pid, k) => {
      if (!personById.has(pid)) problems.error(Array.isArray(m.person_id) ? `${at}.person_id[${k}]` : `${at}.person_id`, `${quote(pid)} is not the id of any person in the file`);
    });
    const ref = <T>(id: string | null | undefined, map: Map<string, { item: T }>, key: string, what: string) => {
      if (id == null) return undefined;
      const hit = map.get(id);
      if (!hit) problems.error(`${at}.${key}`, `${quote(id)} is not the id of any ${what} in the file`);
      return hit?.item;
    };
    const org = ref(m.organization_id, orgById, 'organization_id', 'organization');
    const party = ref(m.on_behalf_of_id, orgById, 'on_behalf_of_id', 'organization');
    const post = ref(m.post_id, postById, 'post_id', 'post');
    const event = ref(m.legislative_period_id, eventById, 'legislative_period_id', 'event');
    const postOrg = post?.organization_id != null ? ref(post.organization_id, orgById, 'post_id', 'organization (via its post)') : undefined;
    const organization = org ?? postOrg;

    // Dates: the membership's own, else its legislative period's.
    const startWhere = m.start_date ? `${at}.start_date` : event?.start_date ? `events[${eventById.get(event.id)!.i}].start_date` : `${at}.start_date`;
    const endRaw = m.end_date ?? event?.end_date;
    const endWhere = m.end_date ? `${at}.end_date` : event?.end_date ? `events[${eventById.get(event.id)!.i}].end_date` : `${at}.end_date`;
    const isParty = organization?.classification?.trim().toLowerCase() === 'party';
    const start = fields.date(m.start_date ?? event?.start_date, startWhere, !isParty, 'start date');
    const end = fields.date(openEnd(endRaw), endWhere, false, 'end date');
    fields.range(start, end, endWhere);
    const partyName = (o: { name?: string | null } | undefined, where: string) => (o ? fields.text(o.name, where, 'text', true) : undefined);
    if (problems.errorCount > before) return;

    const spell = (name: string): PartySpell => ({ party: name, ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) });
    if (isParty) {
      const name = partyName(organization, `organizations[${orgById.get(organization!.id)!.i}].name`);
      if (name) for (const pid of ids) drafts.get(pid)?.parties.push(spell(name));
      return;
    }
    if (party) {
      const name = partyName(party, `organizations[${orgById.get(party.id)!.i}].name`);
      if (name) for (const pid of ids) drafts.get(pid)?.parties.push(spell(name));
    }

    const role = m.role?.trim();
    const rawTitle = m.label?.trim() || post?.label?.trim() || (role && !GENERIC_ROLES.has(role.toLowerCase()) ? role : undefined) ||
      (organization?.name?.trim() ? `Member of ${organization.name.trim()}` : undefined);
    const titleWhere = m.label?.trim() ? `${at}.label` : post?.label?.trim() ? `posts[${postById.get(post.id)!.i}].label` : m.role?.trim() ? `${at}.role` : `${at}.organization_id`;
    if (!rawTitle) {
      problems.error(at, 'no office title: give the membership a "label", a "role", a "post_id" or an "organization_id"');
      return;
    }
    const title = fields.text(rawTitle, titleWhere, 'title', true);
    const orgName = organization?.name ? fields.text(organization.name, `organizations[${orgById.get(organization.id)!.i}].name`, 'text', false) : undefined;
    for (const pid of ids) {
      const person = drafts.get(pid);
      if (!person || !title || !start) continue;
      const pi = personById.get(pid)!.i;
      const rawCountry = m.country ?? organization?.country ?? persons[pi].country ?? data.country ?? nationalCountry(persons[pi]);
      const countryWhere = m.country ? `${at}.country` : organization?.country ? `organizations[${orgById.get(organization.id)!.i}].country` : persons[pi].country ? `persons[${pi}].country` : data.country ? 'country' : `persons[${pi}].national_identity`;
      if (!rawCountry) {
        problems.error(`${at}`, 'no country: add "country" (ISO 3166-1 alpha-2, such as "GB") to the membership, its organization, the person or the whole file');
        continue;
      }
      const country = rawCountry === data.country ? topCountry : fields.country(rawCountry, countryWhere, true);
      if (!country) continue;
      if (!person.country) person.country = country;
      fields.noteFuture(start, startWhere);
      const legislature = LEGISLATURES.has(organization?.classification?.trim().toLowerCase() ?? '') && (!role || GENERIC_ROLES.has(role.toLowerCase()));
      tenures.push({ personLocal: person.localId, title, short: title, ...(orgName ? { org: orgName } : {}), country, start, ...(end ? { end } : {}), rank: legislature ? 7 : rankFromTitle(title), where: at });
    }
  });

  // People with no office (and so no country) are left out by buildLayer; give the rest the file's country if they lack one.
  const people = [...drafts.values()];
  for (const p of people) if (!p.country && topCountry) p.country = topCountry;
  return { people, tenures };
}
