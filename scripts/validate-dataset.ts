/** The build's dataset checks: the shared structural ones, plus no cited URL that is a mirror or scraper. */
import type { Dataset } from '../src/core/schema';
import { validateDataset as validateStructure } from '../src/core/validate';
import { unfitSource } from './source-urls';

export function validateDataset(d: Dataset): string[] {
  return validateStructure(d, unfitSource);
}
