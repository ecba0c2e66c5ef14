/** Small display helpers for the page side (kept free of Intl for size and predictability). */
import type { OfficeView } from './resolve';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "13 Nov 2023 – 5 Jul 2024", or "since 13 Nov 2023" while held. */
export function formatRange(o: Pick<OfficeView, 'start' | 'end'>): string {
  return o.end ? `${formatDate(o.start)} – ${formatDate(o.end)}` : `since ${formatDate(o.start)}`;
}

export function years(o: Pick<OfficeView, 'start' | 'end'>): string {
  const a = o.start.slice(0, 4);
  const b = o.end ? o.end.slice(0, 4) : 'now';
  return a === b ? a : `${a}–${b}`;
}

export const STATUS_LABEL: Record<string, string> = {
  kept: 'kept', broken: 'broken', in_progress: 'in progress', abandoned: 'abandoned', hard_to_rate: 'hard to rate',
};
