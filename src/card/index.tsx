/**
 * The hover card bundle, injected on first use into the content script's
 * isolated world: Preact inside a closed Shadow DOM, positioned with
 * floating-ui (flips and shifts at the viewport edges, follows scroll and zoom).
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import type { CardFactory, CardHost } from '../content/card-api';
import { OWN_ATTR } from '../dom/collect';
import { Card } from './Card';
import { CARD_CSS } from './theme';

const createCard: CardFactory = (doc, shadowMode = 'closed') => {
  const host = doc.createElement('nameplate-card');
  host.setAttribute(OWN_ATTR, '');
  host.id = `nameplate-card-${Math.random().toString(36).slice(2, 10)}`;
  host.setAttribute('role', 'tooltip');
  host.hidden = true;
  const root = host.attachShadow({ mode: shadowMode });
  const style = doc.createElement('style');
  style.textContent = CARD_CSS;
  const box = doc.createElement('div');
  box.className = 'card';
  root.append(style, box);
  doc.documentElement.appendChild(host);
  let stopFollowing: (() => void) | undefined;

  const api: CardHost = {
    id: host.id,
    get visible() {
      return !host.hidden;
    },
    show(anchor, model, prefs, actions, focus = false) {
      box.className = `card ${prefs.theme}`;
      render(<Card model={model} actions={actions} />, box);
      host.hidden = false;
      // From the keyboard the card takes focus, as a dialog named after its heading, so screen readers announce it.
      host.setAttribute('role', focus ? 'dialog' : 'tooltip');
      if (focus) {
        host.setAttribute('aria-label', box.querySelector('h2')?.textContent ?? '');
        box.tabIndex = -1;
        box.focus({ preventScroll: true });
      } else {
        host.removeAttribute('aria-label');
        box.removeAttribute('tabindex');
      }
      stopFollowing?.();
      // A range's anchor is a floating-ui virtual element (`contextElement`: the mention's scrolling ancestors).
      const place = () =>
        computePosition(anchor, host, { placement: 'bottom-start', strategy: 'absolute', middleware: [inline(), offset(6), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
          host.style.setProperty('--np-x', `${x}px`);
          host.style.setProperty('--np-y', `${y}px`);
        });
      stopFollowing = autoUpdate(anchor, host, place, { animationFrame: false });
    },
    hide() {
      stopFollowing?.();
      stopFollowing = undefined;
      host.hidden = true;
      render(null, box);
    },
    contains(target) {
      return target === host;
    },
  };
  return api;
};

globalThis.__nameplateCard = createCard;
