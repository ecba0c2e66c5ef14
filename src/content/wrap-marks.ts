/**
 * The fallback marks, for a browser without the CSS Custom Highlight API (ADR 0011):
 * each mention wrapped in Nameplate's own focusable element, huge pages wrapped as
 * their text nears the viewport, and everything undone exactly on `destroy`.
 */
import { MENTION_TAG, type NodeRun } from '../dom/collect';
import type { MarkStyle } from '../core/settings';
import type { Slicer } from './slicer';
import type { Anchor, Marks, Mention, Span } from './marks';
import { DEFER_ABOVE_CHARS, DeferredWraps } from './deferred';
import { unwrapAll, unwrapRef, wrapSpans } from './wrap';

class ElementMention implements Mention {
  constructor(readonly element: HTMLElement) {}
  get ref(): string {
    return this.element.getAttribute('data-ref') ?? '';
  }
  get kind(): 'person' | 'pledge' {
    return this.element.getAttribute('data-kind') === 'pledge' ? 'pledge' : 'person';
  }
  anchor(): Anchor | undefined {
    return this.element.isConnected ? this.element : undefined;
  }
}

export class WrapMarks implements Marks {
  private readonly deferred: DeferredWraps;
  private readonly handles = new WeakMap<HTMLElement, ElementMention>();
  private count = 0;
  /** A page whose text is over DEFER_ABOVE_CHARS: wraps wait until their text nears the viewport (ADR 0007). */
  private huge = false;

  constructor(private readonly doc: Document) {
    this.deferred = new DeferredWraps(doc);
  }

  setPageSize(chars: number): void {
    this.huge = chars > DEFER_ABOVE_CHARS;
  }

  get size(): number {
    return this.count;
  }

  private handle(el: HTMLElement): ElementMention {
    let m = this.handles.get(el);
    if (!m) this.handles.set(el, (m = new ElementMention(el)));
    return m;
  }

  async add(run: NodeRun, spans: Span[], slicer?: Slicer): Promise<number> {
    if (this.huge) {
      this.deferred.add(run, spans);
      return 0;
    }
    const created = await wrapSpans(this.doc, run, spans, slicer);
    this.count += created.length;
    return created.length;
  }

  at(_x: number, _y: number, target: EventTarget | null): Mention | undefined {
    return this.fromTarget(target);
  }

  fromTarget(target: EventTarget | null): Mention | undefined {
    const el = target instanceof Element ? target.closest(MENTION_TAG.toLowerCase()) : null;
    return el instanceof HTMLElement ? this.handle(el) : undefined;
  }

  /** Every mention (or `ref`'s) in document order; on a huge page this first wraps what was held back for them. */
  ordered(ref?: string): Mention[] {
    if (ref) this.deferred.wrapRef(ref);
    else this.deferred.wrapAll();
    const all = [...this.doc.querySelectorAll<HTMLElement>(MENTION_TAG.toLowerCase())].map((el) => this.handle(el));
    return ref ? all.filter((m) => m.ref === ref) : all;
  }

  private outlined: HTMLElement | undefined;

  /** The mention the reader is on, outlined (focus is in the card, so :focus-visible cannot show it). */
  setCurrent(m: Mention | undefined): void {
    this.outlined?.style.removeProperty('outline');
    this.outlined = m instanceof ElementMention ? m.element : undefined;
    this.outlined?.style.setProperty('outline', '2px solid #2455c3', 'important');
  }

  reveal(m: Mention): void {
    if (m instanceof ElementMention) m.element.scrollIntoView({ block: 'center' });
  }

  recheck(): Node[] {
    return []; // wrapped text is inside Nameplate's own elements, which the observer ignores
  }

  dropRef(ref: string): void {
    unwrapRef(ref);
    this.deferred.dropRef(ref);
  }

  setStyle(style: MarkStyle): void {
    const root = this.doc.documentElement;
    if (style === 'underline') root.removeAttribute('data-nameplate-marks');
    else root.setAttribute('data-nameplate-marks', style);
  }

  clear(): void {
    this.deferred.clear();
  }

  destroy(): void {
    this.deferred.clear();
    unwrapAll();
    this.doc.documentElement.removeAttribute('data-nameplate-marks');
    this.count = 0;
  }
}
