/**
 * Data sources: the bundled ones (switchable), the reader's imports (stored in
 * storage.local, switchable and removable), and the index the worker annotates
 * with. With nothing switched off and nothing imported that is the index
 * compiled at build time; otherwise one built at run time from the effective
 * dataset, cached until the settings or the imports change.
 *
 * Storage: each import under `import:<id>` ({ fileName, importedAt, layer }),
 * and `imports`, the list of their ids. An import writes both in ONE
 * storage.local.set call, so a failure (a full storage area) leaves the
 * previous state exactly as it was.
 */
import browser from 'webextension-polyfill';
import { DatasetIndex } from '../core/dataset';
import { localToday } from '../core/articleDate';
import { parseImport } from '../core/import';
import { withImports } from '../core/import/merge';
import type { ImportFileRequest, ImportFileResponse, ListSourcesResponse, RemoveSourceResponse, SourceEntry } from '../messages';
import { getIndex } from './engine';
import { countBySource, decodeBase64, isQuotaError, withoutSources } from './effective';
import { loadSettings, updateSettings } from './settings';

type ParseResult = Awaited<ReturnType<typeof parseImport>>;
type Layer = Extract<ParseResult, { ok: true }>['layer'];
type ImportError = { where: string; message: string };

export const IMPORTS_KEY = 'imports';
export const importKey = (id: string) => `import:${id}`;
/** At most this many errors go back to the options page (a bad file can have one per row). */
const MAX_ERRORS = 50;

interface StoredImport {
  fileName: string;
  importedAt: string;
  layer: Layer;
}

interface ImportRecord {
  id: string;
  stored?: StoredImport;
}

// ---------------------------------------------------------------------------
// Reading imports

function validStored(v: unknown, id: string): v is StoredImport {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<StoredImport>;
  const layer = s.layer as { source?: { id?: unknown }; people?: unknown; tenures?: unknown } | undefined;
  return typeof s.importedAt === 'string' && !!layer && typeof layer === 'object' && layer.source?.id === id &&
    Array.isArray(layer.people) && Array.isArray(layer.tenures);
}

async function readImportIds(): Promise<string[]> {
  const v = (await browser.storage.local.get(IMPORTS_KEY))[IMPORTS_KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Every import in the index, in import order; `stored` is missing when the record is unreadable. */
async function readImports(): Promise<ImportRecord[]> {
  const ids = await readImportIds();
  if (!ids.length) return [];
  const all = await browser.storage.local.get(ids.map(importKey));
  return ids.map((id) => {
    const v = all[importKey(id)];
    return validStored(v, id) ? { id, stored: v } : { id };
  });
}

function entryOf(r: ImportRecord, off: ReadonlySet<string>): SourceEntry {
  const src = r.stored?.layer.source as { name?: string; licence?: string; url?: string; asOf?: string } | undefined;
  return {
    id: r.id,
    name: src?.name || r.stored?.fileName || r.id,
    licence: src?.licence ?? '',
    url: src?.url ?? '',
    kind: 'imported',
    enabled: !off.has(r.id) && !!r.stored,
    people: r.stored?.layer.people.length ?? 0,
    tenures: r.stored?.layer.tenures.length ?? 0,
    asOf: src?.asOf ?? r.stored?.importedAt.slice(0, 10),
    ...(r.stored ? { importedAt: r.stored.importedAt, fileName: r.stored.fileName } : { broken: true }),
  };
}

// ---------------------------------------------------------------------------
// The index to annotate with

let current: Promise<DatasetIndex> | undefined;
let built: { key: string; index: DatasetIndex } | undefined;
let counts: ReturnType<typeof countBySource> | undefined;

/** Forget the cached effective index (the next request rebuilds it if what it depends on changed). */
export function invalidate(): void {
  current = undefined;
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && Object.keys(changes).some((k) => k === 'settings' || k === IMPORTS_KEY || k.startsWith('import:'))) invalidate();
});

/** The index for the reader's effective dataset. */
export function activeIndex(): Promise<DatasetIndex> {
  const p = (current ??= buildActive());
  p.catch(() => {
    if (current === p) current = undefined;
  });
  return p;
}

async function buildActive(): Promise<DatasetIndex> {
  const base = await getIndex();
  const [{ settings }, imports] = await Promise.all([loadSettings(), readImports().catch(() => [] as ImportRecord[])]);
  const off = new Set(settings.disabledSources);
  const offBundled = base.sourcesInUse.filter((s) => off.has(s.id)).map((s) => s.id);
  const on = imports.filter((r) => r.stored && !off.has(r.id));
  // Fast path: the index compiled at build time.
  if (!offBundled.length && !on.length) return base;
  const key = JSON.stringify([offBundled, on.map((r) => r.id)]);
  if (built?.key === key) return built.index;
  const reduced = withoutSources(base.data, new Set(offBundled));
  let data = reduced;
  try {
    data = withImports(reduced, on.map((r) => r.stored!.layer));
  } catch (e) {
    console.warn('Nameplate: imports left out, they could not be merged:', e);
  }
  const index = new DatasetIndex(data); // compiles the matcher at run time
  built = { key, index };
  return index;
}

// ---------------------------------------------------------------------------
// Handlers

/** One change at a time: two imports at once must not both rewrite the index from the same old list. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export async function listSources(): Promise<ListSourcesResponse> {
  const base = await getIndex();
  const [{ settings }, imports] = await Promise.all([loadSettings(), readImports()]);
  const off = new Set(settings.disabledSources);
  counts ??= countBySource(base.data);
  const bundled: SourceEntry[] = base.data.sources.map((s) => {
    const c = counts!.get(s.id) ?? { people: 0, tenures: 0, pledges: 0 };
    return {
      id: s.id, name: s.name, licence: s.licence, url: s.url, kind: 'bundled', enabled: !off.has(s.id),
      people: c.people, tenures: c.tenures, pledges: c.pledges, asOf: s.asOf ?? base.data.asOf,
    };
  });
  return { asOf: base.data.asOf, sources: [...bundled, ...imports.map((r) => entryOf(r, off))] };
}

function newId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `import-${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
    if (!taken.has(id)) return id;
  }
}

function warningText(w: unknown): string {
  if (typeof w === 'string') return w;
  const o = w as { where?: unknown; message?: unknown } | null;
  return o && typeof o.message === 'string' ? (typeof o.where === 'string' && o.where ? `${o.where}: ${o.message}` : o.message) : String(w);
}

export function importFile(msg: ImportFileRequest): Promise<ImportFileResponse> {
  return serial(async () => {
    const fail = (errors: ImportError[], count = errors.length): ImportFileResponse => ({
      ok: false, errors: errors.slice(0, MAX_ERRORS), ...(count > Math.min(errors.length, MAX_ERRORS) ? { errorCount: count } : {}),
    });
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(msg.base64);
    } catch {
      return fail([{ where: msg.name, message: 'the file could not be read' }]);
    }
    const base = await getIndex();
    const ids = await readImportIds();
    const id = newId(new Set([...ids, ...base.data.sources.map((s) => s.id)]));
    const today = localToday();
    let parsed: ParseResult;
    try {
      parsed = await parseImport(bytes, msg.name, { sourceId: id, today });
    } catch (e) {
      return fail([{ where: msg.name, message: `the file could not be read (${e instanceof Error ? e.message : String(e)})` }]);
    }
    if (!parsed.ok) {
      const count = (parsed as { errorCount?: number }).errorCount ?? parsed.errors.length;
      return fail(parsed.errors.length ? parsed.errors : [{ where: msg.name, message: 'nothing could be imported' }], count);
    }
    const stored: StoredImport = { fileName: msg.name, importedAt: new Date().toISOString(), layer: parsed.layer };
    try {
      // One call: the record and the index that lists it are written together, or not at all.
      await browser.storage.local.set({ [importKey(id)]: stored, [IMPORTS_KEY]: [...ids, id] });
    } catch (e) {
      // A failed multi-key set writes nothing, but make sure no half-written record lingers.
      await browser.storage.local.remove(importKey(id)).catch(() => undefined);
      const message = isQuotaError(e)
        ? 'storage is full: Nameplate has no room left to keep this file. Nothing was changed; remove an earlier import or use a smaller file.'
        : `the file could not be saved (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`;
      return fail([{ where: msg.name, message }]);
    }
    invalidate();
    const { settings } = await loadSettings();
    return { ok: true, source: entryOf({ id, stored }, new Set(settings.disabledSources)), warnings: parsed.warnings.map(warningText) };
  });
}

export function removeSource(id: string): Promise<RemoveSourceResponse> {
  return serial(async () => {
    const ids = await readImportIds();
    if (!ids.includes(id)) {
      const base = await getIndex();
      return { ok: false, error: base.data.sources.some((s) => s.id === id) ? 'bundled sources can be switched off, not removed' : 'no such import' };
    }
    try {
      // The index first: once it no longer lists the import, the record is unreachable even if removing it fails.
      await browser.storage.local.set({ [IMPORTS_KEY]: ids.filter((x) => x !== id) });
    } catch (e) {
      return { ok: false, error: `could not remove it (${e instanceof Error ? e.message : String(e)})` };
    }
    await browser.storage.local.remove(importKey(id)).catch(() => undefined);
    const { settings } = await loadSettings();
    if (settings.disabledSources.includes(id)) await updateSettings({ disabledSources: settings.disabledSources.filter((x) => x !== id) });
    invalidate();
    return { ok: true };
  });
}
