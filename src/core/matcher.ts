/**
 * Phrase matcher over folded text (see docs/adr/0002-matcher.md).
 * Keys are sequences of folded word tokens joined by one space, stored in a trie
 * (a Map of next tokens per node). The scan finds, at each token, the longest key
 * starting there (leftmost-longest). The trie is compiled at build time into plain
 * parallel arrays (CompiledMatcher) and linked back into Maps when loaded; the flat
 * key → node map is rebuilt only if something adds or looks up a key.
 */
import { TOKEN, fold, nameKey } from './normalise';

/** Flag of a prefix entry reached by a phrase printed with punctuation between words ("growth, growth, growth"). */
export const LOOSE = 1;

/**
 * A compiled matcher: the trie as parallel plain arrays, JSON-serialisable.
 * Node i is reached from node parents[i] (-1: the root) by token tokens[i];
 * parents come before their children.
 */
export interface CompiledMatcher<V> {
  tokens: string[];
  parents: number[];
  /** Per node: index into `values` when a whole key ends there, else -1. */
  slots: number[];
  /** Per node: LOOSE bit. */
  flags: number[];
  values: V[][];
}

export interface RawMatch<V> {
  start: number;
  end: number;
  key: string;
  values: V[];
}

interface Entry {
  slot: number;
  flags: number;
  /** Continuations by next token: the trie the scan walks. */
  next?: Map<string, Entry>;
}

export class Matcher<V> {
  /** Every key and prefix, for building and compiling. */
  private readonly entries: Map<string, Entry>;
  /** First tokens: the root of the trie. */
  private readonly roots = new Map<string, Entry>();
  private readonly values: V[][];
  /** Per value bucket, the values already stored (by content), so a value is stored once. */
  private seen?: Set<string>[];

  constructor(compiled?: CompiledMatcher<V>) {
    this.entries = new Map();
    this.values = compiled?.values ?? [];
    if (!compiled) return;
    const nodes: Entry[] = [];
    const { tokens, parents, slots, flags } = compiled;
    for (let i = 0; i < tokens.length; i++) {
      const e: Entry = { slot: slots[i], flags: flags[i] };
      nodes.push(e);
      const parent = parents[i] < 0 ? undefined : nodes[parents[i]];
      if (parent) (parent.next ??= new Map()).set(tokens[i], e);
      else this.roots.set(tokens[i], e);
    }
    this.compiledFrom = { tokens, parents, nodes };
  }

  /** Set when loaded from a compiled form: the full-prefix map is rebuilt only if `add` or `lookup` needs it. */
  private compiledFrom?: { tokens: string[]; parents: number[]; nodes: Entry[] };

  private prefixMap(): Map<string, Entry> {
    if (this.compiledFrom && !this.entries.size) {
      const { tokens, parents, nodes } = this.compiledFrom;
      const names: string[] = [];
      tokens.forEach((t, i) => {
        names.push(parents[i] < 0 ? t : `${names[parents[i]]} ${t}`);
        this.entries.set(names[i], nodes[i]);
      });
    }
    return this.entries;
  }

  private link(prefix: string, entry: Entry): void {
    const entries = this.prefixMap();
    entries.set(prefix, entry);
    const cut = prefix.lastIndexOf(' ');
    if (cut < 0) this.roots.set(prefix, entry);
    else {
      const parent = entries.get(prefix.slice(0, cut))!;
      (parent.next ??= new Map()).set(prefix.slice(cut + 1), entry);
    }
  }

  /**
   * Index `value` under the folded token sequence of `phrase`. A `loose` phrase also
   * matches with a comma or other punctuation between its words.
   */
  add(phrase: string, value: V, loose = false): void {
    const key = nameKey(phrase);
    if (!key) return;
    const tokens = key.split(' ');
    let prefix = '';
    let entry: Entry | undefined;
    for (let i = 0; i < tokens.length; i++) {
      prefix = i ? `${prefix} ${tokens[i]}` : tokens[i];
      entry = this.prefixMap().get(prefix);
      if (!entry) this.link(prefix, (entry = { slot: -1, flags: 0 }));
      if (loose) entry.flags |= LOOSE;
    }
    if (entry!.slot < 0) {
      entry!.slot = this.values.length;
      this.values.push([]);
    }
    this.seen ??= this.values.map((b) => new Set(b.map((v) => JSON.stringify(v))));
    while (this.seen.length < this.values.length) this.seen.push(new Set());
    const id = JSON.stringify(value);
    if (this.seen[entry!.slot].has(id)) return;
    this.seen[entry!.slot].add(id);
    this.values[entry!.slot].push(value);
  }

  /** Values stored under exactly this phrase. */
  lookup(phrase: string): V[] {
    const e = this.prefixMap().get(nameKey(phrase));
    return e && e.slot >= 0 ? this.values[e.slot] : [];
  }

  /** The plain-data form, for compiling at build time. Sorted, so the output is deterministic. */
  compile(): CompiledMatcher<V> {
    const entries = this.prefixMap();
    // A proper prefix sorts before its extensions, so parents come first.
    const prefixes = [...entries.keys()].sort();
    const position = new Map(prefixes.map((p, i) => [p, i]));
    const cut = (p: string) => p.lastIndexOf(' ');
    return {
      tokens: prefixes.map((p) => p.slice(cut(p) + 1)),
      parents: prefixes.map((p) => (cut(p) < 0 ? -1 : position.get(p.slice(0, cut(p)))!)),
      slots: prefixes.map((p) => entries.get(p)!.slot),
      flags: prefixes.map((p) => entries.get(p)!.flags),
      values: this.values,
    };
  }

  /** Bloom filter over first tokens: most words of a text start no key and are skipped without a string. */
  private bloom?: Uint32Array;

  private firstTokenFilter(): Uint32Array {
    if (!this.bloom || this.bloomSize !== this.roots.size) {
      this.bloom = new Uint32Array(BLOOM_WORDS);
      for (const token of this.roots.keys()) {
        const h = hashToken(token);
        this.bloom[(h & BLOOM_MASK) >>> 5] |= 1 << (h & 31);
        this.bloom[((h >>> 16) & BLOOM_MASK) >>> 5] |= 1 << ((h >>> 16) & 31);
      }
      this.bloomSize = this.roots.size;
    }
    return this.bloom;
  }
  private bloomSize = -1;

  find(text: string): RawMatch<V>[] {
    const folded = fold(text);
    const out: RawMatch<V>[] = [];
    const roots = this.roots;
    const bloom = this.firstTokenFilter();
    const n = folded.length;
    let i = 0;
    while (i < n) {
      // The next token: a run of word characters, hashed as it is read.
      if (!isWordAt(folded, i)) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      while (i < n && isWordAt(folded, i)) h = (Math.imul(h, 31) + folded.charCodeAt(i++)) | 0;
      if (!(bloom[(h & BLOOM_MASK) >>> 5] & (1 << (h & 31))) || !(bloom[((h >>> 16) & BLOOM_MASK) >>> 5] & (1 << ((h >>> 16) & 31)))) continue;
      let key = folded.slice(start, i);
      let entry = roots.get(key);
      if (!entry) continue;
      let end = i;
      let best = entry.slot >= 0 ? end : -1;
      let bestKey = key;
      let bestSlot = entry.slot;
      let prevLength = end - start;
      // Walk on with the following tokens while a longer key may continue.
      let j = end;
      while (entry.next && j < n) {
        let ts = j;
        while (ts < n && !isWordAt(folded, ts) && ts - j < 5) ts++;
        if (ts >= n || !isWordAt(folded, ts)) break;
        let te = ts;
        while (te < n && isWordAt(folded, te)) te++;
        const token = folded.slice(ts, te);
        const next = entry.next.get(token);
        if (!next) break;
        if (!joinable(folded, end, ts, prevLength) && !(next.flags & LOOSE && looseGap(folded, end, ts))) break;
        entry = next;
        key = `${key} ${token}`;
        end = te;
        prevLength = te - ts;
        j = te;
        if (entry.slot >= 0) {
          best = end;
          bestKey = key;
          bestSlot = entry.slot;
        }
      }
      if (best < 0) continue;
      out.push({ start, end: best, key: bestKey, values: this.values[bestSlot] });
      i = best;
    }
    return out;
  }
}

export const BLOOM_BITS = 1 << 18;
export const BLOOM_WORDS = BLOOM_BITS >>> 5;
export const BLOOM_MASK = BLOOM_BITS - 1;

export function hashToken(token: string): number {
  let h = 0;
  for (let k = 0; k < token.length; k++) h = (Math.imul(h, 31) + token.charCodeAt(k)) | 0;
  return h;
}

/** Word characters, as TOKEN defines them, per UTF-16 unit (cached outside ASCII). */
const WORD = new Uint8Array(65536); // 0 unknown, 1 word, 2 not a word
for (let c = 0; c < 128; c++) WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;
const SINGLE = new RegExp(`^${TOKEN.source}$`, 'u');

export function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  let w = WORD[c];
  if (w === 0) {
    // Surrogate halves: a letter outside the BMP is a word character; judge the whole code point.
    if (c >= 0xd800 && c <= 0xdfff) {
      const cp = s.codePointAt(c <= 0xdbff ? i : i - 1) ?? c;
      return SINGLE.test(String.fromCodePoint(cp));
    }
    WORD[c] = w = SINGLE.test(String.fromCharCode(c)) ? 1 : 2;
  }
  return w === 1;
}

/**
 * May two tokens separated by folded[gapStart, gapEnd) belong to one name or phrase?
 * One or two spaces, a hyphen (Rees-Mogg), an apostrophe (O'Brien), or the full
 * stop of an initial (George W. Bush). Never a line break or other punctuation.
 */
export function joinable(folded: string, gapStart: number, gapEnd: number, prevLength: number): boolean {
  const gap = gapEnd - gapStart;
  const a = folded.charCodeAt(gapStart);
  if (gap === 1) return a === 32 || a === 45 || a === 39 || (a === 46 && prevLength === 1);
  if (gap === 2) {
    const b = folded.charCodeAt(gapStart + 1);
    return (a === 32 && b === 32) || (a === 46 && b === 32 && prevLength === 1);
  }
  return false;
}

/** A comma, semicolon, dash, ellipsis, slash or per cent sign with spaces, within one line: allowed inside loose phrases ("55% by 2030"). */
export function looseGap(folded: string, gapStart: number, gapEnd: number): boolean {
  return gapEnd - gapStart <= 4 && /^[ ,;:!.%/\u2026-]+$/.test(folded.slice(gapStart, gapEnd));
}
