/**
 * Adding imported layers to a dataset (the CLI's --import, the service worker's
 * effective dataset). Pure, and it never mutates its input: the result is a new
 * Dataset whose changed people are copies.
 *
 * An imported person joins a person already in the dataset only when both carry the
 * same Wikidata id (bundled people first, then earlier imports); otherwise they
 * are a new person. A joined person keeps their id, name and country, gains the
 * imported name as an alias when it differs, the imported aliases, and the layer's
 * source; their imported offices are credited to the layer's source.
 */
import type { Alias, Dataset, Person, Tenure } from '../schema';
import type { ImportedLayer } from './types';

const tenureKey = (t: Tenure) => JSON.stringify([t.person, t.short, t.title, t.start, t.end ?? '', t.country]);

export function withImports(data: Dataset, layers: readonly ImportedLayer[]): Dataset {
  const sources = [...data.sources];
  const sourceIds = new Set(sources.map((s) => s.id));
  const people = [...data.people];
  const tenures = [...data.tenures];
  const indexById = new Map<string, number>();
  const byWikidata = new Map<string, number>();
  people.forEach((p, i) => {
    indexById.set(p.id, i);
    const q = p.ids?.wikidata;
    if (q && !byWikidata.has(q)) byWikidata.set(q, i);
  });
  /** People copied in this merge (safe to change further). */
  const copied = new Set<number>();
  /** Tenure keys per person (built on the first join), to leave out offices a joined person already has. */
  let known: Map<string, Set<string>> | undefined;
  const tenureKeysOf = (personId: string) => {
    if (!known) {
      known = new Map();
      for (const t of tenures) {
        let set = known.get(t.person);
        if (!set) known.set(t.person, (set = new Set()));
        set.add(tenureKey(t));
      }
    }
    let set = known.get(personId);
    if (!set) known.set(personId, (set = new Set()));
    return set;
  };

  for (const layer of layers) {
    const { source } = layer;
    if (sourceIds.has(source.id)) throw new Error(`withImports: the source id "${source.id}" is already in the dataset`);
    sources.push({ ...source });
    sourceIds.add(source.id);
    /** Imported person id → the id their offices go to. */
    const target = new Map<string, string>();
    for (const p of layer.people) {
      const q = p.ids?.wikidata;
      const at = q !== undefined ? byWikidata.get(q) : undefined;
      if (at === undefined) {
        if (indexById.has(p.id)) throw new Error(`withImports: the person id "${p.id}" is already in the dataset`);
        const copy: Person = { ...p, src: [...p.src], ...(p.aliases ? { aliases: p.aliases.map((a) => ({ ...a })) } : {}), ...(p.parties ? { parties: p.parties.map((s) => ({ ...s })) } : {}) };
        indexById.set(copy.id, people.push(copy) - 1);
        copied.add(people.length - 1);
        if (q) byWikidata.set(q, people.length - 1);
        target.set(p.id, p.id);
        continue;
      }
      let joined = people[at];
      if (!copied.has(at)) {
        joined = { ...joined, src: [...joined.src], ...(joined.aliases ? { aliases: [...joined.aliases] } : {}) };
        people[at] = joined;
        copied.add(at);
      }
      if (!joined.src.includes(source.id)) joined.src.push(source.id);
      const names = new Set([joined.name, ...(joined.aliases ?? []).map((a) => a.name)]);
      const extra: Alias[] = [];
      for (const a of [{ name: p.name }, ...(p.aliases ?? [])]) {
        if (!names.has(a.name)) {
          names.add(a.name);
          extra.push({ ...a });
        }
      }
      if (extra.length) joined.aliases = [...(joined.aliases ?? []), ...extra];
      if (!joined.parties?.length && p.parties?.length) joined.parties = p.parties.map((s) => ({ ...s }));
      target.set(p.id, joined.id);
    }
    for (const t of layer.tenures) {
      const person = target.get(t.person);
      if (person === undefined) continue; // a tenure of no imported person: nothing to attach it to
      const copy: Tenure = { ...t, person, src: source.id };
      if (person !== t.person) {
        const keys = tenureKeysOf(person);
        const key = tenureKey(copy);
        if (keys.has(key)) continue;
        keys.add(key);
      }
      tenures.push(copy);
    }
  }
  return { ...data, sources, people, tenures, pledges: [...data.pledges] };
}
