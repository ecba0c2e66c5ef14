/**
 * Token-trie phrase matcher over folded text (see docs/adr/0002-matcher.md).
 * Keys are sequences of folded word tokens; the scan finds, at each token, the
 * longest key that starts there, then resumes after it (leftmost-longest).
 */
import { TOKEN, fold, nameKey } from './normalise';

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** Reached by a phrase written with punctuation between words ("growth, growth, growth"). */
  loose?: boolean;
  /** Index into `Matcher.values` when a key ends here. */
  value?: number;
}

export interface RawMatch<V> {
  start: number;
  end: number;
  key: string;
  values: V[];
}

export class Matcher<V> {
  private readonly root: TrieNode = {};
  private readonly values: V[][] = [];
  private readonly keys: string[] = [];
  /** Per key, the values already stored (by content), so a value is stored once. */
  private readonly seen: Set<string>[] = [];

  /**
   * Index `value` under the folded token sequence of `phrase`. A `loose` phrase also
   * matches with a comma or other punctuation between its words.
   */
  add(phrase: string, value: V, loose = false): void {
    const key = nameKey(phrase);
    if (!key) return;
    let node = this.root;
    for (const token of key.split(' ')) {
      node.next ??= new Map();
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = {}));
      node = child;
      if (loose) node.loose = true;
    }
    if (node.value === undefined) {
      node.value = this.values.length;
      this.values.push([]);
      this.keys.push(key);
      this.seen.push(new Set());
    }
    const id = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (this.seen[node.value].has(id)) return;
    this.seen[node.value].add(id);
    this.values[node.value].push(value);
  }

  /** Values stored under exactly this phrase. */
  lookup(phrase: string): V[] {
    let node: TrieNode | undefined = this.root;
    for (const token of nameKey(phrase).split(' ')) node = node?.next?.get(token);
    return node?.value === undefined ? [] : this.values[node.value];
  }

  find(text: string): RawMatch<V>[] {
    const folded = fold(text);
    const out: RawMatch<V>[] = [];
    const root = this.root.next;
    if (!root) return out;
    // Tokens come from a native regex scan; only a token that starts a key starts a walk.
    const re = new RegExp(TOKEN.source, 'gu');
    const walker = new RegExp(TOKEN.source, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      let node = root.get(m[0]);
      if (!node) continue;
      const start = m.index;
      let end = start + m[0].length;
      let best = node.value !== undefined ? end : -1;
      let bestValue = node.value ?? -1;
      let prevLength = m[0].length;
      let resume = re.lastIndex;
      // Walk on with the following tokens while the trie continues.
      walker.lastIndex = end;
      let w: RegExpExecArray | null;
      while (node.next && (w = walker.exec(folded))) {
        const next: TrieNode | undefined = node.next.get(w[0]);
        if (!next) break;
        if (!joinable(folded, end, w.index, prevLength) && !(next.loose && looseGap(folded, end, w.index))) break;
        node = next;
        end = w.index + w[0].length;
        prevLength = w[0].length;
        if (node.value !== undefined) {
          best = end;
          bestValue = node.value;
          resume = walker.lastIndex;
        }
      }
      if (best < 0) continue;
      out.push({ start, end: best, key: this.keys[bestValue], values: this.values[bestValue] });
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
