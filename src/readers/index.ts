import type { ReadResult } from '../model/index.js';
import { readKubernetesYaml, type KubernetesReadOptions } from './kubernetes/index.js';

export type ReaderOptions = KubernetesReadOptions;

export interface Reader {
  format: 'kubernetes' | 'terraform';
  read(file: string, text: string, options: ReaderOptions): ReadResult;
}

const kubernetes: Reader = { format: 'kubernetes', read: readKubernetesYaml };

export function isTerraformPath(file: string): boolean {
  return file.endsWith('.tf') || file.endsWith('.tf.json');
}

/** The reader for a file, by its name; YAML for anything that is not Terraform. */
export function readerFor(file: string): Reader | undefined {
  if (isTerraformPath(file)) return undefined;
  return kubernetes;
}
