/**
 * Scotland: Scottish Government roles (parlparse sp-ministers.json). The file has TheyWorkForYou
 * person ids but no names; data/curated/scotland.json names each id, with a source URL.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceAdapter } from '../adapter';
import { readJson } from '../util';

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

export const scotland: SourceAdapter = {
  source: { id: 'sp', name: 'Scottish Government roles (Scottish Parliament open data, via mySociety parlparse)', licence: 'Open Parliament Licence v3.0 (attribute mySociety/TheyWorkForYou and the Scottish Parliament)', url: 'https://github.com/mysociety/parlparse/blob/master/members/sp-ministers.json', commit: '74dddadc9f8c036ae332b6ef715a5bb4a6185b29', asOf: '2026-06-22' },
  load({ shared, curated, registry }) {
    const namesFile = join(curated, 'scotland.json');
    if (!existsSync(namesFile)) return;
    const names = new Map((readJson(namesFile).people as ScottishName[]).map((n) => [n.publicwhip, n]));
    const idOf = new Map<string, string>();
    for (const m of readJson(join(shared, 'parlparse', 'sp-ministers.json')) as any[]) {
      if (SP_NOT_MINISTERS.test(m.role)) continue;
      for (const pid of m.person_id as string[]) {
        const who = names.get(pid);
        if (!who) continue; // not named with a source yet: left out rather than guessed
        let id = idOf.get(pid);
        if (!id) {
          const twfy = pid.split('/').pop()!;
          // Someone also in a UK source (an MP, a UK minister) is joined when exactly one GB person has the name and the party.
          const known = registry.get(`gb-sp${twfy}`) === undefined;
          const p = registry.identify({
            id: `gb-sp${twfy}`, name: who.name, country: 'GB', ...(who.party ? { parties: [{ party: who.party }] } : {}),
            join: 'name+party', party: who.party, distinctFrom: who.distinctFrom,
          }, 'sp');
          for (const alias of who.aliases ?? []) registry.addAlias(p, { name: alias });
          registry.setIds(p, { theyWorkForYou: twfy });
          registry.addSource(p, 'curated');
          if (known && p.id !== `gb-sp${twfy}`) console.log(`data:build: Scottish minister ${who.name} joined to ${p.id}`);
          idOf.set(pid, (id = p.id));
        }
        const [, fixedShort, rank] = SP_SHORT.find(([re]) => re.test(m.role)) ?? [null, '', 5];
        const title = m.role === 'First Minister' ? 'First Minister of Scotland' : m.role;
        registry.addTenure({
          person: id, title, short: fixedShort || m.role, org: 'Scottish Government', country: 'GB',
          start: m.start_date, ...(m.end_date ? { end: m.end_date } : {}), rank, src: 'sp',
          ...(m.role === 'First Minister' ? { office: 'first_minister_scotland' } : {}),
        });
      }
    }
  },
};
