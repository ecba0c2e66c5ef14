/**
 * What the rest of the content script needs from a way of marking mentions:
 * CSS highlights (highlights.ts, the default) or wrapped elements (wrap-marks.ts,
 * for a browser without the Custom Highlight API; ADR 0011).
 */
import type { NodeRun } from '../dom/collect';
import type { Slicer } from './slicer';
import type { MarkStyle } from '../core/settings';

export interface Span {
  start: number;
  end: number;
  /** Person or pledge id the mention stands for. */
  ref: string;
  kind: 'person' | 'pledge';
}

/** Where the card points: a range's box (floating-ui's virtual element) or a wrapped element. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
}

/** One mention on the page, as the hover and keyboard code see it. */
export interface Mention {
  readonly ref: string;
  readonly kind: 'person' | 'pledge';
  /** The box the card anchors to; undefined once the page removed the text. */
  anchor(): Anchor | undefined;
}

export interface Marks {
  /** The page's text is this long (first pass): a long page is marked as it is read. */
  setPageSize(chars: number): void;
  /** Mark `spans` (offsets in `run`'s text) now. Returns how many were marked. */
  add(run: NodeRun, spans: Span[], slicer?: Slicer): Promise<number>;
  /** The mention under a pointer at (x, y) in viewport coordinates (`target`: the element under it). */
  at(x: number, y: number, target: EventTarget | null): Mention | undefined;
  /** The mention that is the element `target` (wrapped mentions are focusable; ranges are not). */
  fromTarget(target: EventTarget | null): Mention | undefined;
  /** Every mention (or every one of person `ref`), in document order. */
  ordered(ref?: string): Mention[];
  /** Show `m` as the one the reader is on (hover or keyboard), or none. */
  setCurrent(m: Mention | undefined): void;
  /** Bring `m` into view. */
  reveal(m: Mention): void;
  /**
   * The page changed these nodes (text nodes whose text changed or that were removed; any
   * element stands for "elements were removed"): drop the mentions whose words are no longer
   * the ones marked. Returns the text nodes still in the page that should be read again.
   */
  recheck(changed: Node[]): Node[];
  dropRef(ref: string): void;
  setStyle(style: MarkStyle): void;
  /** Forget every mark (a new article in a single-page app). */
  clear(): void;
  /** Remove every mark and anything added to the page for them: the page is left as it was. */
  destroy(): void;
  readonly size: number;
}
