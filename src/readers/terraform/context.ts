import path from 'node:path';
import { attr, topBlocks, type Expr, type Item, type ParsedHcl, type TopBlock } from './hcl.js';
import { parseJsonHcl } from './json.js';
import { parseNativeHcl, type ReadNames } from './native.js';
import { emptyScope, type DeferredExpr, type FolderScope } from './values.js';
import { LineIndex } from '../line-index.js';
import { failureReason } from '../failure.js';

/** The resource types the reader maps (workloads, namespaces, autoscalers and NAT facts). */
export const READ_TYPES = new Set([
  'kubernetes_deployment', 'kubernetes_deployment_v1',
  'kubernetes_stateful_set', 'kubernetes_stateful_set_v1',
  'kubernetes_daemonset', 'kubernetes_daemon_set_v1',
  'kubernetes_job', 'kubernetes_job_v1',
  'kubernetes_cron_job', 'kubernetes_cron_job_v1',
  'kubernetes_replication_controller', 'kubernetes_replication_controller_v1',
  'kubernetes_pod', 'kubernetes_pod_v1',
  'kubernetes_manifest',
  'kubernetes_annotations',
  'kubernetes_namespace', 'kubernetes_namespace_v1',
  'kubernetes_horizontal_pod_autoscaler', 'kubernetes_horizontal_pod_autoscaler_v1', 'kubernetes_horizontal_pod_autoscaler_v2',
  'alicloud_eci_container_group',
  'alicloud_ess_eci_scaling_configuration',
  'alicloud_ess_scaling_group',
  'alicloud_nat_gateway',
  'alicloud_snat_entry',
  'alicloud_cs_serverless_kubernetes',
  'alicloud_cs_managed_kubernetes',
  'alicloud_vswitch',
]);

/** The resources other files refer to (a scaling configuration's group, SNAT entries and their gateways, vSwitches). */
const LOOKUP_TYPES = new Set(['alicloud_ess_scaling_group', 'alicloud_nat_gateway', 'alicloud_snat_entry', 'alicloud_vswitch']);

/** One Terraform file, parsed once for the whole scan. */
export interface TerraformFile {
  path: string;
  folder: string;
  text: string;
  parsed: ParsedHcl;
  /** The top-level blocks that parsed cleanly (those before a syntax error). */
  blocks: TopBlock[];
  lines: LineIndex;
}

/** A resource of the scan, for look-ups across files (SNAT entries, scaling groups). */
export interface ResourceRef {
  file: TerraformFile;
  type: string;
  name: string;
  block: TopBlock;
}

/** What the Terraform reader knows about the whole scan before it reads one file. */
export interface TerraformContext {
  files: Map<string, TerraformFile>;
  folders: Map<string, FolderScope>;
  /** The resources other files look up, by type. */
  resources: Map<string, ResourceRef[]>;
  /** The files that could not be parsed, with the reason. */
  failed: Map<string, string>;
  /** The folders each folder calls as local modules (`source = "./modules/snat"`). */
  moduleCalls: Map<string, Set<string>>;
}

export function isTerraformFile(file: string): boolean {
  return file.endsWith('.tf') || file.endsWith('.tf.json');
}

/**
 * The names of the attributes and blocks the mappings read inside a resource (kubernetes.ts, alicloud.ts): the
 * parser converts only these (and every expression under them), which keeps the scan close to the raw parse.
 */
const URL_TEXT = /:\/\//;
const READ_NAMES: ReadNames = new Map<string, true | RegExp>([
  ...[
    'count', 'for_each', 'metadata', 'name', 'namespace', 'annotations', 'labels', 'spec', 'replicas', 'parallelism',
    'template', 'job_template', 'container', 'init_container', 'image', 'value',
    'node_selector', 'node_name', 'toleration', 'key', 'operator', 'affinity', 'node_affinity',
    'required_during_scheduling_ignored_during_execution', 'node_selector_term', 'match_expressions', 'values',
    'manifest', 'kind', 'template_annotations', 'scale_target_ref', 'min_replicas', 'max_replicas',
    'auto_create_eip', 'eip_bandwidth', 'eip_instance_id', 'containers', 'init_containers',
    'container_group_name', 'scaling_configuration_name', 'scaling_group_id', 'min_size', 'max_size',
    'network_type', 'new_nat_gateway', 'snat_table_id',
    'vpc_id', 'vswitch_id', 'vswitch_ids', 'worker_vswitch_ids', 'pod_vswitch_ids', 'source_vswitch_id', 'source_cidr',
  ].map((name) => [name, true] as const),
  // Read only for the URLs they may hold (the egress evidence).
  ...['env', 'command', 'args', 'environment_vars', 'commands'].map((name) => [name, URL_TEXT] as const),
]);
const VARIABLE_NAMES: ReadNames = new Map([['default', true]]);

/** Nothing inside: the attributes keep their names and ranges only (a `locals` block; its values are deferred). */
const NAMES_ONLY: ReadNames = new Map();

const WANTED = (type: string, labels: string[]): boolean | ReadNames => {
  if (type === 'locals') return NAMES_ONLY;
  if (type === 'module') return true;
  if (type === 'variable') return VARIABLE_NAMES;
  return type === 'resource' && READ_TYPES.has(labels[0] ?? '') ? READ_NAMES : false;
};

export function parseTerraformFile(file: string, text: string): TerraformFile {
  const parsed = file.endsWith('.tf.json') ? parseJsonHcl(text) : parseNativeHcl(text, WANTED);
  const errorFrom = parsed.error?.from;
  const blocks = topBlocks(parsed).filter((b) => errorFrom === undefined || b.range.end <= errorFrom);
  return { path: file, folder: path.posix.dirname(file), text, parsed, blocks, lines: new LineIndex(text) };
}

/**
 * The first pass over the scan's Terraform files: parses each once, and collects each folder's variables and
 * locals, the module calls that set a folder's variables, and the resources other files refer to.
 */
export function buildTerraformContext(sources: readonly { path: string; text?: string }[]): TerraformContext {
  const context: TerraformContext = { files: new Map(), folders: new Map(), resources: new Map(), failed: new Map(), moduleCalls: new Map() };
  for (const source of sources) {
    if (source.text === undefined || !isTerraformFile(source.path)) continue;
    // A file that cannot be parsed at all (a stack overflow, the parser aborting) is left out of its folder;
    // reading it then reports why, and the other files are read as usual.
    try {
      addFile(context, parseTerraformFile(source.path, source.text));
    } catch (error) {
      context.failed.set(source.path, failureReason(error));
    }
  }
  for (const file of context.files.values()) collectModuleCalls(context, file);
  return context;
}

export function scopeOf(context: TerraformContext, folder: string): FolderScope {
  let scope = context.folders.get(folder);
  if (!scope) {
    scope = emptyScope(folder);
    context.folders.set(folder, scope);
  }
  return scope;
}

function addFile(context: TerraformContext, file: TerraformFile): void {
  context.files.set(file.path, file);
  const scope = scopeOf(context, file.folder);
  for (const block of file.blocks) {
    if (block.type === 'variable' && block.labels.length === 1) {
      const previous = scope.variables.get(block.labels[0]);
      scope.variables.set(block.labels[0], { default: attr(block.body, 'default'), setBy: previous?.setBy });
    } else if (block.type === 'locals') {
      for (const item of block.body.items) {
        if (item.key === undefined || item.block) continue;
        if (item.value) scope.locals.set(item.key, item.value);
        else scope.locals.set(item.key, deferredLocal(file.text, item));
      }
    } else if (block.type === 'resource' && block.labels.length === 2 && LOOKUP_TYPES.has(block.labels[0])) {
      const [type, name] = block.labels;
      const list = context.resources.get(type) ?? [];
      list.push({ file, type, name, block });
      context.resources.set(type, list);
    }
  }
}

/**
 * A native HCL local, converted when it is first used: its attribute (`name = value`) is parsed on its own. Its
 * ranges are then offsets in that attribute's text, which only the local's own messages use.
 */
function deferredLocal(text: string, item: Item): DeferredExpr {
  let expr: Expr | undefined;
  return {
    kind: 'deferred',
    expr() {
      if (!expr) {
        const attribute = text.slice(item.start, item.end);
        // The attribute alone, on a line of its own (a heredoc's closing marker needs its line break).
        let why = 'it does not parse on its own';
        let value: Expr | undefined;
        try {
          const parsed = parseNativeHcl(`${attribute}\n`);
          value = parsed.error ? undefined : parsed.top.items[0]?.value;
        } catch (error) {
          why = failureReason(error);
        }
        expr = value ?? { start: 0, end: attribute.length, kind: 'other', text: attribute.slice(0, 80), why };
      }
      return expr;
    },
  };
}

const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** A module call with a local source sets the variables it passes: their defaults do not apply there. */
function collectModuleCalls(context: TerraformContext, file: TerraformFile): void {
  for (const block of file.blocks) {
    if (block.type !== 'module' || block.labels.length !== 1) continue;
    const source = attr(block.body, 'source');
    if (source?.kind !== 'literal' || typeof source.value !== 'string' || !/^\.\.?\//.test(source.value)) continue;
    const target = path.posix.normalize(path.posix.join(file.folder, source.value)).replace(/\/$/, '');
    const calls = context.moduleCalls.get(file.folder) ?? new Set<string>();
    calls.add(target);
    context.moduleCalls.set(file.folder, calls);
    const scope = scopeOf(context, target);
    const where = `module.${block.labels[0]} in ${file.path}:${file.lines.lineOf(block.head.start) + 1}`;
    for (const item of block.body.items) {
      if (item.key === undefined || item.block || MODULE_META_ARGUMENTS.has(item.key)) continue;
      const variable = scope.variables.get(item.key);
      if (variable) variable.setBy ??= where;
      else scope.variables.set(item.key, { setBy: where });
    }
  }
}

/** The look-up resources by type and folder, built on first use: look-ups stay linear in the size of the scan. */
const BY_FOLDER = new WeakMap<TerraformContext, Map<string, ResourceRef[]>>();

/** The resources of a type written in a folder. */
export function resourcesIn(context: TerraformContext, type: string, folder: string): ResourceRef[] {
  let index = BY_FOLDER.get(context);
  if (!index) {
    index = new Map();
    for (const [t, list] of context.resources) {
      for (const ref of list) {
        const key = `${t}\u0000${ref.file.folder}`;
        const refs = index.get(key);
        if (refs) refs.push(ref);
        else index.set(key, [ref]);
      }
    }
    BY_FOLDER.set(context, index);
  }
  return index.get(`${type}\u0000${folder}`) ?? [];
}

/** The resource `type.name` in a folder, when the scan has it. */
export function findResource(context: TerraformContext, folder: string, type: string, name: string): ResourceRef | undefined {
  return resourcesIn(context, type, folder).find((r) => r.name === name);
}
