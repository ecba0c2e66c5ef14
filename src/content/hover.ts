/**
 * When the card shows and hides, like Wikipedia's page previews: nothing on a
 * quick pass of the pointer, the card after a short intent delay, kept open
 * while the pointer is over it, a grace period on leaving, Escape to dismiss,
 * and the same card on keyboard focus (WCAG 1.4.13).
 */
import { MENTION_TAG } from '../dom/collect';

export interface Card {
  readonly id: string;
  readonly visible: boolean;
  /** Show the card for this mention; false if there is nothing to show. */
  show(mention: HTMLElement): boolean | Promise<boolean>;
  hide(): void;
  contains(target: EventTarget | null): boolean;
}

export interface HoverTiming {
  showDelayMs: number;
  hideGraceMs: number;
}

export function mentionOf(target: EventTarget | null): HTMLElement | null {
  const el = target instanceof Element ? target.closest(MENTION_TAG.toLowerCase()) : null;
  return el instanceof HTMLElement ? el : null;
}

export class HoverController {
  private showTimer = 0;
  private hideTimer = 0;
  private current: HTMLElement | null = null;
  private readonly handlers: [string, (e: Event) => void][] = [];

  constructor(
    private readonly doc: Document,
    private readonly card: () => Card,
    private readonly timing: () => HoverTiming,
  ) {
    this.on('mouseover', (e) => this.over(e.target));
    this.on('focusin', (e) => {
      const el = mentionOf(e.target);
      if (el) void this.open(el);
    });
    this.on('focusout', (e) => {
      if (mentionOf(e.target)) this.close();
    });
    this.on('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.current) this.close();
    });
  }

  private on(type: string, fn: (e: Event) => void): void {
    this.doc.addEventListener(type, fn, true);
    this.handlers.push([type, fn]);
  }

  private over(target: EventTarget | null): void {
    const el = mentionOf(target);
    if (el) {
      clearTimeout(this.hideTimer);
      clearTimeout(this.showTimer);
      if (el !== this.current) this.showTimer = window.setTimeout(() => void this.open(el), this.timing().showDelayMs);
    } else if (this.current && this.card().contains(target)) {
      clearTimeout(this.hideTimer); // the pointer moved onto the card: keep it
    } else {
      clearTimeout(this.showTimer);
      if (this.current) {
        clearTimeout(this.hideTimer);
        this.hideTimer = window.setTimeout(() => this.close(), this.timing().hideGraceMs);
      }
    }
  }

  private async open(el: HTMLElement): Promise<void> {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    const card = this.card();
    if (!(await card.show(el))) return;
    this.current?.removeAttribute('aria-describedby');
    this.current = el;
    el.setAttribute('aria-describedby', card.id);
  }

  close(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    if (this.current) this.card().hide();
    this.current?.removeAttribute('aria-describedby');
    this.current = null;
  }

  destroy(): void {
    this.close();
    for (const [type, fn] of this.handlers) this.doc.removeEventListener(type, fn, true);
  }
}
