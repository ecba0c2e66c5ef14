/**
 * Fetching a data package from the one update address: the manifest and its signature first,
 * the files only when the signed manifest is newer than the data in use. Every request is a
 * plain GET of a fixed file name — no query string, no cookies, no referrer, nothing about the
 * reader or the page. `fetch` is passed in, so the same code is tested in Node.
 */
import { checkContent } from './content';
import { LIMITS, PackageError, checkFile, verifyManifest, type Bytes, type PackageManifest } from './package';
import type { CompiledIndex } from '../dataset';
import type { Dataset } from '../schema';

export interface Downloaded {
  manifest: PackageManifest;
  data: Dataset;
  compiled: CompiledIndex;
  /** The files as downloaded, to store as they are. */
  files: { dataset: Bytes; index: Bytes };
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The only options a request ever has. */
export const REQUEST: RequestInit = { method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'error' };

async function get(fetcher: Fetch, url: string, limit: number, timeoutMs: number): Promise<Bytes> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetcher(url, { ...REQUEST, signal: ctrl.signal });
    } catch (e) {
      throw ctrl.signal.aborted ? new PackageError('timeout', `${url}: no answer in ${timeoutMs} ms`) : new PackageError('network', `${url}: ${(e as Error).message}`);
    }
    if (res.status === 404) throw new PackageError('not-found', `${url}: 404`);
    if (!res.ok) throw new PackageError('network', `${url}: HTTP ${res.status}`);
    const announced = Number(res.headers.get('content-length') ?? NaN);
    if (announced > limit) throw new PackageError('too-large', `${url}: ${announced} bytes`);
    // Read with a bound (the manifest's size for a file): a server that keeps sending is cut off, not buffered without end.
    const reader = res.body?.getReader();
    if (!reader) return new Uint8Array(await res.arrayBuffer()) as Bytes;
    // A body that stalls is cut off by the same timer, even from a stream that ignores the abort signal.
    const stalled = new Promise<never>((_, reject) => ctrl.signal.addEventListener('abort', () => (reject(new Error('aborted')), reader.cancel().catch(() => {})), { once: true }));
    stalled.catch(() => {});
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), stalled]);
      } catch (e) {
        throw ctrl.signal.aborted ? new PackageError('timeout', `${url}: stalled after ${total} bytes`) : new PackageError('network', `${url}: ${(e as Error).message}`);
      }
      if (chunk.done && ctrl.signal.aborted) throw new PackageError('timeout', `${url}: stalled after ${total} bytes`);
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw new PackageError('too-large', `${url}: more than ${limit} bytes`);
      }
      chunks.push(chunk.value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) (out.set(c, at), (at += c.byteLength));
    return out as Bytes;
  } finally {
    clearTimeout(timer);
  }
}

export async function downloadPackage(opts: { base: string; fetch: Fetch; key: CryptoKey; current: number; timeoutMs?: number }): Promise<Downloaded> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const url = (name: string) => new URL(name, opts.base).href;
  const manifestBytes = await get(opts.fetch, url('manifest.json'), LIMITS.manifestBytes, timeoutMs);
  let signature: string | undefined;
  try {
    signature = new TextDecoder().decode(await get(opts.fetch, url('manifest.sig'), 1024, timeoutMs));
  } catch (e) {
    if (!(e instanceof PackageError && e.reason === 'not-found')) throw e;
  }
  const manifest = await verifyManifest(manifestBytes, signature, opts.key, opts.current);
  const entry = (name: 'dataset.json' | 'index.json') => manifest.files.find((f) => f.name === name)!;
  const dataset = await get(opts.fetch, url('dataset.json'), entry('dataset.json').bytes, timeoutMs * 3);
  await checkFile(entry('dataset.json'), dataset);
  const index = await get(opts.fetch, url('index.json'), entry('index.json').bytes, timeoutMs * 3);
  await checkFile(entry('index.json'), index);
  const { data, compiled } = checkContent(dataset, index);
  return { manifest, data, compiled, files: { dataset, index } };
}
