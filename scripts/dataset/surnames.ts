/** Surnames that need care: ordinary words ("May", "Truss", "Cleverly") and surnames shared by several people. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../src/core/schema';
import { nameKey } from '../../src/core/normalise';
import { surnameOf } from '../../src/core/dataset';

const COMMON_SURNAMES = `smith jones williams taylor davies brown wilson evans thomas johnson roberts walker wright robinson thompson white hughes
edwards green hall wood harris lewis martin jackson clarke clark turner hill scott cooper morris ward moore king watson baker harrison
morgan patel young allen mitchell james anderson phillips lee bell parker davis miller garcia rodriguez martinez murphy reid kelly
campbell stewart murray ross khan ali ahmed singh shah hussain begum kaur lopez gonzalez hernandez perez sanchez ramirez torres nguyen
kim chen wang li zhang liu johnston graham hamilton cox richardson wilkinson marshall owen rees price ellis hunt reeves gray grant
bernard dubois durand petit moreau laurent simon michel lefebvre leroy roux david bertrand morel fournier girard bonnet dupont lambert
fontaine rousseau vincent muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann rossi russo ferrari esposito`.split(/\s+/);

export function surnameFlags(people: Iterable<Person>, root: string): { common: string[]; words: string[] } {
  const list = [...people];
  const words = new Set(readFileSync(join(root, 'node_modules', 'word-list', 'words.txt'), 'utf8').split('\n'));
  const french = new Set((JSON.parse(readFileSync(join(root, 'node_modules', 'an-array-of-french-words', 'index.json'), 'utf8')) as string[]).map((w) => nameKey(w)));
  const counts = new Map<string, number>();
  for (const p of list) {
    if (!p.src.length) continue;
    for (const n of new Set([p.name, ...(p.aliases ?? []).map((a) => a.name)].map(surnameOf).filter(Boolean))) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  // A surname that is someone's first name in the data ("Philippe", "Cameron") is no safe sign of one person either.
  const firstNames = new Set(list.filter((p) => p.src.length).map((p) => nameKey(p.name).split(' ')[0]));
  const common = [...counts].filter(([k, c]) => c > 1 || COMMON_SURNAMES.includes(k) || firstNames.has(k)).map(([k]) => k).sort();
  const asWords = [...counts.keys()].filter((k) => !k.includes(' ') && (words.has(k) || french.has(k))).sort();
  return { common, words: asWords };
}

