/**
 * The contract between the content script and the hover card. The card's code
 * (Preact, floating-ui) is loaded on first use, into the content script's own
 * isolated world, and registers itself on `globalThis.__nameplateCard`.
 */
import type { PersonResult, PledgeResult } from '../core/resolve';
import type { DisplayPrefs } from '../core/settings';
import type { Anchor } from './marks';

export type CardModel = {
  date: string;
  dateDetail: string;
  asOf: string;
} & ({ kind: 'person'; person: PersonResult; pledges: PledgeResult[] } | { kind: 'pledge'; pledge: PledgeResult });

export interface CardActions {
  /** "Not this person": never mark this person again. */
  notThisPerson(personId: string): void;
  /** "Don't mark on this site". */
  dontMarkSite(): void;
}

export interface CardHost {
  readonly id: string;
  readonly visible: boolean;
  /** With `focus` (the keyboard path), focus moves into the card, which is then announced as a dialog. */
  show(anchor: Anchor, model: CardModel, prefs: DisplayPrefs, actions: CardActions, focus?: boolean): void;
  hide(): void;
  contains(target: EventTarget | null): boolean;
}

/** `shadowMode` is 'closed' in the extension; tests render the same card with an open root to audit it. */
export type CardFactory = (doc: Document, shadowMode?: ShadowRootMode) => CardHost;

declare global {
  // Set by the card bundle in the extension's isolated world; pages cannot see it.
  var __nameplateCard: CardFactory | undefined;
}
