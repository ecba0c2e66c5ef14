/**
 * Generated news-like text for the benchmark: common words, capitalised places,
 * and now and then a politician, a title or a pledge. Deterministic per seed.
 */

function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const WORDS = `the of and to in a is that for on was with he it as at by said have from his are be this not but had they were which has their
been an would will after more one over there also who year new people government could about than first two last minister officials week
plan told house vote party support policy report figures public money budget tax health schools police border talks meeting leader
country state national local reform bill law court election campaign office spokesman cabinet council agreement deal crisis costs`.split(/\s+/);
const PLACES = ['London', 'Paris', 'Washington', 'Brussels', 'Berlin', 'Manchester', 'Calais', 'Texas', 'Dover', 'Kent', 'Monday', 'Tuesday', 'March', 'September'];
const NAMES = ['Rishi Sunak', 'James Cleverly', 'Keir Starmer', 'Gérald Darmanin', 'Joe Biden', 'Kamala Harris', 'Emmanuel Macron', 'Rachel Reeves', 'Yvette Cooper', 'Ursula von der Leyen'];
const EXTRAS = ['the Home Secretary', 'the prime minister', 'Mr Sunak', 'the Chancellor', 'stop the boats', 'Ms Reeves'];

export function newsText(bytes: number, seed = 7): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  let sentence = 0;
  while (size < bytes) {
    const words: string[] = [];
    const n = 12 + Math.floor(r() * 14);
    for (let i = 0; i < n; i++) {
      const x = r();
      words.push(x < 0.03 ? NAMES[Math.floor(r() * NAMES.length)] : x < 0.045 ? EXTRAS[Math.floor(r() * EXTRAS.length)] : x < 0.1 ? PLACES[Math.floor(r() * PLACES.length)] : WORDS[Math.floor(r() * WORDS.length)]);
    }
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    const s = `${words.join(' ')}.${++sentence % 5 === 0 ? '\n\n' : ' '}`;
    parts.push(s);
    size += s.length;
  }
  return parts.join('').slice(0, bytes);
}

export function htmlPage(words: number): string {
  const text = newsText(words * 6.2, words);
  const paras = text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><meta property="article:published_time" content="2024-01-31T09:00:00Z"></head><body><article>${paras}</article></body></html>`;
}

