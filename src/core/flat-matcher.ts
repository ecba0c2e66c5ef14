/**
 * The phrase matcher over flat typed arrays (issue 16: a worker that wakes at once). The same
 * trie and the same scan as `Matcher` (matcher.ts), but the children of a node are found in an
 * open-addressing hash table over (parent, token) instead of per-node Maps, and token strings
 * live in one string: loading it is a structured clone of a few arrays from IndexedDB, with no
 * object built per node. `flatten` turns a CompiledMatcher into this form.
 */
import { fold } from './normalise';
import * as T from './tokens';
import type { CompiledMatcher, RawMatch } from './matcher';

// Module-local copies: the hot loop must not go through the import's live bindings (getters under some loaders).
const { BLOOM_MASK, BLOOM_WORDS, LOOSE, hashToken, isWordAt, joinable, looseGap } = T;

export interface FlatMatcherData {
  /** Every node's token (an array of strings clones as fast as one long string, and compares natively). */
  tokens: string[];
  parents: Int32Array;
  slots: Int32Array;
  flags: Uint8Array;
  /** Node ids by hash of (parent, token), -1 where empty; its length is a power of two. */
  table: Int32Array;
  /** Values of slot s: valData[valStart[s] .. valStart[s + 1]). */
  valStart: Uint32Array;
  valData: Int32Array;
  /** Bloom filter over first tokens (as Matcher's). */
  bloom: Uint32Array;
}

const mix = (tokenHash: number, parent: number) => (Math.imul(tokenHash ^ Math.imul(parent + 1, 0x9e3779b1), 0x85ebca6b) ^ (tokenHash >>> 13)) | 0;

/** The flat form of a compiled matcher; its values too when they are numbers (`withValues`), for a snapshot. */
export function flatten(c: CompiledMatcher<unknown>, withValues = true): FlatMatcherData {
  const n = c.tokens.length;
  let size = 1;
  while (size < n * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const bloom = new Uint32Array(BLOOM_WORDS);
  for (let i = 0; i < n; i++) {
    const h = hashToken(c.tokens[i]);
    let at = mix(h, c.parents[i]) & (size - 1);
    while (table[at] !== -1) at = (at + 1) & (size - 1);
    table[at] = i;
    if (c.parents[i] < 0) {
      bloom[(h & BLOOM_MASK) >>> 5] |= 1 << (h & 31);
      bloom[((h >>> 16) & BLOOM_MASK) >>> 5] |= 1 << ((h >>> 16) & 31);
    }
  }
  const values = (withValues ? c.values : []) as number[][];
  const valStart = new Uint32Array(values.length + 1);
  for (let s = 0; s < values.length; s++) valStart[s + 1] = valStart[s] + values[s].length;
  const valData = new Int32Array(valStart[values.length]);
  values.forEach((vs, s) => valData.set(vs, valStart[s]));
  return {
    tokens: c.tokens, parents: Int32Array.from(c.parents), slots: Int32Array.from(c.slots), flags: Uint8Array.from(c.flags),
    table, valStart, valData, bloom,
  };
}

/** The key of a match: its word runs joined by one space (built only for matches). */
function keyOf(folded: string, start: number, end: number): string {
  let key = '';
  let k = start;
  while (k < end) {
    if (!isWordAt(folded, k)) {
      k++;
      continue;
    }
    const ws = k;
    while (k < end && isWordAt(folded, k)) k++;
    key = key ? `${key} ${folded.slice(ws, k)}` : folded.slice(ws, k);
  }
  return key;
}

export class FlatMatcher<V = number> {
  private readonly mask: number;
  /** `valuesOf`: a slot's values, when they are not numbers kept in the flat data (Matcher's). */
  constructor(private readonly d: FlatMatcherData, private readonly valuesOf?: (slot: number) => V[]) {
    this.mask = d.table.length - 1;
  }

  /** The child of `parent` (-1: the root) by the token folded[ts, te) whose hash is `h`, or -1. */
  private child(parent: number, folded: string, ts: number, te: number, h: number): number {
    const { table, parents, tokens } = this.d;
    const len = te - ts;
    for (let at = mix(h, parent) & this.mask; ; at = (at + 1) & this.mask) {
      const node = table[at];
      if (node < 0) return -1;
      if (parents[node] !== parent) continue;
      const token = tokens[node];
      if (token.length === len && folded.startsWith(token, ts)) return node;
    }
  }

  /** A slot's values, made into an array once and shared. */
  private readonly valueCache: (V[] | undefined)[] = [];
  private values(slot: number): V[] {
    if (this.valuesOf) return this.valuesOf(slot);
    return (this.valueCache[slot] ??= Array.from(this.d.valData.subarray(this.d.valStart[slot], this.d.valStart[slot + 1])) as V[]);
  }

  /** Leftmost-longest keys: at each token, the longest key starting there. */
  find(text: string): RawMatch<V>[] {
    const folded = fold(text);
    const { bloom, slots, flags } = this.d;
    const out: RawMatch<V>[] = [];
    const n = folded.length;
    let i = 0;
    while (i < n) {
      if (!isWordAt(folded, i)) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      while (i < n && isWordAt(folded, i)) h = (Math.imul(h, 31) + folded.charCodeAt(i++)) | 0;
      if (!(bloom[(h & BLOOM_MASK) >>> 5] & (1 << (h & 31))) || !(bloom[((h >>> 16) & BLOOM_MASK) >>> 5] & (1 << ((h >>> 16) & 31)))) continue;
      let node = this.child(-1, folded, start, i, h);
      if (node < 0) continue;
      let end = i;
      let best = slots[node] >= 0 ? end : -1;
      let bestEnd = end;
      let bestSlot = slots[node];
      let prevLength = end - start;
      let j = end;
      while (j < n) {
        let ts = j;
        while (ts < n && !isWordAt(folded, ts) && ts - j < 5) ts++;
        if (ts >= n || !isWordAt(folded, ts)) break;
        let te = ts;
        let th = 0;
        while (te < n && isWordAt(folded, te)) th = (Math.imul(th, 31) + folded.charCodeAt(te++)) | 0;
        const next = this.child(node, folded, ts, te, th);
        if (next < 0) break;
        if (!joinable(folded, end, ts, prevLength) && !(flags[next] & LOOSE && looseGap(folded, end, ts))) break;
        node = next;
        end = te;
        prevLength = te - ts;
        j = te;
        if (slots[node] >= 0) {
          best = end;
          bestEnd = end;
          bestSlot = slots[node];
        }
      }
      if (best < 0) continue;
      out.push({ start, end: bestEnd, key: keyOf(folded, start, bestEnd), values: this.values(bestSlot) });
      i = best;
    }
    return out;
  }
}
