/**
 * Wrapping on very large pages, as the text nears the viewport.
 *
 * Any change to the DOM of a huge page costs the browser a relayout of the page
 * (on a 10 MB page, 40–80 ms frames: a long task after every slice, however short
 * the slice). So above a size, mentions are wrapped only when their element comes
 * within a couple of screens of the viewport: the reader sees every mark before
 * it scrolls into view, and the page pays only for what is read.
 */
import type { NodeRun } from '../dom/collect';
import { Slicer } from './slicer';
import { spansByNode, wrapSpans } from './wrap';
import type { Span } from './marks';

/** Text size (characters) above which a pass defers its wraps. */
export const DEFER_ABOVE_CHARS = 1_000_000;

interface Entry {
  map: NodeRun;
  spans: Span[];
}

export class DeferredWraps {
  private pending = new Map<Element, Entry[]>();
  private observer: IntersectionObserver | undefined;

  constructor(private readonly doc: Document) {}

  get size(): number {
    return this.pending.size;
  }

  /** Hold `spans` (offsets in `map`) until their text's element nears the viewport. */
  add(map: NodeRun, spans: Span[]): void {
    this.observer ??= new IntersectionObserver((entries) => void this.reached(entries), { rootMargin: '200% 0px' });
    for (const [i, list] of spansByNode(map, spans)) {
      const node = map.nodes[i];
      const el = node.parentElement;
      if (!el) continue;
      const entry: Entry = { map: { nodes: [node], offsets: [map.offsets[i]], data: [map.data[i]] }, spans: list };
      const had = this.pending.get(el);
      if (had) had.push(entry);
      else {
        this.pending.set(el, [entry]);
        this.observer.observe(el);
      }
    }
  }

  private async reached(entries: IntersectionObserverEntry[]): Promise<void> {
    const slicer = new Slicer();
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      await slicer.pause();
      this.flush(e.target);
    }
  }

  private flush(el: Element): void {
    const list = this.pending.get(el);
    this.observer?.unobserve(el);
    this.pending.delete(el);
    for (const entry of list ?? []) void wrapSpans(this.doc, entry.map, entry.spans);
  }

  /** Wrap everything held for `ref` now (the popup shows that person's mentions). */
  wrapRef(ref: string): void {
    for (const [el, list] of [...this.pending]) if (list.some((e) => e.spans.some((s) => s.ref === ref))) this.flush(el);
  }

  /** Wrap everything still held (the keyboard steps through every mention). */
  wrapAll(): void {
    for (const el of [...this.pending.keys()]) this.flush(el);
  }

  /** Forget `ref`'s mentions (the reader said it is not this person). */
  dropRef(ref: string): void {
    for (const list of this.pending.values()) for (const e of list) e.spans = e.spans.filter((s) => s.ref !== ref);
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.pending.clear();
  }
}
