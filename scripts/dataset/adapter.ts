/** What every source adapter is: its provenance, and a loader from raw files into the registry. */
import type { Source } from '../../src/core/schema';
import type { Registry } from './registry';

export interface BuildContext {
  /** ../shared/data */
  shared: string;
  /** data/curated */
  curated: string;
  registry: Registry;
}

export interface SourceAdapter {
  /** Provenance, with `asOf`: the snapshot date of the files read (not the build date). */
  source: Source & { asOf: string };
  /** Read the raw files and hand people and tenures, tagged with `source.id`, to the registry. */
  load(ctx: BuildContext): void;
}
