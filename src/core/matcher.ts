/**
 * Phrase matcher over folded text (see docs/adr/0002-matcher.md).
 * Keys are sequences of folded word tokens joined by one space. A flat map from
 * every key and key prefix to its entry stands in for a token trie: the scan
 * finds, at each token, the longest key starting there (leftmost-longest).
 * The map is plain data, so it is compiled at build time and loaded as is.
 */
import { TOKEN, fold, nameKey } from './normalise';

/** Flag of a prefix entry reached by a phrase printed with punctuation between words ("growth, growth, growth"). */
const LOOSE = 1;

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

  find(text: string): RawMatch<V>[] {
    const folded = fold(text);
    const out: RawMatch<V>[] = [];
    const roots = this.roots;
    // Tokens come from a native regex scan; only a token that starts a key starts a walk.
    const re = new RegExp(TOKEN.source, 'gu');
    const walker = new RegExp(TOKEN.source, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      let entry = roots.get(m[0]);
      if (!entry) continue;
      const start = m.index;
      let key = m[0];
      let end = start + key.length;
      let best = entry.slot >= 0 ? end : -1;
      let bestKey = key;
      let bestSlot = entry.slot;
      let prevLength = key.length;
      let resume = re.lastIndex;
      walker.lastIndex = end;
      let w: RegExpExecArray | null;
      // Walk on with the following tokens while a longer key may continue.
      while (entry.next && (w = walker.exec(folded))) {
        const next = entry.next.get(w[0]);
        if (!next) break;
        if (!joinable(folded, end, w.index, prevLength) && !(next.flags & LOOSE && looseGap(folded, end, w.index))) break;
        entry = next;
        key = `${key} ${w[0]}`;
        end = w.index + w[0].length;
        prevLength = w[0].length;
        if (entry.slot >= 0) {
          best = end;
          bestKey = key;
          bestSlot = entry.slot;
          resume = walker.lastIndex;
        }
      }
      if (best < 0) continue;
      out.push({ start, end: best, key: bestKey, values: this.values[bestSlot] });
      re.lastIndex = resume;
    }
    return out;
  }
}

/**
 * May two tokens separated by folded[gapStart, gapEnd) belong to one name or phrase?
 * One or two spaces, a hyphen (Rees-Mogg), an apostrophe (O'Brien), or the full
 * stop of an initial (George W. Bush). Never a line break or other punctuation.
 */
function joinable(folded: string, gapStart: number, gapEnd: number, prevLength: number): boolean {
  const gap = gapEnd - gapStart;
  const a = folded.charCodeAt(gapStart);
  if (gap === 1) return a === 32 || a === 45 || a === 39 || (a === 46 && prevLength === 1);
  if (gap === 2) {
    const b = folded.charCodeAt(gapStart + 1);
    return (a === 32 && b === 32) || (a === 46 && b === 32 && prevLength === 1);
  }
  return false;
}

/** A comma, semicolon, dash or ellipsis with spaces, within one line: allowed inside loose phrases. */
function looseGap(folded: string, gapStart: number, gapEnd: number): boolean {
  return gapEnd - gapStart <= 4 && /^[ ,;:!.\u2026-]+$/.test(folded.slice(gapStart, gapEnd));
}
