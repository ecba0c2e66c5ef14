/**
 * The signed data package (issue 16): a manifest that names each file with its size and
 * SHA-256, signed with Ed25519. Pure WebCrypto: the same code runs in the service worker,
 * in Node (the release script and the tests) and in both target browsers.
 */

export const MANIFEST_SCHEMA = 1;

/** Bytes backed by a plain ArrayBuffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface PackageFile {
  name: 'dataset.json' | 'index.json';
  bytes: number;
  sha256: string;
}

export interface PackageManifest {
  schema: 1;
  /** Monotonic: YYYYMMDDnn. An update is applied only when newer than what is in use. */
  version: number;
  /** The day the package was built. */
  built: string;
  /** The newest snapshot date of any source. */
  asOf: string;
  sources: { id: string; name: string; licence: string; asOf: string | null }[];
  files: PackageFile[];
}

/** Why a package was refused: each is shown to the reader as the result of the last check. */
export type Rejection =
  | 'unsigned' | 'bad-signature' | 'malformed-manifest' | 'older' | 'same-version' | 'too-large'
  | 'truncated' | 'hash-mismatch' | 'malformed-data' | 'invalid-data' | 'not-found' | 'timeout' | 'network';

export class PackageError extends Error {
  constructor(readonly reason: Rejection, detail: string) {
    super(`${reason}: ${detail}`);
  }
}

export const LIMITS = {
  manifestBytes: 64 * 1024,
  /** Each file; three times today's data and room to grow. */
  fileBytes: 40 * 1024 * 1024,
  totalBytes: 60 * 1024 * 1024,
};

const encoder = new TextEncoder();
const encode = (s: string): Bytes => encoder.encode(s) as Bytes;
const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
export const sha256 = async (bytes: Bytes) => hex(await crypto.subtle.digest('SHA-256', bytes));
export const toBase64 = (bytes: Bytes) => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (s: string): Bytes => Uint8Array.from(atob(s.trim()), (c) => c.charCodeAt(0));

export async function importPublicKey(base64Raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(base64Raw), { name: 'Ed25519' }, false, ['verify']);
}

/** The manifest's own bytes are what is signed: no re-serialisation on either side. */
export async function signManifest(manifestBytes: Bytes, privateKey: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, manifestBytes)));
}

const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Check the signature, then the manifest's shape; the files are checked by `checkFile`. */
export async function verifyManifest(manifestBytes: Bytes, signature: string | undefined, key: CryptoKey, current: number): Promise<PackageManifest> {
  if (manifestBytes.byteLength > LIMITS.manifestBytes) throw new PackageError('too-large', `manifest of ${manifestBytes.byteLength} bytes`);
  if (!signature || !signature.trim()) throw new PackageError('unsigned', 'no signature for the manifest');
  let sig: Bytes;
  try {
    sig = fromBase64(signature);
  } catch {
    throw new PackageError('bad-signature', 'the signature is not base64');
  }
  const ok = sig.byteLength === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, manifestBytes));
  if (!ok) throw new PackageError('bad-signature', 'the signature does not match the manifest and the bundled key');
  let m: PackageManifest;
  try {
    m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch (e) {
    throw new PackageError('malformed-manifest', `not JSON (${(e as Error).message})`);
  }
  const problems: string[] = [];
  if (!m || typeof m !== 'object') problems.push('not an object');
  else {
    if (m.schema !== MANIFEST_SCHEMA) problems.push(`schema ${String(m.schema)}`);
    if (!Number.isSafeInteger(m.version) || m.version <= 0) problems.push('version');
    if (!isDate(m.built) || !isDate(m.asOf)) problems.push('built/asOf dates');
    if (!Array.isArray(m.sources) || m.sources.some((s) => !s || typeof s.id !== 'string' || typeof s.name !== 'string' || typeof s.licence !== 'string' || !(s.asOf === null || isDate(s.asOf)))) problems.push('sources');
    const names = Array.isArray(m.files) ? m.files.map((f) => f?.name).sort().join(',') : '';
    if (names !== 'dataset.json,index.json') problems.push('files (expected dataset.json and index.json)');
    else if (m.files.some((f) => !Number.isSafeInteger(f.bytes) || f.bytes <= 0 || !/^[0-9a-f]{64}$/.test(f.sha256))) problems.push('file sizes or hashes');
  }
  if (problems.length) throw new PackageError('malformed-manifest', problems.join(', '));
  if (m.version < current) throw new PackageError('older', `version ${m.version} is older than ${current} in use`);
  if (m.version === current) throw new PackageError('same-version', `version ${m.version} is already in use`);
  const total = m.files.reduce((n, f) => n + f.bytes, 0);
  if (m.files.some((f) => f.bytes > LIMITS.fileBytes) || total > LIMITS.totalBytes) throw new PackageError('too-large', `${total} bytes announced`);
  return m;
}

/** A downloaded file against its manifest entry: size first (truncation), then the hash. */
export async function checkFile(entry: PackageFile, bytes: Bytes): Promise<void> {
  if (bytes.byteLength > entry.bytes) throw new PackageError('too-large', `${entry.name}: ${bytes.byteLength} bytes, ${entry.bytes} announced`);
  if (bytes.byteLength < entry.bytes) throw new PackageError('truncated', `${entry.name}: ${bytes.byteLength} of ${entry.bytes} bytes`);
  const got = await sha256(bytes);
  if (got !== entry.sha256) throw new PackageError('hash-mismatch', `${entry.name}: SHA-256 ${got.slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…`);
}

/** The manifest for two files, for the release script and the tests. */
export async function makeManifest(fields: Omit<PackageManifest, 'schema' | 'files'>, files: { name: PackageFile['name']; bytes: Bytes }[]): Promise<{ manifest: PackageManifest; bytes: Bytes }> {
  const manifest: PackageManifest = { schema: 1, ...fields, files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: await sha256(f.bytes) }))) };
  return { manifest, bytes: encode(JSON.stringify(manifest, null, 2) + '\n') };
}

/** The version of a dataset built on `asOf` (the bundled data's own version): YYYYMMDD00. */
export const versionOf = (asOf: string) => Number(asOf.replace(/-/g, '')) * 100;
