/**
 * When the card shows and hides, like Wikipedia's page previews: nothing on a
 * quick pass of the pointer, the card after a short intent delay, kept open
 * while the pointer is over it, a grace period on leaving, Escape to dismiss
 * (WCAG 1.4.13). A touch on a mention opens it at once. The keyboard path moves
 * from mention to mention (the browser's shortcut for Nameplate's commands) and
 * puts focus in the card, so it is announced; Escape gives focus back.
 */
import type { Marks, Mention } from './marks';

export interface Card {
  readonly id: string;
  readonly visible: boolean;
  /** Show the card for this mention (with focus in it, for the keyboard); false if there is nothing to show. */
  show(mention: Mention, focus: boolean): boolean | Promise<boolean>;
  hide(): void;
  contains(target: EventTarget | null): boolean;
}

export interface HoverTiming {
  showDelayMs: number;
  hideGraceMs: number;
}

export class HoverController {
  private showTimer = 0;
  private hideTimer = 0;
  private frame = 0;
  private current: Mention | undefined;
  /** The mention under the pointer, whose intent delay is running. */
  private hovered: Mention | undefined;
  /** Opened from the keyboard: where focus goes back on close. */
  private returnFocus: Element | null | undefined;
  private readonly handlers: [string, (e: Event) => void][] = [];

  constructor(
    private readonly doc: Document,
    private readonly marks: () => Marks,
    private readonly card: () => Card,
    private readonly timing: () => HoverTiming,
  ) {
    let x = 0;
    let y = 0;
    let target: EventTarget | null = null;
    this.on('pointermove', (e) => {
      const p = e as PointerEvent;
      if (p.pointerType === 'touch') return;
      ({ clientX: x, clientY: y, target } = p);
      // Hit-testing at most once a frame, however fast the pointer moves.
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.over(this.marks().at(x, y, target), target);
      });
    });
    // The pointer left the window: as if it moved off every mention.
    this.on('pointerout', (e) => {
      if (!(e as PointerEvent).relatedTarget) this.over(undefined, null);
    });
    // Touch and pen: a tap on a mention opens it at once (a tap, not the start of a scroll); a tap elsewhere closes.
    let tap: { id: number; x: number; y: number } | undefined;
    this.on('pointerdown', (e) => {
      const p = e as PointerEvent;
      if (p.pointerType !== 'mouse') tap = { id: p.pointerId, x: p.clientX, y: p.clientY };
      // A click outside a card opened from the keyboard: the reader has moved on; focus stays where they clicked.
      else if (this.returnFocus !== undefined && !this.card().contains(p.target)) this.close(false);
    });
    this.on('pointercancel', () => (tap = undefined));
    this.on('pointerup', (e) => {
      const p = e as PointerEvent;
      if (!tap || tap.id !== p.pointerId) return;
      const moved = Math.hypot(p.clientX - tap.x, p.clientY - tap.y) > 10;
      tap = undefined;
      if (moved) return;
      const m = this.marks().at(p.clientX, p.clientY, p.target);
      if (m) void this.open(m, false);
      else if (!this.card().contains(p.target)) this.close(false);
    });
    // Wrapped mentions (the fallback) are focusable: focus opens the card as before.
    this.on('focusin', (e) => {
      const m = this.returnFocus === undefined ? this.marks().fromTarget(e.target) : undefined;
      if (m) void this.open(m, false);
    });
    this.on('focusout', (e) => {
      const next = (e as FocusEvent).relatedTarget;
      if (this.returnFocus !== undefined) {
        // Focus left a card opened from the keyboard for somewhere else in the page (Tab): close it there.
        if (this.card().contains(e.target) && next && !this.card().contains(next)) this.close(false);
      } else if (this.current && this.marks().fromTarget(e.target) === this.current) this.close();
    });
    this.on('keydown', (e) => {
      if ((e as KeyboardEvent).key !== 'Escape' || !this.current) return;
      // Escape from inside a card the keyboard opened is ours; over a hover card the page may want it too.
      if (this.returnFocus !== undefined) e.stopPropagation();
      this.close();
    });
  }

  private on(type: string, fn: (e: Event) => void): void {
    this.doc.addEventListener(type, fn, { capture: true, passive: true });
    this.handlers.push([type, fn]);
  }

  private over(m: Mention | undefined, target: EventTarget | null): void {
    if (this.returnFocus !== undefined) return; // a card opened from the keyboard stays until Escape, a click or the next step
    if (m) {
      this.keep();
      if (m !== this.hovered && m !== this.current) {
        clearTimeout(this.showTimer);
        this.showTimer = window.setTimeout(() => void this.open(m, false), this.timing().showDelayMs);
      }
      this.hovered = m;
      return;
    }
    this.hovered = undefined;
    clearTimeout(this.showTimer);
    if (!this.current) return;
    if (this.card().contains(target)) this.keep(); // the pointer moved onto the card: keep it
    else if (!this.hideTimer) this.hideTimer = window.setTimeout(() => this.close(), this.timing().hideGraceMs);
  }

  private keep(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }

  async open(m: Mention, focus: boolean): Promise<void> {
    this.keep();
    clearTimeout(this.showTimer);
    if (!focus) this.returnFocus = undefined;
    const card = this.card();
    if (!(await card.show(m, focus))) return;
    this.describe(undefined);
    this.current = m;
    this.marks().setCurrent(m);
    this.describe(card.id);
  }

  /**
   * Next (+1) or previous (-1) mention from the one open, else from the viewport (or the top of the
   * page, `fromTop`): into view, marked, card open (with focus, for the keyboard).
   */
  async step(by: 1 | -1, { ref, focus = true, fromTop = false }: { ref?: string; focus?: boolean; fromTop?: boolean } = {}): Promise<Mention | undefined> {
    const list = this.marks().ordered(ref);
    if (!list.length) return undefined;
    let i = this.current ? list.indexOf(this.current) : -1;
    if (i >= 0) i = (i + by + list.length) % list.length;
    else if (fromTop) i = 0;
    else {
      // From the reader's place on the page: the first mention below the top of the viewport (or the last above its bottom).
      const top = (m: Mention) => m.anchor()?.getBoundingClientRect().top ?? -Infinity;
      i = by > 0 ? list.findIndex((m) => top(m) >= 0) : list.findLastIndex((m) => top(m) < innerHeight);
      if (i < 0) i = by > 0 ? 0 : list.length - 1;
    }
    // Names the page hides (a collapsed menu, the other of two headlines) have no box: skip them.
    const shown = (k: number) => !!list[k].anchor()?.getClientRects().length;
    for (let tries = 0; !shown(i) && tries < list.length; tries++) i = (i + by + list.length) % list.length;
    const m = list[i];
    if (!shown(i)) return undefined;
    if (focus && this.returnFocus === undefined) this.returnFocus = this.doc.activeElement;
    this.marks().reveal(m);
    await this.open(m, focus);
    return m;
  }

  /** A wrapped mention (the fallback) is an element: it points to the card for screen readers. */
  private describe(id: string | undefined): void {
    const el = (this.current as { element?: HTMLElement } | undefined)?.element;
    if (id) el?.setAttribute('aria-describedby', id);
    else el?.removeAttribute('aria-describedby');
  }

  /** Close the card; a card the keyboard opened gives focus back where it was (unless the reader moved it). */
  close(restoreFocus = true): void {
    clearTimeout(this.showTimer);
    this.keep();
    if (this.current) this.card().hide();
    this.describe(undefined);
    this.marks().setCurrent(undefined);
    this.current = undefined;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (back === undefined || !restoreFocus) return;
    if (back instanceof HTMLElement && back !== this.doc.body && back.isConnected) back.focus({ preventScroll: true });
    else (this.doc.activeElement as HTMLElement | null)?.blur?.();
  }

  destroy(): void {
    this.close();
    cancelAnimationFrame(this.frame);
    for (const [type, fn] of this.handlers) this.doc.removeEventListener(type, fn, { capture: true });
  }
}
