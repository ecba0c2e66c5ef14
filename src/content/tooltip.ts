/**
 * A plain fallback card, used only if the full card (src/card) cannot be
 * injected: the same facts, drawn with DOM text nodes in a closed Shadow DOM.
 */
import { formatRange, years } from '../core/format';
import type { CardHost, CardModel } from './card-api';
import { OWN_ATTR } from '../dom/collect';

const CSS = `:host { all: initial !important; position: absolute !important; z-index: 2147483647 !important; display: block !important;
  left: var(--np-x, 0) !important; top: var(--np-y, 0) !important; }
:host([hidden]) { display: none !important; }
div { box-sizing: border-box; max-width: 320px; padding: 10px 12px; border-radius: 8px; font: 13px/1.4 system-ui, sans-serif;
  color: #1d1f23; background: #fff; border: 1px solid #d5d8de; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
@media (prefers-color-scheme: dark) { div { color: #e8eaed; background: #202124; border-color: #3c4043; } }`;

export function fallbackCard(doc: Document): CardHost {
  const host = doc.createElement('nameplate-card');
  host.setAttribute(OWN_ATTR, '');
  host.id = `nameplate-card-${Math.random().toString(36).slice(2, 10)}`;
  host.setAttribute('role', 'tooltip');
  host.hidden = true;
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  root.append(style, box);
  doc.documentElement.appendChild(host);
  return {
    id: host.id,
    get visible() {
      return !host.hidden;
    },
    show(anchor, model: CardModel, _prefs, _actions, focus = false) {
      const lines =
        model.kind === 'pledge'
          ? [`“${model.pledge.phrase}”`, model.pledge.wording]
          : [
              model.person.name,
              model.person.office
                ? `${model.person.office.short} · ${formatRange(model.person.office)}`
                : model.person.former
                  ? `former ${model.person.former.short} (${years(model.person.former)})`
                  : 'No office on the article’s date',
              [model.person.party, model.person.country].filter(Boolean).join(' · '),
            ];
      box.replaceChildren(...lines.filter(Boolean).map((l) => Object.assign(doc.createElement('p'), { textContent: l })));
      host.hidden = false;
      const r = anchor.getBoundingClientRect();
      host.style.setProperty('--np-x', `${Math.max(8, r.left) + scrollX}px`);
      host.style.setProperty('--np-y', `${r.bottom + 6 + scrollY}px`);
      host.setAttribute('role', focus ? 'dialog' : 'tooltip');
      box.tabIndex = -1;
      if (focus) box.focus({ preventScroll: true });
    },
    hide() {
      host.hidden = true;
    },
    contains: (target) => target === host,
  };
}
