import { emptyReadResult, type ReadResult } from '../../model/index.js';
import { readCluster, readEciResource, readNatGateway } from './alicloud.js';
import { buildTerraformContext, parseTerraformFile, type TerraformContext } from './context.js';
import { KUBERNETES_KINDS, readAnnotationsResource, readAutoscaler, readManifest, readNamespace, readProviderWorkload } from './kubernetes.js';
import { section } from './hcl.js';
import { FileReader } from './reader.js';

export { buildTerraformContext, isTerraformFile, type TerraformContext } from './context.js';
export { prepareTerraformParser, terraformParserLoads, terraformParserReady } from './wasm.js';

export interface TerraformReadOptions {
  /** The first pass over the scan's Terraform files; without it the file is read on its own. */
  terraform?: TerraformContext;
}

/**
 * Reads one Terraform file (`.tf` or `.tf.json`): workloads of the hashicorp/kubernetes provider and of the
 * alicloud ECI resources, namespaces, autoscalers and NAT facts. Values resolve through the variables and
 * locals of the file's folder (the context); what does not resolve is listed in `unresolved`.
 */
export function readTerraform(file: string, text: string, options: TerraformReadOptions = {}): ReadResult {
  const out = emptyReadResult();
  out.unresolved = [];
  let context = options.terraform;
  const failedBefore = context?.failed.get(file);
  if (failedBefore !== undefined) {
    out.skipped = failedBefore;
    return out;
  }
  let parsed = context?.files.get(file);
  if (!context || !parsed || parsed.text !== text) {
    context = buildTerraformContext([{ path: file, text }]);
    const failed = context.failed.get(file);
    if (failed !== undefined) {
      out.skipped = failed;
      return out;
    }
    parsed = context.files.get(file) ?? parseTerraformFile(file, text);
  }
  const reader = new FileReader(parsed, context, out);
  const error = parsed.parsed.error;
  if (error) {
    const rest = parsed.blocks.length > 0
      ? 'The block it is in and the ones after it are not checked; the ones before it are.'
      : error.from === 0 ? 'The file is not checked.' : 'The block it is in and the ones after it are not checked.';
    out.problems.push({ ruleId: 'parse-error', message: `${error.message}. ${rest}`, span: reader.span(error.range) });
  }
  for (const block of parsed.blocks) {
    if (block.type !== 'resource' || block.labels.length !== 2) continue;
    const type = block.labels[0];
    const kind = KUBERNETES_KINDS[type];
    if (kind) readProviderWorkload(reader, block, kind);
    else if (type === 'kubernetes_manifest') readManifest(reader, block);
    else if (type === 'kubernetes_annotations') readAnnotationsResource(reader, block);
    else if (type === 'kubernetes_namespace' || type === 'kubernetes_namespace_v1') readNamespace(reader, section(block.body, 'metadata'), block);
    else if (type.startsWith('kubernetes_horizontal_pod_autoscaler')) readAutoscaler(reader, block.body, block, 'provider', `${type}.${block.labels[1]}`);
    else if (type === 'alicloud_eci_container_group' || type === 'alicloud_ess_eci_scaling_configuration') readEciResource(reader, block);
    else if (type === 'alicloud_nat_gateway') readNatGateway(reader, block);
    else if (type === 'alicloud_cs_serverless_kubernetes' || type === 'alicloud_cs_managed_kubernetes') readCluster(reader, block);
  }
  // The pods of a hashicorp/kubernetes resource run in the cluster its provider connects to: a NAT fact speaks for
  // them only from the same folder.
  for (const workload of out.workloads) workload.network ??= { folder: parsed.folder };
  out.unresolved.sort((a, b) => a.span.offset - b.span.offset);
  // Each file is read once per scan: what the workloads keep (for their editors) stays, the rest can go.
  if (options.terraform) options.terraform.files.delete(file);
  return out;
}
