/**
 * Phrase matcher over folded text (see docs/adr/0002-matcher.md).
 * Keys are sequences of folded word tokens joined by one space. This class builds the set of
 * keys (a map of every key and prefix) and compiles it into plain parallel arrays
 * (CompiledMatcher); the scan — at each token, the longest key starting there
 * (leftmost-longest) — runs over those arrays in flat-matcher.ts (ADR 0010).
 */
import { nameKey } from './normalise';
import { FlatMatcher, flatten } from './flat-matcher';
import { LOOSE } from './tokens';


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
}

export class Matcher<V> {
  /** Every key and prefix. */
  private readonly entries = new Map<string, Entry>();
  private readonly values: V[][];
  /** Per value bucket, the values already stored (by content), so a value is stored once. */
  private seen?: Set<string>[];
  /** The compiled form this matcher was loaded from: the prefix map is rebuilt only if `add` or `lookup` needs it. */
  private compiledFrom?: CompiledMatcher<V>;
  /** The scanner over the compiled arrays, made on the first `find` after a change. */
  private flat?: FlatMatcher<V>;

  constructor(compiled?: CompiledMatcher<V>) {
    this.values = compiled?.values ?? [];
    this.compiledFrom = compiled;
  }

  private prefixMap(): Map<string, Entry> {
    if (this.compiledFrom && !this.entries.size) {
      const { tokens, parents, slots, flags } = this.compiledFrom;
      const names: string[] = [];
      tokens.forEach((t, i) => {
        names.push(parents[i] < 0 ? t : `${names[parents[i]]} ${t}`);
        this.entries.set(names[i], { slot: slots[i], flags: flags[i] });
      });
    }
    return this.entries;
  }

  /**
   * Index `value` under the folded token sequence of `phrase`. A `loose` phrase also
   * matches with a comma or other punctuation between its words.
   */
  add(phrase: string, value: V, loose = false): void {
    const key = nameKey(phrase);
    if (!key) return;
    this.flat = undefined;
    const tokens = key.split(' ');
    let prefix = '';
    let entry: Entry | undefined;
    for (let i = 0; i < tokens.length; i++) {
      prefix = i ? `${prefix} ${tokens[i]}` : tokens[i];
      entry = this.prefixMap().get(prefix);
      if (!entry) this.prefixMap().set(prefix, (entry = { slot: -1, flags: 0 }));
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

  /** Leftmost-longest keys in `text` (flat-matcher.ts does the scan). */
  find(text: string): RawMatch<V>[] {
    this.flat ??= new FlatMatcher<V>(flatten(this.compiledFrom && !this.entries.size ? this.compiledFrom : this.compile(), false), (slot) => this.values[slot]);
    return this.flat.find(text);
  }
}

