/**
 * npm run data:release — the signed data package (issue 16, docs/data-updates.md):
 * data/dataset.json and data/index.json, a manifest naming each with its size and SHA-256,
 * the version, build date and each source's as-of date and licence, and the manifest's
 * Ed25519 signature.
 *
 *   npm run data:release -- [--out DIR] [--key FILE] [--version N] [--data DIR]
 *   npm run data:release -- --generate-key FILE     writes a new private key to FILE (mode 600), prints the public key
 *
 * The private key: --key FILE, or the environment variable NP_DATA_SIGNING_KEY (base64 PKCS#8).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fromBase64, makeManifest, signManifest, toBase64, versionOf, type Bytes } from '../src/core/update/package';
import { loadDataset } from '../src/core/dataset';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = resolve(import.meta.dirname, '..');

async function generateKey(file: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const pub = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  writeFileSync(file, toBase64(priv) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  console.log(`data:release: private key written to ${file} (keep it secret: a CI secret, never the repository)`);
  console.log(`public key (base64, for src/background/update-key.ts or NP_UPDATE_PUBLIC_KEY): ${toBase64(pub)}`);
}

async function release() {
  const keyText = arg('--key') ? readFileSync(arg('--key')!, 'utf8') : process.env.NP_DATA_SIGNING_KEY;
  if (!keyText?.trim()) {
    console.error('data:release: no signing key (pass --key FILE or set NP_DATA_SIGNING_KEY; see docs/data-updates.md)');
    process.exit(2);
  }
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(keyText.trim()), { name: 'Ed25519' }, false, ['sign']);
  const dataDir = resolve(arg('--data') ?? join(ROOT, 'data'));
  const out = resolve(arg('--out') ?? join(ROOT, 'release'));
  const dataset = new Uint8Array(readFileSync(join(dataDir, 'dataset.json'))) as Bytes;
  const index = new Uint8Array(readFileSync(join(dataDir, 'index.json'))) as Bytes;
  const data = loadDataset(JSON.parse(new TextDecoder().decode(dataset)));
  // Newer than the bundled data of any build made from the same files (YYYYMMDD00 of its as-of date), and than
  // last week's package: the build day, then a counter for several releases in a day (--version overrides).
  const built = new Date().toISOString().slice(0, 10);
  const version = arg('--version') ? Number(arg('--version')) : versionOf(built > data.asOf ? built : data.asOf) + Number(process.env.GITHUB_RUN_ATTEMPT ?? 1);
  const { manifest, bytes } = await makeManifest({
    version, built, asOf: data.asOf,
    sources: data.sources.map((s) => ({ id: s.id, name: s.name, licence: s.licence, asOf: s.asOf ?? null })),
  }, [{ name: 'dataset.json', bytes: dataset }, { name: 'index.json', bytes: index }]);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'dataset.json'), dataset);
  writeFileSync(join(out, 'index.json'), index);
  writeFileSync(join(out, 'manifest.json'), bytes);
  writeFileSync(join(out, 'manifest.sig'), (await signManifest(bytes, key)) + '\n');
  console.log(`data:release: wrote ${out}: version ${manifest.version}, as of ${manifest.asOf}, ${manifest.files.map((f) => `${f.name} ${f.bytes} B`).join(', ')}`);
}

if (arg('--generate-key')) await generateKey(resolve(arg('--generate-key')!));
else await release();
