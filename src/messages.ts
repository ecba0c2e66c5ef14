/**
 * The one message protocol between Nameplate's contexts (docs/adr/0003-messages.md).
 * Every message is a plain object with a `type`; `isBackgroundRequest` and
 * `isContentRequest` validate anything that arrives before the receiver acts on it.
 */
import type { Annotation } from './core/annotate';
import type { PageMeta } from './core/articleDate';
import type { DisplayPrefs, Settings } from './core/settings';

export const MAX_TEXT_CHARS = 20_000_000;
/** 20 MB of file, base64-encoded. */
export const MAX_IMPORT_BASE64 = 28_000_000;

/** Content script → background: annotate this page's text. */
export interface AnnotateRequest {
  type: 'annotate';
  text: string;
  meta: PageMeta;
  /** Ids of people already found on the page: their surnames count in content added later. */
  known?: string[];
  /** The article date found by an earlier request for the same page. */
  date?: string;
  /** The article body's range within `text`. */
  body?: [number, number];
}
export type AnnotateResponse = { ok: true; annotation: Annotation; display: DisplayPrefs } | { ok: false; disabled: true };

/** Options/popup → background: describe the loaded data. */
export interface DatasetInfoRequest {
  type: 'dataset-info';
}
export interface SourceInfo {
  id: string;
  name: string;
  licence: string;
  url: string;
  people: number;
  tenures: number;
}
export interface DatasetInfoResponse {
  /** When the worker had its data loaded and how long the index took (ms), for the benchmark. */
  startup: { dataLoadedAtMs: number; indexBuildMs: number; fromSnapshot: boolean };
  asOf: string;
  people: number;
  tenures: number;
  pledges: number;
  sources: SourceInfo[];
}

/** Popup → background: is Nameplate on for this site? / switch it. */
export interface SiteStateRequest {
  type: 'site-state';
  host: string;
  enabled?: boolean;
}
export interface SiteStateResponse {
  host: string;
  enabled: boolean;
}

/** Options/popup → background: the reader's settings, and a notice if stored ones had to be reset. */
export interface GetSettingsRequest {
  type: 'get-settings';
}
export interface SettingsResponse {
  settings: Settings;
  /** Set when the stored settings were unreadable and defaults stand in (shown once in the options page). */
  notice?: string;
}

/** Options/popup/content → background: change some settings (validated; a bad value changes nothing). */
export interface SetSettingsRequest {
  type: 'set-settings';
  patch: Partial<Settings>;
}
export type SetSettingsResponse = { ok: true; settings: Settings } | { ok: false; error: string };

/** Options → background: every data source, bundled and imported, with counts and whether it is on. */
export interface ListSourcesRequest {
  type: 'list-sources';
}
export interface SourceEntry {
  id: string;
  name: string;
  licence: string;
  url: string;
  kind: 'bundled' | 'imported';
  enabled: boolean;
  people: number;
  tenures: number;
  /** Pledges the source contributed (bundled sources). */
  pledges?: number;
  asOf?: string;
  importedAt?: string;
  /** The imported file's name. */
  fileName?: string;
  /** An import whose stored record could not be read: it can only be removed. */
  broken?: boolean;
}
export interface ListSourcesResponse {
  asOf: string;
  sources: SourceEntry[];
}

/** Options → background: import a file the reader chose (its text, or base64 of its bytes). */
export interface ImportFileRequest {
  type: 'import-file';
  name: string;
  /** The file's bytes, base64-encoded (so encodings are detected, not assumed). */
  base64: string;
}
export type ImportFileResponse =
  | { ok: true; source: SourceEntry; warnings: string[] }
  /** `errors`: the first problems found; `errorCount`: how many in all, when more than are listed. */
  | { ok: false; errors: { where: string; message: string }[]; errorCount?: number };

/** Options → background: remove an imported source. */
export interface RemoveSourceRequest {
  type: 'remove-source';
  id: string;
}
export type RemoveSourceResponse = { ok: true } | { ok: false; error: string };

/** Content script → background: inject the hover card's code into this frame (first hover only). */
export interface LoadCardRequest {
  type: 'load-card';
}

/** Content script → background: "not this person" — never mark this person again. */
export interface HidePersonRequest {
  type: 'hide-person';
  personId: string;
}

/** Options/popup → background: data updates — their state, "Check now", the switch, back to the bundled data. */
export interface UpdateStatusRequest {
  type: 'update-status';
}
export interface UpdateCheckRequest {
  type: 'update-check';
}
export interface UpdateSetRequest {
  type: 'update-set';
  enabled: boolean;
}
export interface UpdateResetRequest {
  type: 'update-reset';
}
export interface UpdateStatusResponse {
  /** The one address updates come from, or null in a build without one (no request is ever made). */
  address: string | null;
  enabled: boolean;
  lastCheck: string | null;
  last: { ok: boolean; at: string; installed?: number; upToDate?: boolean; reason?: string; detail?: string } | null;
  data: { origin: 'bundled' | 'update'; version: number; built: string | null; asOf: string; sources: { id: string; name: string; licence: string; asOf: string | null }[] };
}

export type BackgroundRequest =
  | UpdateStatusRequest | UpdateCheckRequest | UpdateSetRequest | UpdateResetRequest
  | LoadCardRequest | HidePersonRequest
  | AnnotateRequest | DatasetInfoRequest | SiteStateRequest | GetSettingsRequest | SetSettingsRequest
  | ListSourcesRequest | ImportFileRequest | RemoveSourceRequest;

/** Popup → content script: what is on this page? */
export interface PageSummaryRequest {
  type: 'page-summary';
}
/** Popup → content script: scroll to a person's next mention and open its card. */
export interface RevealRequest {
  type: 'reveal';
  personId: string;
}
/** Popup → content script: Nameplate was switched off for this site; undo everything. */
export interface StopRequest {
  type: 'stop';
}
/** Worker → content script: the reader pressed the shortcut for the next (1) or previous (-1) mention. */
export interface StepRequest {
  type: 'step';
  by: 1 | -1;
}
export type ContentRequest = PageSummaryRequest | RevealRequest | StopRequest | StepRequest;
/** The page's host comes from the content script, so the popup needs no access to tab URLs. */
export type PageSummaryResponse = { host: string } & ({ state: 'annotated'; annotation: Annotation } | { state: 'disabled' } | { state: 'pending' });

const isStr = (v: unknown): v is string => typeof v === 'string';
const isPairList = (v: unknown): boolean =>
  Array.isArray(v) && v.length < 10_000 && v.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isStr(p[1]));
const isStrList = (v: unknown): boolean => Array.isArray(v) && v.length < 10_000 && v.every(isStr);
const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/i;

/** Validate an incoming message against the protocol; anything else is ignored. */
export function isBackgroundRequest(msg: unknown): msg is BackgroundRequest {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as Record<string, unknown>;
  switch (m.type) {
    case 'annotate': {
      const meta = m.meta as Record<string, unknown> | undefined;
      return (
        isStr(m.text) && m.text.length <= MAX_TEXT_CHARS && !!meta && typeof meta === 'object' &&
        (m.known === undefined || isStrList(m.known)) && (m.date === undefined || (isStr(m.date) && /^\d{4}-\d{2}-\d{2}$/.test(m.date))) &&
        (m.body === undefined || (Array.isArray(m.body) && m.body.length === 2 && m.body.every((n) => Number.isInteger(n) && n >= 0))) && (meta.url === undefined || isStr(meta.url)) && (meta.lang === undefined || isStr(meta.lang)) && isStrList(meta.jsonLd) && isPairList(meta.metas) && isStrList(meta.times)
      );
    }
    case 'update-status':
    case 'update-check':
    case 'update-reset':
      return true;
    case 'update-set':
      return typeof m.enabled === 'boolean';
    case 'load-card':
    case 'dataset-info':
    case 'get-settings':
    case 'list-sources':
      return true;
    case 'set-settings':
      return !!m.patch && typeof m.patch === 'object' && !Array.isArray(m.patch);
    case 'import-file':
      return isStr(m.name) && m.name.length <= 500 && isStr(m.base64) && m.base64.length <= MAX_IMPORT_BASE64;
    case 'remove-source':
      return isStr(m.id) && m.id.length <= 100;
    case 'hide-person':
      return isStr(m.personId) && m.personId.length <= 200;
    case 'site-state':
      return isStr(m.host) && HOST.test(m.host) && (m.enabled === undefined || typeof m.enabled === 'boolean');
    default:
      return false;
  }
}

export function isContentRequest(msg: unknown): msg is ContentRequest {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as Record<string, unknown>;
  return m.type === 'page-summary' || m.type === 'stop' || (m.type === 'reveal' && isStr(m.personId)) || (m.type === 'step' && (m.by === 1 || m.by === -1));
}
