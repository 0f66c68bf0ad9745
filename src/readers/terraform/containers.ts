import type { SourceString } from '../../model/index.js';
import { attr, sections, type HclObject, type Range } from './hcl.js';
import type { FileReader } from './reader.js';
import { urlsIn } from '../urls.js';
import { asString } from './values.js';

/**
 * Where a resource type writes its containers: the blocks, the environment blocks and the name of their key, and the
 * command lists. The Kubernetes provider (`container { env { name } command }`) and alicloud_eci_container_group
 * (`containers { environment_vars { key } commands }`) differ only in these names.
 */
export interface ContainerFields {
  initContainers: string;
  containers: string;
  env: string;
  envName: string;
  command: string;
}

/** The image of each container and the URLs in its env values, command and args: the evidence of egress. */
export function scanContainers(
  reader: FileReader,
  body: HclObject | undefined,
  fields: ContainerFields,
  images: SourceString[],
  urls: SourceString[],
): void {
  for (const [field, word] of [
    [fields.initContainers, 'init container'],
    [fields.containers, 'container'],
  ] as const) {
    for (const container of sections(body, field)) {
      const label = `${word} ${reader.string(container, 'name').value ?? '?'}`;
      const image = attr(container, 'image');
      if (image) {
        const value = asString(reader.evaluate(image));
        if ('value' in value) images.push({ value: value.value, where: `${label} image`, span: reader.span(image) });
      }
      for (const env of sections(container, fields.env)) {
        const value = attr(env, 'value');
        if (!value) continue;
        const resolved = asString(reader.evaluate(value));
        if ('value' in resolved) collectUrls(reader, resolved.value, value, `${label} env ${reader.string(env, fields.envName).value ?? '?'}`, urls);
      }
      for (const list of [fields.command, 'args']) {
        for (const arg of reader.strings(container, list)) collectUrls(reader, arg.value, arg.range, `${label} ${list}`, urls);
      }
    }
  }
}

function collectUrls(reader: FileReader, value: string, range: Range, where: string, urls: SourceString[]): void {
  for (const url of urlsIn(value)) urls.push({ value: url, where, span: reader.span(range) });
}
