import type { ReadResult } from '../model/index.js';
import { readKubernetesYaml, type KubernetesReadOptions } from './kubernetes/index.js';
import {
  buildTerraformContext,
  isTerraformFile,
  prepareTerraformParser,
  readTerraform,
  type TerraformReadOptions,
} from './terraform/index.js';

/** What a reader may know about the rest of the scan: built by `readContext` before any file is read. */
export interface ReadContext {
  terraform?: TerraformReadOptions['terraform'];
}

export type ReaderOptions = KubernetesReadOptions & { context?: ReadContext };

export interface Reader {
  format: 'kubernetes' | 'terraform';
  read(file: string, text: string, options: ReaderOptions): ReadResult;
}

const kubernetes: Reader = { format: 'kubernetes', read: readKubernetesYaml };
const terraform: Reader = {
  format: 'terraform',
  read: (file, text, options) => readTerraform(file, text, { terraform: options.context?.terraform }),
};

export function isTerraformPath(file: string): boolean {
  return isTerraformFile(file);
}

/** The reader for a file, by its name; YAML for anything that is not Terraform. */
export function readerFor(file: string): Reader {
  return isTerraformPath(file) ? terraform : kubernetes;
}

interface SourceLike {
  path: string;
  text?: string;
  skip?: string;
}

/**
 * Loads what the readers of these files need before a synchronous scan: the Terraform parser (WebAssembly, loaded
 * asynchronously) when a Terraform file is among them. A scan of YAML only loads nothing.
 */
export async function prepareReaders(sources: readonly (SourceLike | string)[]): Promise<void> {
  const paths = sources.map((s) => (typeof s === 'string' ? s : s.text === undefined ? '' : s.path));
  if (paths.some(isTerraformPath)) await prepareTerraformParser();
}

/**
 * The first pass of a scan: what each reader needs from the other files. For Terraform: every file parsed once,
 * with the variables and locals of each folder (values may come from another file of the same folder).
 */
export function readContext(sources: readonly SourceLike[]): ReadContext {
  if (!sources.some((s) => s.text !== undefined && isTerraformPath(s.path))) return {};
  return { terraform: buildTerraformContext(sources) };
}
