/**
 * The identity reconciler: one Person per real person, joined across sources.
 * Every adapter hands its people to `identify`, which tries, in order, the id the
 * record would get (a source's own key), the external ids it carries (Wikidata,
 * UK Parliament, bioguide, Assemblée, TheyWorkForYou), then — only where the adapter
 * allows it — the name within the country, with the party when asked. Name joins
 * are kept in `joins` so the build can print the ones it was unsure of.
 */
import type { Alias, ExternalIds, Person, Tenure } from '../../src/core/schema';
import { nameKey } from '../../src/core/normalise';
import { withoutMiddleInitials } from './util';

export interface Identity {
  /** The id a new person gets (gb-m<MNIS>, us-<bioguide>, wd-<QID>, a curated slug…). */
  id: string;
  name: string;
  country: string;
  ids?: ExternalIds;
  parties?: Person['parties'];
  /**
   * How far a name may join this record to someone already known: `ids` never by name;
   * `name` when exactly one person of the country has it; `name+party` when that person
   * also had the party (`party`).
   */
  join: 'ids' | 'name' | 'name+party';
  party?: string;
  /** A person the name would join who is, checked by hand, someone else. */
  distinctFrom?: string;
  /** Last resort for a known name: a candidate found abroad that the adapter vouches for. */
  abroad?: (candidate: Person) => boolean;
}

export interface NameJoin {
  src: string;
  name: string;
  country: string;
  to: string;
  how: 'name' | 'name+party' | 'abroad';
  /** A name join where the parties on record disagree, or a join across countries. */
  unsure: boolean;
}

const ID_KEYS: (keyof ExternalIds)[] = ['wikidata', 'ukParliament', 'bioguide', 'assemblee', 'theyWorkForYou', 'ifg'];

/** "Scottish Labour" and "Labour" are one party here; "Liberal Democrats" and "Liberal Democrat" too. */
export const partyKey = (party: string) => party.replace(/^Scottish (?!National)/, '').replace(/s$/, '').toLowerCase();

export class Registry {
  readonly people = new Map<string, Person>();
  readonly tenures: Tenure[] = [];
  readonly joins: NameJoin[] = [];
  private readonly byKey = new Map<string, string[]>(); // `${country}|${nameKey}` → ids
  private readonly byNameOnly = new Map<string, string[]>(); // nameKey → ids, across countries
  private readonly byExternal = new Map<string, string>(); // `${kind}:${value}` → id

  /** Find the person this record describes, or register a new one; either way credit `src`. */
  identify(rec: Identity, src: string): Person {
    const p = this.find(rec, src) ?? this.register({ id: rec.id, name: rec.name, country: rec.country, ...(rec.ids ? { ids: { ...rec.ids } } : {}), ...(rec.parties ? { parties: rec.parties } : {}), src: [] });
    if (rec.ids) this.setIds(p, rec.ids);
    this.addSource(p, src);
    return p;
  }

  private find(rec: Identity, src: string): Person | undefined {
    const own = this.people.get(rec.id);
    if (own) return own;
    for (const k of ID_KEYS) {
      const v = rec.ids?.[k];
      const id = v && this.byExternal.get(`${k}:${v}`);
      if (id) return this.people.get(id);
    }
    if (rec.join === 'ids') return undefined;
    const byName = this.findByName(rec.country, rec.name);
    if (byName && byName.id !== rec.distinctFrom) {
      if (rec.join === 'name') {
        const theirs = byName.parties?.map((s) => partyKey(s.party)) ?? [];
        this.joins.push({ src, name: rec.name, country: rec.country, to: byName.id, how: 'name', unsure: !!rec.party && theirs.length > 0 && !theirs.includes(partyKey(rec.party)) });
        return byName;
      }
      if (rec.party && byName.parties?.some((s) => partyKey(s.party) === partyKey(rec.party!))) {
        this.joins.push({ src, name: rec.name, country: rec.country, to: byName.id, how: 'name+party', unsure: false });
        return byName;
      }
    }
    if (rec.abroad) {
      const other = this.findByNameAnywhere(rec.name);
      if (other && rec.abroad(other)) {
        this.joins.push({ src, name: rec.name, country: rec.country, to: other.id, how: 'abroad', unsure: true });
        return other;
      }
    }
    return undefined;
  }

  register(p: Person): Person {
    const existing = this.people.get(p.id);
    if (existing) return existing;
    this.people.set(p.id, p);
    this.indexNames(p);
    const short = withoutMiddleInitials(p.name);
    if (short !== p.name) this.addAlias(p, { name: short });
    if (p.ids) this.setIds(p, {});
    return p;
  }

  get(id: string): Person | undefined {
    return this.people.get(id);
  }

  /** The one person of this country known by this name, if exactly one. */
  findByName(country: string, name: string): Person | undefined {
    const ids = this.byKey.get(`${country}|${nameKey(name)}`) ?? [];
    return ids.length === 1 ? this.people.get(ids[0]) : undefined;
  }

  /** The one person anywhere known by this name (an EU official who is also a national politician). */
  findByNameAnywhere(name: string): Person | undefined {
    const ids = this.byNameOnly.get(nameKey(name)) ?? [];
    return ids.length === 1 ? this.people.get(ids[0]) : undefined;
  }

  /** The person with this external id (`wikidata`, `ukParliament`…), if any. */
  byId(kind: keyof ExternalIds, value: string): Person | undefined {
    const id = this.byExternal.get(`${kind}:${value}`);
    return id ? this.people.get(id) : undefined;
  }

  setIds(p: Person, ids: ExternalIds): void {
    const changed = Object.entries(ids).some(([k, v]) => p.ids?.[k as keyof ExternalIds] !== v);
    if (changed) p.ids = { ...p.ids, ...ids };
    for (const k of ID_KEYS) if (p.ids?.[k]) this.byExternal.set(`${k}:${p.ids[k]}`, p.id);
  }

  addSource(p: Person, src: string): void {
    if (!p.src.includes(src)) p.src.push(src);
  }

  /** Record a source's gender for a person ("M", "Female", "Mme"…); the first source that says wins. */
  setGender(p: Person, value: string | undefined): void {
    if (p.gender || !value) return;
    const v = value.trim().toLowerCase().replace(/\.$/, '');
    if (['m', 'male', 'mr'].includes(v)) p.gender = 'm';
    else if (['f', 'female', 'mme', 'mrs', 'ms'].includes(v)) p.gender = 'f';
  }

  addAlias(p: Person, alias: Alias): void {
    if (nameKey(alias.name) === nameKey(p.name)) return;
    p.aliases ??= [];
    if (p.aliases.some((a) => nameKey(a.name) === nameKey(alias.name))) return;
    p.aliases.push(alias);
    this.indexNames(p);
  }

  addTenure(t: Tenure): void {
    this.tenures.push(t);
  }

  private indexNames(p: Person) {
    for (const n of [p.name, ...(p.aliases ?? []).map((a) => a.name)]) {
      for (const [map, k] of [[this.byKey, `${p.country}|${nameKey(n)}`], [this.byNameOnly, nameKey(n)]] as const) {
        const list = map.get(k) ?? [];
        if (!list.includes(p.id)) list.push(p.id);
        map.set(k, list);
      }
    }
  }
}
