/** Host lists typed by the reader (one per line): normalised and validated. Pure. */

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_RE = new RegExp(`^(?=.{1,253}(?::|$))${LABEL}(?:\\.${LABEL})*(?::\\d{1,5})?$`);

/** "https://www.Example.com/news" → "www.example.com"; "*.example.com" → "example.com". Undefined if not a host name. */
export function normaliseHost(line: string): string | undefined {
  let s = line.trim().toLowerCase();
  if (!s) return undefined;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // a pasted URL's scheme
  s = s.replace(/[/?#].*$/, ''); // …and its path
  s = s.replace(/^\*\./, '').replace(/\.$/, '');
  if (s.includes('@')) return undefined;
  return HOST_RE.test(s) ? s : undefined;
}

export interface HostListResult {
  hosts: string[];
  /** Lines that are not host names: 1-based line number and the text. */
  bad: { line: number; text: string }[];
}

export function parseHostList(text: string): HostListResult {
  const hosts: string[] = [];
  const bad: HostListResult['bad'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const h = normaliseHost(raw);
    if (h === undefined) bad.push({ line: i + 1, text: raw.trim() });
    else if (!hosts.includes(h)) hosts.push(h);
  });
  return { hosts, bad };
}
