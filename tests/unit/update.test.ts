/** Issue 16: the signed data package — every reason a package is refused, and a good one accepted. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixture-dataset';
import { exportIndex, packDataset } from '../../src/core/dataset';
import { LIMITS, PackageError, importPublicKey, makeManifest, signManifest, toBase64, type Bytes, type Rejection } from '../../src/core/update/package';
import { downloadPackage, REQUEST, type Fetch } from '../../src/core/update/download';

const enc = (s: string) => new TextEncoder().encode(s) as Bytes;
let priv: CryptoKey;
let pub: CryptoKey;
let other: CryptoKey;

interface Pkg { 'manifest.json'?: Bytes; 'manifest.sig'?: string; 'dataset.json'?: Bytes; 'index.json'?: Bytes }

async function build(opts: { version?: number; dataset?: Bytes; index?: Bytes; manifest?: (m: any) => any; signWith?: CryptoKey } = {}): Promise<Pkg> {
  const dataset = opts.dataset ?? enc(JSON.stringify(packDataset(FIXTURE)));
  const index = opts.index ?? enc(JSON.stringify(exportIndex(FIXTURE)));
  let { manifest, bytes } = await makeManifest({ version: opts.version ?? 2026010101, built: '2026-01-02', asOf: '2026-01-01', sources: [{ id: 't', name: 'Test', licence: 'CC0', asOf: '2026-01-01' }] },
    [{ name: 'dataset.json', bytes: dataset }, { name: 'index.json', bytes: index }]);
  if (opts.manifest) bytes = enc(JSON.stringify(opts.manifest(manifest)));
  return { 'manifest.json': bytes, 'manifest.sig': await signManifest(bytes, opts.signWith ?? priv), 'dataset.json': dataset, 'index.json': index };
}

/** A stand-in for the update address: serves the package's files, records every request. */
function server(pkg: Pkg, behave: { hang?: string; stall?: string; status?: number } = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: Fetch = async (url, init) => {
    requests.push({ url, init });
    const name = new URL(url).pathname.split('/').pop() as keyof Pkg;
    if (behave.hang === name) return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    if (behave.stall === name) {
      // Headers and a first chunk arrive, then nothing: a stream that never ends and ignores the abort signal.
      return new Response(new ReadableStream({ start: (c) => c.enqueue(enc('{"peo')) }));
    }
    if (behave.status) return new Response('nope', { status: behave.status });
    const body = pkg[name];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(typeof body === 'string' ? body : body);
  };
  return { fetch, requests };
}

async function reason(pkg: Pkg, current = 2025010100, behave = {}): Promise<Rejection | 'ok'> {
  try {
    await downloadPackage({ base: 'https://updates.example/v1/', fetch: server(pkg, behave).fetch, key: pub, current, timeoutMs: 200 });
    return 'ok';
  } catch (e) {
    if (e instanceof PackageError) return e.reason;
    throw e;
  }
}

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  priv = pair.privateKey;
  pub = await importPublicKey(toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))));
  other = ((await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair).privateKey;
});

describe('data package verification', () => {
  it('accepts a good package, with only plain GETs of fixed file names and no credentials', async () => {
    const pkg = await build();
    const s = server(pkg);
    const got = await downloadPackage({ base: 'https://updates.example/v1/', fetch: s.fetch, key: pub, current: 2025010100 });
    expect(got.manifest.version).toBe(2026010101);
    expect(got.data.people.length).toBe(FIXTURE.people.length);
    expect(s.requests.map((r) => r.url)).toEqual(['manifest.json', 'manifest.sig', 'dataset.json', 'index.json'].map((f) => `https://updates.example/v1/${f}`));
    for (const r of s.requests) expect(r.init).toMatchObject(REQUEST);
  });
  it('downloads nothing more when the package is not newer', async () => {
    const s = server(await build({ version: 2026010101 }));
    await expect(downloadPackage({ base: 'https://updates.example/v1/', fetch: s.fetch, key: pub, current: 2026010101 })).rejects.toMatchObject({ reason: 'same-version' });
    expect(s.requests.map((r) => r.url.split('/').pop())).toEqual(['manifest.json', 'manifest.sig']);
  });
  it('refuses an unsigned package', async () => {
    const pkg = await build();
    delete pkg['manifest.sig'];
    expect(await reason(pkg)).toBe('unsigned');
  });
  it('refuses a package signed with another key', async () => {
    expect(await reason(await build({ signWith: other }))).toBe('bad-signature');
  });
  it('refuses a tampered manifest (a byte changed after signing)', async () => {
    const pkg = await build();
    const m = new Uint8Array(pkg['manifest.json']!) as Bytes;
    m[20] ^= 1;
    pkg['manifest.json'] = m;
    expect(await reason(pkg)).toBe('bad-signature');
  });
  it('refuses a signed manifest that is not a manifest', async () => {
    expect(await reason(await build({ manifest: () => ({ hello: 'world' }) }))).toBe('malformed-manifest');
    expect(await reason(await build({ manifest: (m) => ({ ...m, files: m.files.slice(0, 1) }) }))).toBe('malformed-manifest');
  });
  it('refuses an older package and the one in use', async () => {
    expect(await reason(await build({ version: 2024010101 }))).toBe('older');
    expect(await reason(await build({ version: 2026010101 }), 2026010101)).toBe('same-version');
  });
  it('refuses an oversized package, announced or sent', async () => {
    expect(await reason(await build({ manifest: (m) => ({ ...m, files: m.files.map((f: any) => ({ ...f, bytes: LIMITS.fileBytes + 1 })) }) }))).toBe('too-large');
    const pkg = await build();
    pkg['dataset.json'] = enc(new TextDecoder().decode(pkg['dataset.json']) + ' '.repeat(100));
    expect(await reason(pkg)).toBe('too-large');
  });
  it('refuses a truncated file', async () => {
    const pkg = await build();
    pkg['dataset.json'] = pkg['dataset.json']!.slice(0, 100) as Bytes;
    expect(await reason(pkg)).toBe('truncated');
  });
  it('refuses a file whose hash does not match (same size, one byte changed)', async () => {
    const pkg = await build();
    const d = new Uint8Array(pkg['index.json']!) as Bytes;
    d[d.length - 3] = d[d.length - 3] === 48 ? 49 : 48;
    pkg['index.json'] = d;
    expect(await reason(pkg)).toBe('hash-mismatch');
  });
  it('refuses a signed package whose data is not JSON, or not a valid dataset', async () => {
    expect(await reason(await build({ dataset: enc('{ not json') }))).toBe('malformed-data');
    expect(await reason(await build({ dataset: enc(JSON.stringify({ schema: 2 })) }))).toBe('invalid-data');
    const bad = { ...FIXTURE, tenures: [{ ...FIXTURE.tenures[0], person: 'nobody' }] };
    expect(await reason(await build({ dataset: enc(JSON.stringify(bad)) }))).toBe('invalid-data');
    expect(await reason(await build({ index: enc(JSON.stringify({ matcher: {} })) }))).toBe('invalid-data');
  });
  it('refuses an index that does not belong to its dataset (a person, or a parent node, out of range)', async () => {
    const tamper = (f: (ix: any) => void) => { const ix = JSON.parse(JSON.stringify(exportIndex(FIXTURE))); f(ix); return enc(JSON.stringify(ix)); };
    expect(await reason(await build({ index: tamper((ix) => ix.matcher.values.push([(FIXTURE.people.length + 5) << 2])) }))).toBe('invalid-data');
    expect(await reason(await build({ index: tamper((ix) => (ix.matcher.parents[ix.matcher.parents.length - 1] = ix.matcher.parents.length)) }))).toBe('invalid-data');
    expect(await reason(await build({ index: tamper(() => {}) }))).toBe('ok');
  });
  it('reports a missing package, a server error and a timeout', async () => {
    const pkg = await build();
    expect(await reason({})).toBe('not-found');
    expect(await reason(pkg, 2025010100, { status: 500 })).toBe('network');
    expect(await reason(pkg, 2025010100, { hang: 'manifest.json' })).toBe('timeout');
    expect(await reason(pkg, 2025010100, { hang: 'dataset.json' })).toBe('timeout');
    expect(await reason(pkg, 2025010100, { stall: 'index.json' })).toBe('timeout');
  });
});
