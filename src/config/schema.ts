import { RULE_IDS } from '../rules/index.js';
import { HOMEPAGE } from '../version.js';
import { BGP_PRO_PRICE_KEYS, PRICE_KEYS } from '../cost/index.js';
import { CHARGE_TYPES, CLUSTER_MODES, CURRENCIES, EGRESS_POLICIES, NAT_GATEWAY_SETTINGS, SEVERITY_SETTINGS } from '../model/index.js';

const severity = { enum: SEVERITY_SETTINGS };
const egress = { enum: EGRESS_POLICIES };
const amountSchema = { type: 'number', minimum: 0 };
/** A map of prices: any of `keys`, each an amount. */
const pricesSchema = (keys: readonly string[]) => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(keys.map((key) => [key, amountSchema])),
});
const glob = { type: 'string', minLength: 1 };
/** A list of objects with no other keys than `properties`, each with the `required` ones. */
const listOf = (required: readonly string[], properties: Record<string, unknown>) => ({
  type: 'array',
  items: { type: 'object', additionalProperties: false, required, properties },
});

/**
 * The JSON Schema of the config file. `npm run build` writes it to schema/config.schema.json for
 * editors; a test keeps the two equal.
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${HOMEPAGE}/schema/config.schema.json`,
  title: 'eci-egress-lint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    cluster: { enum: CLUSTER_MODES, description: 'serverless: every pod runs on ECI; virtual-node: only pods sent to ECI.' },
    egress: { ...egress, description: 'The egress policy for workloads no `workloads` rule matches.' },
    'nat-gateway': { enum: NAT_GATEWAY_SETTINGS },
    include: { type: 'array', items: glob },
    exclude: { type: 'array', items: glob },
    'max-file-size': {
      description: 'Files larger than this are skipped: a number of bytes or a size such as "5MB".',
      oneOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG][iI]?[bB]?|[bB])?\\s*$' },
      ],
    },
    rules: {
      type: 'object',
      propertyNames: { enum: [...RULE_IDS] },
      additionalProperties: severity,
    },
    workloads: listOf(['match', 'egress'], {
      match: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          path: glob,
          kind: glob,
          name: glob,
          namespace: glob,
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      egress,
    }),
    clusters: {
      description:
        'Where one repository holds several clusters: the files under each path glob belong to one cluster, with its own cluster mode, NAT gateway and pricing region. First match wins.',
      ...listOf(['path'], {
        path: glob,
        cluster: { enum: CLUSTER_MODES },
        'nat-gateway': { enum: NAT_GATEWAY_SETTINGS },
        region: { type: 'string', minLength: 1, description: 'A region of the bundled price table, for the EIP cost of these workloads.' },
      }),
    },
    ignore: listOf(['rule', 'reason'], {
      rule: { enum: [...RULE_IDS, '*'] },
      path: glob,
      reason: { type: 'string', minLength: 1 },
    }),
    'inline-ignores': { type: 'boolean' },
    'allow-no-files': {
      type: 'boolean',
      description: 'Command line: exit 0 rather than 2 when the paths given hold no file to lint.',
    },
    pricing: {
      type: 'object',
      additionalProperties: false,
      properties: {
        region: { type: 'string', minLength: 1 },
        currency: { enum: CURRENCIES },
        'charge-type': { enum: CHARGE_TYPES },
        'traffic-gb-per-pod': amountSchema,
        'waive-eci-config-fee': { type: 'boolean' },
        'free-traffic-gb': amountSchema,
        'bgp-pro-prices': pricesSchema(BGP_PRO_PRICE_KEYS),
        prices: pricesSchema(PRICE_KEYS),
      },
    },
    render: {
      type: 'object',
      additionalProperties: false,
      description: 'Rendering of Helm charts and Kustomize overlays before they are linted (docs/charts.md).',
      properties: {
        enabled: { type: 'boolean', description: 'false: charts and overlays are not rendered (their templates are skipped).' },
        helm: { type: 'string', minLength: 1, description: 'The helm command or path.' },
        kustomize: { type: 'string', minLength: 1, description: 'auto (kustomize, else kubectl kustomize), or a kustomize or kubectl command or path.' },
        timeout: {
          description: 'The time limit of each rendering: seconds, or a duration such as "60s", "2m".',
          oneOf: [
            { type: 'number', exclusiveMinimum: 0 },
            { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m)?\\s*$' },
          ],
        },
        'ci-values': { type: 'boolean', description: 'Also render each chart with its ci/*-values.yaml files.' },
        charts: listOf(['path'], {
          path: { type: 'string', minLength: 1, description: 'The chart folder.' },
          release: { type: 'string', minLength: 1, maxLength: 53 },
          namespace: { type: 'string', minLength: 1, maxLength: 63 },
          values: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Values files, one rendering each.' },
        }),
      },
    },
    budget: {
      type: 'object',
      additionalProperties: false,
      properties: { monthly: amountSchema, increase: amountSchema },
    },
  },
} as const;
