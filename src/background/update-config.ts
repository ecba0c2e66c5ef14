/**
 * Where data updates come from and the key that signs them, fixed when the extension is built
 * (vite.config.ts: NP_UPDATE_URL and NP_UPDATE_PUBLIC_KEY; docs/data-updates.md). A build without
 * them makes no update request at all.
 */
declare const __NP_UPDATE_URL__: string;
declare const __NP_UPDATE_KEY__: string;

export const UPDATE_URL: string = __NP_UPDATE_URL__;
export const UPDATE_PUBLIC_KEY: string = __NP_UPDATE_KEY__;
/** https (or 127.0.0.1 for the tests), ending in "/": the files are named relative to it. */
export const updatesConfigured = () => /^(https:\/\/|http:\/\/127\.0\.0\.1[:/]).*\/$/.test(UPDATE_URL) && UPDATE_PUBLIC_KEY.length > 0;
