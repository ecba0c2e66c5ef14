/**
 * Pledge phrase variants: news prints "stop the boats", "stopping the boats",
 * "stopped the boats". Inflect the first word when it is a verb-like base form.
 */

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

export function pledgeVariants(phrase: string): string[] {
  const words = phrase.trim().split(/\s+/);
  if (words.length < 2) return [phrase];
  const first = words[0].toLowerCase();
  const rest = words.slice(1).join(' ');
  if (STOPWORDS.has(first)) return [phrase];
  const forms = IRREGULAR[first] ?? regularForms(first);
  return [phrase, ...forms.map((f) => `${f} ${rest}`)];
}

function regularForms(verb: string): string[] {
  if (!/^[a-z]+$/.test(verb) || verb.length < 3) return [];
  if (verb.endsWith('e')) return [`${verb}s`, `${verb.slice(0, -1)}ing`, `${verb}d`];
  if (/(s|sh|ch|x|z)$/.test(verb)) return [`${verb}es`, `${verb}ing`, `${verb}ed`];
  return [`${verb}s`, `${verb}ing`, `${verb}ed`];
}
