/** The loaded dataset and its index, built once per service-worker life from build-time output. */
import datasetJson from '../../data/dataset.json';
import indexJson from '../../data/index.json';
import { DatasetIndex, loadDataset, type CompiledIndex } from '../core/dataset';

let index: DatasetIndex | undefined;

export function getIndex(): DatasetIndex {
  index ??= new DatasetIndex(loadDataset(datasetJson), indexJson as unknown as CompiledIndex);
  return index;
}
