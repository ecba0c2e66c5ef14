/** What the options page's sections share: the message call, the settings saver's type, feedback and section frames. */
import type { ComponentChildren } from 'preact';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';
import type { SetSettingsResponse } from '../messages';

export const send = <T,>(msg: unknown) => browser.runtime.sendMessage(msg) as Promise<T | undefined>;

export type Save = (patch: Partial<Settings>) => Promise<SetSettingsResponse>;
export type Problem = { where: string; message: string };

/** Bytes → base64, in chunks (String.fromCharCode on 20 MB at once overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A polite status line and an assertive error list, shared by every section. */
export function Feedback({ status, errors, lead }: { status?: string; errors?: Problem[] | string; lead?: string }) {
  return (
    <>
      <p role="status" class="ok">{status ?? ''}</p>
      {errors && (typeof errors === 'string' ? errors : errors.length > 0) && (
        <div role="alert" class="error">
          {typeof errors === 'string' ? (
            <p>{errors}</p>
          ) : (
            <>
              {lead && <p>{lead}</p>}
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>{e.where ? `${e.where}: ${e.message}` : e.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

