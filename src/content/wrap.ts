/**
 * Wrapping mentions in Nameplate's own element, and undoing it exactly.
 * DOM methods only (never innerHTML); each wrap remembers the text node it
 * split so that `unwrapAll` restores the page's DOM as it was.
 */
import { MENTION_TAG, type NodeRun } from '../dom/collect';
import type { Slicer } from './slicer';
import type { Span } from './marks';

export type { Span };

interface Split {
  original: Text;
  data: string;
  pieces: Node[];
}

const splits: Split[] = [];

function nodeIndexAt(map: NodeRun, offset: number): number {
  let lo = 0;
  let hi = map.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The spans that lie within a single text node, by the node's index in `map`. */
export function spansByNode(map: NodeRun, spans: Span[]): Map<number, Span[]> {
  const byNode = new Map<number, Span[]>();
  for (const s of spans) {
    const i = nodeIndexAt(map, s.start);
    if (s.end > map.offsets[i] + map.data[i].length) continue; // crosses an element boundary: leave it
    const list = byNode.get(i);
    if (list) list.push(s);
    else byNode.set(i, [s]);
  }
  return byNode;
}

/**
 * Wrap each span that lies within a single text node. Returns the wrappers created.
 * With a slicer, the work pauses between nodes whenever a slice is used up.
 */
export async function wrapSpans(doc: Document, map: NodeRun, spans: Span[], slicer?: Slicer): Promise<HTMLElement[]> {
  const byNode = spansByNode(map, spans);
  const created: HTMLElement[] = [];
  // Mentions are clones of one focusable element per person or pledge, attributes set once:
  // two DOM calls per mention (DOM calls are most of the page-side cost).
  const base = doc.createElement(MENTION_TAG.toLowerCase());
  base.tabIndex = 0;
  const protos = new Map<string, HTMLElement>();
  const protoOf = (s: Span) => {
    let p = protos.get(s.ref);
    if (!p) {
      p = base.cloneNode(false) as HTMLElement;
      p.setAttribute('data-ref', s.ref);
      p.setAttribute('data-kind', s.kind);
      protos.set(s.ref, p);
    }
    return p;
  };
  for (const [i, list] of byNode) {
    if (slicer) await slicer.pause();
    const node = map.nodes[i];
    const data = map.data[i];
    // The page may have changed or removed the node since it was read: leave it alone then.
    if (!node.parentNode || node.data !== data) continue;
    const offset = map.offsets[i];
    const pieces: Node[] = [];
    list.sort((a, b) => a.start - b.start);
    let cursor = 0;
    for (const s of list) {
      const from = s.start - offset;
      const to = s.end - offset;
      if (from < cursor) continue; // overlapping spans: keep the first
      if (from > cursor) pieces.push(doc.createTextNode(data.slice(cursor, from)));
      const el = protoOf(s).cloneNode(false) as HTMLElement;
      el.append(data.slice(from, to));
      pieces.push(el);
      created.push(el);
      cursor = to;
    }
    if (cursor < data.length) pieces.push(doc.createTextNode(data.slice(cursor)));
    node.replaceWith(...pieces);
    splits.push({ original: node, data, pieces });
  }
  return created;
}

/** Put every split text node back as it was. */
export function unwrapAll(): void {
  for (const s of splits.splice(0).reverse()) {
    const first = s.pieces[0];
    if (!first?.parentNode) continue; // the page removed it meanwhile
    s.original.data = s.data;
    first.parentNode.insertBefore(s.original, first);
    for (const p of s.pieces) p.parentNode?.removeChild(p);
  }
}

/** Take one person's or pledge's mentions out of the page, leaving their text in place. */
export function unwrapRef(ref: string): void {
  for (const s of splits) {
    s.pieces = s.pieces.map((piece) => {
      if (!(piece instanceof Element) || piece.getAttribute('data-ref') !== ref || !piece.parentNode) return piece;
      const text = piece.ownerDocument.createTextNode(piece.textContent ?? '');
      piece.parentNode.replaceChild(text, piece);
      return text;
    });
  }
}
