/**
 * The hover card, drawn in a closed Shadow DOM so page CSS cannot reach it.
 * Built with DOM text nodes only: nothing from data is ever parsed as HTML.
 */
import type { Annotation } from '../core/annotate';
import type { PersonResult, PledgeResult } from '../core/resolve';
import { OWN_ATTR } from './collect';
import { STATUS_LABEL, formatDate, formatRange, years } from '../core/format';

const CSS = `
:host { all: initial; position: absolute !important; z-index: 2147483647 !important; display: block !important; }
:host([hidden]) { display: none !important; }
.card { box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px); padding: 12px 14px; border-radius: 10px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1f23; background: #fff;
  border: 1px solid #d5d8de; box-shadow: 0 6px 24px rgba(0,0,0,.18); text-align: left; direction: ltr; }
.name { font-weight: 650; font-size: 15px; margin: 0 0 2px; }
.role { margin: 0; }
.range, .meta, .foot { color: #5b616b; }
.meta { margin: 2px 0 0; }
.now { margin: 6px 0 0; }
ul { margin: 6px 0 0; padding: 0 0 0 16px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; background: #eef0f3; }
.foot { margin: 8px 0 0; padding-top: 6px; border-top: 1px solid #e5e7eb; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e8eaed; background: #202124; border-color: #3c4043; }
  .range, .meta, .foot { color: #a8adb5; }
  .badge { background: #3c4043; }
  .foot { border-color: #3c4043; }
}`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string | null, ...children: (Node | string | null)[]) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

export class Tooltip {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly card: HTMLElement;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('nameplate-card');
    this.host.setAttribute(OWN_ATTR, '');
    this.host.id = `nameplate-card-${Math.random().toString(36).slice(2, 10)}`;
    this.host.setAttribute('role', 'tooltip');
    this.host.hidden = true;
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.card = el(doc, 'div', 'card');
    this.card.setAttribute('part', 'card');
    this.root.append(style, this.card);
    doc.documentElement.appendChild(this.host);
  }

  get id(): string {
    return this.host.id;
  }

  showPerson(anchor: Element, p: PersonResult, a: Annotation): void {
    const d = this.doc;
    const parts: Node[] = [el(d, 'p', 'name', p.name, p.currentName ? el(d, 'span', 'range', ` (now ${p.currentName})`) : null)];
    if (p.office) {
      parts.push(el(d, 'p', 'role', p.office.short, ' · ', el(d, 'span', 'range', formatRange(p.office))));
    } else if (p.former) {
      parts.push(el(d, 'p', 'role', `former ${p.former.short} (${years(p.former)})`));
    } else {
      parts.push(el(d, 'p', 'role', 'No office on the article’s date'));
    }
    const meta = [p.party, p.country].filter(Boolean).join(' · ');
    if (meta) parts.push(el(d, 'p', 'meta', meta));
    if (p.now) parts.push(el(d, 'p', 'now', `now: ${p.now.short} (${formatRange(p.now)})`));
    const pledges = a.pledges.filter((pl) => p.pledges.includes(pl.id));
    if (pledges.length) parts.push(el(d, 'ul', null, ...pledges.map((pl) => this.pledgeItem(pl))));
    parts.push(
      el(d, 'p', 'foot',
        `Matched by ${p.why}. On ${formatDate(a.date)} (${a.dateDetail}). Source: ${p.sources.join(', ')}; data as of ${formatDate(a.asOf)}.`),
    );
    this.render(anchor, parts);
  }

  showPledge(anchor: Element, pl: PledgeResult, a: Annotation): void {
    const d = this.doc;
    this.render(anchor, [
      el(d, 'p', 'name', `“${pl.phrase}”`),
      el(d, 'p', 'role', pl.wording),
      el(d, 'p', 'meta', pl.by.length ? `Pledge by ${pl.by.join(', ')}` : 'Pledge'),
      el(d, 'ul', null, this.pledgeItem(pl)),
      el(d, 'p', 'foot', `Status checked ${formatDate(pl.statusDate)}. Source: ${pl.url}; data as of ${formatDate(a.asOf)}.`),
    ]);
  }

  private pledgeItem(pl: PledgeResult): HTMLElement {
    const d = this.doc;
    return el(d, 'li', null, `“${pl.phrase}” `, el(d, 'span', 'badge', STATUS_LABEL[pl.status] ?? pl.status), ` ${formatDate(pl.statusDate)}`);
  }

  private render(anchor: Element, parts: Node[]): void {
    this.card.replaceChildren(...parts);
    this.host.hidden = false;
    const r = anchor.getBoundingClientRect();
    const view = this.doc.documentElement.clientWidth;
    const left = Math.max(8, Math.min(r.left, view - 328));
    const below = r.bottom + 6;
    const height = this.card.offsetHeight;
    const top = below + height > innerHeight && r.top - height - 6 > 0 ? r.top - height - 6 : below;
    this.host.style.setProperty('left', `${left + scrollX}px`, 'important');
    this.host.style.setProperty('top', `${top + scrollY}px`, 'important');
  }

  hide(): void {
    this.host.hidden = true;
  }

  get visible(): boolean {
    return !this.host.hidden;
  }

  contains(node: EventTarget | null): boolean {
    return node === this.host;
  }
}
