/**
 * Pledges as small phrase patterns (issue 14): news prints "stop the boats", "stopping the
 * small boats", "stopped the boats". A pattern in the pledge data has optional words in
 * parentheses and alternatives in square brackets — "stop the (small) boats",
 * "smash the [criminal|smuggling] gangs", "build (a|the) border wall" — and its first word
 * (and any word marked with *) is inflected. Every pattern is expanded at build time into
 * the literal phrases the matcher compiles, so matching costs nothing more.
 */

/** At most this many phrases from one pattern: patterns are for a few words of variation, not grammars. */
const MAX_EXPANSIONS = 96;

/** The literal phrases a pattern stands for, before inflection. */
export function expandPattern(pattern: string): string[] {
  const parts: string[][] = [];
  const re = /\(([^()]*)\)|\[([^\[\]]*)\]|([^\s()\[\]]+)/g;
  for (let m; (m = re.exec(pattern)); ) {
    if (m[1] !== undefined) parts.push(['', ...m[1].split('|').map((x) => x.trim())]);
    else if (m[2] !== undefined) parts.push(m[2].split('|').map((x) => x.trim()));
    else parts.push([m[3]]);
  }
  let out = [''];
  for (const options of parts) {
    out = out.flatMap((head) => options.map((o) => (o ? (head ? `${head} ${o}` : o) : head)));
    if (out.length > MAX_EXPANSIONS) throw new Error(`pledge pattern "${pattern}" expands to more than ${MAX_EXPANSIONS} phrases`);
  }
  return [...new Set(out.map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** How a pattern reads in the card: optional words left out, the first of each alternative. */
export function patternDisplay(pattern: string): string {
  return pattern.replace(/\([^()]*\)/g, '').replace(/\[([^|\]]*)[^\]]*\]/g, '$1').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

const IRREGULAR: Record<string, string[]> = {
  get: ['gets', 'getting', 'got'],
  take: ['takes', 'taking', 'took', 'taken'],
  make: ['makes', 'making', 'made'],
  build: ['builds', 'building', 'built'],
  smash: ['smashes', 'smashing', 'smashed'],
  cut: ['cuts', 'cutting'],
  stop: ['stops', 'stopping', 'stopped'],
  halve: ['halves', 'halving', 'halved'],
  grow: ['grows', 'growing', 'grew', 'grown'],
  keep: ['keeps', 'keeping', 'kept'],
  drain: ['drains', 'draining', 'drained'],
  end: ['ends', 'ending', 'ended'],
  lock: ['locks', 'locking', 'locked'],
};

const STOPWORDS = new Set(['the', 'a', 'an', 'no', 'our', 'my', 'your', 'read', 'if', 'levelling', 'brexit', 'yes', 'en']);

/** Every literal phrase of a pattern, each with its inflections. */
export function pledgeVariants(pattern: string): string[] {
  return [...new Set(expandPattern(pattern).flatMap(inflect))];
}

/** "stop* the boats" → stop/stops/stopping/stopped; the first word is always a candidate. */
function inflect(phrase: string): string[] {
  const words = phrase.trim().split(/\s+/);
  const marked = words.map((w, i) => w.endsWith('*') || (i === 0 && words.length >= 2 && !STOPWORDS.has(w.toLowerCase())));
  let out = [words.map((w) => w.replace(/\*$/, '')).join(' ')];
  words.forEach((w, i) => {
    if (!marked[i]) return;
    const base = w.replace(/\*$/, '').toLowerCase();
    const forms = IRREGULAR[base] ?? regularForms(base);
    out = out.flatMap((p) => {
      const ws = p.split(' ');
      return [p, ...forms.map((f) => [...ws.slice(0, i), f, ...ws.slice(i + 1)].join(' '))];
    });
  });
  return out;
}

function regularForms(verb: string): string[] {
  if (!/^[a-z]+$/.test(verb) || verb.length < 3) return [];
  if (verb.endsWith('e')) return [`${verb}s`, `${verb.slice(0, -1)}ing`, `${verb}d`];
  if (/(s|sh|ch|x|z)$/.test(verb)) return [`${verb}es`, `${verb}ing`, `${verb}ed`];
  return [`${verb}s`, `${verb}ing`, `${verb}ed`];
}
