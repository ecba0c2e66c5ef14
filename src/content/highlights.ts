/**
 * Marks drawn with the CSS Custom Highlight API: each mention is a StaticRange in
 * a named highlight, styled by `::highlight()` in marks.css. The page's DOM is never
 * changed, so frameworks see nothing, the page gains no tab stops, and the browser
 * only repaints. StaticRanges (not live Ranges) because a live range is updated on
 * every DOM mutation of the page; the mutation observer re-checks ours instead.
 *
 * Chromium re-validates every range of a highlight whenever ranges are added, so a pass adds its
 * ranges in one go, and on a long page (over LAZY_ABOVE_CHARS of text) only the ranges whose
 * element nears the viewport are registered, as it nears: the cost follows what is read, not the
 * page's length.
 */
import type { NodeRun } from '../dom/collect';
import type { MarkStyle } from '../core/settings';
import type { Slicer } from './slicer';
import type { Anchor, Marks, Mention, Span } from './marks';

const PREFIX = 'nameplate-';
/** Text size (characters, ≈ 30,000 words) above which ranges are registered as their element nears the viewport. */
export const LAZY_ABOVE_CHARS = 200_000;
const CURRENT = `${PREFIX}current`;

class RangeMention implements Mention {
  readonly range: StaticRange;
  constructor(
    readonly node: Text,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly ref: string,
    readonly kind: 'person' | 'pledge',
  ) {
    this.range = new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
  }

  /** Still the words that were marked. */
  get valid(): boolean {
    return this.node.isConnected && this.node.data.slice(this.start, this.end) === this.text;
  }

  live(): Range {
    const r = this.node.ownerDocument.createRange();
    r.setStart(this.node, this.start);
    r.setEnd(this.node, this.end);
    return r;
  }

  anchor(): Anchor | undefined {
    if (!this.valid) return undefined;
    const r = this.live();
    return { getBoundingClientRect: () => r.getBoundingClientRect(), getClientRects: () => r.getClientRects(), contextElement: this.node.parentElement ?? undefined };
  }
}

const inside = (rects: DOMRectList, x: number, y: number) => {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
};

export class HighlightMarks implements Marks {
  private readonly byNode = new Map<Text, RangeMention[]>();
  private readonly marks = new Highlight();
  private readonly current = new Highlight();
  private name = `${PREFIX}underline`;
  private sorted: RangeMention[] | undefined;
  private count = 0;
  private lazy = false;
  private registered = false;
  /** Long pages: mentions waiting for their element to near the viewport. */
  private readonly held = new Map<Element, RangeMention[]>();
  private observer: IntersectionObserver | undefined;

  constructor(private readonly doc: Document) {
    this.current.priority = 1;
  }

  static supported(): boolean {
    return typeof Highlight === 'function' && typeof StaticRange === 'function' && !!globalThis.CSS?.highlights;
  }

  get size(): number {
    return this.count;
  }

  setPageSize(chars: number): void {
    this.lazy = chars > LAZY_ABOVE_CHARS;
  }

  async add(run: NodeRun, spans: Span[], slicer?: Slicer): Promise<number> {
    let added = 0;
    const fresh: RangeMention[] = [];
    let k = 0;
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    for (let i = 0; i < run.nodes.length; i++) {
      const node = run.nodes[i];
      const from = run.offsets[i];
      const to = from + run.data[i].length;
      while (k < sorted.length && sorted[k].start < from) k++; // spans across nodes are left unmarked
      // The node is read afresh: its marks are replaced, so reading it twice never marks twice; a mark
      // that is still the same (same words, same place, same person) is kept, so hover and keyboard keep their place.
      const old = this.byNode.get(node);
      if (node.data !== run.data[i]) {
        this.dropNode(node); // changed since it was read: the observer has it, and it is read again
        continue;
      }
      const list: RangeMention[] = [];
      let cursor = 0;
      for (; k < sorted.length && sorted[k].start < to; k++) {
        const s = sorted[k];
        if (s.end > to || s.start - from < cursor) continue;
        const same = old?.find((m) => m.start === s.start - from && m.end === s.end - from && m.ref === s.ref && m.valid);
        const m = same ?? new RangeMention(node, s.start - from, s.end - from, run.data[i].slice(s.start - from, s.end - from), s.ref, s.kind);
        list.push(m);
        if (!same) fresh.push(m);
        cursor = m.end;
      }
      for (const m of old ?? []) if (!list.includes(m)) this.unregister(m);
      this.count += list.length - (old?.length ?? 0);
      if (list.length) this.byNode.set(node, list);
      else this.byNode.delete(node);
      if (list.length || old) this.sorted = undefined;
      added += list.length;
      if (slicer && i % 32 === 31) await slicer.pause();
    }
    // Registered in one go (one re-validation), or held until the viewport comes near on a long page; only the
    // marks still current (the page may have changed a node during a pause, and the observer dropped it).
    const live = fresh.filter((m) => this.stillMarked(m));
    if (!live.length) return added;
    this.register();
    if (!this.lazy) for (const m of live) this.marks.add(m.range);
    else this.hold(live);
    return added;
  }

  /** Still one of the marks of its node (not dropped or replaced since it was made). */
  private stillMarked(m: RangeMention): boolean {
    return !!this.byNode.get(m.node)?.includes(m);
  }

  private unregister(m: RangeMention): void {
    this.marks.delete(m.range);
    if (this.current.has(m.range)) this.current.clear();
  }

  /** The highlights join the page's registry with the first mark, not before (a page without marks shows no trace). */
  private register(): void {
    if (this.registered) return;
    this.registered = true;
    CSS.highlights.set(this.name, this.marks);
    CSS.highlights.set(CURRENT, this.current);
  }

  private hold(fresh: RangeMention[]): void {
    this.observer ??= new IntersectionObserver((entries) => this.near(entries), { rootMargin: '200% 0px' });
    for (const m of fresh) {
      const el = m.node.parentElement;
      if (!el) continue;
      const list = this.held.get(el);
      if (list) list.push(m);
      else {
        this.held.set(el, [m]);
        this.observer.observe(el);
      }
    }
  }

  private near(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      this.observer?.unobserve(e.target);
      // Only mentions still current: a node read again since has new ones.
      for (const m of this.held.get(e.target) ?? []) if (this.stillMarked(m)) this.marks.add(m.range);
      this.held.delete(e.target);
    }
  }

  private dropNode(node: Text): void {
    const list = this.byNode.get(node);
    if (!list) return;
    for (const m of list) this.unregister(m);
    this.byNode.delete(node);
    this.count -= list.length;
    this.sorted = undefined;
  }

  fromTarget(): Mention | undefined {
    return undefined; // ranges are not focusable: the keyboard path is the commands
  }

  at(x: number, y: number): Mention | undefined {
    if (!this.count) return undefined;
    const doc = this.doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
    let node: Node | undefined;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const p = doc.caretPositionFromPoint(x, y);
      node = p?.offsetNode;
      offset = p?.offset ?? 0;
    } else {
      const r = doc.caretRangeFromPoint?.(x, y);
      node = r?.startContainer;
      offset = r?.startOffset ?? 0;
    }
    const list = node && this.byNode.get(node as Text);
    // The caret goes to the nearest boundary, even past the end of a line: the range's own boxes decide.
    return list?.find((m) => m.start <= offset && offset <= m.end && m.valid && inside(m.live().getClientRects(), x, y));
  }

  ordered(ref?: string): Mention[] {
    if (!this.sorted) {
      const nodes = [...this.byNode.keys()].filter((n) => n.isConnected);
      nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      this.sorted = nodes.flatMap((n) => this.byNode.get(n)!);
    }
    return this.sorted.filter((m) => m.valid && (!ref || m.ref === ref));
  }

  setCurrent(m: Mention | undefined): void {
    this.current.clear();
    if (m instanceof RangeMention) this.current.add(m.range);
  }

  reveal(m: Mention): void {
    if (!(m instanceof RangeMention) || !m.valid) return;
    m.node.parentElement?.scrollIntoView({ block: 'nearest' });
    const r = m.live().getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) scrollBy({ top: r.top - innerHeight / 2 });
  }

  recheck(changed: Node[]): Node[] {
    const again: Node[] = [];
    let removed = false;
    for (const n of changed) {
      if (n.nodeType !== Node.TEXT_NODE) {
        removed = true;
        continue;
      }
      const list = this.byNode.get(n as Text);
      if (list && !list.every((m) => m.valid)) {
        this.dropNode(n as Text);
        if (n.isConnected) again.push(n);
      }
    }
    // Elements taken out of the page take their text nodes with them: one sweep for the batch.
    if (removed) {
      for (const node of [...this.byNode.keys()]) if (!node.isConnected) this.dropNode(node);
      for (const el of [...this.held.keys()]) {
        if (el.isConnected) continue;
        this.observer?.unobserve(el);
        this.held.delete(el);
      }
    }
    return again;
  }

  dropRef(ref: string): void {
    for (const [node, list] of [...this.byNode]) {
      const gone = list.filter((m) => m.ref === ref);
      if (!gone.length) continue;
      for (const m of gone) this.unregister(m);
      const keep = list.filter((m) => m.ref !== ref);
      if (keep.length) this.byNode.set(node, keep);
      else this.byNode.delete(node);
      this.count -= gone.length;
      this.sorted = undefined;
    }
  }

  setStyle(style: MarkStyle): void {
    if (this.registered) CSS.highlights.delete(this.name);
    this.name = `${PREFIX}${style}`;
    if (this.registered) CSS.highlights.set(this.name, this.marks);
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.held.clear();
    this.marks.clear();
    this.current.clear();
    this.byNode.clear();
    this.count = 0;
    this.sorted = undefined;
  }

  destroy(): void {
    this.clear();
    if (!this.registered) return;
    this.registered = false;
    CSS.highlights.delete(this.name);
    CSS.highlights.delete(CURRENT);
  }
}
