/** The loaded dataset and its index, built once per service-worker life. */
import datasetJson from '../../data/dataset.json';
import { DatasetIndex, loadDataset } from '../core/dataset';

let index: DatasetIndex | undefined;

export function getIndex(): DatasetIndex {
  index ??= new DatasetIndex(loadDataset(datasetJson));
  return index;
}
