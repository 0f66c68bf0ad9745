export const id = 971;
export const ids = [971];
export const modules = {

/***/ 3971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/defaults.ts
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
function defaultConfig() {
    return {
        cluster: 'serverless',
        egress: 'auto',
        natGateway: 'auto',
        include: ['**/*.yaml', '**/*.yml', '**/*.tf', '**/*.tf.json'],
        exclude: ['**/node_modules/**'],
        maxFileSize: DEFAULT_MAX_FILE_SIZE,
        rules: {},
        workloads: [],
        clusters: [],
        ignore: [],
        inlineIgnores: true,
        pricing: {},
        budget: {},
        render: { enabled: true, helm: 'helm', kustomize: 'auto', timeoutMs: 60_000, charts: [], ciValues: true },
    };
}
const UNITS = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** "5MB" → 5242880; a number is bytes. Sizes use powers of 1024. */
function parseSize(value) {
    if (typeof value === 'number')
        return value;
    const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgb]?)i?b?\s*$/i.exec(value);
    if (!match)
        throw new Error(`not a size: ${value}`);
    return Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]);
}
/** "60s", "2m", "1500ms" or a number of seconds → milliseconds. */
function parseDuration(value) {
    if (typeof value === 'number')
        return Math.round(value * 1000);
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(value);
    if (!match)
        throw new Error(`not a duration: ${value}`);
    const factor = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
    return Math.round(Number(match[1]) * factor);
}

;// CONCATENATED MODULE: ./src/policy/eci-keys.ts
/** The ECI pod annotations that ask for or shape a per-pod EIP. */
const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';
const EIP_INSTANCE_ID = 'k8s.aliyun.com/eci-eip-instanceid';
const EIP_BANDWIDTH = 'k8s.aliyun.com/eip-bandwidth';
const EIP_CHARGE_TYPE = 'k8s.aliyun.com/eip-internet-charge-type';
const EIP_ISP = 'k8s.aliyun.com/eip-isp';
const EIP_BANDWIDTH_PACKAGE = 'k8s.aliyun.com/eip-common-bandwidth-package-id';
const EIP_ADDRESS_POOL = 'k8s.aliyun.com/eip-public-ip-address-pool-id';
/** Settings of an auto-created EIP: they mean nothing without `eci-with-eip: "true"`. */
const EIP_SETTING_KEYS = [
    EIP_BANDWIDTH,
    EIP_CHARGE_TYPE,
    EIP_ISP,
    EIP_BANDWIDTH_PACKAGE,
    EIP_ADDRESS_POOL,
];
const EIP_KEYS = [WITH_EIP, EIP_INSTANCE_ID, ...EIP_SETTING_KEYS];
/**
 * Keys of other add-ons (for pods on ECS nodes, or ACS) that stand for an ECI key, and the ECI key that was
 * likely meant. `eip-charge-type` is the older spelling of `eip-internet-charge-type` (still read as an alias).
 */
const LOOK_ALIKES = {
    'network.alibabacloud.com/pod-with-eip': WITH_EIP,
    'k8s.aliyun.com/pod-with-eip': WITH_EIP,
    'network.alibabacloud.com/pod-eip-instanceid': EIP_INSTANCE_ID,
    'k8s.aliyun.com/pod-eip-instanceid': EIP_INSTANCE_ID,
    'k8s.aliyun.com/eip-charge-type': EIP_CHARGE_TYPE,
};
/**
 * Real keys of the EIP controller add-on for pods on ECS nodes (DOMAIN.md §1) that ECI does not read. They are
 * not typos: renaming one to an ECI key changes its meaning (`eip-instance-charge-type: PostPaid` is a billing
 * method, not a metering method), so they are reported as having no effect on ECI, never renamed.
 */
const CONTROLLER_ONLY_KEYS = {
    'k8s.aliyun.com/eip-instance-charge-type': "the EIP's billing method (PostPaid)",
    'k8s.aliyun.com/eip-name': "the EIP's name",
    'k8s.aliyun.com/eip-description': "the EIP's description",
    'k8s.aliyun.com/eip-tags': "the EIP's tags",
    'k8s.aliyun.com/eip-resource-group-id': "the EIP's resource group",
    'k8s.aliyun.com/eip-security-protection-types': "the EIP's anti-DDoS protection types",
    'k8s.aliyun.com/pod-eip-release-strategy': 'when the EIP is released',
};
/** ECI's IPv6 keys (ECI-ANN): an IPv6 address, and IPv6 internet access with its bandwidth. */
const ENABLE_IPV6 = 'k8s.aliyun.com/eci-enable-ipv6';
const IPV6_COUNT = 'k8s.aliyun.com/eci-ipv6-count';
const IPV6_BANDWIDTH_ENABLE = 'k8s.aliyun.com/eci-ipv6-bandwidth-enable';
const IPV6_BANDWIDTH = 'k8s.aliyun.com/eci-ipv6-bandwidth';
const IPV6_KEYS = [ENABLE_IPV6, IPV6_COUNT, IPV6_BANDWIDTH_ENABLE, IPV6_BANDWIDTH];
/** ECI keys whose value is "true" or "false". */
const BOOLEAN_KEYS = [WITH_EIP, ENABLE_IPV6, IPV6_BANDWIDTH_ENABLE];
/**
 * Key prefixes of Alibaba Cloud components whose values are often written unquoted. Every annotation and
 * label value must be a string; `alibabacloud.com/` covers the `alibabacloud.com/eci: true` label.
 */
const STRING_VALUE_PREFIXES = ['k8s.aliyun.com/', 'network.alibabacloud.com/', 'alibabacloud.com/'];
const ECI_POD_LABEL = 'alibabacloud.com/eci';
const BURST_ANNOTATION = 'alibabacloud.com/burst-resource';
const VIRTUAL_KUBELET_TOLERATION = 'virtual-kubelet.io/provider';
function isEipKey(key) {
    return EIP_KEYS.includes(key);
}
/** A key that some component really reads: an ECI EIP or IPv6 key, or a controller-only key. Never a typo. */
function isKnownKey(key) {
    return EIP_KEYS.includes(key) || IPV6_KEYS.includes(key) || key in CONTROLLER_ONLY_KEYS;
}

;// CONCATENATED MODULE: ./src/version.ts
/** The tool's version; a test keeps it equal to package.json's. */
const TOOL_NAME = 'eci-egress-lint';
const TOOL_VERSION = '1.0.0';
/** Where the project lives; the docs below it are the ones of the default branch. */
const HOMEPAGE = 'https://github.com/eci-egress-lint/eci-egress-lint';
const DOCS_URL = `${HOMEPAGE}/blob/main/docs`;

;// CONCATENATED MODULE: ./src/rules/rule.ts

/**
 * The documentation page of a rule (docs/rules/<id>.md on the default branch); every surface links to it. The pages
 * stay in docs/rules/ and not beside the rule's code: they are published there, and links to them are out in reports.
 */
function ruleDocsUrl(ruleId) {
    return `${DOCS_URL}/rules/${encodeURIComponent(ruleId)}.md`;
}
/** `Deployment web` — how messages name a workload; a Terraform address that already holds its type is not repeated. */
function describeWorkload(workload) {
    if (workload.name.startsWith(`${workload.kind}.`))
        return workload.name;
    return `${workload.kind} ${workload.name || '(unnamed)'}`;
}
/** Where the pod annotations of a workload are written, for messages: `spec.template.metadata.annotations`. */
function podAnnotationsPath(workload) {
    return workload.podAnnotationsPath ?? `${workload.podTemplatePath ? workload.podTemplatePath + '.' : ''}metadata.annotations`;
}
/** How messages name an EIP key on a workload: the annotation key, or the Terraform argument that stands for it. */
function keyName(workload, key) {
    return workload.keyNames?.[key] ?? key;
}
/** A key with its value as the workload's source writes it: `k8s.aliyun.com/eci-with-eip: "true"` or `auto_create_eip = true`. */
function settingText(workload, key, value) {
    const name = workload.keyNames?.[key];
    return name ? `${name} = ${value}` : `${key}: "${value}"`;
}

;// CONCATENATED MODULE: ./src/rules/eip-change-needs-recreate/index.ts


/** The resource whose EIP arguments the alicloud provider never updates (DOMAIN: TF-ALI source at 81c43b67). */
const CONTAINER_GROUP = 'alicloud_eci_container_group';
/**
 * The EIP arguments, and what an absent one means: `auto_create_eip` is false, `eip_instance_id` none, and the
 * service gives an auto-created EIP 5 Mbit/s when `eip_bandwidth` is not set (writing the 5 changes nothing).
 */
const ARGUMENTS = [
    { key: WITH_EIP, absent: 'false' },
    { key: EIP_BANDWIDTH, absent: '5' },
    { key: EIP_INSTANCE_ID, absent: '' },
];
function argument(workload, key) {
    return workload.pod?.annotations.find((e) => e.key === key);
}
/** The value the argument means, or undefined when it is not known (no finding rests on it). */
function meant(entry, absent) {
    if (!entry)
        return absent;
    return entry.valueType === 'unknown' ? undefined : entry.value.trim();
}
function valueOrNotSet(entry, absent) {
    if (entry)
        return entry.value.trim();
    return absent === '' ? 'not set' : `not set (${absent})`;
}
const baseKey = (w) => `${w.network?.folder ?? ''}\u0000${w.address ?? ''}`;
/** The base side's container groups by folder and address, built once per base (not once per head workload). */
const BASE_INDEX = new WeakMap();
/** The same resource on the base side: the same address in the same folder (a move between files keeps it). */
function baseOf(workload, base) {
    let index = BASE_INDEX.get(base);
    if (!index) {
        index = new Map();
        for (const b of base)
            if (b.kind === CONTAINER_GROUP && !index.has(baseKey(b)))
                index.set(baseKey(b), b);
        BASE_INDEX.set(base, index);
    }
    return index.get(baseKey(workload));
}
const eipChangeNeedsRecreate = {
    meta: {
        id: 'eip-change-needs-recreate',
        defaultSeverity: 'warning',
        docs: {
            description: 'A change to the EIP arguments of an existing alicloud_eci_container_group does nothing until it is recreated.',
            url: ruleDocsUrl('eip-change-needs-recreate'),
        },
        fix: 'none',
        appliesTo: ['terraform'],
    },
    check(context) {
        const { workload, scan } = context;
        if (!scan.base || workload.kind !== CONTAINER_GROUP || !workload.address)
            return;
        const before = baseOf(workload, scan.base.workloads);
        if (!before)
            return;
        for (const { key, absent } of ARGUMENTS) {
            const head = argument(workload, key);
            const base = argument(before, key);
            const old = meant(base, absent);
            const now = meant(head, absent);
            if (old === undefined || now === undefined || old === now)
                continue;
            const name = keyName(workload, key);
            context.report({
                message: `${name} of ${workload.address} changes from ${valueOrNotSet(base, absent)} to ${valueOrNotSet(head, absent)}, but the container group exists ` +
                    `already: the alicloud provider does not update ${name} (it is not ForceNew, and its update never sends it), ` +
                    `so terraform apply succeeds and the running group keeps its old EIP setting. Recreate the group for the ` +
                    `change to take effect (terraform apply -replace=${workload.address}), or leave the argument as it was.`,
                span: head?.span ?? workload.span,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-conflict/index.ts


const eipConflict = {
    meta: {
        id: 'eip-conflict',
        defaultSeverity: 'warning',
        docs: {
            description: 'A pod asks both for an auto-created EIP and for an existing EIP id.',
            url: ruleDocsUrl('eip-conflict'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        if (!workload.pod || !facts.eci.eci || !facts.autoEip || !facts.existingEip)
            return;
        const instance = facts.podAnnotations.get(EIP_INSTANCE_ID);
        const withEip = facts.podAnnotations.get(WITH_EIP);
        const injected = [withEip, instance].find((a) => a.injectedBy)?.injectedBy;
        context.report({
            message: `The pod sets both ${settingText(workload, WITH_EIP, 'true')} and ${keyName(workload, EIP_INSTANCE_ID)}: when both are set, ECI creates a new EIP ` +
                `and the given EIP is not used. Keep the one you mean.` +
                (injected ? ` (One of them is injected by the eci-profile selector "${injected}".)` : ''),
            span: instance.entry?.keySpan ?? withEip.entry?.keySpan ?? workload.span,
        });
    },
};

;// CONCATENATED MODULE: ./src/model/finding.ts
/** The severities, most severe first (the order reports list them in). */
const SEVERITIES = ['error', 'warning', 'notice'];
const SEVERITY_SETTINGS = [...SEVERITIES, 'off'];
/** The least severity that fails the run (`--fail-on`, the action's `fail-on`); `never` fails on none. */
const FAIL_ON_LEVELS = [...SEVERITIES, 'never'];
const SEVERITY_RANK = { notice: 1, warning: 2, error: 3 };

;// CONCATENATED MODULE: ./src/model/read-result.ts
function emptyReadResult() {
    return { workloads: [], namespaces: [], autoscalers: [], profiles: [], natFacts: [], problems: [] };
}

;// CONCATENATED MODULE: ./src/model/workload.ts
/** Every metadata block of a workload: the object's own (and a CronJob's job template's), then the pod's. */
function metadataBlocks(workload) {
    return workload.pod ? [...workload.objectMetadata, workload.pod] : workload.objectMetadata;
}

;// CONCATENATED MODULE: ./src/model/config.ts
const CLUSTER_MODES = ['serverless', 'virtual-node'];
const EGRESS_POLICIES = ['auto', 'eip', 'nat', 'none'];
const NAT_GATEWAY_SETTINGS = ['auto', 'present', 'absent'];

;// CONCATENATED MODULE: ./src/model/cost.ts
/** The two ways a pay-as-you-go EIP is metered. */
const CHARGE_TYPES = ['PayByTraffic', 'PayByBandwidth'];
const CURRENCIES = ['USD', 'CNY'];
/** The line types of an EIP (`k8s.aliyun.com/eip-isp`). */
const ISPS = ['BGP', 'BGP_PRO'];

;// CONCATENATED MODULE: ./src/model/index.ts






;// CONCATENATED MODULE: ./src/model/counts.ts
/**
 * Pod counts as Kubernetes takes them: `replicas`, `parallelism`, `minReplicas` and `maxReplicas` are int32 fields,
 * so a count is a whole number from 0 to 2,147,483,647. Terraform's `count` and the size of a `for_each` are held to
 * the same range (no real configuration comes near it, and it keeps every product of counts a finite number).
 */
const MAX_COUNT = 2_147_483_647;
/**
 * The most pods one Kubernetes cluster is built to run (the upstream scalability limits: 150,000 pods). A workload
 * above it is valid but unlikely to be meant: the rules point out that the cost rests on it.
 */
const HUGE_POD_COUNT = 150_000;
/** Why a number is not a pod count Kubernetes accepts, or undefined when it is one. */
function countProblem(n) {
    if (!Number.isFinite(n))
        return 'not a finite number';
    if (!Number.isInteger(n) || n < 0)
        return 'not a whole number';
    if (n > MAX_COUNT)
        return `above ${MAX_COUNT.toLocaleString('en-US')}, the largest count Kubernetes accepts (int32)`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/policy/charge-type.ts
/**
 * The charge type of an auto-created EIP whose pod does not write `eip-internet-charge-type` (ECI documents no
 * default): the config's `pricing.charge-type`, else PayByTraffic. The bandwidth range check and the cost both use
 * it, so a bandwidth is never accepted under one charge type and priced under the other.
 */
const DEFAULT_CHARGE_TYPE = 'PayByTraffic';
function assumedChargeType(pricing) {
    return pricing['charge-type'] === 'PayByBandwidth' ? 'PayByBandwidth' : DEFAULT_CHARGE_TYPE;
}
/** The bandwidth limit of a pay-as-you-go EIP, Mbit/s (TF-ALI eip_address): 200 billed by traffic, 500 by bandwidth. */
function bandwidthLimit(chargeType) {
    return chargeType === 'PayByTraffic' ? 200 : 500;
}

;// CONCATENATED MODULE: ./src/rules/eip-invalid-value/index.ts





function checkBandwidth(value, charge) {
    const max = bandwidthLimit(charge.chargeType);
    const range = `1–${max} Mbit/s for ${charge.chargeType}`;
    const assumed = charge.assumed ? ', the charge type assumed when none is written (pricing.charge-type)' : '';
    if (/^\d+$/.test(value)) {
        const n = Number(value);
        return n >= 1 && n <= max ? undefined : { problem: `${value} is outside ${range}${assumed}` };
    }
    const withUnit = /^\s*(\d+)(?:\.0*)?\s*(?:m|mb|mbps|mbit|mbits|mbit\/s|mb\/s|mi|mib)?\s*$/i.exec(value);
    if (withUnit) {
        const n = Number(withUnit[1]);
        const fixed = n >= 1 && n <= max ? String(n) : undefined;
        return { problem: `"${value}" is not a whole number of Mbit/s without a unit`, fixed };
    }
    return { problem: `"${value}" is not a whole number of Mbit/s (${range})` };
}
function canonical(value, allowed, aliases = {}) {
    const squashed = value.trim().toLowerCase().replace(/[-_\s]/g, '');
    for (const a of allowed)
        if (a.toLowerCase().replace(/_/g, '') === squashed)
            return a;
    return aliases[squashed];
}
function checkId(value, prefix) {
    const pattern = new RegExp(`^${prefix}-[a-z0-9]+$`);
    if (pattern.test(value))
        return undefined;
    const trimmed = value.trim();
    return {
        problem: `"${value}" is not an id of the form ${prefix}-…`,
        fixed: trimmed !== value && pattern.test(trimmed) ? trimmed : undefined,
    };
}
function checkBoolean(value) {
    if (value === 'true' || value === 'false')
        return undefined;
    const meant = /^\s*(?:true|yes|on|y|1)\s*$/i.test(value) ? 'true' : /^\s*(?:false|no|off|n|0)\s*$/i.test(value) ? 'false' : undefined;
    return { problem: `"${value}" is neither "true" nor "false" (ECI compares the exact string)`, fixed: meant };
}
/**
 * The IPv6 internet bandwidth takes a unit, unlike eip-bandwidth (ECI's example: "100M"). Kubernetes-style
 * suffixes are accepted; a bare number is ambiguous (no unit is assumed) and a lowercase `m` means milli there.
 */
function checkIpv6Bandwidth(value) {
    if (/^[1-9]\d*(?:\.\d+)?(?:[KMG]i?)$/.test(value))
        return undefined;
    const trimmed = value.trim();
    const fixed = trimmed !== value && /^[1-9]\d*(?:\.\d+)?(?:[KMG]i?)$/.test(trimmed) ? trimmed : undefined;
    if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
        return { problem: `"${value}" has no unit; the IPv6 bandwidth needs one, such as "${trimmed}M" for ${trimmed} Mbit/s` };
    }
    if (/^\d+(?:\.\d+)?m$/.test(trimmed)) {
        return { problem: `"${value}" ends in a lowercase m, which means milli; write M for Mbit/s` };
    }
    return { problem: `"${value}" is not a bandwidth with a unit, such as "100M"`, fixed };
}
function checkEipValue(key, value, chargeType) {
    switch (key) {
        case WITH_EIP:
        case ENABLE_IPV6:
        case IPV6_BANDWIDTH_ENABLE:
            return checkBoolean(value);
        case IPV6_COUNT:
            if (/^[1-9]\d*$/.test(value))
                return undefined;
            return {
                problem: `"${value}" is not a whole number of IPv6 addresses of at least 1`,
                fixed: /^\s*[1-9]\d*\s*$/.test(value) ? value.trim() : undefined,
            };
        case IPV6_BANDWIDTH:
            return checkIpv6Bandwidth(value);
        case EIP_BANDWIDTH:
            return checkBandwidth(value, chargeType);
        case EIP_ISP: {
            if (ISPS.some((isp) => isp === value))
                return undefined;
            return { problem: `"${value}" is not ${ISPS.join(' or ')}`, fixed: canonical(value, ISPS, { bpg: 'BGP', bpgpro: 'BGP_PRO' }) };
        }
        case EIP_CHARGE_TYPE: {
            if (CHARGE_TYPES.some((type) => type === value))
                return undefined;
            return { problem: `"${value}" is not ${CHARGE_TYPES.join(' or ')}`, fixed: canonical(value, CHARGE_TYPES) };
        }
        case EIP_INSTANCE_ID:
            return checkId(value, 'eip');
        case EIP_BANDWIDTH_PACKAGE:
            return checkId(value, 'cbwp');
        case EIP_ADDRESS_POOL:
            return checkId(value, 'pippool');
    }
    return undefined;
}
/**
 * The charge type of a block's EIP: the one written (a misspelt one counts as meant, a value that is neither counts
 * as the wider range, so the bandwidth is not blamed for it), else the assumed one, which the cost also uses.
 */
function chargeTypeOf(entries, pricing) {
    const value = entries.find((e) => e.key === EIP_CHARGE_TYPE)?.value;
    if (value === undefined)
        return { chargeType: assumedChargeType(pricing), assumed: true };
    const meant = canonical(value, CHARGE_TYPES);
    return { chargeType: meant ?? 'PayByBandwidth', assumed: false };
}
const eipInvalidValue = {
    meta: {
        id: 'eip-invalid-value',
        defaultSeverity: 'error',
        docs: {
            description: 'An ECI EIP or IPv6 annotation, or the pod count of pods that get EIPs, has a value ECI or Kubernetes does not accept.',
            url: ruleDocsUrl('eip-invalid-value'),
        },
        fix: 'safe',
        fixDescription: 'write the one value that was meant ("10M" → "10", BPG → BGP, "True" → "true")',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, scan } = context;
        checkPodCounts(context);
        const blocks = metadataBlocks(workload);
        for (const block of blocks) {
            const chargeType = chargeTypeOf(block.annotations, scan.config.pricing);
            for (const entry of block.annotations) {
                // A value that is not a string is eip-not-string's finding; its fix writes the right string.
                if (entry.valueType !== 'string')
                    continue;
                const result = checkEipValue(entry.key, entry.value, chargeType);
                if (!result)
                    continue;
                context.report({
                    message: `${entry.label ?? entry.key}: ${result.problem}; ECI rejects or ignores it.` +
                        (result.fixed !== undefined ? ` Write "${result.fixed}".` : ''),
                    span: entry.valueSpan,
                    edits: result.fixed !== undefined ? workload.editor.setStringValue(entry, result.fixed) : undefined,
                    fixDescription: result.fixed !== undefined ? `write "${result.fixed}"` : undefined,
                });
            }
        }
    },
};
/**
 * The pod counts the EIP cost rests on, for a workload whose ECI pods each get an EIP: a count Kubernetes refuses
 * (1.5, "3", 1.7e308, above int32) is an error and no cost; a valid but huge one (more pods than one cluster runs)
 * is a notice, since the projected cost rests on it.
 */
function checkPodCounts(context) {
    const { workload, facts } = context;
    if (!facts.eci.eci || !facts.autoEip)
        return;
    const counts = [workload.replicas, workload.parallelism, ...(workload.instances ? [workload.instances] : [])];
    let invalid = false;
    for (const count of counts) {
        if (count.invalid === undefined || !count.span)
            continue;
        invalid = true;
        context.report({
            message: `${count.invalid}; Kubernetes refuses it, so no EIP cost is projected for these pods.`,
            span: count.span,
        });
    }
    const pods = facts.maxPods.value;
    if (invalid || pods === undefined || pods <= HUGE_POD_COUNT)
        return;
    const span = [workload.instances, workload.replicas, workload.parallelism].find((c) => c?.span && c.value !== undefined && c.value > 1)?.span ?? workload.span;
    context.report({
        severity: 'notice',
        message: `${pods.toLocaleString('en-US')} pods (${facts.maxPods.why}), each with its own EIP: more than one Kubernetes cluster ` +
            `runs (${HUGE_POD_COUNT.toLocaleString('en-US')} pods). The projected cost rests on this count; check that it is meant.`,
        span,
    });
}

;// CONCATENATED MODULE: ./src/rules/eip-misplaced/index.ts


/** Where a misplaced key is, with the block's path in the one parenthesis: `the object's own metadata (metadata.annotations)`. */
const LEVEL_WORDS = {
    object: (path) => `the object's own metadata (${path})`,
    'job-template': (path) => `the CronJob's ${path}, the Job's metadata and not the pod's`,
    'object-annotations': (path) => `the object-level annotations (${path})`,
    pod: (path) => `the pod template (${path})`,
};
const eipMisplaced = {
    meta: {
        id: 'eip-misplaced',
        defaultSeverity: 'error',
        docs: {
            description: 'An ECI EIP key sits where ECI never reads it.',
            url: ruleDocsUrl('eip-misplaced'),
        },
        fix: 'safe',
        fixDescription: 'move it to the pod template annotations',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        // Keys on an object without ECI pods do nothing wherever they are: eip-no-effect reports them.
        if (!workload.pod || !facts.eci.eci)
            return;
        const target = podAnnotationsPath(workload);
        const misplaced = [];
        for (const block of workload.objectMetadata) {
            for (const entry of block.annotations) {
                if (isEipKey(entry.key))
                    misplaced.push({ entry, where: LEVEL_WORDS[block.level](`${block.path}.annotations`) });
            }
        }
        for (const block of [...workload.objectMetadata, workload.pod]) {
            for (const entry of block.labels) {
                if (isEipKey(entry.key))
                    misplaced.push({ entry, where: `the labels of ${block.path}: ECI reads it only as an annotation` });
            }
        }
        for (const { entry, where } of misplaced) {
            const existing = workload.pod.annotations.find((a) => a.key === entry.key);
            const base = `${entry.key} is in ${where}, so ECI ignores it and the pods of ${describeWorkload(workload)} get no such setting. ` +
                `ECI reads pod annotations only from ${target}.`;
            if (existing && existing.value !== entry.value) {
                context.report({
                    message: `${base} ${target} already sets it to "${existing.value}"; remove one of the two.`,
                    span: entry.keySpan,
                });
            }
            else if (existing) {
                context.report({
                    message: `${base} ${target} already has the same value; remove this copy.`,
                    span: entry.keySpan,
                    edits: workload.editor.removeEntry(entry),
                    fixDescription: `remove the copy; ${target} already has it`,
                });
            }
            else {
                context.report({
                    message: `${base} Move it there.`,
                    span: entry.keySpan,
                    edits: workload.editor.moveToPodAnnotations(entry),
                    fixDescription: `move to ${target}`,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/policy/evidence.ts
/** Hosts inside Alibaba Cloud: reaching them needs no internet egress. */
function isAlibabaCloudHost(host) {
    return host === 'aliyuncs.com' || host.endsWith('.aliyuncs.com');
}
function isPrivateAddress(host) {
    const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
    if (ipv4) {
        const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
        return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254);
    }
    if (host.startsWith('[') || host.includes(':'))
        return /^\[?(?:::1|f[cd]|fe80)/i.test(host);
    return false;
}
/** Hosts that are inside the cluster or the private network: not evidence of internet egress. */
function isInternalHost(host) {
    const h = host.toLowerCase().replace(/\.$/, '');
    return (h === 'localhost' ||
        !h.includes('.') ||
        /\.(?:svc|local|internal|localdomain|cluster\.local)$/.test(h) ||
        h.endsWith('.svc.cluster.local') ||
        isPrivateAddress(h) ||
        isAlibabaCloudHost(h));
}
/** The registry host of an image reference: Docker Hub when the first part is not a host. */
function imageRegistry(image) {
    const slash = image.indexOf('/');
    if (slash === -1)
        return 'docker.io';
    const first = image.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost')
        return first.replace(/:\d+$/, '');
    return 'docker.io';
}
function isTemplated(value) {
    return value.includes('$(') || value.includes('${') || value.includes('{{');
}
/** What shows that a workload's pods reach the internet (policy `egress: auto`). */
function egressEvidence(workload) {
    const evidence = [];
    for (const image of workload.images) {
        if (isTemplated(image.value) || image.value.trim() === '')
            continue;
        const registry = imageRegistry(image.value.trim());
        if (registry === 'docker.io' || !isInternalHost(registry)) {
            evidence.push({ kind: 'image', value: image.value, where: image.where, span: image.span });
        }
    }
    for (const url of workload.urls) {
        if (isTemplated(url.value))
            continue;
        let host;
        try {
            host = new URL(url.value).hostname;
        }
        catch {
            continue;
        }
        if (host && !isInternalHost(host))
            evidence.push({ kind: 'url', value: url.value, where: url.where, span: url.span });
    }
    return evidence;
}
function describeEvidence(e) {
    return e.kind === 'image'
        ? `${e.where} ${e.value} is pulled from ${imageRegistry(e.value)}, outside Alibaba Cloud`
        : `${e.where} calls ${e.value}`;
}

;// CONCATENATED MODULE: ./src/text/edit-distance.ts
/**
 * The number of single-character edits (insertions, deletions, substitutions) that turn `a` into `b`, stopping early
 * once it exceeds `limit`: beyond it, the answer is `limit + 1`. With `swaps`, exchanging two neighbours counts as
 * one edit too (`--fromat` is one edit from `--format`), as a typo of a typed name usually is.
 */
function editDistance(a, b, limit = Infinity, { swaps = false } = {}) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let beforePrevious = Array.from({ length: b.length + 1 }, (_, j) => j);
    let previous = beforePrevious;
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
            }
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > limit)
            return limit + 1;
        beforePrevious = previous;
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/policy/key-typos.ts



/** The ECI EIP key a key was likely meant to be, when it is a near miss or another add-on's look-alike. */
function guessEipKey(key) {
    // A real key of ECI or of another component is never a near miss, however close its spelling.
    if (isKnownKey(key))
        return undefined;
    const lookAlike = LOOK_ALIKES[key];
    if (lookAlike)
        return { meant: lookAlike, kind: 'look-alike' };
    if (!/aliyun|alibaba|eip|eci/i.test(key))
        return undefined;
    const lower = key.toLowerCase();
    let best;
    for (const candidate of EIP_KEYS) {
        const distance = lower === candidate ? 0 : editDistance(lower, candidate, 2);
        if (distance <= 2 && (!best || distance < best.distance))
            best = { key: candidate, distance };
    }
    return best ? { meant: best.key, kind: 'typo' } : undefined;
}
/**
 * Whether the workload asks for an EIP somewhere ECI does not read it: a misplaced or misspelt
 * eci-with-eip or eci-eip-instanceid. Their own rules report it, and their fixes give the pod its EIP,
 * so rules about a pod without an EIP stay quiet rather than report the same mistake twice.
 */
function asksForEipElsewhere(workload) {
    const meansEip = (key) => {
        const meant = key === WITH_EIP || key === EIP_INSTANCE_ID ? key : guessEipKey(key)?.meant;
        return meant === WITH_EIP || meant === EIP_INSTANCE_ID;
    };
    const isPodKey = (key) => key === WITH_EIP || key === EIP_INSTANCE_ID;
    const blocks = metadataBlocks(workload);
    return blocks.some((b) => b.labels.some((e) => meansEip(e.key)) ||
        b.annotations.some((e) => meansEip(e.key) && (b.level !== 'pod' || !isPodKey(e.key))));
}

;// CONCATENATED MODULE: ./src/rules/eip-missing/index.ts




const eipMissing = {
    meta: {
        id: 'eip-missing',
        defaultSeverity: 'warning',
        docs: {
            description: 'An ECI pod needs internet egress and has neither an EIP nor a NAT gateway.',
            url: ruleDocsUrl('eip-missing'),
        },
        // Under `egress: eip` the user asked for an EIP on every ECI pod; under `auto` the fix adds a public IP and a
        // monthly bill per pod on evidence that is a guess, so it is applied only when asked for by name.
        fix: 'per-finding',
        fixDescription: `add ${WITH_EIP}: "true" to the pod template`,
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        if (!workload.pod || !facts.eci.eci || facts.autoEip || facts.existingEip || facts.nat.present)
            return;
        // No finding rests on an unresolved value: an unknown EIP key or NAT gateway may give the pod egress.
        if (facts.unresolved || facts.nat.unknown)
            return;
        if (facts.egress !== 'eip' && facts.egress !== 'auto')
            return;
        const written = facts.podAnnotations.get(WITH_EIP);
        if (written && facts.egress === 'auto')
            return; // an explicit "false" is a decision, not an omission
        if (asksForEipElsewhere(workload))
            return;
        const evidence = facts.evidence[0];
        if (facts.egress === 'auto' && !evidence)
            return;
        const target = podAnnotationsPath(workload);
        const setting = settingText(workload, WITH_EIP, 'true');
        const need = evidence
            ? `${describeWorkload(workload)} needs the internet (${describeEvidence(evidence)}${facts.evidence.length > 1 ? `, and ${facts.evidence.length - 1} more` : ''})`
            : `egress: eip asks every ECI pod of ${describeWorkload(workload)} to have an EIP`;
        // IPv6 internet access is not an EIP: it reaches IPv6 destinations only, so it does not answer the need.
        const ipv6 = facts.podAnnotations.get(IPV6_BANDWIDTH_ENABLE)?.value === 'true'
            ? ` (${IPV6_BANDWIDTH_ENABLE} gives IPv6 internet access, which reaches IPv6 destinations only.)`
            : '';
        context.report({
            message: `${need}, but its pods have no EIP and no NAT gateway is known, so an ECI pod cannot reach the internet. ` +
                `Add ${setting} to ${target}, or set nat-gateway: present if the VPC has a NAT gateway.${ipv6}`,
            severity: facts.egress === 'eip' ? 'error' : 'warning',
            span: workload.pod.span,
            edits: written ? undefined : workload.editor.addPodAnnotation(WITH_EIP, 'true'),
            fixDescription: written ? undefined : `add ${setting} to ${target}`,
            fixSafety: facts.egress === 'eip' ? 'safe' : 'unsafe',
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-no-effect/index.ts



const eipNoEffect = {
    meta: {
        id: 'eip-no-effect',
        defaultSeverity: 'warning',
        docs: {
            description: 'EIP keys on a pod that will not run on ECI, or on an object that has no pods.',
            url: ruleDocsUrl('eip-no-effect'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        if (workload.pod && facts.eci.eci)
            return;
        const why = workload.pod
            ? `its pods do not run on ECI: ${facts.eci.reason}`
            : `a ${workload.kind} has no pods, and ECI reads EIP keys only from a pod's annotations`;
        const blocks = metadataBlocks(workload);
        for (const block of blocks) {
            for (const entry of [...block.annotations, ...block.labels]) {
                if (!isEipKey(entry.key))
                    continue;
                context.report({
                    message: `${entry.key} on ${describeWorkload(workload)} has no effect: ${why}. Remove it, or move it to a workload whose pods run on ECI.`,
                    span: entry.keySpan,
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-not-string/index.ts



/** The YAML 1.1 spellings of true (the reader types only these, and their false counterparts, as bools). */
const TRUTHY = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
/** The string the author meant: `true` is "true"; for ECI's "true"/"false" keys, `yes`/`on` mean "true" too. */
function meantString(entry) {
    if (entry.valueType === 'null')
        return undefined;
    if (BOOLEAN_KEYS.includes(entry.key) && entry.valueType === 'bool')
        return TRUTHY.test(entry.value) ? 'true' : 'false';
    return entry.value;
}
const eipNotString = {
    meta: {
        id: 'eip-not-string',
        defaultSeverity: 'error',
        docs: {
            description: 'An Alibaba Cloud annotation value is a bool, number or null to Kubernetes, not a string.',
            url: ruleDocsUrl('eip-not-string'),
        },
        fix: 'safe',
        fixDescription: 'quote the value',
        appliesTo: ['kubernetes'],
    },
    check(context) {
        const { workload } = context;
        const blocks = metadataBlocks(workload);
        for (const block of blocks) {
            for (const [field, entries] of [['annotation', block.annotations], ['label', block.labels]]) {
                for (const entry of entries) {
                    if (!STRING_VALUE_PREFIXES.some((p) => entry.key.startsWith(p)))
                        continue;
                    if (entry.valueType !== 'bool' && entry.valueType !== 'number' && entry.valueType !== 'null')
                        continue;
                    const meant = meantString(entry);
                    const shown = entry.valueType === 'null' ? 'empty' : entry.value;
                    const yaml11 = entry.valueType === 'bool' && !/^(?:true|false)$/i.test(entry.value)
                        ? ' (Kubernetes reads YAML 1.1, where an unquoted yes/no/on/off is a bool)'
                        : '';
                    context.report({
                        message: `The ${field} ${entry.key}: ${shown} is a ${entry.valueType} to Kubernetes${yaml11}, not a string: ` +
                            `the apply fails with "cannot unmarshal ${entry.valueType === 'number' ? 'number' : entry.valueType} into Go struct field ObjectMeta.metadata.${field}s of type string". ` +
                            (meant === undefined ? 'Give it a quoted value.' : `Quote it: "${meant}".`),
                        span: entry.valueType === 'null' ? entry.keySpan : entry.valueSpan,
                        edits: meant === undefined ? undefined : workload.editor.setStringValue(entry, meant),
                        fixDescription: meant === undefined ? undefined : `write it as the string "${meant}"`,
                    });
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-orphan-setting/index.ts



const eipOrphanSetting = {
    meta: {
        id: 'eip-orphan-setting',
        defaultSeverity: 'warning',
        docs: {
            description: `An EIP setting (bandwidth, ISP, charge type, bandwidth plan, IP pool) without ${WITH_EIP}: "true".`,
            url: ruleDocsUrl('eip-orphan-setting'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        // A misplaced or misspelt eci-with-eip is its own rule's finding; once fixed, the setting is no orphan.
        if (!workload.pod || !facts.eci.eci || facts.autoEip || facts.unresolved || asksForEipElsewhere(workload))
            return;
        const withEip = settingText(workload, WITH_EIP, 'true');
        for (const entry of workload.pod.annotations) {
            if (!EIP_SETTING_KEYS.includes(entry.key))
                continue;
            context.report({
                message: `${entry.label ?? keyName(workload, entry.key)} shapes an auto-created EIP, but the pods of ${describeWorkload(workload)} do not ask for one ` +
                    `(${withEip} is missing), so the setting does nothing. Add ${withEip} or remove the setting.`,
                span: entry.keySpan,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-keys-on-pod.ts

/** The EIP keys written in the pod template, and the edits that remove them all. */
function writtenEipKeys(workload) {
    const entries = (workload.pod?.annotations ?? []).filter((e) => isEipKey(e.key));
    // Removed together, so that the editor sees when they empty their map (and removes it with them).
    return { entries, removal: entries.length > 0 ? workload.editor.removeEntries(entries) : undefined };
}
/** Where the pod's EIP is asked for: the written key, or the eci-profile that injects it. */
function eipSource(workload, facts) {
    const annotation = facts.podAnnotations.get(facts.autoEip ? WITH_EIP : EIP_INSTANCE_ID);
    return {
        span: annotation?.entry?.keySpan ?? workload.pod?.span ?? workload.span,
        injectedBy: annotation?.entry ? undefined : annotation?.injectedBy,
    };
}

;// CONCATENATED MODULE: ./src/rules/eip-redundant/index.ts


const eipRedundant = {
    meta: {
        id: 'eip-redundant',
        defaultSeverity: 'warning',
        docs: {
            description: 'An ECI pod has its own EIP although egress goes through a NAT gateway.',
            url: ruleDocsUrl('eip-redundant'),
        },
        fix: 'unsafe',
        fixDescription: 'remove the EIP keys from the pod template',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts, scan } = context;
        if (!workload.pod || !facts.eci.eci || !(facts.autoEip || facts.existingEip))
            return;
        if (!(facts.egress === 'nat' || (facts.egress === 'auto' && facts.nat.present)))
            return;
        const source = eipSource(workload, facts);
        const decidedBy = facts.nat.decidedBy;
        const entry = facts.nat.clusterEntry;
        const why = facts.egress === 'nat'
            ? 'the egress policy for it is nat'
            : typeof decidedBy === 'object'
                ? `a NAT gateway is present (${decidedBy.resource} in ${decidedBy.file}:${decidedBy.span.line})`
                : entry !== undefined
                    ? `a NAT gateway is present (nat-gateway: present in clusters[${entry}], path "${scan.config.clusters[entry].path}")`
                    : 'a NAT gateway is present (nat-gateway: present)';
        const { removal } = writtenEipKeys(workload);
        context.report({
            message: `The pods of ${describeWorkload(workload)} each get an EIP although ${why}. A pod's EIP wins over the NAT ` +
                `gateway's SNAT, so every pod gets a public address and an EIP bill of its own. Remove the EIP keys, or set ` +
                `egress: eip for this workload if the pods need their own addresses.` +
                (source.injectedBy ? ` The EIP is injected by the eci-profile selector "${source.injectedBy}".` : ''),
            span: source.span,
            edits: source.injectedBy ? undefined : removal,
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-shared-instance/index.ts


const eipSharedInstance = {
    meta: {
        id: 'eip-shared-instance',
        defaultSeverity: 'error',
        docs: {
            description: 'An existing EIP id on a template that can run more than one pod at once.',
            url: ruleDocsUrl('eip-shared-instance'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        const max = facts.maxPods.value;
        if (!workload.pod || !facts.eci.eci || !facts.existingEip || max === undefined || max <= 1)
            return;
        const instance = facts.podAnnotations.get(EIP_INSTANCE_ID);
        context.report({
            message: `${keyName(workload, EIP_INSTANCE_ID)} binds one existing EIP, and an EIP serves one ECI instance at a time, but ` +
                `${describeWorkload(workload)} can run ${max} pods at once (${facts.maxPods.why}): the other pods get no EIP. ` +
                `Use ${settingText(workload, 'k8s.aliyun.com/eci-with-eip', 'true')} for one EIP per pod, or a NAT gateway.`,
            span: instance.entry?.keySpan ?? workload.span,
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-unexpected/index.ts


const eipUnexpected = {
    meta: {
        id: 'eip-unexpected',
        defaultSeverity: 'warning',
        docs: {
            description: 'An ECI pod has an EIP although its egress policy is none.',
            url: ruleDocsUrl('eip-unexpected'),
        },
        fix: 'unsafe',
        fixDescription: 'remove the EIP keys from the pod template',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        if (!workload.pod || !facts.eci.eci || facts.egress !== 'none' || !(facts.autoEip || facts.existingEip))
            return;
        const source = eipSource(workload, facts);
        const { removal } = writtenEipKeys(workload);
        context.report({
            message: `The pods of ${describeWorkload(workload)} get a public EIP although its egress policy is none: each pod is ` +
                `reachable from the internet as far as its security group allows. Remove the EIP keys, or change the policy.` +
                (source.injectedBy ? ` The EIP is injected by the eci-profile selector "${source.injectedBy}".` : ''),
            span: source.span,
            edits: source.injectedBy ? undefined : removal,
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-unknown-key/index.ts




const eipUnknownKey = {
    meta: {
        id: 'eip-unknown-key',
        defaultSeverity: 'warning',
        docs: {
            description: 'A key that looks like an ECI EIP key but is not one, so ECI ignores it.',
            url: ruleDocsUrl('eip-unknown-key'),
        },
        fix: 'safe',
        fixDescription: 'rename it to the ECI key (typos and legacy aliases only)',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts } = context;
        const blocks = metadataBlocks(workload);
        for (const block of blocks) {
            for (const entry of block.annotations) {
                const controllerOnly = CONTROLLER_ONLY_KEYS[entry.key];
                if (controllerOnly !== undefined) {
                    // Right for pods on ECS nodes, where ack-extend-network-controller reads it; only on an ECI pod is it dead.
                    if (facts.eci.eci)
                        reportControllerOnly(context, entry, controllerOnly);
                    continue;
                }
                const guess = guessEipKey(entry.key);
                if (!guess)
                    continue;
                // Look-alikes are right for other add-ons (pods on ECS nodes); only on an ECI pod are they a mistake.
                if (guess.kind === 'look-alike' && !facts.eci.eci)
                    continue;
                const why = guess.kind === 'look-alike'
                    ? `${entry.key} belongs to another network add-on (Terway / ACS), not to ECI`
                    : `${entry.key} is not an ECI key`;
                const taken = block.annotations.some((a) => a.key === guess.meant);
                context.report({
                    message: `${why}; ECI ignores it. Did you mean ${guess.meant}?` +
                        (taken ? ` (${block.path}.annotations already has ${guess.meant}; remove one.)` : ''),
                    span: entry.keySpan,
                    edits: taken ? undefined : workload.editor.renameKey(entry, guess.meant),
                    fixDescription: taken ? undefined : `rename to ${guess.meant}`,
                });
            }
        }
        // An EIP argument its Terraform resource type does not have: not ignored but rejected, so an error.
        for (const rejected of workload.rejectedArguments ?? []) {
            context.report({ message: `${rejected.why}.`, span: rejected.span, severity: 'error' });
        }
    },
};
/**
 * A real key of ack-extend-network-controller: not a typo, so no rename (the ECI key with the closest name means
 * something else); removing it is the user's call, as the same manifest may also serve pods on ECS nodes.
 */
function reportControllerOnly(context, entry, meaning) {
    context.report({
        message: `${entry.key} (${meaning}) is read only by ack-extend-network-controller, the EIP add-on for pods on ECS nodes; ECI does not read it, ` +
            `so on the ECI pods of ${describeWorkload(context.workload)} it has no effect. ` +
            `Remove it, unless the same manifest also serves pods on ECS nodes.`,
        span: entry.keySpan,
    });
}

;// CONCATENATED MODULE: ./src/cost/formulas.ts
/**
 * The formulas of the cost model (docs/cost.md), with H hours and D = H / 24 days a month, w = 0 when the
 * ECI configuration-fee waiver applies (else 1), g GB of egress per pod a month and b Mbit/s per EIP.
 */
/** The largest pod count the break-even search tries. */
const BREAK_EVEN_LIMIT = 10_000;
function daysPerMonth(a) {
    return a.hoursPerMonth / 24;
}
/** bw(b) = eip-bandwidth-day-first5 · min(b, 5) + eip-bandwidth-day-above5 · max(b − 5, 0), per day. */
function bandwidthFeePerDay(p, mbps) {
    return p['eip-bandwidth-day-first5'] * Math.min(mbps, 5) + p['eip-bandwidth-day-above5'] * Math.max(mbps - 5, 0);
}
/**
 * One auto-created EIP for a month:
 * - PayByTraffic: w · eip-config-fee-hour · H + g · eip-traffic-gb
 * - PayByBandwidth: D · (w · eip-config-fee-day + bw(b))
 * In a shared bandwidth plan the plan bills the EIP's traffic or bandwidth, so only the configuration fee is left.
 */
function perEipMonthly(p, a, chargeType, mbps, inBandwidthPlan = false) {
    const w = a.waiveEciConfigFee ? 0 : 1;
    if (chargeType === 'PayByTraffic') {
        const traffic = inBandwidthPlan ? 0 : a.trafficGbPerPod * p['eip-traffic-gb'];
        return w * p['eip-config-fee-hour'] * a.hoursPerMonth + traffic;
    }
    const bandwidth = inBandwidthPlan ? 0 : bandwidthFeePerDay(p, mbps);
    return daysPerMonth(a) * (w * p['eip-config-fee-day'] + bandwidth);
}
/**
 * What the account's free CDT traffic saves on `gb` GB a month of pay-by-traffic EIP traffic:
 * min(free-traffic-gb, gb) · eip-traffic-gb. The allowance is one per account, shared by all its EIPs.
 */
function freeTrafficCredit(p, a, gb) {
    return Math.min(a.freeTrafficGb, Math.max(0, gb)) * p['eip-traffic-gb'];
}
/**
 * One internet NAT gateway with one pay-by-traffic EIP (its configuration fee is charged: the ECI waiver does
 * not apply to an EIP on a NAT gateway) carrying the egress of n pods, a capacity unit per GB, less the free
 * traffic allowance on its EIP's traffic:
 * nat-hour · H + nat-cu · n · g + eip-config-fee-hour · H + n · g · eip-traffic-gb − min(free, n · g) · eip-traffic-gb
 */
function natAlternativeMonthly(p, a, pods) {
    const H = a.hoursPerMonth;
    const gb = pods * a.trafficGbPerPod;
    return p['nat-hour'] * H + p['nat-cu'] * gb + p['eip-config-fee-hour'] * H + gb * p['eip-traffic-gb'] - freeTrafficCredit(p, a, gb);
}
/** a ≤ b, forgiving the rounding error of floating point. */
function noMoreThan(a, b) {
    return a <= b + 1e-9 * Math.max(1, Math.abs(b));
}
/**
 * The smallest whole n ≥ 1 (up to BREAK_EVEN_LIMIT) at which the NAT alternative costs no more than n per-pod
 * EIPs at `perPod` each; null when it never does. `trafficShare` is the share of those pods whose traffic the
 * free allowance covers (pay-by-traffic BGP EIPs).
 */
function breakEvenPods(p, a, perPod, trafficShare = 1) {
    const nat = (n) => natAlternativeMonthly(p, a, n);
    if (a.freeTrafficGb > 0) {
        // The free allowance bends both sides (it covers the first GB only), so walk: at most BREAK_EVEN_LIMIT steps.
        const eips = (n) => n * perPod - freeTrafficCredit(p, a, n * trafficShare * a.trafficGbPerPod);
        for (let n = 1; n <= BREAK_EVEN_LIMIT; n++)
            if (noMoreThan(nat(n), eips(n)))
                return n;
        return null;
    }
    // Both sides are linear in n: NAT = fixed + n·natPerPod against n·perPod, so n = fixed / margin, rounded
    // up; the two short walks below only settle floating-point rounding at the boundary.
    const fixed = nat(0);
    const margin = perPod - (nat(1) - fixed);
    if (margin <= 0)
        return noMoreThan(nat(1), perPod) ? 1 : null;
    let n = Math.max(1, Math.ceil(fixed / margin));
    while (n > 1 && noMoreThan(nat(n - 1), (n - 1) * perPod))
        n--;
    while (n <= BREAK_EVEN_LIMIT && !noMoreThan(nat(n), n * perPod))
        n++;
    return n <= BREAK_EVEN_LIMIT ? n : null;
}

;// CONCATENATED MODULE: ./src/cost/pods.ts
/** The count's value (or the fallback when it is not written), or why it is not known. */
function known(count, fallback) {
    if (count.unknown !== undefined)
        return count.what ? `${count.what}: ${count.unknown}` : count.unknown;
    return count.value ?? fallback;
}
/**
 * How many pods a workload runs at once, as a range:
 * - Pod: 1; DaemonSet: 0 (its pods never run on ECI); Job and CronJob: `parallelism` (default 1);
 * - any other template: `replicas` (default 1), or with a HorizontalPodAutoscaler `[minReplicas (default 1),
 *   maxReplicas]` (an autoscaler does not scale a workload whose `replicas` is 0);
 * - times `instances` (Terraform `count` / `for_each` size; default 1).
 * A value that cannot be read makes the count unknown, with the reason; nothing is guessed.
 */
function podRange(workload) {
    let range;
    switch (workload.kind) {
        case 'Pod':
            range = { min: 1, max: 1 };
            break;
        case 'DaemonSet':
            range = { min: 0, max: 0 };
            break;
        case 'Job':
        case 'CronJob': {
            const parallelism = known(workload.parallelism, 1);
            if (typeof parallelism === 'string')
                return { unknown: parallelism };
            range = { min: parallelism, max: parallelism };
            break;
        }
        default: {
            const replicas = known(workload.replicas, 1);
            const hpa = workload.autoscaler;
            if (hpa && replicas !== 0) {
                const what = `the HorizontalPodAutoscaler ${hpa.name}`;
                const min = known(hpa.min, 1);
                if (typeof min === 'string')
                    return { unknown: `${what}: ${min}` };
                if (hpa.max.unknown !== undefined)
                    return { unknown: `${what}: ${hpa.max.unknown}` };
                if (hpa.max.value === undefined)
                    return { unknown: `${what} has no maxReplicas` };
                if (min > hpa.max.value)
                    return { unknown: `${what} has minReplicas ${min} above maxReplicas ${hpa.max.value}` };
                range = { min, max: hpa.max.value };
                break;
            }
            if (typeof replicas === 'string')
                return { unknown: replicas };
            range = { min: replicas, max: replicas };
        }
    }
    if (workload.instances) {
        const instances = known(workload.instances, 1);
        if (typeof instances === 'string')
            return { unknown: instances };
        range = { min: range.min * instances, max: range.max * instances };
    }
    return { range };
}

;// CONCATENATED MODULE: ./src/cost/project.ts





/** Whether the workload is in the projection: an ECI workload whose pods get an EIP, or may. */
function costed({ facts }) {
    if (!facts.eci.eci)
        return false;
    const withEip = facts.podAnnotations.get(WITH_EIP);
    return facts.autoEip || facts.existingEip || withEip?.entry?.valueType === 'unknown' || facts.unresolved !== undefined;
}
/** How messages name an annotation: as its source writes it (a Terraform argument) or by its key. */
function named(annotation, key) {
    return annotation?.entry?.label ?? key;
}
function scale(range, factor) {
    return { min: range.min * factor, max: range.max * factor };
}
const SOURCES = new WeakMap();
/** The workload a cost was projected for (for the findings of eip-cost-budget). */
function sourceWorkload(cost) {
    return SOURCES.get(cost);
}
/** One workload's EIP cost, or why it is not known. */
function costOfWorkload(input, pricing) {
    const cost = estimate(input, pricing);
    SOURCES.set(cost, input.workload);
    return cost;
}
function estimate({ workload, facts }, pricing) {
    const annotations = facts.podAnnotations;
    const withEip = annotations.get(WITH_EIP);
    const asked = facts.autoEip ? withEip : annotations.get(EIP_INSTANCE_ID) ?? withEip;
    const pods = podRange(workload);
    const base = {
        file: workload.file,
        kind: workload.kind,
        name: workload.name,
        namespace: workload.namespace,
        span: asked?.entry?.keySpan ?? workload.pod?.span ?? workload.span,
        ...(pods.range ? { pods: pods.range } : {}),
    };
    const unknown = [];
    if (pods.unknown !== undefined)
        unknown.push(`the pod count is not known: ${pods.unknown}`);
    // Some of the pod's EIP keys could not be read (an unresolved Terraform value): nothing is guessed.
    const unresolved = facts.unresolved === undefined ? undefined : `the EIP settings are not known: ${facts.unresolved}`;
    // An existing EIP is billed whether or not a pod uses it, so it adds nothing. With both keys, ECI creates a
    // new EIP and does not use the given one (AlibabaCloudDocs/csk, 2021), so the auto EIP is priced.
    if (!facts.autoEip && facts.existingEip) {
        return unresolved ? { ...base, eip: 'existing', unknown: unresolved } : { ...base, eip: 'existing', perPod: 0, monthly: { min: 0, max: 0 } };
    }
    if (unresolved)
        unknown.unshift(unresolved);
    else if (!facts.autoEip)
        unknown.unshift(`whether ECI creates an EIP is not known: the value of ${named(withEip, WITH_EIP)} is not known`);
    const plan = annotations.get(EIP_BANDWIDTH_PACKAGE);
    const inPlan = plan !== undefined && plan.value.trim() !== '';
    let chargeType = pricing.assumptions.chargeType;
    const charge = annotations.get(EIP_CHARGE_TYPE);
    if (charge) {
        if (charge.entry?.valueType === 'unknown') {
            chargeType = undefined;
            unknown.push(`the value of ${named(charge, EIP_CHARGE_TYPE)} is not known`);
        }
        else if (CHARGE_TYPES.includes(charge.value)) {
            chargeType = charge.value;
        }
        else {
            chargeType = undefined;
            unknown.push(`${named(charge, EIP_CHARGE_TYPE)} "${charge.value}" is not ${CHARGE_TYPES.join(' or ')}`);
        }
    }
    let bandwidthMbps = pricing.assumptions.bandwidthMbps;
    const bandwidth = annotations.get(EIP_BANDWIDTH);
    if (bandwidth) {
        // The same range as eip-invalid-value: the written charge type's, else the assumed one's (an unknown charge
        // type leaves the cost unknown anyway).
        const limit = bandwidthLimit(chargeType ?? 'PayByBandwidth');
        const n = /^\d+$/.test(bandwidth.value) ? Number(bandwidth.value) : NaN;
        if (bandwidth.entry?.valueType === 'unknown') {
            bandwidthMbps = undefined;
            unknown.push(`the value of ${named(bandwidth, EIP_BANDWIDTH)} is not known`);
        }
        else if (!(n >= 1 && n <= limit)) {
            bandwidthMbps = undefined;
            unknown.push(`${named(bandwidth, EIP_BANDWIDTH)} "${bandwidth.value}" is not a whole number of Mbit/s in 1–${limit}`);
        }
        else {
            bandwidthMbps = n;
        }
    }
    // Only the exact value selects BGP Pro; any other value is eip-invalid-value's finding, and ECI's default is BGP.
    const isp = annotations.get(EIP_ISP)?.value === 'BGP_PRO' ? 'BGP_PRO' : 'BGP';
    let prices = pricing.info.prices;
    if (isp === 'BGP_PRO' && chargeType && bandwidthMbps !== undefined) {
        const needed = bgpProKeys(chargeType, bandwidthMbps, inPlan, pricing.assumptions.waiveEciConfigFee);
        const missing = needed.filter((k) => pricing.info.bgpPro[k] === undefined);
        if (missing.length > 0) {
            unknown.push(`eip-isp BGP_PRO: the price table has no BGP (Multi-ISP) Pro price for ${pricing.info.region} in ${pricing.info.currency} ` +
                `(${missing.join(', ')}); give it in pricing.bgp-pro-prices`);
        }
        prices = { ...prices, ...pricing.info.bgpPro };
    }
    const described = {
        ...base,
        eip: inPlan ? 'bandwidth-plan' : 'auto',
        ...(chargeType ? { chargeType } : {}),
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
        isp,
    };
    if (unknown.length > 0 || !chargeType || bandwidthMbps === undefined || !pods.range) {
        return { ...described, unknown: unknown.join('; ') };
    }
    const perPod = perEipMonthly(prices, pricing.assumptions, chargeType, bandwidthMbps, inPlan);
    // The free allowance is applied to traffic billed at the table's BGP price only: whether CDT's allowance
    // covers BGP Pro traffic is not documented, so BGP Pro is never made cheaper by it.
    const billedByGb = chargeType === 'PayByTraffic' && !inPlan && isp === 'BGP';
    const trafficGb = billedByGb ? scale(pods.range, pricing.assumptions.trafficGbPerPod) : { min: 0, max: 0 };
    const monthly = scale(pods.range, perPod);
    // Counts are bounded by the readers, but no NaN or Infinity may ever reach a total, a budget or a report.
    if (![perPod, monthly.min, monthly.max].every(Number.isFinite)) {
        return { ...described, unknown: 'the projected cost is too large to be a number' };
    }
    return { ...described, perPod, monthly, trafficGb };
}
/** The prices one BGP Pro EIP needs: its traffic or bandwidth (unless a bandwidth plan bills it) and its configuration fee when charged. */
function bgpProKeys(chargeType, mbps, inPlan, waived) {
    const keys = [];
    if (chargeType === 'PayByTraffic') {
        if (!waived)
            keys.push('eip-config-fee-hour');
        if (!inPlan)
            keys.push('eip-traffic-gb');
    }
    else {
        if (!waived)
            keys.push('eip-config-fee-day');
        if (!inPlan)
            keys.push('eip-bandwidth-day-first5', ...(mbps > 5 ? ['eip-bandwidth-day-above5'] : []));
    }
    return keys;
}
/** The workloads of one side (the head or the base) and their total. */
function projectSide(inputs, pricing) {
    const workloads = inputs.filter(costed).map((input) => {
        const cost = costOfWorkload(input, input.pricing ?? pricing);
        if (input.pricing && input.pricing.info.region !== pricing.info.region)
            cost.region = input.pricing.info.region;
        return cost;
    });
    const total = { min: 0, max: 0 };
    const traffic = { min: 0, max: 0 };
    for (const w of workloads) {
        if (!w.monthly)
            continue;
        total.min += w.monthly.min;
        total.max += w.monthly.max;
        traffic.min += w.trafficGb?.min ?? 0;
        traffic.max += w.trafficGb?.max ?? 0;
    }
    const side = { workloads, total, unknownWorkloads: workloads.filter((w) => !w.monthly).length };
    const gb = pricing.assumptions.freeTrafficGb;
    if (gb > 0) {
        // One allowance for the whole account: it lowers the total, not any one workload.
        const used = { min: Math.min(gb, traffic.min), max: Math.min(gb, traffic.max) };
        const credit = {
            min: freeTrafficCredit(pricing.info.prices, pricing.assumptions, traffic.min),
            max: freeTrafficCredit(pricing.info.prices, pricing.assumptions, traffic.max),
        };
        total.min -= credit.min;
        total.max -= credit.max;
        side.freeTraffic = { gb, used, credit };
    }
    return side;
}
/**
 * Pods with an auto-created EIP whose cost is known: at most (N of the NAT alternative), their cost, and the
 * share of them whose traffic the free allowance can cover.
 */
function autoEipPods(side) {
    let pods = 0;
    let monthly = 0;
    let trafficPods = 0;
    for (const w of side.workloads) {
        if (w.eip === 'existing' || !w.monthly || !w.pods)
            continue;
        pods += w.pods.max;
        monthly += w.monthly.max;
        if ((w.trafficGb?.max ?? 0) > 0)
            trafficPods += w.pods.max;
    }
    return { pods, monthly, trafficShare: pods > 0 ? trafficPods / pods : 0 };
}
const key = (w) => `${w.kind}\u0000${w.namespace}\u0000${w.name}`;
function same(a, b) {
    const range = (r) => (r ? `${r.min}-${r.max}` : '?');
    return (a.eip === b.eip &&
        a.isp === b.isp &&
        a.chargeType === b.chargeType &&
        a.bandwidthMbps === b.bandwidthMbps &&
        range(a.pods) === range(b.pods) &&
        range(a.monthly) === range(b.monthly) &&
        a.unknown === b.unknown);
}
/**
 * Pairs the head's workloads with the base's by kind, namespace and name (so a workload moved to another
 * file is the same workload); a workload on one side only counts as 0 on the other.
 */
function compareSides(head, base) {
    const unpaired = new Map();
    for (const b of base.workloads) {
        const list = unpaired.get(key(b));
        if (list)
            list.push(b);
        else
            unpaired.set(key(b), [b]);
    }
    const zero = { min: 0, max: 0 };
    const changes = [];
    const change = (h, b) => {
        const after = h ? h.monthly : zero;
        const before = b ? b.monthly : zero;
        return after && before ? { min: after.min - before.min, max: after.max - before.max } : undefined;
    };
    for (const h of head.workloads) {
        const b = unpaired.get(key(h))?.shift();
        const status = !b ? 'added' : same(h, b) ? 'unchanged' : 'changed';
        const c = change(h, b);
        changes.push({ kind: h.kind, name: h.name, namespace: h.namespace, head: h, ...(b ? { base: b } : {}), status, ...(c ? { change: c } : {}) });
    }
    for (const b of base.workloads) {
        if (!unpaired.get(key(b))?.includes(b))
            continue;
        const c = change(undefined, b);
        changes.push({ kind: b.kind, name: b.name, namespace: b.namespace, base: b, status: 'removed', ...(c ? { change: c } : {}) });
    }
    return changes;
}
/**
 * The cost projection of a run: the head's workloads, their total, the NAT alternative for the same pods and
 * the break-even pod count; with the base's side, the change per workload and in total.
 */
function projectCost(inputs, pricing, base) {
    const { info: prices, assumptions } = pricing;
    const head = projectSide(inputs, pricing);
    const auto = autoEipPods(head);
    // The break-even uses the pods' mix of charge types and bandwidths: the average EIP of the head's pods,
    // or one pod of the config's defaults when there are none.
    const perPod = auto.pods > 0
        ? auto.monthly / auto.pods
        : perEipMonthly(prices.prices, assumptions, assumptions.chargeType, assumptions.bandwidthMbps);
    const trafficShare = auto.pods > 0 ? auto.trafficShare : assumptions.chargeType === 'PayByTraffic' ? 1 : 0;
    const report = {
        pricing: prices,
        assumptions,
        ...head,
        natAlternative: { monthly: natAlternativeMonthly(prices.prices, assumptions, auto.pods), pods: auto.pods },
        breakEvenPods: breakEvenPods(prices.prices, assumptions, perPod, trafficShare),
        breakEvenPerPod: perPod,
    };
    if (base) {
        report.base = base;
        report.changes = compareSides(head, base);
        // A workload whose cost is unknown on either side makes the change unknown: leaving it out would show its
        // known side as a saving or a rise that nobody can vouch for.
        const unknownChanges = report.changes.filter((c) => !c.change).length;
        report.unknownChanges = unknownChanges;
        if (unknownChanges === 0)
            report.change = { min: head.total.min - base.total.min, max: head.total.max - base.total.max };
    }
    return report;
}
/** The side of a report, to compare another run with. */
function sideOf(report) {
    return {
        workloads: report.workloads,
        total: report.total,
        unknownWorkloads: report.unknownWorkloads,
        ...(report.freeTraffic ? { freeTraffic: report.freeTraffic } : {}),
    };
}

;// CONCATENATED MODULE: ./src/cost/prices.json
const prices_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"List prices of pay-as-you-go EIPs and Enhanced internet NAT gateways, per region and currency; bgpPro holds the BGP (Multi-ISP) Pro prices that the documentation gives (pay-by-traffic in Hong Kong only). Every price can be overridden by pricing.prices (and pricing.bgp-pro-prices) in the config. See docs/cost.md.","hoursPerMonth":730,"defaultRegion":"ap-southeast-1","defaultCurrency":"USD","entries":[{"name":"mainland China, international site","regions":["cn-hangzhou","cn-shanghai","cn-beijing","cn-zhangjiakou","cn-huhehaote","cn-shenzhen","cn-heyuan","cn-chengdu"],"currency":"USD","asOf":"2021-06","source":"Alibaba Cloud list prices, international site: EIP pay-as-you-go pricing (github.com/AlibabaCloudDocs/eip) and Enhanced internet NAT gateway pricing (github.com/AlibabaCloudDocs/nat), documentation of 2020-11 to 2021-06; the buy page prevails","prices":{"eip-config-fee-hour":0.0031,"eip-traffic-gb":0.125,"eip-config-fee-day":0.0744,"eip-bandwidth-day-first5":0.142,"eip-bandwidth-day-above5":0.5,"nat-hour":0.034,"nat-cu":0.034}},{"name":"Singapore, international site","regions":["ap-southeast-1"],"currency":"USD","asOf":"2021-06","source":"Alibaba Cloud list prices, international site: EIP pay-as-you-go pricing (github.com/AlibabaCloudDocs/eip) and Enhanced internet NAT gateway pricing (github.com/AlibabaCloudDocs/nat), documentation of 2020-11 to 2021-06; the buy page prevails","prices":{"eip-config-fee-hour":0.0063,"eip-traffic-gb":0.117,"eip-config-fee-day":0.1512,"eip-bandwidth-day-first5":0.142,"eip-bandwidth-day-above5":0.5,"nat-hour":0.043,"nat-cu":0.043}},{"name":"Hong Kong, international site","regions":["cn-hongkong"],"currency":"USD","asOf":"2021-06","source":"Alibaba Cloud list prices, international site: EIP pay-as-you-go pricing (github.com/AlibabaCloudDocs/eip) and Enhanced internet NAT gateway pricing (github.com/AlibabaCloudDocs/nat), documentation of 2020-11 to 2021-06; the buy page prevails","prices":{"eip-config-fee-hour":0.0088,"eip-traffic-gb":0.156,"eip-config-fee-day":0.2112,"eip-bandwidth-day-first5":0.142,"eip-bandwidth-day-above5":0.5,"nat-hour":0.043,"nat-cu":0.043},"bgpPro":{"eip-traffic-gb":0.452}},{"name":"Hangzhou, China site","regions":["cn-hangzhou"],"currency":"CNY","asOf":"2021-06","source":"Alibaba Cloud list prices, China site (aliyun.com): EIP pay-as-you-go pricing (github.com/AlibabaCloudDocs/eip) and Enhanced internet NAT gateway pricing (github.com/AlibabaCloudDocs/nat), documentation of 2020-11 to 2021-06; the buy page prevails","prices":{"eip-config-fee-hour":0.02,"eip-traffic-gb":0.8,"eip-config-fee-day":0.48,"eip-bandwidth-day-first5":0.96,"eip-bandwidth-day-above5":3.36,"nat-hour":0.23,"nat-cu":0.23}}]}');
;// CONCATENATED MODULE: ./src/cost/pricing.ts


/** The price keys, in the order of the docs. */
const PRICE_KEYS = [
    'eip-config-fee-hour',
    'eip-traffic-gb',
    'eip-config-fee-day',
    'eip-bandwidth-day-first5',
    'eip-bandwidth-day-above5',
    'nat-hour',
    'nat-cu',
];
/** The prices a BGP Pro EIP can have (the NAT gateway's are not EIP prices). */
const BGP_PRO_PRICE_KEYS = PRICE_KEYS.filter((key) => !key.startsWith('nat-'));
/** The bundled price table (src/cost/prices.json). */
const PRICE_TABLE = prices_namespaceObject;
const HOURS_PER_MONTH = PRICE_TABLE.hoursPerMonth;
const DEFAULT_REGION = PRICE_TABLE.defaultRegion;
const DEFAULT_CURRENCY = PRICE_TABLE.defaultCurrency;

const DEFAULT_TRAFFIC_GB_PER_POD = 10;
/** ECI's default bandwidth of an auto-created EIP, Mbit/s. */
const DEFAULT_BANDWIDTH_MBPS = 5;
/** Whole months from a `YYYY-MM` date to `now` (0 for a date in the future). */
function monthsSince(asOf, now) {
    const match = /^(\d{4})-(\d{2})$/.exec(asOf);
    if (!match)
        return 0;
    const months = (now.getUTCFullYear() - Number(match[1])) * 12 + (now.getUTCMonth() + 1 - Number(match[2]));
    return Math.max(0, months);
}
/** A `pricing` config that cannot be used; the config loader turns it into a config error (exit 2). */
class PricingError extends Error {
    name = 'PricingError';
}
/** Every region of the table, sorted. */
function knownRegions() {
    return [...new Set(PRICE_TABLE.entries.flatMap((e) => e.regions))].sort();
}
function finite(key, value) {
    if (value === undefined)
        return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new PricingError(`${key}: must be a finite number of at least 0 (got ${String(value)})`);
    }
    return value;
}
/**
 * The prices and assumptions of a run, from the config's `pricing` map (kebab-case keys, already checked
 * against the JSON Schema): the table's entry for the region and currency, with the config's `prices` on top.
 * A region or currency the table does not have is an error unless the config gives every price.
 */
function resolvePricing(pricing = {}, now = new Date()) {
    const region = typeof pricing.region === 'string' ? pricing.region : DEFAULT_REGION;
    const currency = (typeof pricing.currency === 'string' ? pricing.currency : DEFAULT_CURRENCY);
    const given = (pricing.prices ?? {});
    const overrides = {};
    for (const key of PRICE_KEYS) {
        const value = finite(`pricing.prices.${key}`, given[key]);
        if (value !== undefined)
            overrides[key] = value;
    }
    const trafficGbPerPod = finite('pricing.traffic-gb-per-pod', pricing['traffic-gb-per-pod']) ?? DEFAULT_TRAFFIC_GB_PER_POD;
    const freeTrafficGb = finite('pricing.free-traffic-gb', pricing['free-traffic-gb']) ?? 0;
    const givenBgpPro = (pricing['bgp-pro-prices'] ?? {});
    const bgpProOverrides = {};
    for (const key of BGP_PRO_PRICE_KEYS) {
        const value = finite(`pricing.bgp-pro-prices.${key}`, givenBgpPro[key]);
        if (value !== undefined)
            bgpProOverrides[key] = value;
    }
    const overridden = PRICE_KEYS.filter((k) => overrides[k] !== undefined);
    const missing = PRICE_KEYS.filter((k) => overrides[k] === undefined);
    const inRegion = PRICE_TABLE.entries.filter((e) => e.regions.includes(region));
    const entry = inRegion.find((e) => e.currency === currency);
    if (!entry && missing.length > 0) {
        const give = `or give every price in pricing.prices (missing: ${missing.join(', ')})`;
        if (inRegion.length === 0) {
            throw new PricingError(`pricing.region: ${JSON.stringify(region)} is not in the price table; known regions: ${knownRegions().join(', ')}; ` +
                `use one of them ${give}`);
        }
        const have = inRegion.map((e) => e.currency).join(', ');
        throw new PricingError(`pricing.currency: the price table has no ${currency} prices for ${region} (it has ${have}); ` +
            `set pricing.currency to ${inRegion.length === 1 ? have : `one of ${have}`} ${give}`);
    }
    const prices = { ...(entry?.prices ?? {}), ...overrides };
    return {
        info: {
            region,
            currency,
            asOf: entry ? entry.asOf : null,
            source: entry ? entry.source : 'pricing.prices in the config',
            prices,
            overridden,
            ageMonths: entry ? monthsSince(entry.asOf, now) : null,
            bgpPro: { ...(entry?.bgpPro ?? {}), ...bgpProOverrides },
        },
        assumptions: {
            hoursPerMonth: HOURS_PER_MONTH,
            trafficGbPerPod,
            waiveEciConfigFee: pricing['waive-eci-config-fee'] !== false,
            chargeType: assumedChargeType(pricing),
            bandwidthMbps: DEFAULT_BANDWIDTH_MBPS,
            freeTrafficGb,
        },
    };
}

;// CONCATENATED MODULE: ./src/cost/format.ts
/** Money as shown: rounded to 2 decimals, with the currency: `USD 21.60`, `USD -3.50`. */
function money(amount, currency) {
    return `${currency} ${round2(amount).toFixed(2)}`;
}
/** Rounds to cents for showing (half away from zero); never returns -0. */
function round2(amount) {
    const rounded = Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-9) / 100;
    return rounded === 0 ? 0 : rounded;
}
/** `2.34` or `2.34–11.70` (no currency). */
function amountRange(range) {
    const min = round2(range.min).toFixed(2);
    const max = round2(range.max).toFixed(2);
    return min === max ? max : `${min}–${max}`;
}
/** A signed change: `+2.34`, `-1.00`, `0.00`, or a range `+2.34–+11.70`. */
function signedRange(range) {
    const signed = (n) => {
        const text = round2(n).toFixed(2);
        return round2(n) > 0 ? `+${text}` : text;
    };
    return signed(range.min) === signed(range.max) ? signed(range.max) : `${signed(range.min)}–${signed(range.max)}`;
}
/** `3` or `2–10`. */
function countRange(range) {
    return range.min === range.max ? String(range.max) : `${range.min}–${range.max}`;
}

;// CONCATENATED MODULE: ./src/cost/outputs.ts

/**
 * The action's cost outputs: `monthly-cost` is the head's maximum total and `monthly-cost-change` the signed
 * change of it against the base, plain numbers with 2 decimals in the report's currency (`12.34`, `-3.50`);
 * `break-even-pods` a whole number. Each is empty when it does not apply: the costs when no workload of the
 * head or the base has an EIP, the change without a base, the break-even when a NAT gateway is never cheaper.
 */
function costOutputs(cost) {
    const hasEip = cost !== undefined && (cost.workloads.length > 0 || (cost.base?.workloads.length ?? 0) > 0);
    return {
        'monthly-cost': hasEip ? round2(cost.total.max).toFixed(2) : '',
        'monthly-cost-change': hasEip && cost.change ? round2(cost.change.max).toFixed(2) : '',
        'break-even-pods': cost?.breakEvenPods != null ? String(cost.breakEvenPods) : '',
    };
}

;// CONCATENATED MODULE: ./src/cost/index.ts
/**
 * The cost stage: workloads and their policy facts + the config's pricing → a CostReport (docs/cost.md). What the
 * other stages use of it; the formulas and the pricing table stay inside.
 */






;// CONCATENATED MODULE: ./src/rules/eip-cost-budget/index.ts


/**
 * eip-cost-budget is a function of the cost projection, not of one workload: the engine runs it as a cost-stage rule
 * once the projection (and the base's, when there is one) is made.
 */
const eipCostBudget = {
    meta: {
        id: 'eip-cost-budget',
        defaultSeverity: 'warning',
        docs: {
            description: 'The projected monthly EIP cost, or its increase, exceeds the budget, or a NAT gateway is cheaper.',
            url: ruleDocsUrl('eip-cost-budget'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
    checkCost({ cost, budget, report }) {
        for (const { target, report: found } of costBudgetReports(cost, budget))
            report(target, found);
    },
};
const describe = (w) => `${w.kind} ${w.name || '(unnamed)'}`;
const pods = (n) => `${n} pod${n === 1 ? '' : 's'}`;
const podCountText = (r) => `${countRange(r)} pod${r.min === 1 && r.max === 1 ? '' : 's'}`;
function unknownNote(cost) {
    const n = cost.unknownWorkloads;
    return n === 0 ? '' : ` (${n} workload${n === 1 ? '' : 's'} of unknown cost not counted)`;
}
/** The workload that adds most: by `score`, among the head's workloads with a known cost and pod count. */
function largest(cost, score) {
    let best;
    for (const w of cost.workloads) {
        if (!w.monthly || !w.pods)
            continue;
        if (!best || score(w) > score(best))
            best = w;
    }
    return best;
}
/**
 * The findings of eip-cost-budget for a projection:
 * - the head's maximum total exceeds `budget.monthly` (on the workload that adds most to it);
 * - with a base, the increase of the maximum total exceeds `budget.increase` (on the workload whose cost rose most);
 * - a workload's maximum pod count reaches the break-even pod count (on that workload), unless its EIPs cost no more
 *   a pod than the same pod's traffic through the NAT gateway (moving it there would not save anything).
 */
function costBudgetReports(cost, budget) {
    const out = [];
    const c = cost.pricing.currency;
    const fix = 'Egress through a NAT gateway with an SNAT entry for the pods\' vSwitch, fewer pods, PayByTraffic EIPs or a larger budget ' +
        'bring it down.';
    // Amounts are compared as shown, in cents: 10 × 1.17 is 11.70, not over a budget of 11.70.
    if (budget.monthly !== undefined && round2(cost.total.max) > budget.monthly) {
        const top = largest(cost, (w) => w.monthly.max);
        if (top) {
            out.push({
                target: top,
                report: {
                    span: top.span,
                    message: `The projected monthly cost of the per-pod EIPs is up to ${money(cost.total.max, c)}${unknownNote(cost)}, over ` +
                        `budget.monthly (${money(budget.monthly, c)}). Each ECI pod with eci-with-eip gets an EIP of its own, so the ` +
                        `cost grows with the pods; ${describe(top)} adds the most: ${money(top.monthly.max, c)} for up to ` +
                        `${pods(top.pods.max)}. ${fix}`,
                },
            });
        }
    }
    if (budget.increase !== undefined && cost.base && cost.change && round2(cost.change.max) > budget.increase) {
        const rise = new Map(cost.changes?.filter((x) => x.head).map((x) => [x.head, x.change?.max ?? x.head.monthly?.max ?? 0]));
        const top = largest(cost, (w) => rise.get(w) ?? 0);
        if (top) {
            const before = cost.changes?.find((x) => x.head === top)?.base;
            out.push({
                target: top,
                report: {
                    span: top.span,
                    message: `This change raises the projected monthly cost of the per-pod EIPs by up to ${money(cost.change.max, c)} ` +
                        `(from ${money(cost.base.total.max, c)} to ${money(cost.total.max, c)})${unknownNote(cost)}, over ` +
                        `budget.increase (${money(budget.increase, c)}). ${describe(top)} rises the most: ` +
                        (before?.pods && before.monthly
                            ? `from ${podCountText(before.pods)} at ${money(before.monthly.max, c)} `
                            : 'from nothing ') +
                        `to ${podCountText(top.pods)} at ${money(top.monthly.max, c)}. ${fix}`,
                },
            });
        }
    }
    const breakEven = cost.breakEvenPods;
    if (breakEven !== null) {
        // What one more pod costs behind the NAT gateway: its traffic's capacity units and the traffic of the NAT's EIP.
        // A workload whose EIPs cost no more than that a pod would not get cheaper behind the gateway: no finding.
        const p = cost.pricing.prices;
        const natPerPod = cost.assumptions.trafficGbPerPod * (p['nat-cu'] + p['eip-traffic-gb']);
        for (const w of cost.workloads) {
            if (w.eip === 'existing' || !w.monthly || !w.pods || w.pods.max < breakEven)
                continue;
            if (w.perPod === undefined || round2(w.perPod) <= round2(natPerPod))
                continue;
            out.push({
                target: w,
                report: {
                    span: w.span,
                    message: `${describe(w)} runs up to ${pods(w.pods.max)}, each with an EIP of its own (${money(w.monthly.max, c)} a month), ` +
                        `and from ${pods(breakEven)} one NAT gateway with one EIP costs no more than per-pod EIPs ` +
                        `(${money(cost.breakEvenPerPod, c)} per pod a month at these pods' charge types and bandwidths). ` +
                        `Egress through a NAT gateway with an SNAT entry for the pods' vSwitch, unless each pod needs its own public address.`,
                },
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/reported-elsewhere.ts

/** Rules whose findings come from reading files. */
const parseError = {
    meta: {
        id: 'parse-error',
        defaultSeverity: 'error',
        docs: {
            description: 'A file that should be YAML or HCL does not parse; the other files are still scanned.',
            url: ruleDocsUrl('parse-error'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
};
const skippedFile = {
    meta: {
        id: 'skipped-file',
        defaultSeverity: 'notice',
        docs: {
            description: 'A file that was not read: a template, too large, binary or not UTF-8, or a link out of the workspace.',
            url: ruleDocsUrl('skipped-file'),
        },
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
};

;// CONCATENATED MODULE: ./src/rules/index.ts














/** Every rule, in the order of the rule reference. */
const RULES = [
    eipMisplaced,
    eipNotString,
    eipInvalidValue,
    eipUnknownKey,
    eipChangeNeedsRecreate,
    eipOrphanSetting,
    eipSharedInstance,
    eipConflict,
    eipMissing,
    eipRedundant,
    eipUnexpected,
    eipNoEffect,
    eipCostBudget,
    parseError,
    skippedFile,
];
const RULE_IDS = RULES.map((r) => r.meta.id);
function ruleById(id) {
    return RULES.find((r) => r.meta.id === id);
}

;// CONCATENATED MODULE: ./src/config/schema.ts




const severity = { enum: SEVERITY_SETTINGS };
const egress = { enum: EGRESS_POLICIES };
const amountSchema = { type: 'number', minimum: 0 };
/** A map of prices: any of `keys`, each an amount. */
const pricesSchema = (keys) => ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(keys.map((key) => [key, amountSchema])),
});
const glob = { type: 'string', minLength: 1 };
/** A list of objects with no other keys than `properties`, each with the `required` ones. */
const listOf = (required, properties) => ({
    type: 'array',
    items: { type: 'object', additionalProperties: false, required, properties },
});
/**
 * The JSON Schema of the config file. `npm run build` writes it to schema/config.schema.json for
 * editors; a test keeps the two equal.
 */
const CONFIG_SCHEMA = {
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
            description: 'Where one repository holds several clusters: the files under each path glob belong to one cluster, with its own cluster mode, NAT gateway and pricing region. First match wins.',
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
};

;// CONCATENATED MODULE: ./src/files/read.ts

const utf8 = new TextDecoder('utf-8', { fatal: true });
function formatSize(bytes) {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
/** Reads a file as UTF-8 text, or says why it is not read. */
function readTextFile(absolute, maxSize) {
    try {
        const size = external_node_fs_default().statSync(absolute).size;
        if (size > maxSize)
            return { skip: `${formatSize(size)} is over the size limit of ${formatSize(maxSize)} (max-file-size)` };
        return read_decodeText(external_node_fs_default().readFileSync(absolute));
    }
    catch (error) {
        // Permissions (EACCES), a file removed meanwhile, an I/O error: this file is skipped, the others are read.
        return { skip: `it cannot be read (${error.code ?? error.message})` };
    }
}
function read_decodeText(bytes) {
    if (bytes.includes(0))
        return { skip: 'a binary file (it contains NUL bytes)' };
    try {
        const text = utf8.decode(bytes);
        return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
    catch {
        return { skip: 'not UTF-8 text' };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
;// CONCATENATED MODULE: ./src/files/workspace.ts
/**
 * The one place that decides where the tool may read and write. A pull request controls the workspace's file names
 * and links: a path is judged by its real location (every link resolved), never by how it is spelled, and files
 * are opened without following a link at the last step (docs/security.md).
 */



/** A path the tool will not read or write, with the reason in words. */
class workspace_RefusedPath extends Error {
    name = 'RefusedPath';
}
/** Whether `real` is `folder` or inside it (both real paths). */
function isInside(folder, real) {
    const relative = external_node_path_default().relative(folder, real);
    return relative === '' || (!relative.startsWith(`..${(external_node_path_default()).sep}`) && relative !== '..' && !external_node_path_default().isAbsolute(relative));
}
function realOrSelf(folder) {
    try {
        return external_node_fs_default().realpathSync(folder);
    }
    catch {
        return external_node_path_default().resolve(folder);
    }
}
/** Whether a real location is one the confinement allows, for a path given as `given`. */
function allowed(confinement, given, real) {
    if (isInside(realOrSelf(confinement.root), real))
        return true;
    if (confinement.absoluteOutside && external_node_path_default().isAbsolute(given))
        return true;
    return (confinement.alsoUnder ?? []).some((folder) => isInside(realOrSelf(folder), real));
}
const OUTSIDE = 'outside the workspace (links are resolved; a path must really be inside it)';
/**
 * The real location of an existing path, checked against the confinement. Throws RefusedPath for a link whose
 * target is missing, a link loop, or a place outside; returns undefined when nothing is there.
 */
function workspace_realPathInside(given, confinement) {
    const absolute = external_node_path_default().resolve(confinement.root, given);
    if (!external_node_fs_default().lstatSync(absolute, { throwIfNoEntry: false }))
        return undefined;
    let real;
    try {
        real = external_node_fs_default().realpathSync(absolute);
    }
    catch (error) {
        const code = error.code;
        throw new workspace_RefusedPath(code === 'ELOOP' ? 'a loop of links' : code === 'ENOENT' ? 'a link whose target does not exist' : `it cannot be resolved (${code ?? 'error'})`);
    }
    if (!allowed(confinement, given, real))
        throw new workspace_RefusedPath(OUTSIDE);
    return real;
}
/**
 * Reads a regular file of at most `maxBytes`, through its real location (checked with `realPathInside`), without
 * following a link at the last step and without blocking on a pipe or a device. Undefined when nothing is there.
 */
function readConfined(given, confinement, maxBytes) {
    const real = workspace_realPathInside(given, confinement);
    if (real === undefined)
        return undefined;
    let fd;
    try {
        fd = external_node_fs_default().openSync(real, (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NOFOLLOW | (external_node_fs_default()).constants.O_NONBLOCK);
    }
    catch (error) {
        throw new workspace_RefusedPath(`it cannot be opened (${error.code ?? 'error'})`);
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (!stat.isFile())
            throw new workspace_RefusedPath(stat.isDirectory() ? 'a folder, not a file' : 'not a regular file (a device, pipe or socket)');
        if (stat.size > maxBytes)
            throw new workspace_RefusedPath(`larger than the limit of ${maxBytes} bytes`);
        // The size of a file can change while it is read: never read more than the limit.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (;;) {
            const n = external_node_fs_default().readSync(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                break;
            length += n;
            if (length > maxBytes)
                throw new workspace_RefusedPath(`larger than the limit of ${maxBytes} bytes`);
        }
        return buffer.subarray(0, length);
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
}
/**
 * The real folder a new file at `given` goes into, created folder by folder (never through a link, never with a
 * recursive mkdir that could wander into /proc), after checking that its real location is allowed.
 */
function realFolderFor(given, confinement) {
    const absolute = external_node_path_default().resolve(confinement.root, given);
    const missing = [];
    let existing = external_node_path_default().dirname(absolute);
    while (!external_node_fs_default().lstatSync(existing, { throwIfNoEntry: false })) {
        missing.unshift(external_node_path_default().basename(existing));
        const parent = external_node_path_default().dirname(existing);
        if (parent === existing)
            break;
        existing = parent;
    }
    let folder;
    try {
        folder = external_node_fs_default().realpathSync(existing);
    }
    catch {
        throw new workspace_RefusedPath('its folder is a link whose target does not exist');
    }
    if (!allowed(confinement, given, external_node_path_default().join(folder, ...missing, external_node_path_default().basename(absolute))))
        throw new workspace_RefusedPath(OUTSIDE);
    if (!external_node_fs_default().statSync(folder).isDirectory())
        throw new workspace_RefusedPath(`${external_node_path_default().basename(existing)} is not a folder`);
    for (const name of missing) {
        folder = external_node_path_default().join(folder, name);
        try {
            external_node_fs_default().mkdirSync(folder);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        // Made by someone else meanwhile: only a real folder will do.
        if (!external_node_fs_default().lstatSync(folder).isDirectory())
            throw new workspace_RefusedPath(`${name} is not a folder`);
    }
    return folder;
}
/**
 * Writes a file without ever writing through a link: the bytes go into a new temporary file (exclusive create)
 * in the real folder, which is then renamed over the name. A link at that name is replaced, its target is never
 * touched; so is a hard link's other name. `mode` is the new file's permissions. Returns the path written, as given
 * (resolved against the root).
 */
function workspace_writeConfined(given, bytes, confinement, mode = 0o644) {
    const absolute = external_node_path_default().resolve(confinement.root, given);
    const folder = realFolderFor(given, confinement);
    const name = external_node_path_default().basename(absolute);
    const target = external_node_path_default().join(folder, name);
    const existing = external_node_fs_default().lstatSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory())
        throw new workspace_RefusedPath('a folder is there');
    const temp = external_node_path_default().join(folder, `.${name}.${process.pid}-${external_node_crypto_default().randomBytes(4).toString('hex')}.tmp`);
    try {
        external_node_fs_default().writeFileSync(temp, bytes, { flag: 'wx', mode });
        external_node_fs_default().chmodSync(temp, mode);
        external_node_fs_default().renameSync(temp, target);
    }
    catch (error) {
        external_node_fs_default().rmSync(temp, { force: true });
        throw error;
    }
    return absolute;
}
/**
 * Why a file the user owns must not be replaced, or undefined: a file nobody may write (mode 0444) is left as it
 * is, even where the folder would let a rename replace it and even for root, who ignores the mode.
 */
function workspace_readOnlyReason(real) {
    const stat = fs.statSync(real);
    if ((stat.mode & 0o222) === 0)
        return 'the file is read-only (no write permission); it was not written';
    try {
        fs.accessSync(real, fs.constants.W_OK);
    }
    catch {
        return 'the file is not writable by this user; it was not written';
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
;// CONCATENATED MODULE: ./src/files/root.ts


/**
 * The top folder of the git repository that holds `cwd`: the nearest folder, `cwd` or above, with a `.git` entry
 * (a folder, or the file a worktree or submodule has). Found on disk rather than by running git, so it works
 * where git is not installed. Undefined outside a repository.
 */
function findRepositoryRoot(cwd) {
    let dir = path.resolve(cwd);
    for (;;) {
        if (fs.lstatSync(path.join(dir, '.git'), { throwIfNoEntry: false }))
            return dir;
        const parent = path.dirname(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** The folders from `cwd` up to `root` (both included), nearest first; only `cwd` when it is not under `root`. */
function foldersUpTo(cwd, root) {
    const start = external_node_path_default().resolve(cwd);
    if (root === undefined)
        return [start];
    const relative = external_node_path_default().relative(root, start);
    if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        return [start];
    const folders = [start];
    for (let dir = start; dir !== root;) {
        dir = external_node_path_default().dirname(dir);
        folders.push(dir);
    }
    return folders;
}

;// CONCATENATED MODULE: ./src/config/suggest.ts

/**
 * The known name closest to what was written, for "did you mean …?": at most two edits away (one for short names),
 * compared without regard to case. Undefined when nothing is that close.
 */
function closest(written, known) {
    // Bounded: a hostile config can hold long keys; nothing longer than this is a typo of a short name.
    if (written.length > 100)
        return undefined;
    const lower = written.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const name of known) {
        const max = name.length <= 4 ? 1 : 2;
        const d = editDistance(lower, name.toLowerCase(), max, { swaps: true });
        if (d <= max && d < bestDistance) {
            best = name;
            bestDistance = d;
        }
    }
    return best;
}
/** `; did you mean x?` or nothing. */
function didYouMean(written, known, show = (n) => n) {
    const match = closest(written, known);
    return match === undefined ? '' : `; did you mean ${show(match)}?`;
}

;// CONCATENATED MODULE: ./src/config/load.ts












/** A config that cannot be used: the run stops with exit code 2 and this message. */
class ConfigError extends Error {
    name = 'ConfigError';
}
/** A config file is small; anything larger is refused before it is parsed (docs/security.md). */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** YAML aliases (`*name`) a config may use; past this, an alias bomb is refused before it expands. */
const MAX_CONFIG_ALIASES = 100;
const CONFIG_LOCATIONS = ['.github/eci-egress-lint.yml', '.github/eci-egress-lint.yaml', '.eci-egress-lint.yml', '.eci-egress-lint.yaml'];
let validator;
function validate(raw) {
    validator ??= new ajv.Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
    return validator(raw) ? [] : (validator.errors ?? []);
}
/** `/workloads/0/egress` → `workloads[0].egress` */
function keyPath(pointer) {
    const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || '(top level)';
}
function valueAt(raw, pointer) {
    let value = raw;
    for (const part of pointer.split('/').slice(1)) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return value;
}
/** The keys the schema allows where an additionalProperties error was raised (`#/properties/pricing/additionalProperties`). */
function knownKeys(schemaPath) {
    let node = CONFIG_SCHEMA;
    for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
        if (node === null || typeof node !== 'object')
            return [];
        node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    const properties = node?.properties;
    return properties ? Object.keys(properties) : [];
}
function describeSchemaError(error, raw) {
    const at = (0,report_escape/* excerpt */.Kb)(keyPath(error.instancePath), 80);
    const got = shortJson(valueAt(raw, error.instancePath));
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = (0,report_escape/* excerpt */.Kb)(error.params.additionalProperty);
            const where = error.instancePath ? `${at}.${key}` : key;
            return `${where}: unknown key${didYouMean(key, knownKeys(error.schemaPath))}`;
        }
        case 'propertyNames': {
            const name = error.params.propertyName;
            return `${at}: ${shortJson(name)} is not a rule id${didYouMean(name, RULE_IDS)}`;
        }
        case 'enum':
            return `${at}: must be one of ${error.params.allowedValues.join(', ')} (got ${got})`;
        case 'oneOf':
            if (at.endsWith('timeout'))
                return `${at}: must be a number of seconds or a duration such as "60s" (got ${got})`;
            return `${at}: must be a number of bytes or a size such as "5MB" (got ${got})`;
        case 'required':
            return `${at}: the key ${error.params.missingProperty} is required`;
        default:
            return `${at}: ${error.message ?? 'is invalid'} (got ${got})`;
    }
}
/** A value for an error message: a short escaped excerpt of its JSON, never the whole of it. */
function shortJson(value) {
    let json;
    try {
        json = JSON.stringify(value);
    }
    catch {
        json = undefined;
    }
    return (0,report_escape/* excerpt */.Kb)(json ?? String(value));
}
/** Whether a value holds itself (a YAML alias inside the node it names): such a config cannot be used. */
function isCyclic(value, path = new Set(), checked = new Set()) {
    if (value === null || typeof value !== 'object' || checked.has(value))
        return false;
    if (path.has(value))
        return true;
    path.add(value);
    const cyclic = Object.values(value).some((item) => isCyclic(item, path, checked));
    path.delete(value);
    checked.add(value);
    return cyclic;
}
/** Validates a raw config object (from a file or flags) and fills in the defaults. */
function resolveConfig(raw, source) {
    // The branches of a oneOf each fail in their own words; the oneOf error itself says it best.
    // Likewise a propertyNames error says it better than the enum inside it (which lists every rule id).
    const errors = validate(raw ?? {}).filter((e) => !e.schemaPath.includes('/oneOf/') && !e.schemaPath.includes('/propertyNames/'));
    if (errors.length > 0) {
        const lines = [...new Set(errors.map((e) => describeSchemaError(e, raw)))];
        throw new ConfigError(`config ${source}: ${lines.join('; ')}`);
    }
    const r = (raw ?? {});
    const config = defaultConfig();
    if (r.cluster)
        config.cluster = r.cluster;
    if (r.egress)
        config.egress = r.egress;
    if (r['nat-gateway'])
        config.natGateway = r['nat-gateway'];
    if (r.include)
        config.include = r.include;
    if (r.exclude)
        config.exclude = r.exclude;
    if (r['max-file-size'] !== undefined)
        config.maxFileSize = parseSize(r['max-file-size']);
    if (r.rules)
        config.rules = r.rules;
    if (r.workloads)
        config.workloads = r.workloads;
    if (r.clusters) {
        config.clusters = r.clusters.map((c) => ({
            path: c.path,
            ...(c.cluster ? { cluster: c.cluster } : {}),
            ...(c['nat-gateway'] ? { natGateway: c['nat-gateway'] } : {}),
            ...(c.region ? { region: c.region } : {}),
        }));
    }
    if (r.ignore)
        config.ignore = r.ignore;
    if (r['inline-ignores'] !== undefined)
        config.inlineIgnores = r['inline-ignores'];
    if (r.pricing)
        config.pricing = r.pricing;
    if (r.budget)
        config.budget = r.budget;
    if (r['allow-no-files'] !== undefined)
        config.allowNoFiles = r['allow-no-files'];
    if (r.render)
        config.render = renderSettings(r.render, config.render);
    // The price table must have the region and currency, unless the config gives every price (docs/cost.md).
    try {
        resolvePricing(config.pricing);
        config.clusters.forEach((c, i) => {
            if (c.region === undefined)
                return;
            try {
                resolvePricing({ ...config.pricing, region: c.region });
            }
            catch (error) {
                if (!(error instanceof PricingError))
                    throw error;
                const message = error.message.startsWith('pricing.region:')
                    ? error.message.replace(/^pricing\.region/, `clusters[${i}].region`)
                    : `clusters[${i}].region ${JSON.stringify(c.region)}: ${error.message}`;
                throw new PricingError(message);
            }
        });
    }
    catch (error) {
        if (error instanceof PricingError)
            throw new ConfigError(`config ${source}: ${error.message}`);
        throw error;
    }
    return config;
}
function renderSettings(raw, defaults) {
    const charts = raw.charts ?? [];
    return {
        enabled: raw.enabled ?? defaults.enabled,
        helm: raw.helm ?? defaults.helm,
        kustomize: raw.kustomize ?? defaults.kustomize,
        timeoutMs: raw.timeout === undefined ? defaults.timeoutMs : parseDuration(raw.timeout),
        ciValues: raw['ci-values'] ?? defaults.ciValues,
        charts: charts.map((c) => ({
            path: c.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''),
            release: c.release,
            namespace: c.namespace,
            values: c.values ?? [],
        })),
    };
}
/**
 * Reads the config file: the given one, else the first of CONFIG_LOCATIONS that exists in the working directory,
 * then in each folder above it up to `searchUpTo` (the repository root, as ESLint and Prettier look). Without
 * `searchUpTo`, or when the working directory is not under it, only the working directory is searched. The file
 * must be a regular file really inside the workspace (or the search root), and is read with a size limit.
 */
function readConfigFile(cwd, explicit, options = {}) {
    const candidates = explicit
        ? [external_node_path_default().resolve(cwd, explicit)]
        : foldersUpTo(cwd, options.searchUpTo).flatMap((dir) => CONFIG_LOCATIONS.map((location) => external_node_path_default().join(dir, location)));
    for (const full of candidates) {
        const candidate = explicit ?? external_node_path_default().relative(cwd, full).split((external_node_path_default()).sep).join('/');
        const name = (0,report_escape/* escapeTerminal */.en)(candidate);
        let bytes;
        try {
            bytes = explicit
                ? readConfined(explicit, { root: cwd, absoluteOutside: options.absoluteOutside, alsoUnder: options.alsoUnder }, MAX_CONFIG_BYTES)
                : readConfined(full, { root: options.searchUpTo ?? cwd, alsoUnder: [cwd] }, MAX_CONFIG_BYTES);
        }
        catch (error) {
            if (error instanceof workspace_RefusedPath)
                throw new ConfigError(`config ${name}: not read: ${error.message}`);
            throw error;
        }
        if (bytes === undefined) {
            if (explicit)
                throw new ConfigError(`config ${name}: no such file`);
            continue;
        }
        const decoded = read_decodeText(bytes);
        if (!('text' in decoded))
            throw new ConfigError(`config ${name}: not read: ${decoded.skip}`);
        return { raw: parseConfigText(decoded.text, name), file: candidate, absolute: full };
    }
    return { raw: {} };
}
/** A config file's text as a raw config object; `name` (escaped) is the file named in errors. */
function parseConfigText(text, name) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        // file:line:column first, which editors and terminals turn into a link.
        const pos = e.linePos?.[0];
        const reason = (0,report_escape/* escapeTerminal */.en)(e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
        throw new ConfigError(pos ? `config ${name}:${pos.line}:${pos.col}: not valid YAML at line ${pos.line}, column ${pos.col}: ${reason}` : `config ${name}: not valid YAML: ${reason}`);
    }
    let raw;
    try {
        raw = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
    }
    catch (error) {
        if (/alias/i.test(error.message)) {
            throw new ConfigError(`config ${name}: its YAML aliases (*name) expand too much (more than ${MAX_CONFIG_ALIASES} uses, or an alias bomb); write the values out`);
        }
        throw new ConfigError(`config ${name}: cannot be read: ${(0,report_escape/* excerpt */.Kb)(error.message, 80)}`);
    }
    if (isCyclic(raw))
        throw new ConfigError(`config ${name}: a YAML alias (*name) is used inside the node it names, which makes an endless value`);
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        throw new ConfigError(`config ${name}: (top level): must be a map of keys (got ${shortJson(raw)})`);
    }
    return raw;
}
/** Reads, merges the overrides (flags or action inputs, already in config-file shape) and validates. */
function loadConfig(cwd, explicit, overrides = {}, options = {}) {
    const { raw, file, absolute } = options.raw ?? readConfigFile(cwd, explicit, options);
    const merged = { ...raw };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined)
            continue;
        // Maps given as overrides add to the file's (a --rule for one rule keeps the file's other rules).
        if (key === 'pricing' || key === 'rules' || key === 'render')
            merged[key] = { ...raw[key], ...value };
        else
            merged[key] = value;
    }
    const flagged = Object.values(overrides).some((v) => v !== undefined);
    const source = `${file ? (0,report_escape/* escapeTerminal */.en)(file) : '(defaults)'}${flagged ? ' with the command-line or action overrides' : ''}`;
    return { config: resolveConfig(merged, source), file, absolute };
}

;// CONCATENATED MODULE: ./src/readers/line-index.ts
/** Turns text offsets into 1-based lines and columns. Built once per file. */
class LineIndex {
    text;
    starts;
    constructor(text) {
        this.text = text;
        const starts = [0];
        let at = text.indexOf('\n');
        while (at !== -1) {
            starts.push(at + 1);
            at = text.indexOf('\n', at + 1);
        }
        this.starts = starts;
    }
    /** 0-based line number containing `offset`. */
    lineOf(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
    lineStart(line0) {
        return this.starts[line0] ?? this.text.length;
    }
    /** Offset just past the line break of the line containing `offset` (or the text's end). */
    nextLineStart(offset) {
        const line0 = this.lineOf(offset);
        return line0 + 1 < this.starts.length ? this.starts[line0 + 1] : this.text.length;
    }
    lineBreak;
    /** The file's line break, `\r\n` when it has any, else `\n`: found once, since editors ask for every edit. */
    get newline() {
        this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : '\n';
        return this.lineBreak;
    }
    get lineCount() {
        return this.starts.length;
    }
    span(offset, endOffset = offset) {
        const line0 = this.lineOf(offset);
        const endLine0 = endOffset === offset ? line0 : this.lineOf(endOffset);
        return {
            line: line0 + 1,
            column: offset - this.starts[line0] + 1,
            endLine: endLine0 + 1,
            endColumn: endOffset - this.starts[endLine0] + 1,
            offset,
            endOffset,
        };
    }
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/yaml-nodes.ts

/** How many maps one merge key may bring in, through nested merges too (a bound against merge-key bombs). */
const MAX_MERGED_MAPS = 100;
/** Whether a key is the YAML 1.1 merge key: a plain `<<` (quoted, it is an ordinary string key). */
function isMergeKey(key) {
    if (!(0,dist/* isScalar */.jn)(key))
        return false;
    if (key.tag === 'tag:yaml.org,2002:merge')
        return true;
    return key.type === dist/* Scalar */.X5.PLAIN && key.value === '<<' && (key.tag === undefined || key.tag === '!!merge');
}
/** Helpers to read a composed YAML document by key, resolving aliases and merge keys as Kubernetes does. */
class NodeReader {
    doc;
    constructor(doc) {
        this.doc = doc;
    }
    resolve(node) {
        if ((0,dist/* isAlias */.Vj)(node))
            return node.resolve(this.doc) ?? null;
        return node ?? null;
    }
    /**
     * The pairs of a map as Kubernetes (go-yaml, YAML 1.1) reads them: its own pairs, then those of the maps its merge
     * keys (`<<: *a` or `<<: [*a, *b]`) bring in, a key written in the map itself winning over a merged one and an
     * earlier merged map over a later one. A merge value that is not a map (or a list of maps) brings nothing.
     */
    entries(map) {
        if (!map)
            return [];
        if (!map.items.some((item) => isMergeKey(item.key)))
            return map.items.map((pair) => ({ pair, holder: map, merged: false }));
        const out = [];
        const seen = new Set();
        const visited = new Set();
        const add = (from, merged) => {
            if (visited.has(from) || visited.size > MAX_MERGED_MAPS)
                return;
            visited.add(from);
            const merges = [];
            for (const item of from.items) {
                if (isMergeKey(item.key)) {
                    const value = this.resolve(item.value);
                    if ((0,dist/* isMap */.jh)(value))
                        merges.push(value);
                    else if ((0,dist/* isSeq */.oP)(value))
                        merges.push(...this.items(value));
                    continue;
                }
                const k = this.resolve(item.key);
                const name = (0,dist/* isScalar */.jn)(k) ? String(k.value) : undefined;
                if (name !== undefined) {
                    if (seen.has(name))
                        continue;
                    seen.add(name);
                }
                out.push({ pair: item, holder: from, merged });
            }
            for (const source of merges)
                if ((0,dist/* isMap */.jh)(source))
                    add(source, true);
        };
        add(map, false);
        return out;
    }
    pair(map, key) {
        if (!map)
            return undefined;
        // A key written in the map wins over a merged one: look there first, and merge only when the map has a `<<`.
        let merges = false;
        for (const item of map.items) {
            if (isMergeKey(item.key))
                merges = true;
            const k = this.resolve(item.key);
            if ((0,dist/* isScalar */.jn)(k) && String(k.value) === key)
                return item;
        }
        if (!merges)
            return undefined;
        for (const { pair } of this.entries(map)) {
            const k = this.resolve(pair.key);
            if ((0,dist/* isScalar */.jn)(k) && String(k.value) === key)
                return pair;
        }
        return undefined;
    }
    get(map, key) {
        const pair = this.pair(map, key);
        return pair ? this.resolve(pair.value) : null;
    }
    map(map, key) {
        const node = this.get(map, key);
        return (0,dist/* isMap */.jh)(node) ? node : null;
    }
    seq(map, key) {
        const node = this.get(map, key);
        return (0,dist/* isSeq */.oP)(node) ? node : null;
    }
    /** A scalar's value as a string, or undefined when it is missing or not a scalar. */
    string(map, key) {
        const node = this.get(map, key);
        if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
            return undefined;
        return String(node.value);
    }
    items(seq) {
        if (!seq)
            return [];
        return seq.items.map((item) => this.resolve(item)).filter((n) => n !== null);
    }
    /** A map of strings (labels, nodeSelector, matchLabels); non-scalar values are left out. */
    stringMap(map) {
        const out = {};
        for (const { pair: item } of this.entries(map)) {
            const key = this.resolve(item.key);
            const value = this.resolve(item.value);
            if ((0,dist/* isScalar */.jn)(key) && (0,dist/* isScalar */.jn)(value) && value.value !== null)
                out[String(key.value)] = String(value.value);
        }
        return out;
    }
}
/** The YAML 1.1 bool spellings go-yaml reads as bools: each word in lower case, capitalised or upper case only. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const YAML11_NULL = /^(?:~|null|Null|NULL|)$/;
const YAML11_INT = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|(?:0|[1-9][0-9_]*)|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const YAML11_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/;
/**
 * The type Kubernetes gives a value. Kubernetes decodes YAML with YAML 1.1 rules, so a plain `yes`,
 * `on` or `0x1F` is not a string there; a quoted or block scalar, or one tagged `!!str`, always is.
 */
function kubernetesValueType(node) {
    if (node === null)
        return 'null';
    if (!(0,dist/* isScalar */.jn)(node))
        return (0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node) ? 'collection' : 'unknown';
    if (node.tag === 'tag:yaml.org,2002:str')
        return 'string';
    if (node.type !== dist/* Scalar */.X5.PLAIN)
        return 'string';
    const text = String(node.source ?? node.value ?? '');
    if (YAML11_NULL.test(text))
        return 'null';
    if (YAML11_BOOL.test(text))
        return 'bool';
    if (YAML11_INT.test(text) || YAML11_FLOAT.test(text))
        return 'number';
    return 'string';
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/alias-reads.ts



/** The most nodes the readings of one document may visit; past it a reading is unknown (and never equal to another). */
const MAX_READING_NODES = 200_000;
/**
 * Every place in a document that reads a node written elsewhere: each alias (`annotations: *ann`), and each map with a
 * merge key (`<<: *defaults`), with what it reads as Kubernetes reads it. A fix that edits an anchored node changes
 * what these places read; the fix engine compares the readings before and after a fix and refuses one that changes
 * them (`changedAliasRead` in src/fix/checks.ts).
 */
function aliasReads(doc, lines, base) {
    const nodes = new NodeReader(doc);
    const budget = { left: MAX_READING_NODES };
    const out = [];
    /** Each map that merges, with its first merge key (where the reader is shown). */
    const mergers = new Map();
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, alias, path) {
            const parent = path[path.length - 1];
            const grandparent = path[path.length - 2];
            // `<<: *a` (the alias is the merge pair's value) or `<<: [*a, *b]` (an item of the merge pair's list).
            const mergePair = (0,dist/* isPair */.tO)(parent) && isMergeKey(parent.key) ? parent : (0,dist/* isSeq */.oP)(parent) && (0,dist/* isPair */.tO)(grandparent) && isMergeKey(grandparent.key) ? grandparent : undefined;
            if (mergePair) {
                const holder = path[path.lastIndexOf(mergePair) - 1];
                if ((0,dist/* isMap */.jh)(holder) && !mergers.has(holder))
                    mergers.set(holder, mergePair.key);
                return;
            }
            const offset = base + (alias.range?.[0] ?? 0);
            out.push({ via: 'alias', offset, span: lines.span(offset), reading: digest(reading(nodes, alias, budget, new Set())) });
        },
    });
    for (const [map, key] of mergers) {
        const offset = base + (map.range?.[0] ?? 0);
        const shown = base + (key.range?.[0] ?? map.range?.[0] ?? 0);
        // What the merge brings in: the merged pairs, after the keys written in the map itself have overridden theirs.
        const merged = nodes.entries(map).filter((e) => e.merged);
        const value = merged.map((e) => [keyText(nodes, e.pair.key), reading(nodes, e.pair.value, budget, new Set())]);
        out.push({ via: 'merge', offset, span: lines.span(shown), reading: digest(JSON.stringify(value)) });
    }
    return out.sort((a, b) => a.offset - b.offset);
}
function keyText(nodes, key) {
    const k = nodes.resolve(key);
    return (0,dist/* isScalar */.jn)(k) ? String(k.value) : '?';
}
/** A node's value as Kubernetes reads it: merges applied, scalars typed by YAML 1.1, aliases followed. */
function reading(nodes, node, budget, open) {
    if (--budget.left < 0)
        return `unknown:${Math.random()}`;
    const resolved = nodes.resolve(node);
    if (resolved === null)
        return 'null';
    if (open.has(resolved))
        return 'cycle';
    if ((0,dist/* isScalar */.jn)(resolved)) {
        const text = resolved.type === 'PLAIN' ? String(resolved.source ?? resolved.value) : String(resolved.value);
        return JSON.stringify([kubernetesValueType(resolved), text]);
    }
    open.add(resolved);
    let out;
    if ((0,dist/* isMap */.jh)(resolved)) {
        const pairs = nodes.entries(resolved).map((e) => [keyText(nodes, e.pair.key), reading(nodes, e.pair.value, budget, open)]);
        out = `{${pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    }
    else if ((0,dist/* isSeq */.oP)(resolved)) {
        out = `[${resolved.items.map((item) => reading(nodes, item, budget, open)).join(',')}]`;
    }
    else {
        out = (0,dist/* isAlias */.Vj)(resolved) ? 'alias' : 'unknown';
    }
    open.delete(resolved);
    return out;
}
function digest(text) {
    return (0,external_node_crypto_.createHash)('sha1').update(text).digest('base64');
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/documents.ts
/**
 * Splitting a YAML stream into documents by its text, and telling which documents can matter, so that
 * documents which cannot hold a pod template or an ECI key (CRD bundles, RBAC …) are never parsed.
 * A line that starts with `---` or `...` always ends a document in YAML (no content may start with
 * them at column 0), so a split at those lines is exact.
 */
const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
function splitDocuments(text) {
    // Directives (%YAML, %TAG) bind to the next document; leave such streams whole.
    if (/^%/m.test(text))
        return [{ start: 0, text }];
    const chunks = [];
    let start = 0;
    for (const match of text.matchAll(MARKER)) {
        const at = match.index;
        if (match[0] === '---' && at > start) {
            chunks.push({ start, text: text.slice(start, at) });
            start = at;
        }
        else if (match[0] === '...') {
            // `...` ends the document; a bare document may follow it without a `---`. Keep one document per chunk.
            const lineEnd = text.indexOf('\n', at);
            const end = lineEnd === -1 ? text.length : lineEnd + 1;
            chunks.push({ start, text: text.slice(start, end) });
            start = end;
        }
    }
    if (start < text.length || chunks.length === 0)
        chunks.push({ start, text: text.slice(start) });
    return chunks;
}
/** Kinds that never have pods. Their documents matter only when they carry an ECI-related key. */
const KINDS_WITHOUT_PODS = new Set([
    'APIService',
    'Certificate',
    'ClusterIssuer',
    'ClusterRole',
    'ClusterRoleBinding',
    'ConfigMap',
    'CustomResourceDefinition',
    'Endpoints',
    'EndpointSlice',
    'Gateway',
    'HTTPRoute',
    'Ingress',
    'IngressClass',
    'Issuer',
    'LimitRange',
    'MutatingWebhookConfiguration',
    'NetworkPolicy',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'PodDisruptionBudget',
    'PodSecurityPolicy',
    'PriorityClass',
    'PrometheusRule',
    'ResourceQuota',
    'Role',
    'RoleBinding',
    'Secret',
    'Service',
    'ServiceAccount',
    'ServiceMonitor',
    'PodMonitor',
    'StorageClass',
    'ValidatingWebhookConfiguration',
    'VerticalPodAutoscaler',
    'VirtualService',
    'DestinationRule',
]);
/** Whether a kind never has pods, even with a `spec.template.spec` (the reader agrees, so the shortcut is exact). */
function kindNeverHasPods(kind) {
    return KINDS_WITHOUT_PODS.has(kind);
}
const ECI_TEXT = /aliyun|alibabacloud|eci-egress-lint|eci-profile/;
/**
 * A top-level `kind:` whose whole value is on its line: not followed by an indented line that would
 * continue a plain scalar (`kind: Service` + `  List` is the kind "Service List").
 */
const TOP_LEVEL_KIND = /^kind:[ \t]*(["']?)([A-Za-z0-9_.-]+)\1(?:[ \t]+#.*|[ \t]*)$(?!\s*?\n[ \t]+[^\s#])/m;
/** Any key spelled `template`, in block or flow style, quoted or not. */
const POD_TEMPLATE_TEXT = /template/;
/**
 * Whether a document may yield a workload, a Namespace, an HPA, the eci-profile or an ECI key.
 * When in doubt (no top-level `kind:` line, e.g. a flow-style document) it answers yes.
 */
function documentCanMatter(text) {
    // A stream with directives is left whole by splitDocuments and may hold several documents.
    if (/^%/m.test(text))
        return true;
    const kind = TOP_LEVEL_KIND.exec(text)?.[2];
    if (kind === undefined)
        return /\S/.test(stripComments(text));
    if (ECI_TEXT.test(text))
        return true;
    if (KINDS_WITHOUT_PODS.has(kind))
        return false;
    switch (kind) {
        case 'Pod':
        case 'Namespace':
        case 'HorizontalPodAutoscaler':
        case 'PodTemplate':
            return true;
    }
    if (kind.endsWith('List'))
        return true;
    // Every other pod-bearing kind (Deployment, Job, CronJob, Rollout, CloneSet, PodTemplate …) has a `template:` key.
    return POD_TEMPLATE_TEXT.test(text);
}
function stripComments(text) {
    return text.replace(/^[ \t]*#.*$/gm, '').replace(/^(?:---|\.\.\.).*$/gm, '');
}

;// CONCATENATED MODULE: ./src/readers/ignores.ts
const IGNORE_ANNOTATION = 'eci-egress-lint/ignore';
/** `"eip-missing,eip-redundant -- reason"` → rules and reason. */
function parseIgnoreValue(value) {
    const [rulesPart, ...reasonParts] = value.split('--');
    return {
        rules: rulesPart
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        reason: reasonParts.join('--').trim(),
    };
}
/** The `eci-egress-lint/ignore` annotations of an object's metadata levels, those that `accept` lets through. */
function ignoresIn(blocks, accept = () => true) {
    return blocks
        .filter((b) => b !== undefined)
        .flatMap((b) => b.annotations.filter((a) => a.key === IGNORE_ANNOTATION && accept(a)))
        .map((a) => ({ ...parseIgnoreValue(a.value), span: a.span }));
}

;// CONCATENATED MODULE: ./src/readers/metadata-levels.ts
const ECI_KEY_TEXT = /aliyun|alibabacloud/;
/** A metadata level with no entries yet, valid until a reader finds its annotations or labels not to be a map. */
function emptyLevel(level, path, span) {
    return { level, path, annotations: [], labels: [], span, annotationsValid: true, labelsValid: true };
}
/** Records that a level's annotations or labels are written as something other than a map. */
function markInvalid(block, field) {
    if (field === 'annotations')
        block.annotationsValid = false;
    else
        block.labelsValid = false;
}
/** Whether a level has an annotation or label whose key looks like an ECI key. */
function hasEciKey(block) {
    return [...block.annotations, ...block.labels].some((e) => ECI_KEY_TEXT.test(e.key));
}
/**
 * Splits an object's metadata levels into the object's own and the pod's. A bare Pod's own metadata is its pod
 * level, and it has no object level; any other object's pod level is read from its pod template, when it has one
 * (`readPodLevel`).
 */
function podLevels(kind, objectLevels, readPodLevel) {
    if (kind === 'Pod')
        return { objectMetadata: [], pod: { ...objectLevels[0], level: 'pod' } };
    return { objectMetadata: objectLevels, pod: readPodLevel?.() };
}

;// CONCATENATED MODULE: ./src/readers/pod-template.ts
/*
 * Where a Kubernetes object keeps its pod template and how many pods it asks for, decided the same way for a YAML
 * manifest and for a Terraform `kubernetes_*` resource or `kubernetes_manifest`. Each reader brings how it gets a map
 * out of its own syntax tree, how it spells the keys, and how it reads a count.
 */
/** Kinds whose pod template is `spec.template` (any other kind qualifies when it has `spec.template.spec`). */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
/** Kinds whose pods `replicas` does not count: a Job's and a CronJob's run to completion, a DaemonSet's one per node. */
const NO_REPLICAS = new Set(['Job', 'CronJob', 'Pod', 'DaemonSet']);
/** `base.rest`, or `rest` at the root. */
function joinPath(base, rest) {
    return base === '' ? rest : `${base}.${rest}`;
}
/** Finds an object's pod template by its kind: a Pod's root, a CronJob's job template, else `spec.template`. */
function locatePodTemplate(kind, root, syntax) {
    const { section, base } = syntax;
    const spec = section(root, 'spec');
    const replicas = { from: spec, path: joinPath(base, 'spec.replicas') };
    if (kind === 'Pod')
        return placed(templateAt(root, base), base, replicas);
    if (kind === 'PodTemplate' && syntax.readsPodTemplateKind) {
        const path = joinPath(base, 'template');
        return placed(templateAt(section(root, 'template'), path, root), path, replicas);
    }
    if (kind === 'CronJob') {
        const jobTemplatePath = joinPath(base, `spec.${syntax.jobTemplate}`);
        const jobTemplate = section(spec, syntax.jobTemplate);
        const jobSpec = section(jobTemplate, 'spec');
        const path = `${jobTemplatePath}.spec.template`;
        const parallelism = jobSpec !== undefined ? { from: jobSpec, path: `${jobTemplatePath}.spec.parallelism` } : undefined;
        const jobTemplateLevel = { map: jobTemplate, metadataPath: `${jobTemplatePath}.metadata` };
        return placed(templateAt(section(jobSpec, 'template'), path, jobSpec), path, replicas, parallelism, jobTemplateLevel);
    }
    const parallelism = kind === 'Job' && spec !== undefined ? { from: spec, path: joinPath(base, 'spec.parallelism') } : undefined;
    const candidate = section(spec, 'template');
    const hasPods = candidate !== undefined && (TEMPLATE_KINDS.has(kind) || (section(candidate, 'spec') !== undefined && !syntax.neverPods(kind)));
    if (!hasPods)
        return placed(undefined, undefined, replicas, parallelism);
    const path = joinPath(base, 'spec.template');
    return placed(templateAt(candidate, path, spec), path, replicas, parallelism);
}
/** The template at `path`, when it is written there (a map). */
function templateAt(map, path, holder) {
    return map === undefined ? undefined : { map, path, metadataPath: joinPath(path, 'metadata'), holder };
}
// Every place has the same fields, so that the code that reads places sees one object shape.
function placed(template, path, replicas, parallelism, jobTemplate) {
    return { template, path, jobTemplate, replicas, parallelism };
}
/** Whether `replicas` counts a kind's pods. */
function countsReplicas(kind) {
    return !NO_REPLICAS.has(kind);
}
/** How many pods an object asks for: `replicas` of an object with pods, `parallelism` of a Job's or CronJob's. */
function podCounts(kind, place, count) {
    const replicas = place.template !== undefined && countsReplicas(kind) ? count(place.replicas.from, 'replicas', place.replicas.path) : {};
    const parallelism = place.parallelism ? count(place.parallelism.from, 'parallelism', place.parallelism.path) : {};
    return { replicas, parallelism };
}
/** The scheduling hints of an object whose pod spec is not read: none. */
function noScheduling() {
    return { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] };
}
/** The facts of an object without a pod spec: none. */
function noPodSpec() {
    return { scheduling: noScheduling(), images: [], urls: [] };
}

;// CONCATENATED MODULE: ./src/readers/urls.ts
const URL_TEXT = /https?:\/\/[^\s"'<>`]+/gi;
/** The http(s) URLs written in a string (an env value, a command or an argument): the evidence of egress. */
function urlsIn(value) {
    if (!value.includes('://'))
        return [];
    const urls = [];
    // matchAll works on a copy of the expression, so the shared one keeps no state between calls.
    for (const match of value.matchAll(URL_TEXT))
        urls.push(match[0]);
    return urls;
}

;// CONCATENATED MODULE: ./src/readers/workload.ts
/**
 * A Kubernetes object's workload, with every field written out: a workload built by spreading the stages' results
 * takes a larger object shape in V8, which a scan of thousands of workloads keeps until it ends.
 */
function workloadOf(identity, parts) {
    return {
        source: identity.source,
        file: identity.file,
        kind: identity.kind,
        name: identity.name,
        namespace: identity.namespace,
        namespaceDefaulted: identity.namespaceDefaulted,
        span: identity.span,
        objectMetadata: parts.levels.objectMetadata,
        pod: parts.levels.pod,
        podTemplatePath: parts.podTemplatePath,
        podAnnotationsPath: parts.podAnnotationsPath,
        replicas: parts.counts.replicas,
        parallelism: parts.counts.parallelism,
        instances: parts.instances,
        scheduling: parts.podSpec.scheduling,
        images: parts.podSpec.images,
        urls: parts.podSpec.urls,
        ignores: parts.ignores,
        editor: parts.editor,
    };
}

;// CONCATENATED MODULE: ./src/readers/carried-comment.ts
/**
 * Whether a comment carried along by a fix ends its line in the fixed text: right after it in the added text comes a
 * line break, or, at the end of an added text, the end of the file or of the line. A comment followed by anything
 * else would swallow it (`# why: b` in YAML, `// why` in HCL), so both editors keep the comment where it was instead.
 */
function carriedCommentEndsItsLine(text, edits, comment) {
    return edits.some((e) => {
        const at = e.newText.indexOf(comment);
        if (at === -1)
            return false;
        const after = e.newText.slice(at + comment.length);
        if (after !== '')
            return /^\r?\n/.test(after);
        const next = text.slice(e.end, e.end + 2);
        return next === '' || next.startsWith('\n') || next === '\r\n';
    });
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/editor.ts


/** Where a pair sits in its map (see `PairSpot`); undefined when it is not written there. */
function pairSpot(map, pair) {
    const index = map.items.indexOf(pair);
    const key = pair.key?.range;
    if (index === -1 || !key)
        return undefined;
    const endOf = (p) => p.value?.range?.[1] ?? p.key?.range?.[1];
    const next = map.items[index + 1];
    const previous = map.items[index - 1];
    return {
        flow: Boolean(map.flow),
        only: map.items.length === 1,
        keyStart: key[0],
        keyEnd: key[1],
        end: endOf(pair) ?? key[1],
        nextStart: next ? next.key?.range?.[0] : undefined,
        previousEnd: previous ? endOf(previous) : undefined,
    };
}
/**
 * Writes minimal text edits against the original YAML text: only the bytes that must change, in the
 * indentation and flow/block style the map already uses.
 */
class YamlEditor {
    file;
    lines;
    base;
    entries;
    pod;
    indentUnit;
    constructor(file, lines, 
    /** Offset of the parsed document in the file: node ranges are relative to it. */
    base, entries, pod, indentUnit) {
        this.file = file;
        this.lines = lines;
        this.base = base;
        this.entries = entries;
        this.pod = pod;
        this.indentUnit = indentUnit;
    }
    get text() {
        return this.lines.text;
    }
    edit(start, end, newText) {
        return { file: this.file, start, end, newText };
    }
    start(node) {
        return node?.range ? this.base + node.range[0] : undefined;
    }
    valueEnd(node) {
        return node?.range ? this.base + node.range[1] : undefined;
    }
    /** Offset of the `:` after a pair's key (undefined when the pair has none, e.g. `{a, b: 1}`). */
    colonAfter(pair) {
        const keyEnd = this.valueEnd(pair.key);
        if (keyEnd === undefined)
            return undefined;
        const at = this.text.indexOf(':', keyEnd);
        return at === -1 || this.text.slice(keyEnd, at).trim() !== '' ? undefined : at;
    }
    column0(offset) {
        return offset - this.lines.lineStart(this.lines.lineOf(offset));
    }
    /** Where the line after a pair ends: just past the line break that follows its value. */
    afterPairLine(pair) {
        const value = pair.value;
        const end = this.valueEnd(value) ?? this.valueEnd(pair.key) ?? 0;
        if (end > 0 && this.text[end - 1] === '\n')
            return end;
        return this.lines.nextLineStart(end);
    }
    quote(value) {
        return JSON.stringify(value);
    }
    setStringValue(entry, value) {
        const nodes = this.entries.get(entry);
        if (!nodes)
            return undefined;
        const valueNode = nodes.pair.value;
        if (valueNode && !(0,dist/* isScalar */.jn)(valueNode))
            return undefined;
        const start = this.start(valueNode);
        let end = this.valueEnd(valueNode);
        if (start !== undefined && end !== undefined) {
            // A block scalar's range takes in its last line break (and trailing blank lines): keep them.
            if ((0,dist/* isScalar */.jn)(valueNode) && (valueNode.type === 'BLOCK_LITERAL' || valueNode.type === 'BLOCK_FOLDED')) {
                while (end > start && /\s/.test(this.text[end - 1]))
                    end--;
            }
            // An empty value sits right after the `:` or right before a comment: keep both apart from the quotes.
            const before = start === end && !/\s/.test(this.text[start - 1] ?? ' ') ? ' ' : '';
            const after = start === end && this.text[end] === '#' ? ' ' : '';
            return [this.edit(start, end, before + this.quote(value) + after)];
        }
        const colon = this.colonAfter(nodes.pair);
        if (colon === undefined)
            return undefined;
        return [this.edit(colon + 1, colon + 1, ' ' + this.quote(value))];
    }
    renameKey(entry, newKey) {
        const nodes = this.entries.get(entry);
        const keyNode = nodes?.pair.key;
        const start = this.start(keyNode);
        const end = this.valueEnd(keyNode);
        if (start === undefined || end === undefined)
            return undefined;
        const quoteChar = this.text[start];
        const written = quoteChar === '"' || quoteChar === "'" ? quoteChar + newKey + quoteChar : newKey;
        return [this.edit(start, end, written)];
    }
    removeEntry(entry) {
        return this.removeEntries([entry]);
    }
    /**
     * Removes entries from their maps. A map the removal leaves empty goes with its key (`annotations:` and all), when
     * nothing else is written in it (a comment stays, and so the map stays, as `{}`); a map that was empty before is
     * never touched.
     */
    removeEntries(entries) {
        return this.removal(entries, true);
    }
    /** The edits that remove entries; `dropEmptied`: a map they empty goes with its key (else it stays as `{}`). */
    removal(entries, dropEmptied) {
        const groups = new Map();
        for (const entry of entries) {
            const nodes = this.entries.get(entry);
            if (!nodes)
                return undefined;
            const group = groups.get(nodes.map) ?? [];
            if (!group.some((g) => g.pair === nodes.pair))
                group.push(nodes);
            groups.set(nodes.map, group);
        }
        const edits = [];
        for (const [map, group] of groups) {
            const removal = this.removeFromMap(map, group, dropEmptied);
            if (!removal)
                return undefined;
            edits.push(...removal);
        }
        return edits;
    }
    removeFromMap(map, group, dropEmptied) {
        const pairs = group.map((g) => g.pair);
        const own = [];
        for (const pair of pairs) {
            const removal = this.removePair(map, pair);
            if (!removal)
                return undefined;
            own.push(...removal);
        }
        if (pairs.length < map.items.length)
            return own;
        // The map is left empty: remove its key as well, unless a comment (or anything but the entries) is written in it.
        const { parent, parentSpot, grandparentSpot } = group[0];
        if (!parent)
            return undefined;
        const whole = parentSpot && dropEmptied ? this.removeSpot(parentSpot) : undefined;
        if (whole && whole.length === 1 && this.onlyRemovedText(whole[0], own)) {
            // `metadata:` left with nothing goes too (a bare `metadata:` says nothing), when nothing else is written in it.
            if (parentSpot.only && grandparentSpot) {
                const outer = this.removeSpot(grandparentSpot);
                if (outer && outer.length === 1 && this.onlyRemovedText(outer[0], whole))
                    return outer;
            }
            return whole;
        }
        if (map.flow)
            return own;
        // A block map keeps its key as `key: {}`, so that the comment lines between the key and the entries stay valid.
        const colon = this.colonAfter(parent);
        if (colon === undefined)
            return undefined;
        return [this.edit(colon + 1, colon + 1, ' {}'), ...own];
    }
    /**
     * Whether the text `whole` removes is only the text of `parts`, the key, brackets, commas and blanks: no comment, and
     * no anchor, alias or tag (an anchored map that empties stays, as `{}`, for its aliases).
     */
    onlyRemovedText(whole, parts) {
        let rest = '';
        let at = whole.start;
        for (const part of [...parts].sort((a, b) => a.start - b.start)) {
            if (part.start < whole.start || part.end > whole.end)
                return false;
            rest += this.text.slice(at, Math.max(at, part.start));
            at = Math.max(at, part.end);
        }
        rest += this.text.slice(at, whole.end);
        return !/[#&*!]/.test(rest);
    }
    /** The edits that remove one pair from a map, its separator or its whole lines with it; undefined when unsure. */
    removePair(map, pair) {
        const spot = pairSpot(map, pair);
        return spot ? this.removeSpot(spot) : undefined;
    }
    /** The edits that remove a pair, given where it sits (see `PairSpot`). */
    removeSpot(spot) {
        const keyStart = this.base + spot.keyStart;
        const pairEnd = this.base + spot.end;
        if (spot.flow) {
            if (spot.only) {
                const open = this.text.lastIndexOf('{', keyStart);
                const close = this.text.indexOf('}', pairEnd);
                return open === -1 || close === -1 ? undefined : [this.edit(open + 1, close, '')];
            }
            if (spot.nextStart !== undefined)
                return [this.edit(keyStart, this.base + spot.nextStart, '')];
            return spot.previousEnd === undefined ? undefined : [this.edit(this.base + spot.previousEnd, pairEnd, '')];
        }
        const lineStart = this.lines.lineStart(this.lines.lineOf(keyStart));
        if (this.text.slice(lineStart, keyStart).trim() !== '')
            return undefined;
        const lineEnd = this.text[pairEnd - 1] === '\n' ? pairEnd : this.lines.nextLineStart(pairEnd);
        return [this.edit(lineStart, lineEnd, '')];
    }
    addPodAnnotation(key, value) {
        return this.addAnnotationLine(`${key}: ${this.quote(value)}`);
    }
    /** Adds one `key: "value"` entry (written as given) to the pod template's annotations. */
    addAnnotationLine(entry) {
        const pod = this.pod;
        if (!pod)
            return undefined;
        const annotations = pod.annotationsPair?.value;
        if (pod.annotationsPair) {
            if ((0,dist/* isMap */.jh)(annotations))
                return this.addToMap(annotations, entry, [], 'last');
            if (annotations === null || ((0,dist/* isScalar */.jn)(annotations) && annotations.value === null)) {
                return this.addUnderKey(pod.annotationsPair, [entry]);
            }
            return undefined;
        }
        if (pod.metadataPair) {
            const metadata = pod.metadataPair.value;
            if ((0,dist/* isMap */.jh)(metadata))
                return this.addToMap(metadata, `annotations:`, [entry], 'last');
            if (metadata === null || ((0,dist/* isScalar */.jn)(metadata) && metadata.value === null)) {
                return this.addUnderKey(pod.metadataPair, ['annotations:', ' '.repeat(this.indentUnit) + entry]);
            }
            return undefined;
        }
        if (pod.template) {
            const unit = ' '.repeat(this.indentUnit);
            return this.addToMap(pod.template, 'metadata:', [`annotations:`, `${unit}${entry}`], 'first');
        }
        return undefined;
    }
    /**
     * Adds `first` (with `children` nested below it in block style, or as a flow map in flow style) to a map,
     * as whole new lines before its first key or after its last entry, never inside a multi-line value.
     */
    addToMap(map, first, children, at) {
        if (map.flow) {
            const open = this.start(map);
            if (open === undefined || this.text[open] !== '{')
                return undefined;
            const flowChildren = children.map((c) => c.trim());
            const written = flowChildren.length === 0 ? first : nestFlow(first, flowChildren);
            return [this.edit(open + 1, open + 1, map.items.length === 0 ? written : `${written}, `)];
        }
        if (map.items.length === 0)
            return undefined;
        const firstKeyStart = this.start(map.items[0].key);
        if (firstKeyStart === undefined)
            return undefined;
        const lineStart = this.lines.lineStart(this.lines.lineOf(firstKeyStart));
        if (at === 'last' || this.text.slice(lineStart, firstKeyStart).trim() !== '') {
            // New keys go last (after `labels:`, after the existing annotations), so that comments above the
            // first key stay with it; also when the first key shares its line with a `- `.
            return this.appendToBlockMap(map, first, children);
        }
        const indent = ' '.repeat(firstKeyStart - lineStart);
        const nl = this.newline();
        const unit = ' '.repeat(this.indentUnit);
        const lines = [indent + first, ...children.map((c) => indent + unit + c)];
        return [this.edit(lineStart, lineStart, lines.join(nl) + nl)];
    }
    appendToBlockMap(map, first, children) {
        const last = map.items[map.items.length - 1];
        const firstKeyStart = this.start(map.items[0].key);
        if (firstKeyStart === undefined)
            return undefined;
        const indent = ' '.repeat(this.column0(firstKeyStart));
        const unit = ' '.repeat(this.indentUnit);
        const at = this.afterPairLine(last);
        const nl = this.newline();
        const lines = [indent + first, ...children.map((c) => indent + unit + c)];
        const prefix = at === this.text.length && !this.text.endsWith('\n') ? nl : '';
        return [this.edit(at, at, prefix + lines.join(nl) + nl)];
    }
    /** Adds lines nested below a key whose value is empty (`annotations:` with nothing after it). */
    addUnderKey(pair, lines) {
        const keyStart = this.start(pair.key);
        const colon = this.colonAfter(pair);
        if (keyStart === undefined || colon === undefined)
            return undefined;
        const indent = ' '.repeat(this.column0(keyStart) + this.indentUnit);
        const nl = this.newline();
        const lineEnd = this.lines.nextLineStart(colon);
        const at = this.text[lineEnd - 1] === '\n' ? lineEnd - (this.text[lineEnd - 2] === '\r' ? 2 : 1) : lineEnd;
        const added = lines.map((l) => nl + indent + l).join('');
        // A written null (`annotations: ~`) must go, or the lines below would continue it; keep a comment after it.
        const valueStart = this.start(pair.value);
        const valueEnd = this.valueEnd(pair.value);
        if (valueStart !== undefined && valueEnd !== undefined && valueEnd > valueStart && valueEnd <= at) {
            return [this.edit(colon + 1, at, this.text.slice(valueEnd, at).trimEnd() + added)];
        }
        return [this.edit(at, at, added)];
    }
    /**
     * Moves an entry to the pod template's annotations. A comment at the end of the entry's line (`# keep me`) moves
     * with it; where the new entry cannot carry one (a flow map), the comment stays where it was, on a line of its own.
     */
    moveToPodAnnotations(entry) {
        const nodes = this.entries.get(entry);
        if (!nodes)
            return undefined;
        const written = `${entry.key}: ${this.quote(entry.value)}`;
        const comment = this.trailingComment(nodes);
        const carried = comment === undefined ? undefined : this.addAnnotationLine(`${written} ${comment}`);
        const moved = carried !== undefined && carriedCommentEndsItsLine(this.text, carried, comment);
        const add = moved ? carried : this.addAnnotationLine(written);
        if (!add)
            return undefined;
        let remove = this.removal([entry], moved || comment === undefined);
        // Where the new annotation goes right where the emptied map would go (`{labels: {k: v}}` becoming
        // `{annotations: {k: v}}`), the emptied map stays as `{}`: the two edits would otherwise leave a stray separator.
        const touches = (r) => add.some((a) => r.end > r.start && a.start >= r.start && a.start <= r.end);
        if (remove?.some(touches))
            remove = this.removal([entry], false);
        if (!remove)
            return undefined;
        if (comment !== undefined && !moved)
            remove = this.keepCommentLine(remove, nodes, comment);
        return remove ? [...add, ...remove] : undefined;
    }
    /** The comment at the end of a block map entry's line (`key: value # why`), when there is one. */
    trailingComment(nodes) {
        if (nodes.map.flow)
            return undefined;
        const valueEnd = this.valueEnd(nodes.pair.value) ?? this.valueEnd(nodes.pair.key);
        if (valueEnd === undefined)
            return undefined;
        const keyLine = this.lines.lineOf(this.start(nodes.pair.key) ?? valueEnd);
        if (this.lines.lineOf(valueEnd) !== keyLine)
            return undefined; // a multi-line value: its comments are its own
        const lineEnd = this.lines.nextLineStart(valueEnd);
        const rest = this.text.slice(valueEnd, lineEnd).replace(/\r?\n$/, '');
        const match = /^[ \t]+(#.*?)[ \t]*$/.exec(rest);
        return match?.[1];
    }
    /** The removal of an entry, with the comment at the end of its line kept on a line of its own, where it was. */
    keepCommentLine(remove, nodes, comment) {
        const keyStart = this.start(nodes.pair.key);
        if (keyStart === undefined)
            return undefined;
        const lineStart = this.lines.lineStart(this.lines.lineOf(keyStart));
        const own = remove.find((r) => r.start === lineStart && r.newText === '');
        if (!own)
            return undefined;
        const indent = this.text.slice(lineStart, keyStart);
        return remove.map((r) => (r === own ? { ...r, newText: indent + comment + this.newline() } : r));
    }
    newline() {
        return this.lines.newline;
    }
}
function nestFlow(first, children) {
    // ['annotations:', '  key: "v"'] in flow style is `annotations: {key: "v"}`.
    if (children.length === 1)
        return `${first} {${children[0]}}`;
    const [head, ...rest] = children;
    return `${first} {${nestFlow(head, rest)}}`;
}
/** A stand-in node that keeps only where the original was written. */
function rangeOnly(node) {
    const range = node?.range;
    if (!range)
        return null;
    const stand = new dist/* Scalar */.X5(null);
    stand.range = [range[0], range[1], range[2]];
    return stand;
}
/**
 * The outline of a map: its style, where it is written, and its first and last entries' positions. The
 * editor keeps this instead of the map, so that a workload does not hold its whole pod spec in memory
 * until the scan ends.
 */
function mapOutline(map) {
    if (!map)
        return null;
    const outline = new dist/* YAMLMap */.CA();
    outline.flow = map.flow;
    outline.range = map.range;
    const ends = map.items.length > 1 ? [map.items[0], map.items[map.items.length - 1]] : map.items;
    outline.items = ends.map((pair) => new dist/* Pair */.Rm(rangeOnly(pair.key), rangeOnly(pair.value)));
    return outline;
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/objects.ts










/** Reads the objects of one parsed document into `out`. */
class ObjectReader {
    file;
    lines;
    base;
    out;
    nodes;
    indentUnit;
    syntax;
    constructor(file, lines, base, doc, out) {
        this.file = file;
        this.lines = lines;
        this.base = base;
        this.out = out;
        const nodes = new NodeReader(doc);
        this.nodes = nodes;
        this.indentUnit = yamlIndentWidth(doc, lines, base);
        this.syntax = {
            section: (parent, key) => nodes.map(parent ?? null, key) ?? undefined,
            jobTemplate: 'jobTemplate',
            base: '',
            neverPods: kindNeverHasPods,
            readsPodTemplateKind: true,
        };
    }
    span(node, fallback) {
        if (!node?.range)
            return fallback ?? this.lines.span(this.base);
        const start = this.base + node.range[0];
        let end = this.base + node.range[1];
        // A block scalar's range takes in its final line breaks; a span ends on its last written line.
        while (end > start && /[\r\n]/.test(this.lines.text[end - 1]))
            end--;
        return this.lines.span(start, end);
    }
    /** Where a node starts, as an empty span: for pointing at a block without covering all its lines. */
    startOf(node) {
        return this.lines.span(this.base + (node?.range?.[0] ?? 0));
    }
    readRoot(root) {
        if (!(0,dist/* isMap */.jh)(root))
            return;
        const kind = this.nodes.string(root, 'kind');
        if (kind !== undefined && /List$/.test(kind) && this.nodes.seq(root, 'items')) {
            for (const item of this.nodes.items(this.nodes.seq(root, 'items')))
                this.readRoot(item);
            return;
        }
        if (kind === undefined)
            return;
        this.readObject(root, kind);
    }
    readObject(root, kind) {
        const identity = this.identity(root, kind);
        this.readClusterObject(root, kind, identity);
        const entries = new Map();
        const place = locatePodTemplate(kind, root, this.syntax);
        const objectLevels = this.objectLevels(root, place, entries);
        if (place.template === undefined && !objectLevels.some(hasEciKey))
            return;
        const template = place.template;
        const levels = podLevels(kind, objectLevels, template && (() => this.podLevel(template, entries)));
        this.out.workloads.push(workloadOf(identity, {
            levels,
            podTemplatePath: place.path,
            counts: podCounts(kind, place, (from, key) => this.count(from ?? null, key)),
            podSpec: this.podSpec(template?.map),
            ignores: ignoresIn([levels.pod, ...levels.objectMetadata]),
            editor: new YamlEditor(this.file, this.lines, this.base, entries, this.podTemplateNodes(template?.map), this.indentUnit),
        }));
    }
    /** The object's name, its namespace (a Namespace has none; any other object defaults to `default`) and its start. */
    identity(root, kind) {
        const n = this.nodes;
        const metadata = n.map(root, 'metadata');
        const writtenNamespace = n.string(metadata, 'namespace');
        return {
            source: 'kubernetes',
            file: this.file,
            kind,
            name: n.string(metadata, 'name') ?? '',
            namespace: writtenNamespace ?? (kind === 'Namespace' ? '' : 'default'),
            namespaceDefaulted: writtenNamespace === undefined,
            span: this.span(n.pair(root, 'kind')?.key, this.span(root)),
        };
    }
    /** Namespaces, autoscalers and the eci-profile: objects that decide about the pods of others. */
    readClusterObject(root, kind, identity) {
        const { name, namespace, span } = identity;
        if (kind === 'Namespace') {
            const labels = this.nodes.stringMap(this.nodes.map(this.nodes.map(root, 'metadata'), 'labels'));
            this.out.namespaces.push({ name, labels, file: this.file, span });
        }
        if (kind === 'HorizontalPodAutoscaler')
            this.readAutoscaler(root, name, namespace, span);
        if (kind === 'ConfigMap' && name === 'eci-profile' && !identity.namespaceDefaulted && namespace === 'kube-system') {
            this.readEciProfile(root, span);
        }
    }
    /** The object's own metadata and, for a CronJob, its job template's. */
    objectLevels(root, place, entries) {
        const levels = [this.metadataBlock(root, 'metadata', 'object', 'metadata', entries)];
        const jobTemplate = place.jobTemplate;
        if (jobTemplate)
            levels.push(this.metadataBlock(jobTemplate.map ?? null, 'metadata', 'job-template', jobTemplate.metadataPath, entries));
        return levels;
    }
    podLevel(template, entries) {
        return this.metadataBlock(template.map, 'metadata', 'pod', template.metadataPath, entries);
    }
    /** Where the pods run and what they reach, from the pod spec; nothing for an object without pods. */
    podSpec(template) {
        if (!template)
            return noPodSpec();
        const podSpec = this.nodes.map(template, 'spec');
        const images = [];
        const urls = [];
        const scheduling = this.scheduling(podSpec);
        this.containers(podSpec, images, urls);
        return { scheduling, images, urls };
    }
    /** The nodes of the pod template the editor needs to add pod annotations. */
    podTemplateNodes(template) {
        if (!template)
            return undefined;
        const n = this.nodes;
        const metadata = n.map(template, 'metadata');
        return {
            template: mapOutline(template),
            metadataPair: n.pair(template, 'metadata'),
            metadata,
            annotationsPair: n.pair(metadata, 'annotations'),
        };
    }
    metadataBlock(parent, key, level, path, entries) {
        const n = this.nodes;
        const metadataPair = n.pair(parent, key);
        const metadata = n.map(parent, key);
        const block = emptyLevel(level, path, metadataPair ? this.span(metadataPair.key) : this.startOf(parent));
        for (const field of ['annotations', 'labels']) {
            const pair = n.pair(metadata, field);
            if (!pair)
                continue;
            const value = n.resolve(pair.value);
            if (value === null || ((0,dist/* isScalar */.jn)(value) && value.value === null))
                continue;
            if (!(0,dist/* isMap */.jh)(value)) {
                markInvalid(block, field);
                continue;
            }
            const parentSpot = metadata ? pairSpot(metadata, pair) : undefined;
            const grandparentSpot = metadataPair && parent ? pairSpot(parent, metadataPair) : undefined;
            for (const { pair: item, holder, merged } of n.entries(value)) {
                const entry = this.mapEntry(item);
                if (!entry)
                    continue;
                // A merged entry is written in another map: the editor edits it there (the fix engine then checks that no
                // other reader of that map changes), and never treats the map here as emptied by removing it.
                entries.set(entry, merged ? { pair: item, map: holder } : { pair: item, map: holder, parent: pair, parentSpot, grandparentSpot });
                block[field].push(entry);
            }
        }
        return block;
    }
    mapEntry(pair) {
        const key = this.nodes.resolve(pair.key);
        if (!(0,dist/* isScalar */.jn)(key) || key.value === null)
            return undefined;
        const value = this.nodes.resolve(pair.value);
        const keySpan = this.span(key);
        // Point at the value as written here: an alias (`*x`), not the anchored node it stands for.
        const written = pair.value;
        const valueSpan = written?.range ? this.span(written) : this.lines.span(keySpan.endOffset);
        let text = '';
        if ((0,dist/* isScalar */.jn)(value) && value.value !== null) {
            text = value.type === 'PLAIN' ? String(value.source ?? value.value) : String(value.value);
        }
        return {
            key: String(key.value),
            keySpan,
            value: text,
            valueType: kubernetesValueType(value),
            valueSpan,
            span: this.lines.span(keySpan.offset, Math.max(keySpan.endOffset, valueSpan.endOffset)),
        };
    }
    count(map, key) {
        const pair = this.nodes.pair(map, key);
        if (!pair)
            return {};
        const value = this.nodes.resolve(pair.value);
        const span = this.span(value ?? pair.key);
        if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'number') {
            const problem = countProblem(value.value);
            if (problem === undefined)
                return { value: value.value, span };
            // As written (1.7e308 stays 1.7e308), shortened: the message must not carry a long value.
            const written = shortened(value.source !== undefined ? String(value.source) : String(value.value));
            const invalid = `${key} is ${written}, ${problem}`;
            return { unknown: invalid, invalid, span };
        }
        if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string') {
            // Kubernetes does not convert a string to a count: `replicas: "3"` is refused too.
            const invalid = `${key} is ${shortened(JSON.stringify(value.value))}, not a whole number`;
            return { unknown: invalid, invalid, span };
        }
        const written = (0,dist/* isScalar */.jn)(value) ? JSON.stringify(value.value) : (0,dist/* isMap */.jh)(value) || (0,dist/* isSeq */.oP)(value) ? 'a collection' : 'empty';
        return { unknown: `${key} is ${written}, not a whole number`, span };
    }
    scheduling(podSpec) {
        const n = this.nodes;
        const nodeAffinityIn = {};
        const required = n.map(n.map(n.map(podSpec, 'affinity'), 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution');
        for (const term of n.items(n.seq(required, 'nodeSelectorTerms'))) {
            if (!(0,dist/* isMap */.jh)(term))
                continue;
            for (const expression of n.items(n.seq(term, 'matchExpressions'))) {
                if (!(0,dist/* isMap */.jh)(expression) || n.string(expression, 'operator') !== 'In')
                    continue;
                const key = n.string(expression, 'key');
                if (key === undefined)
                    continue;
                const values = n.items(n.seq(expression, 'values')).filter(dist/* isScalar */.jn).map((v) => String(v.value));
                (nodeAffinityIn[key] ??= []).push(...values);
            }
        }
        const tolerationKeys = n
            .items(n.seq(podSpec, 'tolerations'))
            .filter(dist/* isMap */.jh)
            // `operator: Exists` without a key tolerates every taint: recorded as the key ''.
            .map((t) => n.string(t, 'key') ?? (n.string(t, 'operator') === 'Exists' ? '' : undefined))
            .filter((k) => k !== undefined);
        return {
            nodeSelector: n.stringMap(n.map(podSpec, 'nodeSelector')),
            nodeName: n.string(podSpec, 'nodeName'),
            nodeAffinityIn,
            tolerationKeys,
        };
    }
    containers(podSpec, images, urls) {
        const n = this.nodes;
        for (const field of ['initContainers', 'containers']) {
            for (const container of n.items(n.seq(podSpec, field))) {
                if (!(0,dist/* isMap */.jh)(container))
                    continue;
                const label = `${field === 'containers' ? 'container' : 'init container'} ${n.string(container, 'name') ?? '?'}`;
                const image = n.get(container, 'image');
                if ((0,dist/* isScalar */.jn)(image) && typeof image.value === 'string') {
                    images.push({ value: image.value, where: `${label} image`, span: this.span(image) });
                }
                for (const env of n.items(n.seq(container, 'env'))) {
                    if (!(0,dist/* isMap */.jh)(env))
                        continue;
                    const value = n.get(env, 'value');
                    if ((0,dist/* isScalar */.jn)(value))
                        this.collectUrls(value, `${label} env ${n.string(env, 'name') ?? '?'}`, urls);
                }
                for (const field2 of ['command', 'args']) {
                    for (const arg of n.items(n.seq(container, field2))) {
                        if ((0,dist/* isScalar */.jn)(arg))
                            this.collectUrls(arg, `${label} ${field2}`, urls);
                    }
                }
            }
        }
    }
    collectUrls(node, where, urls) {
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string')
            return;
        for (const url of urlsIn(node.value))
            urls.push({ value: url, where, span: this.span(node) });
    }
    readAutoscaler(root, name, namespace, span) {
        const n = this.nodes;
        const spec = n.map(root, 'spec');
        const target = n.map(spec, 'scaleTargetRef');
        const targetKind = n.string(target, 'kind');
        const targetName = n.string(target, 'name');
        if (targetKind === undefined || targetName === undefined)
            return;
        this.out.autoscalers.push({
            name,
            namespace,
            target: { kind: targetKind, name: targetName },
            min: this.count(spec, 'minReplicas'),
            max: this.count(spec, 'maxReplicas'),
            file: this.file,
            span,
        });
    }
    readEciProfile(root, span) {
        const n = this.nodes;
        const selectorsNode = n.get(n.map(root, 'data'), 'selectors');
        if (!(0,dist/* isScalar */.jn)(selectorsNode) || typeof selectorsNode.value !== 'string')
            return;
        let parsed;
        try {
            parsed = JSON.parse(selectorsNode.value);
        }
        catch (error) {
            this.out.problems.push({
                ruleId: 'parse-error',
                message: `The eci-profile selectors are not valid JSON: ${error.message}. No selector of this eci-profile is applied.`,
                span: this.span(selectorsNode),
            });
            return;
        }
        const selectors = (Array.isArray(parsed) ? parsed : []).filter(isRecord).map((s) => ({
            name: typeof s.name === 'string' ? s.name : '',
            namespaceLabels: stringRecord(isRecord(s.namespaceSelector) ? s.namespaceSelector.matchLabels : undefined),
            objectLabels: stringRecord(isRecord(s.objectSelector) ? s.objectSelector.matchLabels : undefined),
            annotations: stringRecord(isRecord(s.effect) ? s.effect.annotations : undefined),
            labels: stringRecord(isRecord(s.effect) ? s.effect.labels : undefined),
        }));
        this.out.profiles.push({ file: this.file, span, selectors });
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringRecord(value) {
    const out = {};
    if (!isRecord(value))
        return out;
    for (const [k, v] of Object.entries(value))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
/** The file's indentation step, read from the first nested block map, else 2. */
function yamlIndentWidth(doc, lines, base) {
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root) || root.flow)
        return 2;
    for (const pair of root.items) {
        const value = pair.value;
        if ((0,dist/* isMap */.jh)(value) && !value.flow && value.items.length > 0) {
            const keyStart = pair.key.range?.[0];
            const childStart = value.items[0].key.range?.[0];
            if (keyStart === undefined || childStart === undefined)
                continue;
            const column = (offset) => base + offset - lines.lineStart(lines.lineOf(base + offset));
            const unit = column(childStart) - column(keyStart);
            if (unit > 0 && unit <= 8)
                return unit;
        }
    }
    return 2;
}
function shortened(text) {
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/readers/kubernetes/quoted-continuations.ts

/** The most multi-line quoted scalars a document may have for the lenient reading (a bound on the work). */
const MAX_SCALARS = 10_000;
/**
 * The quoted scalars of a text that span more than one line, as js-yaml reads them; undefined when js-yaml
 * rejects the text too (then the text is not one that Kubernetes accepts either).
 */
function multilineQuotedScalars(text) {
    const found = [];
    const opened = [];
    const listener = (event, state) => {
        if (event === 'open') {
            opened.push(state.position);
            return;
        }
        const from = opened.pop() ?? 0;
        const end = state.position;
        const quote = text[end - 1];
        if (state.kind !== 'scalar' || typeof state.result !== 'string' || (quote !== '"' && quote !== "'"))
            return;
        const start = quoteStart(text, from, end, quote);
        if (start === undefined || !/[\r\n]/.test(text.slice(start, end)))
            return;
        if (found.length < MAX_SCALARS)
            found.push({ start, end, value: state.result });
    };
    try {
        // The default schema knows YAML 1.1's tags (`!!int "3"`, `!!binary`) as go-yaml does; only strings are taken.
        js_yaml/* default.loadAll */.Ay.loadAll(text, () => undefined, { schema: js_yaml/* default.DEFAULT_SCHEMA */.Ay.DEFAULT_SCHEMA, listener });
    }
    catch {
        return undefined;
    }
    return found;
}
/**
 * Where the quoted scalar that ends at `end` opens: js-yaml's "open" position is before the node's separating
 * space, comments and properties (`!tag`, `&anchor`), which are skipped here.
 */
function quoteStart(text, from, end, quote) {
    let at = from;
    while (at < end) {
        const c = text[at];
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n')
            at++;
        else if (c === '#')
            at = lineEnd(text, at);
        else if (c === '!' || c === '&')
            at = tokenEnd(text, at);
        else
            break;
    }
    return text[at] === quote && at < end - 1 ? at : undefined;
}
function lineEnd(text, at) {
    const next = text.indexOf('\n', at);
    return next === -1 ? text.length : next;
}
function tokenEnd(text, at) {
    let i = at;
    while (i < text.length && !/\s/.test(text[i]))
        i++;
    return i;
}
/**
 * The text with each scalar replaced by a quoted scalar of the same length on one line: the quotes stay, every
 * other character becomes `x` and every line break a space, so no offset moves.
 */
function maskScalars(text, scalars) {
    let out = '';
    let last = 0;
    for (const s of [...scalars].sort((a, b) => a.start - b.start)) {
        if (s.start < last)
            continue;
        const inner = text.slice(s.start + 1, s.end - 1).replace(/[\r\n]/g, ' ').replace(/[^ ]/g, 'x');
        out += text.slice(last, s.start) + text[s.start] + inner + text[s.end - 1];
        last = s.end;
    }
    return out + text.slice(last);
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/syntax-screen.ts

/**
 * A fast syntax check for documents the rules never look at (CRDs, RBAC …): js-yaml only validates,
 * several times faster than composing the document. When it objects, the caller parses the document
 * with the `yaml` package, which stays the authority on errors and their positions.
 */
function looksValid(text) {
    return screenSyntax(text) !== 'invalid';
}
/**
 * `invalid` when js-yaml objects; `anchors` when it accepts the text but the text defines anchors (js-yaml
 * does not expand aliases, so only the `yaml` package can tell an alias bomb); else `valid`.
 */
function screenSyntax(text) {
    let anchors = false;
    // js-yaml's state keeps the document's anchors in `anchorMap` (not in its published types).
    const listener = (event, state) => {
        if (!anchors && event === 'close' && state.anchorMap && Object.keys(state.anchorMap).length > 0)
            anchors = true;
    };
    try {
        js_yaml/* default.loadAll */.Ay.loadAll(text, () => undefined, { schema: js_yaml/* default.FAILSAFE_SCHEMA */.Ay.FAILSAFE_SCHEMA, listener });
        return anchors ? 'anchors' : 'valid';
    }
    catch {
        return 'invalid';
    }
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/template-files.ts
/**
 * Helm and Jinja templates are not YAML until rendered. `{{ }}` inside a quoted string is valid YAML
 * (and common), so only template markers outside quotes and comments make a file a template.
 */
function templateMarkerLine(text) {
    if (!text.includes('{{') && !text.includes('{%'))
        return undefined;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!line.includes('{{') && !line.includes('{%'))
            continue;
        const bare = line
            .replace(/"(?:[^"\\]|\\.)*"/g, '""')
            .replace(/'(?:[^']|'')*'/g, "''")
            .replace(/(^|\s)#.*$/, '$1');
        if (bare.includes('{{') || bare.includes('{%'))
            return i + 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/readers/kubernetes/index.ts









/** The most aliases a document may expand to before it is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;
const ALIAS_TEXT = /(?:^|[\s,[{:-])\*[^\s,\]}]/;
function readKubernetesYaml(file, text, options = {}) {
    const out = emptyReadResult();
    const templateLine = templateMarkerLine(text);
    if (templateLine !== undefined) {
        out.skipped = `a template (Helm or Jinja markers outside quotes at line ${templateLine}); render it and lint the output`;
        return out;
    }
    const lines = new LineIndex(text);
    for (const chunk of splitDocuments(text)) {
        const mustCompose = options.everyDocument || documentCanMatter(chunk.text);
        // A document that cannot matter is only checked for syntax, unless the quick check finds a problem.
        // js-yaml does not expand aliases: a document with anchors is parsed for the alias-bomb check below.
        if (!mustCompose && screenSyntax(chunk.text) === 'valid')
            continue;
        const docs = parseDocuments(chunk.text);
        if ('empty' in docs) {
            for (const error of docs.errors.slice(0, 1)) {
                out.problems.push({
                    ruleId: 'parse-error',
                    message: `YAML syntax error: ${firstSentence(error.message)}`,
                    span: lines.span(chunk.start + error.pos[0], chunk.start + error.pos[1]),
                });
            }
            continue;
        }
        for (const doc of docs) {
            if (doc.errors.length > 0) {
                const error = doc.errors[0];
                out.problems.push({
                    ruleId: 'parse-error',
                    message: `YAML syntax error: ${firstSentence(error.message)}. This document is not checked; the others are.`,
                    span: lines.span(chunk.start + error.pos[0], chunk.start + Math.max(error.pos[0], error.pos[1])),
                });
                continue;
            }
            const aliasError = ALIAS_TEXT.test(chunk.text) ? aliasProblem(doc) : undefined;
            if (aliasError) {
                out.problems.push({ ruleId: 'parse-error', message: aliasError.message, span: lines.span(chunk.start + aliasError.offset) });
                continue;
            }
            if (!mustCompose)
                continue;
            new ObjectReader(file, lines, chunk.start, doc, out).readRoot(doc.contents);
            if (ALIAS_TEXT.test(chunk.text))
                (out.aliasReads ??= []).push(...aliasReads(doc, lines, chunk.start));
        }
    }
    return out;
}
const PARSE_OPTIONS = { prettyErrors: false, logLevel: 'silent', uniqueKeys: true };
/**
 * The documents of a chunk as Kubernetes reads them. When `yaml` rejects the text only because quoted scalars
 * continue at their key's indentation (PyYAML's style, which libyaml and go-yaml accept), the text is read again
 * with those scalars masked, and they get the values js-yaml reads; otherwise the first reading stands.
 */
function parseDocuments(text) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text, PARSE_OPTIONS);
    const failed = 'empty' in docs ? docs.errors.length > 0 : docs.some((d) => d.errors.length > 0);
    if (!failed)
        return docs;
    const scalars = multilineQuotedScalars(text);
    if (!scalars || scalars.length === 0)
        return docs;
    const lenient = (0,dist/* parseAllDocuments */.hR)(maskScalars(text, scalars), PARSE_OPTIONS);
    if ('empty' in lenient || lenient.some((d) => d.errors.length > 0))
        return docs;
    const values = new Map(scalars.map((s) => [s.start, s.value]));
    for (const doc of lenient) {
        (0,dist/* visit */.YR)(doc, {
            Scalar(_key, node) {
                const value = node.range ? values.get(node.range[0]) : undefined;
                if (value !== undefined)
                    node.value = value;
            },
        });
    }
    return lenient;
}
/**
 * Why the document's aliases cannot be expanded: an alias inside the node it refers to (a cycle), an alias bomb,
 * or an alias whose anchor is missing.
 */
function aliasProblem(doc) {
    const cycle = selfContainingAlias(doc);
    if (cycle) {
        // Kubernetes' YAML decoder refuses these too ("anchor … value contains itself").
        return {
            message: `YAML error: the alias *${cycle.source} is inside the node its anchor &${cycle.source} marks (a cycle). This document is not checked; the others are.`,
            offset: cycle.offset,
        };
    }
    try {
        doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        return undefined;
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        // `yaml` does not report an alias without an anchor as a parse error; toJS throws a ReferenceError for it too.
        let unresolved;
        (0,dist/* visit */.YR)(doc, {
            Alias(_key, node) {
                if (node.resolve(doc))
                    return undefined;
                unresolved = node;
                return dist/* visit */.YR.BREAK;
            },
        });
        if (unresolved) {
            return {
                message: `YAML syntax error: ${firstSentence(error.message)}. This document is not checked; the others are.`,
                offset: unresolved.range?.[0] ?? 0,
            };
        }
        return {
            message: `This document expands to more than ${MAX_ALIAS_COUNT} aliases (an alias bomb?); it is not checked.`,
            offset: doc.range?.[0] ?? 0,
        };
    }
}
/** The first alias that sits inside the node its anchor marks (ranges are offsets in the document's text). */
function selfContainingAlias(doc) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, node) {
            const target = node.resolve(doc);
            const at = node.range?.[0];
            if (!target?.range || at === undefined)
                return undefined;
            if (at >= target.range[0] && at < target.range[1]) {
                found = { source: node.source.slice(0, 40), offset: at };
                return dist/* visit */.YR.BREAK;
            }
            return undefined;
        },
    });
    return found;
}
function firstSentence(message) {
    return message.split('\n')[0].replace(/[.:]\s*$/, '');
}

;// CONCATENATED MODULE: ./src/readers/terraform/hcl.ts
/**
 * A small syntax tree for Terraform, the same for native HCL (`.tf`, from tree-sitter) and JSON (`.tf.json`):
 * only what the reader and the editor need, with the offsets of every part. Offsets index the file's text
 * (UTF-16 code units), like the rest of the project.
 */
/**
 * How deep the converters follow nested expressions and blocks. Terraform has no limit, but real files nest a few
 * levels; deeper parts are kept as unread expressions (`other`) so that no input can exhaust the stack.
 */
const MAX_NESTING = 200;
const TOO_DEEP = `it nests more than ${MAX_NESTING} levels deep and is not read`;
/** Items with this key, in order. */
function itemsNamed(object, key) {
    return object ? object.items.filter((i) => i.key === key) : [];
}
/** The value of the first attribute (or object element, JSON property) with this key. */
function attr(object, key) {
    if (!object)
        return undefined;
    for (const item of object.items)
        if (item.key === key && item.value)
            return item.value;
    return undefined;
}
function attrItem(object, key) {
    return object?.items.find((i) => i.key === key && i.value !== undefined);
}
/**
 * The nested sections with this name, whatever their syntax: repeated blocks (`container { … }`), an object
 * (`metadata = { … }`, a JSON object) or a list of objects (`containers = [{ … }]`, a JSON array of objects).
 */
function sections(object, key) {
    const out = [];
    for (const item of itemsNamed(object, key)) {
        if (item.block)
            out.push(item.block.body);
        else if (item.value?.kind === 'object')
            out.push(item.value.object);
        else if (item.value?.kind === 'tuple') {
            for (const element of item.value.items)
                if (element.kind === 'object')
                    out.push(element.object);
        }
    }
    return out;
}
function section(object, key) {
    return sections(object, key)[0];
}
/** The item that holds a section (the block, or the attribute whose value is the object). */
function sectionItem(object, key) {
    return itemsNamed(object, key).find((i) => i.block || i.value?.kind === 'object');
}
/**
 * The top-level blocks of a file. Native HCL has them as blocks; JSON as nested properties
 * (`{"resource": {"type": {"name": {…}}}}`, where every level may also be an array of objects).
 */
function topBlocks(parsed) {
    const out = [];
    const top = parsed.top;
    if (top.form === 'body') {
        for (const item of top.items) {
            if (!item.block || item.key === undefined)
                continue;
            out.push({ type: item.key, labels: item.block.labels, body: item.block.body, range: item, head: item.keyRange, item });
        }
        return out;
    }
    const LABELS = { resource: 2, data: 2, variable: 1, module: 1, output: 1, provider: 1, locals: 0 };
    for (const item of top.items) {
        if (item.key === undefined || !(item.key in LABELS))
            continue;
        const depth = LABELS[item.key];
        const walk = (value, labels, owner) => {
            if (!value)
                return;
            if (value.kind === 'tuple') {
                for (const element of value.items)
                    walk(element, labels, owner);
                return;
            }
            if (value.kind !== 'object')
                return;
            if (labels.length === depth) {
                out.push({ type: item.key, labels, body: value.object, range: owner, head: owner.keyRange, item: owner });
                return;
            }
            for (const child of value.object.items) {
                if (child.key !== undefined)
                    walk(child.value, [...labels, child.key], child);
            }
        };
        walk(item.value, [], item);
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./src/readers/terraform/json.ts


/**
 * Parses Terraform's JSON syntax (`.tf.json`) into the same syntax tree as native HCL. Strings are templates
 * there: `"${var.replicas}"` is a reference, `"$${x}"` the literal `${x}`. Properties named `//` are comments.
 */
function parseJsonHcl(text) {
    const errors = [];
    const root = (0,main.parseTree)(text, errors, { disallowComments: true, allowTrailingComma: false });
    const empty = { form: 'json', items: [], start: 0, end: text.length, open: 0, close: text.length };
    if (errors.length > 0 || !root) {
        const error = errors[0];
        const start = error?.offset ?? 0;
        const message = error ? `JSON syntax error: ${words((0,main.printParseErrorCode)(error.error))}` : 'JSON syntax error: the file is empty';
        return { top: empty, error: { message, range: { start, end: start + (error?.length ?? 0) }, from: 0 } };
    }
    if (root.type !== 'object') {
        return { top: empty, error: { message: 'A .tf.json file must hold a JSON object', range: { start: root.offset, end: root.offset }, from: 0 } };
    }
    return { top: new JsonConverter(text).object(root) };
}
/** `CloseBraceExpected` → `close brace expected`. */
function words(code) {
    return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
class JsonConverter {
    text;
    /** How many objects and arrays the converter is inside (see MAX_NESTING). */
    nesting = 0;
    constructor(text) {
        this.text = text;
    }
    object(node) {
        const end = node.offset + node.length;
        const object = { form: 'json', items: [], start: node.offset, end, open: node.offset + 1, close: end - 1 };
        for (const property of node.children ?? []) {
            const [keyNode, valueNode] = property.children ?? [];
            if (!keyNode || typeof keyNode.value !== 'string' || keyNode.value === '//')
                continue;
            object.items.push({
                start: property.offset,
                end: property.offset + property.length,
                key: keyNode.value,
                keyRange: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
                keyQuoted: true,
                value: valueNode ? this.value(valueNode) : undefined,
            });
        }
        return object;
    }
    value(node) {
        const range = { start: node.offset, end: node.offset + node.length };
        if ((node.type === 'object' || node.type === 'array') && this.nesting >= MAX_NESTING) {
            return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, Math.min(range.end, range.start + 80)), why: TOO_DEEP };
        }
        this.nesting++;
        try {
            return this.valueHere(node, range);
        }
        finally {
            this.nesting--;
        }
    }
    valueHere(node, range) {
        switch (node.type) {
            case 'object':
                return { start: range.start, end: range.end, kind: 'object', object: this.object(node) };
            case 'array':
                return { start: range.start, end: range.end, kind: 'tuple', items: (node.children ?? []).map((c) => this.value(c)) };
            case 'string':
                return this.template(node, range);
            case 'number':
            case 'boolean':
            case 'null':
                return { start: range.start, end: range.end, kind: 'literal', value: node.value };
        }
        return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, range.end) };
    }
    /** A JSON string is an HCL template. Interpolations are read when the string has no JSON escapes. */
    template(node, range) {
        const value = node.value;
        if (!value.includes('${') && !value.includes('%{'))
            return { start: range.start, end: range.end, kind: 'literal', value };
        const raw = this.text.slice(range.start + 1, range.end - 1);
        const base = raw === value ? range.start + 1 : undefined;
        const parts = [];
        let directive = false;
        let literal = '';
        let i = 0;
        while (i < value.length) {
            if (value.startsWith('$${', i) || value.startsWith('%%{', i)) {
                literal += value[i + 1] + '{';
                i += 3;
                continue;
            }
            if (value.startsWith('${', i) || value.startsWith('%{', i)) {
                const close = matchingBrace(value, i + 2);
                if (close === -1)
                    return { start: range.start, end: range.end, kind: 'other', text: value };
                if (literal)
                    parts.push(literal);
                literal = '';
                const inner = value.slice(i + 2, close);
                const at = base === undefined ? range : { start: base + i, end: base + close + 1 };
                if (value[i] === '%' || inner.startsWith('~') || inner.endsWith('~'))
                    directive = true;
                parts.push(parseSimpleExpression(inner.trim(), at));
                i = close + 1;
                continue;
            }
            literal += value[i];
            i++;
        }
        if (literal)
            parts.push(literal);
        if (!directive && parts.every((p) => typeof p === 'string'))
            return { start: range.start, end: range.end, kind: 'literal', value: parts.join('') };
        return { start: range.start, end: range.end, kind: 'template', parts, directive };
    }
}
/** The offset of the `}` that closes an interpolation whose content starts at `from`, or -1. */
function matchingBrace(text, from) {
    let depth = 0;
    let quote = false;
    for (let i = from; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === '"')
                quote = false;
        }
        else if (c === '"')
            quote = true;
        else if (c === '{')
            depth++;
        else if (c === '}') {
            if (depth === 0)
                return i;
            depth--;
        }
    }
    return -1;
}
const TRAVERSAL = /^([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\.\d+|\[\d+\]|\["[^"\\]*"\])*)$/;
/** The expressions of a JSON template that can be resolved: literals and traversals; anything else is `other`. */
function parseSimpleExpression(text, range) {
    if (/^-?\d+(?:\.\d+)?$/.test(text))
        return { start: range.start, end: range.end, kind: 'literal', value: Number(text) };
    if (text === 'true' || text === 'false')
        return { start: range.start, end: range.end, kind: 'literal', value: text === 'true' };
    if (text === 'null')
        return { start: range.start, end: range.end, kind: 'literal', value: null };
    const match = TRAVERSAL.exec(text);
    if (!match)
        return { start: range.start, end: range.end, kind: 'other', text };
    const steps = [];
    for (const step of match[2].matchAll(/\.([A-Za-z_][\w-]*)|\.(\d+)|\[(\d+)\]|\["([^"\\]*)"\]/g)) {
        steps.push(step[1] ?? (step[2] !== undefined ? Number(step[2]) : step[3] !== undefined ? Number(step[3]) : step[4]));
    }
    return { start: range.start, end: range.end, kind: 'traversal', root: match[1], steps };
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/readers/failure.ts
/** A mistake of the program that calls the readers (not of any file): it stops the scan. */
class ReaderSetupError extends Error {
}
/** A file a reader declines, with the reason in words for the finding (its message is used as it is). */
class UnreadableFileError extends Error {
}
/**
 * Why reading or checking a file failed, in words fit for a finding: one short line, never the error's stack or
 * more than a short excerpt of its message (an error message may quote the file). A ReaderSetupError is thrown on.
 */
function failureReason(error) {
    if (error instanceof ReaderSetupError)
        throw error;
    if (error instanceof UnreadableFileError)
        return error.message;
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
        return 'it nests too deeply to read (the reader ran out of stack)';
    }
    if (error instanceof RangeError && /allocation|array length|string length/i.test(error.message)) {
        return 'it is too large to read (out of memory)';
    }
    const message = error instanceof Error ? error.message : String(error);
    const first = message.split('\n')[0].trim();
    const short = first.length > 100 ? `${first.slice(0, 99)}…` : first;
    return `the reader failed on it (${short || 'no reason given'})`;
}

;// CONCATENATED MODULE: ./src/readers/terraform/wasm.ts





/**
 * The tree-sitter HCL parser, loaded on demand. tree-sitter runs as WebAssembly: `web-tree-sitter.wasm` (the
 * runtime) and `tree-sitter-hcl.wasm` (the grammar). Loading them is asynchronous, so the CLI and the action call
 * `prepareTerraformParser()` before a scan that has Terraform files; a scan without any never loads them.
 */
const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-hcl.wasm';
let parser;
let loading;
let loads = 0;
/** Where the two wasm files are: beside the bundle (dist/), else in their packages (running from source). */
function wasmFiles() {
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    const beside = { runtime: external_node_path_default().join(here, RUNTIME_WASM), grammar: external_node_path_default().join(here, GRAMMAR_WASM) };
    if (external_node_fs_default().existsSync(beside.grammar))
        return beside;
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    // Computed names: a bundler must not try to follow these; the build copies the files into dist/ instead.
    const resolve = (pkg, file) => {
        try {
            return require.resolve([pkg, file].join('/'));
        }
        catch {
            return undefined;
        }
    };
    const runtime = resolve('web-tree-sitter', RUNTIME_WASM);
    const grammarPackage = resolve(['@tree-sitter-grammars', 'tree-sitter-hcl'].join('/'), 'package.json');
    if (!runtime || !grammarPackage)
        return beside;
    return { runtime, grammar: external_node_path_default().join(external_node_path_default().dirname(grammarPackage), GRAMMAR_WASM) };
}
/** Loads the parser once; later calls return at once. */
function prepareTerraformParser() {
    if (parser)
        return Promise.resolve();
    loading ??= load().catch((error) => {
        loading = undefined;
        throw error;
    });
    return loading;
}
async function load() {
    const files = wasmFiles();
    for (const file of [files.runtime, files.grammar]) {
        try {
            external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.R_OK);
        }
        catch {
            throw new Error(`cannot read ${file}, which the Terraform parser needs: reinstall eci-egress-lint`);
        }
    }
    loads++;
    const { Parser: ParserClass, Language } = await __webpack_require__.e(/* import() */ 33).then(__webpack_require__.bind(__webpack_require__, 33));
    await ParserClass.init({ locateFile: () => files.runtime });
    const language = await Language.load(new Uint8Array(external_node_fs_default().readFileSync(files.grammar)));
    const created = new ParserClass();
    created.setLanguage(language);
    parser = created;
}
function terraformParserReady() {
    return parser !== undefined;
}
/** How many times the wasm files were loaded in this process (tests prove a YAML-only scan loads none). */
function terraformParserLoads() {
    return loads;
}
/**
 * The most native HCL handed to tree-sitter at once, in characters. Its memory grows by about 200 bytes per
 * character of a heredoc, and past about 2 GB the WebAssembly module aborts for good (every later file of the scan
 * would fail): a larger file is not parsed, and gets a notice instead.
 */
const MAX_HCL_PARSE_CHARS = 8 * 1024 * 1024;
/** Why the parser stopped working in this process (it aborted), when it did. */
let aborted;
/** Parses HCL text; throws a clear error when `prepareTerraformParser` has not been awaited. */
function parseHclTree(text) {
    if (!parser) {
        throw new ReaderSetupError('the Terraform parser is not loaded: await prepareReaders() before linting Terraform files');
    }
    if (aborted !== undefined)
        throw new UnreadableFileError(`the Terraform parser stopped on an earlier file (${aborted})`);
    if (text.length > MAX_HCL_PARSE_CHARS) {
        throw new UnreadableFileError(`${(text.length / 1024 / 1024).toFixed(1)} MB of HCL is more than the Terraform parser takes (${MAX_HCL_PARSE_CHARS / 1024 / 1024} MB)`);
    }
    let tree;
    try {
        tree = parser.parse(text);
    }
    catch (error) {
        // An abort of the WebAssembly module is final: say so for this file and for every later one.
        const message = error instanceof Error ? error.message.split('\n')[0].slice(0, 80) : String(error);
        if (/^Aborted/.test(message) || error instanceof WebAssembly.RuntimeError)
            aborted = `it aborted: ${message}`;
        throw new UnreadableFileError(`the Terraform parser failed on it (${message})`);
    }
    if (!tree)
        throw new Error('tree-sitter returned no tree');
    return tree;
}

;// CONCATENATED MODULE: ./src/readers/terraform/native.ts


/**
 * Parses native HCL with tree-sitter and converts it into the small syntax tree of hcl.ts. Only the top-level
 * blocks that `wanted` accepts are converted in full; tree-sitter's own tree is freed before returning.
 */
function parseNativeHcl(text, wanted = () => true) {
    const tree = parseHclTree(maskIntegerExponents(text));
    const cursor = tree.walk();
    try {
        const root = tree.rootNode;
        const error = root.hasError ? firstError(root, text) : undefined;
        const top = { form: 'body', items: [], start: 0, end: text.length, open: 0, close: text.length };
        if (cursor.nodeType === 'config_file') {
            const converter = new Converter(text, cursor);
            converter.each(() => {
                if (cursor.nodeType === 'body')
                    top.items = converter.bodyItems(wanted);
            });
        }
        return { top, error };
    }
    finally {
        cursor.delete();
        tree.delete();
    }
}
/**
 * The first ERROR or MISSING node, in text order, as a message and a range, and `from`: the start of the top-level
 * block that holds it (that block and the ones after it are not read).
 */
function firstError(root, text) {
    let node = root;
    let parent = null;
    let from;
    while (node) {
        if (from === undefined && parent?.type === 'body' && parent.parent?.type === 'config_file')
            from = node.startIndex;
        if (node.isMissing) {
            const atEnd = text.slice(node.startIndex).trim() === '';
            // The missing `}` of a block (tree-sitter: a block_end holding a missing `}`).
            const block = node.type === 'block_end' ? parent : parent?.type === 'block_end' ? parent.parent : null;
            if (block?.type === 'block') {
                // As HashiCorp's parser does: point at the `{` of the block that is never closed.
                const open = block.children.find((c) => c.type === 'block_start') ?? block;
                const message = atEnd
                    ? 'HCL syntax error: this block has no closing brace before the end of the file (check the brace nesting above)'
                    : 'HCL syntax error: missing `}` for this block';
                return { message, range: { start: open.startIndex, end: open.endIndex }, from: from ?? node.startIndex };
            }
            // Nothing after `=`: tree-sitter invents the start of a value on a later line; HCL points after the `=`.
            const before = text.slice(0, node.startIndex).trimEnd();
            if (before.endsWith('=')) {
                return { message: 'HCL syntax error: a value is expected after `=`', range: { start: before.length, end: before.length }, from: from ?? node.startIndex };
            }
            return { message: `HCL syntax error: missing ${describeToken(node.type)}`, range: { start: node.startIndex, end: node.startIndex }, from: from ?? node.startIndex };
        }
        if (node.type === 'ERROR') {
            // An unfinished construct (`command = ["sh",` then `}`): the error is the token after it, as HCL says.
            const last = node.lastChild;
            if (last && /^[,[{(=:?]$/.test(last.type)) {
                const next = node.endIndex + (text.slice(node.endIndex).length - text.slice(node.endIndex).trimStart().length);
                if (next < text.length) {
                    const token = /^(?:[\w.-]+|\S)/.exec(text.slice(next))[0];
                    return { message: `HCL syntax error: unexpected \`${token}\``, range: { start: next, end: next + token.length }, from: from ?? node.startIndex };
                }
            }
            const written = text.slice(node.startIndex, node.endIndex);
            const first = written.trim().split('\n')[0].trim().slice(0, 40);
            const message = first ? `HCL syntax error: unexpected \`${first}\`` : 'HCL syntax error';
            const lineEnd = text.indexOf('\n', node.startIndex);
            return {
                message,
                range: { start: node.startIndex, end: Math.min(node.endIndex, lineEnd === -1 ? text.length : lineEnd) },
                from: from ?? node.startIndex,
            };
        }
        let next = null;
        for (const child of node.children) {
            if (child.hasError || child.isMissing || child.type === 'ERROR') {
                next = child;
                break;
            }
        }
        if (!next)
            break;
        parent = node;
        node = next;
    }
    return { message: 'HCL syntax error', range: { start: 0, end: 0 }, from: 0 };
}
function describeToken(type) {
    const names = { block_end: '`}`', object_end: '`}`', tuple_end: '`]`', quoted_template_end: 'closing `"`' };
    return names[type] ?? (/^[\w]+$/.test(type) ? type.replace(/_/g, ' ') : `\`${type}\``);
}
/**
 * Converts tree-sitter's tree with a cursor: no Node objects are made for the nodes it walks, which keeps the
 * conversion a small share of the parse. Every method starts and ends with the cursor on the same node.
 */
class Converter {
    text;
    c;
    /** How many expressions and blocks the cursor is inside (see MAX_NESTING). */
    nesting = 0;
    constructor(text, c) {
        this.text = text;
        this.c = c;
    }
    /** Calls `visit` with the cursor on each child of the current node in turn. */
    each(visit) {
        const c = this.c;
        if (!c.gotoFirstChild())
            return;
        do
            visit();
        while (c.gotoNextSibling());
        c.gotoParent();
    }
    /** The end of the current node's parent, without moving. */
    endOfParent() {
        const c = this.c;
        c.gotoParent();
        const end = c.endIndex;
        c.gotoFirstChild();
        return end;
    }
    range() {
        return { start: this.c.startIndex, end: this.c.endIndex };
    }
    nodeText() {
        return this.text.slice(this.c.startIndex, this.c.endIndex);
    }
    /** An expression that is not read (an operator, a conditional, a splat …): its text as written. */
    asWritten(range) {
        return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, range.end) };
    }
    /**
     * The attributes and blocks of a body (the cursor on a `body`). `wanted` decides for each block how much of it to
     * convert; the top level passes the BlockFilter, nested levels the set of names.
     */
    bodyItems(wanted) {
        const c = this.c;
        const items = [];
        const only = wanted instanceof Map ? wanted : undefined;
        this.each(() => {
            const type = c.nodeType;
            if (type !== 'attribute' && type !== 'block')
                return;
            if (only) {
                // The name is the first child of an attribute or a block.
                c.gotoFirstChild();
                const isName = c.nodeType === 'identifier';
                const nameStart = c.startIndex;
                const nameEnd = c.endIndex;
                const key = this.text.slice(nameStart, nameEnd);
                const guard = only.get(key);
                if (isName && (guard === undefined || (guard !== true && !guard.test(this.text.slice(c.startIndex, this.endOfParent()))))) {
                    // Not read: its name and range only (a dynamic block keeps its label, for the reader to notice it).
                    let label;
                    if (key === 'dynamic' && c.gotoNextSibling() && c.nodeType === 'string_lit')
                        label = this.range();
                    c.gotoParent();
                    const range = this.range();
                    const item = { start: range.start, end: range.end, key, keyRange: { start: nameStart, end: nameEnd }, keyQuoted: false };
                    if (label) {
                        const empty = { form: 'body', items: [], start: range.end, end: range.end, open: range.end, close: range.end };
                        item.block = { labels: [decodeQuoted(this.text.slice(label.start + 1, label.end - 1))], labelRanges: [label], body: empty };
                    }
                    items.push(item);
                    return;
                }
                c.gotoParent();
            }
            const item = type === 'attribute' ? this.attribute() : this.block(only ?? wanted);
            if (item)
                items.push(item);
        });
        return items;
    }
    attribute() {
        const c = this.c;
        const range = this.range();
        if (!c.gotoFirstChild())
            return undefined;
        let name;
        let value;
        do {
            const type = c.nodeType;
            if (!name && type === 'identifier')
                name = this.range();
            else if (type === 'expression') {
                value = this.expression();
                break;
            }
        } while (c.gotoNextSibling());
        c.gotoParent();
        if (!name)
            return undefined;
        return { start: range.start, end: range.end, key: this.text.slice(name.start, name.end), keyRange: name, keyQuoted: false, value };
    }
    block(wanted) {
        // Blocks nested past the limit keep their name and range only, like blocks the reader does not need.
        if (this.nesting >= MAX_NESTING)
            wanted = new Map();
        this.nesting++;
        try {
            return this.blockHere(wanted);
        }
        finally {
            this.nesting--;
        }
    }
    blockHere(wanted) {
        const c = this.c;
        const range = this.range();
        let type;
        const labels = [];
        const labelRanges = [];
        let open = range.end;
        let close = range.end;
        let items = [];
        this.each(() => {
            const nodeType = c.nodeType;
            if (!type) {
                if (nodeType === 'identifier')
                    type = this.range();
                return;
            }
            if (nodeType === 'string_lit') {
                labels.push(decodeQuoted(this.text.slice(c.startIndex + 1, c.endIndex - 1)));
                labelRanges.push(this.range());
            }
            else if (nodeType === 'identifier') {
                labels.push(this.nodeText());
                labelRanges.push(this.range());
            }
            else if (nodeType === 'block_start')
                open = c.endIndex;
            else if (nodeType === 'block_end')
                close = c.startIndex;
            else if (nodeType === 'body') {
                const keep = wanted === undefined ? true : wanted instanceof Map ? wanted : wanted(this.text.slice(type.start, type.end), labels);
                if (keep !== false)
                    items = this.bodyItems(keep === true ? undefined : keep);
            }
        });
        if (!type)
            return undefined;
        const body = { form: 'body', items, start: open - 1, end: close + 1, open, close };
        return { start: range.start, end: range.end, key: this.text.slice(type.start, type.end), keyRange: type, keyQuoted: false, block: { labels, labelRanges, body } };
    }
    /** The cursor on an `expression` (or on a node that is one by itself). */
    expression() {
        const range = this.range();
        if (this.nesting >= MAX_NESTING)
            return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, Math.min(range.end, range.start + 80)), why: TOO_DEEP };
        this.nesting++;
        try {
            return this.expressionHere(range);
        }
        finally {
            this.nesting--;
        }
    }
    expressionHere(range) {
        const c = this.c;
        // Most values are plain literals or references: read from the text, without walking their nodes.
        const simple = simpleExpression(this.text.slice(range.start, range.end), range);
        if (simple)
            return simple;
        if (c.nodeType !== 'expression')
            return this.single(range);
        if (!c.gotoFirstChild())
            return { start: range.start, end: range.end, kind: 'other', text: this.nodeText() };
        let result;
        if (!c.gotoNextSibling()) {
            result = this.single(range);
        }
        else {
            c.gotoPreviousSibling();
            const first = c.nodeType;
            result = first === 'variable_expr' ? this.traversal(range) : this.asWritten(range);
        }
        c.gotoParent();
        return result;
    }
    /** The cursor on the only child of an expression. */
    single(range) {
        const c = this.c;
        switch (c.nodeType) {
            case 'literal_value':
                return this.literal(range);
            case 'template_expr':
                return this.inFirstChild(() => this.template(range)) ?? { start: range.start, end: range.end, kind: 'other', text: this.nodeText() };
            case 'collection_value':
                return this.inFirstChild(() => this.collection(range)) ?? { start: range.start, end: range.end, kind: 'other', text: this.nodeText() };
            case 'variable_expr':
                return { start: range.start, end: range.end, kind: 'traversal', root: this.nodeText(), steps: [] };
            case 'function_call':
                return this.call(range);
            case 'expression':
                return this.expression();
        }
        return this.asWritten(range);
    }
    inFirstChild(fn) {
        if (!this.c.gotoFirstChild())
            return undefined;
        const result = fn();
        this.c.gotoParent();
        return result;
    }
    /** The cursor on the `variable_expr` that starts a traversal; its siblings are the steps. */
    traversal(range) {
        const c = this.c;
        const root = this.nodeText();
        const steps = [];
        let ok = true;
        while (ok && c.gotoNextSibling()) {
            const step = this.step();
            if (step === undefined)
                ok = false;
            else
                steps.push(step);
        }
        if (!ok)
            return this.asWritten(range);
        return { start: range.start, end: range.end, kind: 'traversal', root, steps };
    }
    /** `.name`, `[0]`, `["key"]`, `.0` of a traversal; undefined for splats and computed indexes. */
    step() {
        const c = this.c;
        let out;
        if (c.nodeType === 'get_attr') {
            this.each(() => {
                if (c.nodeType === 'identifier')
                    out = this.nodeText();
            });
        }
        else if (c.nodeType === 'index') {
            this.each(() => {
                if (c.nodeType === 'legacy_index') {
                    const digits = /\d+/.exec(this.nodeText());
                    out = digits ? Number(digits[0]) : undefined;
                }
                else if (c.nodeType === 'new_index') {
                    this.each(() => {
                        if (c.nodeType !== 'expression')
                            return;
                        const value = this.expression();
                        if (value.kind === 'literal' && (typeof value.value === 'number' || typeof value.value === 'string'))
                            out = value.value;
                    });
                }
            });
        }
        return out;
    }
    /** The cursor on a `literal_value`. */
    literal(range) {
        const c = this.c;
        let out;
        this.each(() => {
            if (out)
                return;
            const start = c.startIndex;
            const end = c.endIndex;
            switch (c.nodeType) {
                case 'numeric_lit':
                    out = { start: range.start, end: range.end, kind: 'literal', value: Number(this.text.slice(start, end)) };
                    break;
                case 'bool_lit':
                    out = { start: range.start, end: range.end, kind: 'literal', value: this.text.slice(start, end) === 'true' };
                    break;
                case 'null_lit':
                    out = { start: range.start, end: range.end, kind: 'literal', value: null };
                    break;
                case 'string_lit':
                    out = { start: range.start, end: range.end, kind: 'literal', value: decodeQuoted(this.text.slice(start + 1, end - 1)) };
                    break;
            }
        });
        return out ?? this.asWritten(range);
    }
    /** The cursor on a `quoted_template` or `heredoc_template`. */
    template(outer) {
        const c = this.c;
        const range = outer;
        if (c.nodeType === 'heredoc_template')
            return this.heredoc(range);
        if (c.nodeType !== 'quoted_template')
            return this.asWritten(range);
        // Literal parts are the raw text between the interpolations: tree-sitter does not cover every byte of them.
        const parts = [];
        let directive = false;
        let at = c.startIndex + 1;
        const end = c.endIndex - 1;
        this.each(() => {
            const type = c.nodeType;
            if (type !== 'template_interpolation' && type !== 'template_directive')
                return;
            if (c.startIndex > at)
                parts.push(decodeQuoted(this.text.slice(at, c.startIndex)));
            const written = this.nodeText();
            if (type === 'template_directive' || /^\$\{~|~\}$/.test(written))
                directive = true;
            let expression;
            this.each(() => {
                if (!expression && c.nodeType === 'expression')
                    expression = this.expression();
            });
            parts.push(expression ?? { start: c.startIndex, end: c.endIndex, kind: 'other', text: written });
            at = c.endIndex;
        });
        if (end > at)
            parts.push(decodeQuoted(this.text.slice(at, end)));
        if (!directive && parts.every((p) => typeof p === 'string')) {
            return { start: range.start, end: range.end, kind: 'literal', value: parts.join('') };
        }
        return { start: range.start, end: range.end, kind: 'template', parts, directive };
    }
    /** A heredoc without interpolation is a literal string; with one it is not resolved. */
    heredoc(range) {
        const c = this.c;
        let flush = false;
        let interpolated = false;
        const markers = [];
        this.each(() => {
            const type = c.nodeType;
            if (type === 'heredoc_start')
                flush = this.nodeText() === '<<-';
            else if (type === 'heredoc_identifier')
                markers.push(this.range());
            else if (type === 'template_interpolation' || type === 'template_directive')
                interpolated = true;
        });
        if (markers.length < 2 || interpolated)
            return this.asWritten(range);
        const afterOpen = this.text.indexOf('\n', markers[0].end);
        const closeLineStart = this.text.lastIndexOf('\n', markers[markers.length - 1].start - 1) + 1;
        let content = afterOpen === -1 || closeLineStart <= afterOpen ? '' : this.text.slice(afterOpen + 1, closeLineStart);
        content = content.replace(/\r\n/g, '\n');
        if (flush)
            content = dedent(content);
        content = content.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
        return { start: range.start, end: range.end, kind: 'literal', value: content, heredoc: true };
    }
    /** The cursor on a `tuple` or `object`. */
    collection(range) {
        const c = this.c;
        if (c.nodeType === 'tuple') {
            const items = [];
            this.each(() => {
                if (c.nodeType === 'expression')
                    items.push(this.expression());
            });
            return { start: range.start, end: range.end, kind: 'tuple', items };
        }
        if (c.nodeType === 'object') {
            const object = { form: 'object', items: [], start: range.start, end: range.end, open: range.start + 1, close: range.end - 1 };
            this.each(() => {
                const type = c.nodeType;
                if (type === 'object_start')
                    object.open = c.endIndex;
                else if (type === 'object_end')
                    object.close = c.startIndex;
                else if (type === 'object_elem') {
                    const item = this.element();
                    if (item)
                        object.items.push(item);
                }
            });
            return { start: range.start, end: range.end, kind: 'object', object };
        }
        return this.asWritten(range);
    }
    element() {
        const c = this.c;
        const range = this.range();
        const expressions = [];
        this.each(() => {
            if (c.nodeType === 'expression')
                expressions.push(this.expression());
        });
        if (expressions.length < 2)
            return undefined;
        const [keyExpr, value] = expressions;
        let key;
        let keyQuoted = false;
        if (keyExpr.kind === 'traversal' && keyExpr.steps.length === 0)
            key = keyExpr.root;
        else if (keyExpr.kind === 'literal' && typeof keyExpr.value === 'string') {
            key = keyExpr.value;
            keyQuoted = true;
        }
        else if (keyExpr.kind === 'literal' && keyExpr.value !== null)
            key = String(keyExpr.value);
        return { start: range.start, end: range.end, key, keyRange: { start: keyExpr.start, end: keyExpr.end }, keyQuoted, value };
    }
    /** The cursor on a `function_call`. */
    call(range) {
        const c = this.c;
        let name = '';
        const args = [];
        let expands = false;
        this.each(() => {
            if (c.nodeType === 'identifier' && !name)
                name = this.nodeText();
            else if (c.nodeType === 'function_arguments') {
                this.each(() => {
                    if (c.nodeType === 'expression')
                        args.push(this.expression());
                    else if (c.nodeType === 'ellipsis' || this.nodeText() === '...')
                        expands = true;
                });
            }
        });
        // `f(list...)` expands its last argument: not resolved.
        if (expands)
            return this.asWritten(range);
        return { start: range.start, end: range.end, kind: 'call', name, args };
    }
}
/**
 * A number written with an exponent and no fraction (`1e3`, `2E+9`): HCL reads it as one number (1000), but the
 * tree-sitter grammar only knows exponents after a fraction (`1.5e3`) and splits `1e3` into `1` and a name, losing
 * the rest of the block. Not after a name character, a dot, or a name and a dash (`web-1e3` is one name).
 */
const INTEGER_EXPONENT = /(?<![\w.])(?<![A-Za-z_][\w-]*-)\d+[eE][+-]?\d+(?![\w.])/g;
/**
 * The text tree-sitter is given: each integer with an exponent replaced by as many `1`s, so the grammar sees a plain
 * number at the same offsets. The converter reads every value from the real text, so `1e3` is still 1000.
 * (Inside a string or a comment the replacement changes nothing the converter reads.)
 */
function maskIntegerExponents(text) {
    if (!/\d[eE]/.test(text))
        return text;
    return text.replace(INTEGER_EXPONENT, (number) => '1'.repeat(number.length));
}
const PLAIN_STRING = /^"[^"\\\n$%]*"$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const PLAIN_TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;
/**
 * The expressions whose meaning the text alone gives: a string without escapes or templates, a decimal number,
 * a bool, null, a reference made of names (`var.replicas`). Undefined for anything else (the tree then decides).
 */
function simpleExpression(text, range) {
    const first = text.charCodeAt(0);
    if (first === 34 /* " */)
        return PLAIN_STRING.test(text) ? { start: range.start, end: range.end, kind: 'literal', value: text.slice(1, -1) } : undefined;
    if (first >= 48 && first <= 57)
        return PLAIN_NUMBER.test(text) ? { start: range.start, end: range.end, kind: 'literal', value: Number(text) } : undefined;
    if (text === 'true' || text === 'false')
        return { start: range.start, end: range.end, kind: 'literal', value: text === 'true' };
    if (text === 'null')
        return { start: range.start, end: range.end, kind: 'literal', value: null };
    if (!PLAIN_TRAVERSAL.test(text))
        return undefined;
    const [root, ...steps] = text.split('.');
    return { start: range.start, end: range.end, kind: 'traversal', root, steps };
}
/** Decodes the escapes of a quoted HCL string: `\n`, `\"`, `\\`, `\uNNNN`, `$${` and `%%{`. */
function decodeQuoted(raw) {
    if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{'))
        return raw;
    return raw.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))|\$\$\{|%%\{/g, (match, u4, u8, c) => {
        if (match === '$${')
            return '${';
        if (match === '%%{')
            return '%{';
        if (u4)
            return String.fromCharCode(parseInt(u4, 16));
        if (u8)
            return String.fromCodePoint(parseInt(u8, 16));
        switch (c) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '"':
                return '"';
            case '\\':
                return '\\';
            default:
                return match;
        }
    });
}
/** A flush heredoc (`<<-`) loses the smallest indentation of its non-blank lines. */
function dedent(content) {
    const lines = content.split('\n');
    const last = lines.pop() ?? '';
    const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)[0].length);
    const strip = indents.length > 0 ? Math.min(...indents) : 0;
    return [...lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)[0].length))), last].join('\n');
}

;// CONCATENATED MODULE: ./src/readers/terraform/values.ts

function expressionOf(local) {
    return local.kind === 'deferred' ? local.expr() : local;
}
function emptyScope(folder) {
    return { folder, variables: new Map(), locals: new Map() };
}
const MAX_DEPTH = 16;
/**
 * The work one file's evaluation may do, so that no input can make it run long or fill memory (locals that fan
 * out: `a1 = [local.a0, local.a0, …]`, `a2 = [local.a1, …]` … grow exponentially). Two limits:
 * - `steps`, for the whole file: the expressions evaluated and the values walked (a local is evaluated once and
 *   then reused, so this is the real work); past it every further value of the file is unknown;
 * - `values`, for each value the reader asks for: the size of what it evaluates to, a string counting one per 16
 *   characters and a local counting its full size each time it is used; past it that value is unknown.
 */
class EvaluationBudget {
    maxSteps;
    maxValues;
    steps = 0;
    values = 0;
    /** The locals and variable defaults of the folder evaluated so far, with their size in values. */
    cache = new Map();
    constructor(maxSteps, maxValues) {
        this.maxSteps = maxSteps;
        this.maxValues = maxValues;
    }
    /** The budget for a file of this many characters: the steps grow with the file (linear), the values do not. */
    static forText(length) {
        return new EvaluationBudget(BUDGET_FLOOR + 2 * length, BUDGET_FLOOR);
    }
    get exhausted() {
        return this.steps > this.maxSteps || this.values > this.maxValues;
    }
    /** The unknown value for an exhausted budget; marked for retry when only this value's size ran out. */
    over() {
        if (this.steps > this.maxSteps) {
            return unknown(`evaluating it takes more than ${this.maxSteps.toLocaleString('en-US')} steps (the evaluation budget of this file)`);
        }
        return { known: false, why: `its value is larger than ${this.maxValues.toLocaleString('en-US')} values (the evaluation budget of a value)`, retry: true };
    }
}
/** The least budget of a file in steps, and the budget of one value (see EvaluationBudget). */
const BUDGET_FLOOR = 1_000_000;
/** Shows an expression in a reason, shortened. */
function shown(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 60 ? flat.slice(0, 57) + '…' : flat;
}
function exprText(expr, source) {
    return shown(source.slice(expr.start, expr.end));
}
function unknown(why) {
    return { known: false, why };
}
function traversalText(root, steps) {
    return root + steps.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}
/**
 * Evaluates an expression as far as the contract allows: literals, a variable with a literal default, a local
 * of the same folder (and literal collections and templates of those). Anything else is unknown, with the reason.
 * Without a budget, the expression gets one of its own (the floor).
 */
function evaluate(expr, scope, budget = EvaluationBudget.forText(0)) {
    budget.values = 0;
    const value = evaluateIn(expr, scope, budget, 0);
    // Whoever reads the value walks it (toset's distinct, a map's entries): that work counts against the file.
    if (value.known)
        budget.steps += budget.values;
    if (!value.known && value.retry)
        return { known: false, why: value.why };
    return value;
}
function evaluateIn(expr, scope, budget, depth) {
    if (depth > MAX_DEPTH)
        return { known: false, why: 'the references go too deep (a cycle?)', retry: true };
    budget.steps++;
    if (budget.exhausted)
        return budget.over();
    switch (expr.kind) {
        case 'literal':
            budget.values += typeof expr.value === 'string' ? 1 + (expr.value.length >> 4) : 1;
            return { known: true, value: expr.value };
        case 'template': {
            if (expr.directive)
                return unknown('a string template with %{…} directives or ~ strip markers is not evaluated');
            if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string')
                return evaluateIn(expr.parts[0], scope, budget, depth + 1);
            let out = '';
            for (const part of expr.parts) {
                if (typeof part === 'string') {
                    out += part;
                    continue;
                }
                const value = evaluateIn(part, scope, budget, depth + 1);
                if (!value.known)
                    return value;
                if (value.value === null || typeof value.value === 'object')
                    return unknown('a template interpolates a value that is not a string');
                out += String(value.value);
                // Checked as the string grows: doubling templates (`"${local.s}${local.s}"`) must stop before memory does.
                budget.values += 1 + (out.length >> 4);
                budget.steps += out.length >> 4;
                if (budget.exhausted)
                    return budget.over();
            }
            return { known: true, value: out };
        }
        case 'tuple': {
            const items = [];
            budget.values++;
            for (const item of expr.items) {
                const value = evaluateIn(item, scope, budget, depth + 1);
                if (!value.known)
                    return value;
                items.push(value.value);
            }
            return { known: true, value: items };
        }
        case 'object': {
            const out = {};
            budget.values++;
            for (const item of expr.object.items) {
                if (item.key === undefined)
                    return unknown('an object key is computed');
                if (!item.value)
                    continue;
                const value = evaluateIn(item.value, scope, budget, depth + 1);
                if (!value.known)
                    return value;
                out[item.key] = value.value;
            }
            return { known: true, value: out };
        }
        case 'traversal':
            return traversal(expr.root, expr.steps, scope, budget, depth);
        case 'call':
            return call(expr.name, expr.args, scope, budget, depth);
        case 'other':
            if (expr.why)
                return unknown(`\`${shown(expr.text)}\`: ${expr.why}`);
            return unknown(`\`${shown(expr.text)}\` is not a literal, a variable's default or a local`);
    }
}
/**
 * A variable's default or a local, evaluated once per file: later uses take the cached value but are charged its
 * full size, so that a value used many times counts as many copies.
 */
function values_named(key, expr, scope, budget, depth) {
    const cacheKey = `${scope.folder}\u0000${key}`;
    const cached = budget.cache.get(cacheKey);
    if (cached) {
        budget.values += cached.size;
        if (budget.exhausted)
            return budget.over();
        return cached.value;
    }
    const before = budget.values;
    const value = evaluateIn(expr, scope, budget, depth + 1);
    const size = budget.values - before;
    if (value.known || !value.retry)
        budget.cache.set(cacheKey, { value, size });
    // Too large by itself, wherever it is used: remembered as unknown (for good), so later uses cost nothing.
    else if (size > budget.maxValues)
        budget.cache.set(cacheKey, { value: { known: false, why: value.why }, size: 0 });
    return value;
}
function traversal(root, steps, scope, budget, depth) {
    const text = traversalText(root, steps);
    let base;
    let rest = steps;
    if ((root === 'var' || root === 'local') && typeof steps[0] === 'string') {
        const name = steps[0];
        rest = steps.slice(1);
        if (root === 'var') {
            const variable = scope.variables.get(name);
            if (!variable)
                base = unknown(`var.${name} is not declared in this folder`);
            else if (variable.setBy)
                base = unknown(`var.${name} is set by ${variable.setBy}`);
            else if (!variable.default)
                base = unknown(`var.${name} has no default (its value is given when Terraform runs)`);
            else {
                base = values_named(`var.${name}`, variable.default, scope, budget, depth);
                if (!base.known)
                    base = { ...base, why: base.retry || budget.exhausted ? base.why : `the default of var.${name} is not a literal` };
            }
        }
        else {
            const local = scope.locals.get(name);
            if (!local)
                base = unknown(`local.${name} is not defined in this folder`);
            else {
                base = values_named(`local.${name}`, expressionOf(local), scope, budget, depth);
                if (!base.known)
                    base = { ...base, why: `local.${name}: ${base.why}` };
            }
        }
    }
    else if (root === 'count' || root === 'each') {
        return unknown(`\`${text}\` differs from one instance to the next`);
    }
    else {
        return unknown(`\`${shown(text)}\` is known only when Terraform runs`);
    }
    if (!base.known)
        return base;
    let value = base.value;
    for (const step of rest) {
        if (Array.isArray(value) && typeof step === 'number' && step < value.length)
            value = value[step];
        else if (value !== null && typeof value === 'object' && !Array.isArray(value) && String(step) in value)
            value = value[String(step)];
        else
            return unknown(`\`${shown(text)}\` does not exist in the value`);
    }
    return { known: true, value };
}
/** Type conversions and `length`: they change no value, so they keep a literal a literal. */
function call(name, args, scope, budget, depth) {
    const CONVERSIONS = new Set(['tostring', 'tonumber', 'tobool', 'toset', 'tolist', 'tomap', 'length']);
    if (!CONVERSIONS.has(name) || args.length !== 1)
        return unknown(`the function ${name}() is not evaluated`);
    const arg = evaluateIn(args[0], scope, budget, depth + 1);
    if (!arg.known)
        return arg;
    const v = arg.value;
    switch (name) {
        case 'tostring':
            return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? { known: true, value: String(v) } : unknown('tostring() of a collection');
        case 'tonumber':
            return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v)) ? { known: true, value: Number(v) } : unknown('tonumber() of a value that is not a number');
        case 'tobool':
            return typeof v === 'boolean' || v === 'true' || v === 'false' ? { known: true, value: v === true || v === 'true' } : unknown('tobool() of a value that is not a bool');
        case 'toset':
            return Array.isArray(v) ? { known: true, value: distinct(v) } : unknown('toset() of a value that is not a list');
        case 'tolist':
            return Array.isArray(v) ? { known: true, value: v } : unknown('tolist() of a value that is not a list');
        case 'tomap':
            return v !== null && typeof v === 'object' && !Array.isArray(v) ? { known: true, value: v } : unknown('tomap() of a value that is not a map');
        case 'length':
            if (typeof v === 'string')
                return { known: true, value: [...v].length };
            if (Array.isArray(v))
                return { known: true, value: v.length };
            if (v !== null && typeof v === 'object')
                return { known: true, value: Object.keys(v).length };
            return unknown('length() of a value that is not a collection');
    }
    return unknown(`the function ${name}() is not evaluated`);
}
function distinct(values) {
    const seen = new Set();
    return values.filter((v) => {
        const key = JSON.stringify(v);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** An annotation's value as Terraform hands it to Kubernetes: map(string) turns numbers and bools into strings. */
function asString(value) {
    if (!value.known)
        return { why: value.why };
    const v = value.value;
    if (typeof v === 'string')
        return { value: v };
    if (typeof v === 'number' || typeof v === 'boolean')
        return { value: String(v) };
    return { why: v === null ? 'the value is null' : 'the value is a collection, not a string' };
}
/**
 * A whole number from 0 to the int32 limit (model/counts.ts), or why not; `invalid` when the value is known but
 * no count (Terraform converts a numeric string, as it does for a number argument).
 */
function asCount(value) {
    if (!value.known)
        return { why: value.why };
    const v = value.value;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : undefined;
    const written = shown(typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));
    if (n === undefined)
        return { why: `${written} is not a whole number`, invalid: true };
    const problem = countProblem(n);
    if (problem === undefined)
        return { value: n };
    if (!Number.isFinite(n))
        return { why: 'the number is too large to be a count (beyond the range of numbers)', invalid: true };
    return { why: `${written} is ${problem}`, invalid: true };
}
/** The number of instances a `for_each` value makes: one per map key or set element. */
function forEachSize(value) {
    if (!value.known)
        return { why: value.why };
    const v = value.value;
    if (Array.isArray(v))
        return { value: distinct(v).length };
    if (v !== null && typeof v === 'object')
        return { value: Object.keys(v).length };
    return { why: 'for_each is not a map or a set' };
}

;// CONCATENATED MODULE: ./src/readers/terraform/context.ts







/** The resource types the reader maps (workloads, namespaces, autoscalers and NAT facts). */
const READ_TYPES = new Set([
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
function isTerraformFile(file) {
    return file.endsWith('.tf') || file.endsWith('.tf.json');
}
/**
 * The names of the attributes and blocks the mappings read inside a resource (kubernetes.ts, alicloud.ts): the
 * parser converts only these (and every expression under them), which keeps the scan close to the raw parse.
 */
const context_URL_TEXT = /:\/\//;
const READ_NAMES = new Map([
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
    ].map((name) => [name, true]),
    // Read only for the URLs they may hold (the egress evidence).
    ...['env', 'command', 'args', 'environment_vars', 'commands'].map((name) => [name, context_URL_TEXT]),
]);
const VARIABLE_NAMES = new Map([['default', true]]);
/** Nothing inside: the attributes keep their names and ranges only (a `locals` block; its values are deferred). */
const NAMES_ONLY = new Map();
const WANTED = (type, labels) => {
    if (type === 'locals')
        return NAMES_ONLY;
    if (type === 'module')
        return true;
    if (type === 'variable')
        return VARIABLE_NAMES;
    return type === 'resource' && READ_TYPES.has(labels[0] ?? '') ? READ_NAMES : false;
};
function parseTerraformFile(file, text) {
    const parsed = file.endsWith('.tf.json') ? parseJsonHcl(text) : parseNativeHcl(text, WANTED);
    const errorFrom = parsed.error?.from;
    const blocks = topBlocks(parsed).filter((b) => errorFrom === undefined || b.range.end <= errorFrom);
    return { path: file, folder: external_node_path_default().posix.dirname(file), text, parsed, blocks, lines: new LineIndex(text) };
}
/**
 * The first pass over the scan's Terraform files: parses each once, and collects each folder's variables and
 * locals, the module calls that set a folder's variables, and the resources other files refer to.
 */
function buildTerraformContext(sources) {
    const context = { files: new Map(), folders: new Map(), resources: new Map(), failed: new Map(), moduleCalls: new Map() };
    for (const source of sources) {
        if (source.text === undefined || !isTerraformFile(source.path))
            continue;
        // A file that cannot be parsed at all (a stack overflow, the parser aborting) is left out of its folder;
        // reading it then reports why, and the other files are read as usual.
        try {
            addFile(context, parseTerraformFile(source.path, source.text));
        }
        catch (error) {
            context.failed.set(source.path, failureReason(error));
        }
    }
    for (const file of context.files.values())
        collectModuleCalls(context, file);
    return context;
}
function scopeOf(context, folder) {
    let scope = context.folders.get(folder);
    if (!scope) {
        scope = emptyScope(folder);
        context.folders.set(folder, scope);
    }
    return scope;
}
function addFile(context, file) {
    context.files.set(file.path, file);
    const scope = scopeOf(context, file.folder);
    for (const block of file.blocks) {
        if (block.type === 'variable' && block.labels.length === 1) {
            const previous = scope.variables.get(block.labels[0]);
            scope.variables.set(block.labels[0], { default: attr(block.body, 'default'), setBy: previous?.setBy });
        }
        else if (block.type === 'locals') {
            for (const item of block.body.items) {
                if (item.key === undefined || item.block)
                    continue;
                if (item.value)
                    scope.locals.set(item.key, item.value);
                else
                    scope.locals.set(item.key, deferredLocal(file.text, item));
            }
        }
        else if (block.type === 'resource' && block.labels.length === 2 && LOOKUP_TYPES.has(block.labels[0])) {
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
function deferredLocal(text, item) {
    let expr;
    return {
        kind: 'deferred',
        expr() {
            if (!expr) {
                const attribute = text.slice(item.start, item.end);
                // The attribute alone, on a line of its own (a heredoc's closing marker needs its line break).
                let why = 'it does not parse on its own';
                let value;
                try {
                    const parsed = parseNativeHcl(`${attribute}\n`);
                    value = parsed.error ? undefined : parsed.top.items[0]?.value;
                }
                catch (error) {
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
function collectModuleCalls(context, file) {
    for (const block of file.blocks) {
        if (block.type !== 'module' || block.labels.length !== 1)
            continue;
        const source = attr(block.body, 'source');
        if (source?.kind !== 'literal' || typeof source.value !== 'string' || !/^\.\.?\//.test(source.value))
            continue;
        const target = external_node_path_default().posix.normalize(external_node_path_default().posix.join(file.folder, source.value)).replace(/\/$/, '');
        const calls = context.moduleCalls.get(file.folder) ?? new Set();
        calls.add(target);
        context.moduleCalls.set(file.folder, calls);
        const scope = scopeOf(context, target);
        const where = `module.${block.labels[0]} in ${file.path}:${file.lines.lineOf(block.head.start) + 1}`;
        for (const item of block.body.items) {
            if (item.key === undefined || item.block || MODULE_META_ARGUMENTS.has(item.key))
                continue;
            const variable = scope.variables.get(item.key);
            if (variable)
                variable.setBy ??= where;
            else
                scope.variables.set(item.key, { setBy: where });
        }
    }
}
/** The look-up resources by type and folder, built on first use: look-ups stay linear in the size of the scan. */
const BY_FOLDER = new WeakMap();
/** The resources of a type written in a folder. */
function resourcesIn(context, type, folder) {
    let index = BY_FOLDER.get(context);
    if (!index) {
        index = new Map();
        for (const [t, list] of context.resources) {
            for (const ref of list) {
                const key = `${t}\u0000${ref.file.folder}`;
                const refs = index.get(key);
                if (refs)
                    refs.push(ref);
                else
                    index.set(key, [ref]);
            }
        }
        BY_FOLDER.set(context, index);
    }
    return index.get(`${type}\u0000${folder}`) ?? [];
}
/** The resource `type.name` in a folder, when the scan has it. */
function findResource(context, folder, type, name) {
    return resourcesIn(context, type, folder).find((r) => r.name === name);
}

;// CONCATENATED MODULE: ./src/readers/terraform/containers.ts



/** The image of each container and the URLs in its env values, command and args: the evidence of egress. */
function scanContainers(reader, body, fields, images, urls) {
    for (const [field, word] of [
        [fields.initContainers, 'init container'],
        [fields.containers, 'container'],
    ]) {
        for (const container of sections(body, field)) {
            const label = `${word} ${reader.string(container, 'name').value ?? '?'}`;
            const image = attr(container, 'image');
            if (image) {
                const value = asString(reader.evaluate(image));
                if ('value' in value)
                    images.push({ value: value.value, where: `${label} image`, span: reader.span(image) });
            }
            for (const env of sections(container, fields.env)) {
                const value = attr(env, 'value');
                if (!value)
                    continue;
                const resolved = asString(reader.evaluate(value));
                if ('value' in resolved)
                    collectUrls(reader, resolved.value, value, `${label} env ${reader.string(env, fields.envName).value ?? '?'}`, urls);
            }
            for (const list of [fields.command, 'args']) {
                for (const arg of reader.strings(container, list))
                    collectUrls(reader, arg.value, arg.range, `${label} ${list}`, urls);
            }
        }
    }
}
function collectUrls(reader, value, range, where, urls) {
    for (const url of urlsIn(value))
        urls.push({ value: url, where, span: reader.span(range) });
}

;// CONCATENATED MODULE: ./src/readers/terraform/network.ts



/**
 * Following references to where a resource sits in the network: `vswitch_id = alicloud_vswitch.pods.id` →
 * `alicloud_vswitch.pods` → its `vpc_id = alicloud_vpc.main.id`. A reference names a resource of the same folder
 * (Terraform references never leave their module), so its identity is the folder and the address; a literal id
 * (written, or a variable's default) is its own identity and can meet the same id in another folder.
 */
/** `alicloud_vswitch.pods.id`, `alicloud_vswitch.pods[0].id`, or a JSON string `"${alicloud_vswitch.pods.id}"`. */
function resourceReference(expr, type) {
    if (!expr)
        return undefined;
    if (expr.kind === 'template' && expr.parts.length === 1 && typeof expr.parts[0] !== 'string') {
        return resourceReference(expr.parts[0], type);
    }
    if (expr.kind === 'traversal' && expr.root === type && typeof expr.steps[0] === 'string')
        return expr.steps[0];
    return undefined;
}
function literalId(reader, expr, prefix) {
    const value = asString(reader.evaluate(expr));
    return 'value' in value && value.value.startsWith(prefix) ? value.value : undefined;
}
/** The VPC an expression names (`vpc_id = …`), when it can be told. */
function vpcOf(reader, expr) {
    if (!expr)
        return undefined;
    const name = resourceReference(expr, 'alicloud_vpc');
    if (name)
        return `${reader.file.folder}:alicloud_vpc.${name}`;
    return literalId(reader, expr, 'vpc-');
}
/** The vSwitch an expression names (`vswitch_id = …`) and its VPC, when they can be told. */
function vswitchOf(reader, expr) {
    if (!expr)
        return {};
    const name = resourceReference(expr, 'alicloud_vswitch');
    if (name) {
        const ref = findResource(reader.context, reader.file.folder, 'alicloud_vswitch', name);
        const vpc = ref ? vpcOf(reader, attr(ref.block.body, 'vpc_id')) : undefined;
        return { vswitch: `${reader.file.folder}:alicloud_vswitch.${name}`, ...(vpc ? { vpc } : {}) };
    }
    const id = literalId(reader, expr, 'vsw-');
    return id ? { vswitch: id } : {};
}
/**
 * The vSwitches of a list attribute (`vswitch_ids = [alicloud_vswitch.a.id, alicloud_vswitch.b.id]`), when every
 * one of them can be told; undefined otherwise (a computed list, a data source).
 */
function vswitchesOf(reader, expr) {
    if (!expr)
        return undefined;
    let items;
    if (expr.kind === 'tuple')
        items = expr.items;
    if (!items) {
        const value = reader.evaluate(expr);
        if (!value.known || !Array.isArray(value.value))
            return undefined;
        const ids = value.value.filter((v) => typeof v === 'string' && v.startsWith('vsw-'));
        return ids.length === value.value.length && ids.length > 0 ? ids.map((vswitch) => ({ vswitch })) : undefined;
    }
    const out = items.map((item) => vswitchOf(reader, item));
    return out.length > 0 && out.every((v) => v.vswitch) ? out : undefined;
}
/** A place from vSwitches: their VPC when they agree on one. */
function placeOf(reader, vswitches, vpc) {
    const place = { folder: reader.file.folder };
    const vpcs = new Set((vswitches ?? []).map((v) => v.vpc).filter((v) => v !== undefined));
    if (vpc)
        place.vpc = vpc;
    else if (vpcs.size === 1 && vswitches.every((v) => v.vpc))
        place.vpc = [...vpcs][0];
    if (vswitches && vswitches.length > 0)
        place.vswitches = vswitches.map((v) => v.vswitch);
    return place;
}

;// CONCATENATED MODULE: ./src/readers/terraform/alicloud.ts







/** The arguments of the alicloud ECI resources that stand for the ECI EIP annotations. */
const EIP_ARGUMENTS = [
    { name: 'auto_create_eip', key: WITH_EIP, valueType: 'bool' },
    { name: 'eip_bandwidth', key: EIP_BANDWIDTH, valueType: 'number' },
    { name: 'eip_instance_id', key: EIP_INSTANCE_ID, valueType: 'string' },
];
/**
 * The EIP arguments a resource type does not have: `alicloud_ess_eci_scaling_configuration` can create an EIP per
 * instance but cannot bind an existing one (TF-ALI). Terraform stops at plan with "Unsupported argument".
 */
const NOT_ARGUMENTS = {
    alicloud_ess_eci_scaling_configuration: {
        eip_instance_id: 'alicloud_ess_eci_scaling_configuration has no eip_instance_id argument, so terraform plan fails with ' +
            '"Unsupported argument" and nothing is applied; a scaling configuration cannot bind an existing EIP. Remove it, and ' +
            'use auto_create_eip = true (one EIP per instance) or a NAT gateway for egress',
    },
};
const NAME_ARGUMENT = {
    alicloud_eci_container_group: 'container_group_name',
    alicloud_ess_eci_scaling_configuration: 'scaling_configuration_name',
};
/**
 * `alicloud_eci_container_group` and `alicloud_ess_eci_scaling_configuration`: ECI instances by construction.
 * Their EIP arguments become pod annotations with the ECI keys (labelled with the argument's name), so the rules
 * judge them like annotations; the editor writes the arguments.
 */
function readEciResource(reader, block) {
    const [type, resourceName] = block.labels;
    const address = `${type}.${resourceName}`;
    const body = block.body;
    const entries = new Map();
    const annotations = [];
    let unresolved;
    const rejectedArguments = [];
    for (const argument of EIP_ARGUMENTS) {
        const item = attrItem(body, argument.name);
        if (!item?.value)
            continue;
        const rejected = NOT_ARGUMENTS[type]?.[argument.name];
        if (rejected) {
            rejectedArguments.push({ name: argument.name, key: argument.key, span: reader.span(item.keyRange), why: rejected });
            continue;
        }
        const resolved = asString(reader.evaluate(item.value));
        const entry = reader.entry(argument.key, item.keyRange, item.value, resolved, argument.name);
        const direct = item.value.kind === 'literal';
        entries.set(entry, direct ? { kind: 'argument', item, body, valueType: argument.valueType } : { kind: 'indirect' });
        if ('why' in resolved) {
            reader.note(`${argument.name} of ${address}`, resolved.why, item.value);
            if (argument.key !== EIP_BANDWIDTH)
                unresolved ??= `${argument.name} is not known: ${resolved.why}`;
        }
        annotations.push(entry);
    }
    const span = reader.headSpan(block);
    const pod = {
        level: 'pod',
        path: address,
        annotations,
        labels: [],
        span,
        annotationsValid: true,
        labelsValid: true,
        ...(unresolved ? { unresolved } : {}),
    };
    const podTarget = {
        kind: 'arguments',
        body,
        names: Object.fromEntries(EIP_ARGUMENTS.map((a) => [a.key, { name: a.name, valueType: a.valueType }])),
    };
    const images = [];
    const urls = [];
    scanContainers(reader, body, { initContainers: 'init_containers', containers: 'containers', env: 'environment_vars', envName: 'key', command: 'commands' }, images, urls);
    const scaling = type === 'alicloud_ess_eci_scaling_configuration';
    const replicas = scaling ? scalingGroupSize(reader, block, address) : {};
    const network = scaling ? scalingGroupPlace(reader, block) : placeOf(reader, vswitchList(vswitchOf(reader, attr(body, 'vswitch_id'))));
    const instances = reader.instances(block, address);
    const name = reader.string(body, NAME_ARGUMENT[type]);
    reader.out.workloads.push({
        source: 'terraform',
        file: reader.path,
        kind: type,
        name: name.value ?? address,
        namespace: '',
        namespaceDefaulted: false,
        span,
        address,
        objectMetadata: [],
        pod,
        podTemplatePath: undefined,
        podAnnotationsPath: `the arguments of ${address}`,
        keyNames: Object.fromEntries(EIP_ARGUMENTS.map((a) => [a.key, a.name])),
        eciByConstruction: type === 'alicloud_eci_container_group'
            ? 'an alicloud_eci_container_group is an ECI instance'
            : 'an alicloud_ess_eci_scaling_configuration creates ECI instances',
        replicas,
        parallelism: {},
        ...(instances ? { instances } : {}),
        scheduling: noScheduling(),
        images,
        urls,
        ignores: [],
        ...(rejectedArguments.length > 0 ? { rejectedArguments } : {}),
        network,
        editor: reader.editor(entries, podTarget),
    });
}
function vswitchList(v) {
    return v.vswitch ? [v] : undefined;
}
/** Where a scaling configuration's instances run: the vSwitches of its scaling group, when this folder has it. */
function scalingGroupPlace(reader, block) {
    const group = attr(block.body, 'scaling_group_id');
    if (group?.kind !== 'traversal' || group.root !== 'alicloud_ess_scaling_group' || typeof group.steps[0] !== 'string') {
        return placeOf(reader, undefined);
    }
    const ref = findResource(reader.context, reader.file.folder, group.root, group.steps[0]);
    return placeOf(reader, ref ? vswitchesOf(reader, attr(ref.block.body, 'vswitch_ids')) : undefined);
}
/** The most ECI instances of a scaling configuration: the `max_size` of its scaling group, when this folder has it. */
function scalingGroupSize(reader, block, address) {
    const group = attr(block.body, 'scaling_group_id');
    const what = `the scaling group's max_size`;
    if (!group)
        return { unknown: `${address} names no scaling group`, what };
    if (group.kind !== 'traversal' || group.root !== 'alicloud_ess_scaling_group' || typeof group.steps[0] !== 'string') {
        const why = `scaling_group_id \`${reader.text(group)}\` is not an alicloud_ess_scaling_group of this folder`;
        reader.note(`the size of ${address}`, why, group);
        return { unknown: why, span: reader.span(group), what };
    }
    const ref = findResource(reader.context, reader.file.folder, group.root, group.steps[0]);
    const groupAddress = `alicloud_ess_scaling_group.${group.steps[0]}`;
    if (!ref) {
        const why = `${groupAddress} is not in the scanned files of this folder`;
        reader.note(`the size of ${address}`, why, group);
        return { unknown: why, span: reader.span(group), what };
    }
    const maxSize = attr(ref.block.body, 'max_size');
    const result = maxSize ? asCount(reader.evaluate(maxSize)) : { why: `${groupAddress} has no max_size` };
    if ('value' in result)
        return { value: result.value, span: reader.span(group), what: `max_size of ${groupAddress}` };
    reader.note(`the size of ${address}`, `max_size of ${groupAddress}: ${result.why}`, group);
    return { unknown: `max_size of ${groupAddress} is not known: ${result.why}`, span: reader.span(group), what };
}
/** Whether a resource exists at all: `count = 0` (or an empty for_each) removes it. */
function existence(reader, block, address) {
    const instances = reader.instances(block, address);
    if (!instances)
        return { exists: true };
    if (instances.unknown)
        return { exists: false, unknown: instances.unknown };
    return { exists: (instances.value ?? 1) > 0 };
}
/**
 * What every NAT-deciding resource starts with: its address, a way to state a fact about it, and whether it
 * exists (undefined, after stating so, when that is not known).
 */
function natResource(reader, block, place) {
    const address = `${block.labels[0]}.${block.labels[1]}`;
    const fact = (present, why, unknown) => ({
        present,
        resource: address,
        file: reader.path,
        span: reader.headSpan(block),
        why,
        ...(unknown ? { unknown } : {}),
        place: place(),
    });
    const existing = existence(reader, block, address);
    if (existing.unknown) {
        reader.out.natFacts.push(fact(false, 'whether it exists is not known', existing.unknown));
        return { address, fact, exists: undefined };
    }
    return { address, fact, exists: existing.exists };
}
/**
 * An internet NAT gateway with an SNAT entry gives egress to the vSwitches the entry covers. SNAT entries are looked
 * for in the gateway's folder and in the local modules it calls: one whose `snat_table_id` refers to this gateway,
 * or one whose table is not a gateway of its folder (a variable, a module output).
 */
function readNatGateway(reader, block) {
    const snat = snatEntriesFor(reader, block.labels[1]);
    const { address, fact, exists } = natResource(reader, block, () => ({
        folder: reader.file.folder,
        ...(vpcOf(reader, attr(block.body, 'vpc_id')) ? { vpc: vpcOf(reader, attr(block.body, 'vpc_id')) } : {}),
        ...(snat.vswitches ? { vswitches: snat.vswitches } : {}),
    }));
    if (exists === undefined)
        return;
    if (!exists) {
        reader.out.natFacts.push(fact(false, 'its count is 0'));
        return;
    }
    const networkType = reader.string(block.body, 'network_type');
    if (networkType.why) {
        reader.note(`network_type of ${address}`, networkType.why, networkType.expr);
        reader.out.natFacts.push(fact(false, 'its network_type is not known', `network_type is not known: ${networkType.why}`));
        return;
    }
    if (networkType.value === 'intranet') {
        reader.out.natFacts.push(fact(false, 'a VPC NAT gateway (network_type = "intranet") gives no internet egress'));
        return;
    }
    if (snat.first)
        reader.out.natFacts.push(fact(true, `an internet NAT gateway with the SNAT entry ${snat.first}`));
    else
        reader.out.natFacts.push(fact(false, 'an internet NAT gateway, but no alicloud_snat_entry in the scanned files gives its egress to a vSwitch'));
}
/** The SNAT entries of a folder, by the gateway of the folder they name, and the others; built once per folder. */
const SNAT_BY_FOLDER = new WeakMap();
function add(coverage, entry, vswitch) {
    coverage.first ??= `alicloud_snat_entry.${entry.name} (${entry.file.path})`;
    if (vswitch)
        coverage.vswitches.push(vswitch);
    else
        coverage.wholeVpc = true;
}
function snatOfFolder(reader) {
    const folder = reader.file.folder;
    let folders = SNAT_BY_FOLDER.get(reader.context);
    if (!folders)
        SNAT_BY_FOLDER.set(reader.context, (folders = new Map()));
    const cached = folders.get(folder);
    if (cached)
        return cached;
    const byGateway = new Map();
    const other = { vswitches: [], wholeVpc: false };
    // Entries of the local modules the folder calls get their table (and vSwitch) from the call: they cover the VPC.
    const modules = [...(reader.context.moduleCalls.get(folder) ?? [])];
    for (const entry of [folder, ...modules].flatMap((f) => resourcesIn(reader.context, 'alicloud_snat_entry', f))) {
        const inFolder = entry.file.folder === folder;
        const count = attr(entry.block.body, 'count');
        if (count) {
            const n = asCount(reader.evaluate(count));
            if ('value' in n && n.value === 0)
                continue;
        }
        const table = attr(entry.block.body, 'snat_table_id');
        const gateway = table?.kind === 'traversal' && table.root === 'alicloud_nat_gateway' && typeof table.steps[0] === 'string' ? table.steps[0] : undefined;
        const vswitch = inFolder ? vswitchOf(reader, attr(entry.block.body, 'source_vswitch_id')).vswitch : undefined;
        if (gateway !== undefined && findResource(reader.context, entry.file.folder, 'alicloud_nat_gateway', gateway)) {
            // An entry of a gateway of its own folder: that gateway's, and only when it is this folder's.
            if (!inFolder)
                continue;
            let coverage = byGateway.get(gateway);
            if (!coverage)
                byGateway.set(gateway, (coverage = { vswitches: [], wholeVpc: false }));
            add(coverage, entry, vswitch);
        }
        else {
            add(other, entry, vswitch);
        }
    }
    const result = { byGateway, other };
    folders.set(folder, result);
    return result;
}
/**
 * The SNAT entries of a gateway: the first one (for the summary), and the vSwitches they cover when every entry
 * names its vSwitch (an entry with a `source_cidr`, or a vSwitch that cannot be told, covers the whole VPC here).
 * Its own entries, and those whose table is not a gateway of their folder (a variable, a module's output).
 */
function snatEntriesFor(reader, gatewayName) {
    const { byGateway, other } = snatOfFolder(reader);
    const own = byGateway.get(gatewayName);
    const first = own?.first ?? other.first;
    if (!first)
        return {};
    const wholeVpc = (own?.wholeVpc ?? false) || other.wholeVpc;
    return { first, ...(wholeVpc ? {} : { vswitches: [...(own?.vswitches ?? []), ...other.vswitches] }) };
}
/** An ACK cluster made by Terraform creates a NAT gateway unless `new_nat_gateway = false`. */
function readCluster(reader, block) {
    // The NAT gateway the cluster makes serves its VPC: named by vpc_id, or by the VPC of its vSwitches.
    const { address, fact, exists } = natResource(reader, block, () => {
        const vpc = vpcOf(reader, attr(block.body, 'vpc_id'));
        for (const key of ['vswitch_ids', 'worker_vswitch_ids', 'pod_vswitch_ids']) {
            const place = placeOf(reader, vswitchesOf(reader, attr(block.body, key)), vpc);
            if (place.vpc)
                return { folder: place.folder, vpc: place.vpc };
        }
        return { folder: reader.file.folder, ...(vpc ? { vpc } : {}) };
    });
    if (exists === undefined)
        return;
    if (!exists)
        return;
    const expr = attr(block.body, 'new_nat_gateway');
    if (!expr) {
        reader.out.natFacts.push(fact(true, 'an ACK cluster whose new_nat_gateway defaults to true'));
        return;
    }
    const value = reader.evaluate(expr);
    if (!value.known) {
        reader.note(`new_nat_gateway of ${address}`, value.why, expr);
        reader.out.natFacts.push(fact(false, 'its new_nat_gateway is not known', `new_nat_gateway is not known: ${value.why}`));
        return;
    }
    const on = value.value === true || value.value === 'true';
    reader.out.natFacts.push(fact(on, on ? 'an ACK cluster with new_nat_gateway = true' : 'an ACK cluster with new_nat_gateway = false'));
}

;// CONCATENATED MODULE: ./src/readers/terraform/kubernetes.ts





/** hashicorp/kubernetes resources with a pod template, legacy and `_v1` names, and the kind they stand for. */
const KUBERNETES_KINDS = {
    kubernetes_deployment: 'Deployment',
    kubernetes_deployment_v1: 'Deployment',
    kubernetes_stateful_set: 'StatefulSet',
    kubernetes_stateful_set_v1: 'StatefulSet',
    kubernetes_daemonset: 'DaemonSet',
    kubernetes_daemon_set_v1: 'DaemonSet',
    kubernetes_job: 'Job',
    kubernetes_job_v1: 'Job',
    kubernetes_cron_job: 'CronJob',
    kubernetes_cron_job_v1: 'CronJob',
    kubernetes_replication_controller: 'ReplicationController',
    kubernetes_replication_controller_v1: 'ReplicationController',
    kubernetes_pod: 'Pod',
    kubernetes_pod_v1: 'Pod',
};
const PROVIDER = {
    jobTemplate: 'job_template',
    nodeSelector: 'node_selector',
    nodeName: 'node_name',
    containers: 'container',
    initContainers: 'init_container',
    tolerations: 'toleration',
    nodeAffinity: 'node_affinity',
    required: 'required_during_scheduling_ignored_during_execution',
    terms: 'node_selector_term',
    expressions: 'match_expressions',
    metadataStyle: 'block',
};
const MANIFEST = {
    jobTemplate: 'jobTemplate',
    nodeSelector: 'nodeSelector',
    nodeName: 'nodeName',
    containers: 'containers',
    initContainers: 'initContainers',
    tolerations: 'tolerations',
    nodeAffinity: 'nodeAffinity',
    required: 'requiredDuringSchedulingIgnoredDuringExecution',
    terms: 'nodeSelectorTerms',
    expressions: 'matchExpressions',
    metadataStyle: 'attribute',
};
/** Kinds that never have pods: a manifest or a `kubernetes_annotations` of one has no pod template. */
const NEVER_PODS = new Set(['Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'Ingress', 'HorizontalPodAutoscaler']);
/**
 * How the pod template of a resource or manifest is found. A provider resource's kind always has its template at
 * `spec.template` (or is a Pod or a CronJob); a manifest's kind may be any. A manifest of a PodTemplate is read like
 * any other kind: its `template` is not looked at.
 */
const PROVIDER_SYNTAX = {
    section: section,
    jobTemplate: PROVIDER.jobTemplate,
    base: '',
    neverPods: (kind) => NEVER_PODS.has(kind),
    readsPodTemplateKind: false,
};
const MANIFEST_SYNTAX = { ...PROVIDER_SYNTAX, jobTemplate: MANIFEST.jobTemplate, base: 'manifest' };
/** A hashicorp/kubernetes workload resource. */
function readProviderWorkload(reader, block, kind) {
    const address = `${block.labels[0]}.${block.labels[1]}`;
    readObject(reader, { block, address, kind, root: block.body, shape: PROVIDER, syntax: PROVIDER_SYNTAX });
}
/** `kubernetes_manifest`: the manifest is an HCL object with the YAML's shape. */
function readManifest(reader, block) {
    const address = `${block.labels[0]}.${block.labels[1]}`;
    const manifest = attr(block.body, 'manifest');
    if (!manifest)
        return;
    if (manifest.kind !== 'object') {
        const value = reader.evaluate(manifest);
        reader.note(`manifest of ${address}`, value.known ? 'the manifest is not written as an object here' : value.why, manifest);
        return;
    }
    const kind = reader.string(manifest.object, 'kind');
    if (kind.value === undefined) {
        if (kind.why)
            reader.note(`manifest.kind of ${address}`, kind.why, kind.expr);
        return;
    }
    const root = manifest.object;
    if (kind.value === 'Namespace') {
        readNamespace(reader, section(root, 'metadata'), block);
        return;
    }
    if (kind.value === 'HorizontalPodAutoscaler') {
        readAutoscaler(reader, root, block, MANIFEST, address);
        return;
    }
    readObject(reader, { block, address, kind: kind.value, root, shape: MANIFEST, syntax: MANIFEST_SYNTAX });
}
function readObject(reader, source) {
    const { block, address, kind, root, shape, syntax } = source;
    // Notes about an object that turns out not to be a workload are dropped with it.
    const notesBefore = reader.out.unresolved?.length ?? 0;
    const entries = new Map();
    const { identity, namespace } = readIdentity(reader, block, address, kind, section(root, 'metadata'));
    const place = locatePodTemplate(kind, root, syntax);
    const objectLevels = readObjectLevels(reader, source, place, entries);
    if (place.template === undefined && !objectLevels.some(hasEciKey)) {
        reader.out.unresolved?.splice(notesBefore);
        return;
    }
    noteUnresolvedNamespace(reader, namespace, address);
    const template = place.template;
    const levels = podLevels(kind, objectLevels, template && (() => podLevel(reader, source, template, entries)));
    const podSpec = readPodSpec(reader, template?.map, shape);
    const counts = podCounts(kind, place, (from, key, path) => reader.count(from, key, `${path} of ${address}`));
    const instances = reader.instances(block, address);
    reader.out.workloads.push(workloadOf(identity, {
        levels,
        podTemplatePath: place.path,
        counts,
        instances,
        podSpec,
        ignores: reader.ignores([levels.pod, ...levels.objectMetadata]),
        editor: reader.editor(entries, template && podTarget(template.map, shape)),
    }));
}
/** The object's kind, name and namespace, as the workload names them, and the namespace as written. */
function readIdentity(reader, block, address, kind, metadata) {
    const name = reader.string(metadata, 'name');
    const namespace = reader.string(metadata, 'namespace');
    const identity = {
        source: 'terraform',
        file: reader.path,
        kind,
        name: name.value ?? address,
        namespace: namespace.value ?? (namespace.expr ? reader.text(namespace.expr) : 'default'),
        namespaceDefaulted: namespace.expr === undefined,
        span: reader.headSpan(block),
    };
    return { identity, namespace };
}
/** A namespace that does not resolve names the workload by its text, which no namespace a config rule names can match. */
function noteUnresolvedNamespace(reader, namespace, address) {
    if (namespace.why)
        reader.note(`metadata.namespace of ${address}`, `${namespace.why}; config rules that match a namespace do not match it`, namespace.expr);
}
/** The metadata written in `holder`, pointing at its key (at `head` where it is not written). */
function metadataIn(reader, holder, level, path, head, entries, address) {
    return reader.metadataBlock(section(holder, 'metadata'), level, path, sectionItem(holder, 'metadata')?.keyRange ?? head, entries, undefined, address);
}
/** The object's own metadata and, for a CronJob, its job template's. */
function readObjectLevels(reader, source, place, entries) {
    const { block, root, address, syntax } = source;
    const levels = [metadataIn(reader, root, 'object', joinPath(syntax.base, 'metadata'), block.head, entries, address)];
    const jobTemplate = place.jobTemplate;
    if (jobTemplate)
        levels.push(metadataIn(reader, jobTemplate.map, 'job-template', jobTemplate.metadataPath, block.head, entries, address));
    return levels;
}
/** The pod template's metadata; a `dynamic "metadata"` block is not read, and says so. */
function podLevel(reader, source, template, entries) {
    const { block, address } = source;
    const templateHead = sectionItem(template.holder, 'template')?.keyRange ?? block.head;
    const pod = metadataIn(reader, template.map, 'pod', template.metadataPath, templateHead, entries, address);
    if (!section(template.map, 'metadata') && template.map.items.some((i) => i.key === 'dynamic' && i.block?.labels[0] === 'metadata')) {
        pod.unresolved = `${template.metadataPath} is a dynamic block`;
        reader.note(`${template.metadataPath} of ${address}`, 'a dynamic block is not read', template.map);
    }
    return pod;
}
/** Where the pods run and what they reach, from the pod spec; nothing for an object without pods. */
function readPodSpec(reader, template, shape) {
    if (!template)
        return noPodSpec();
    const images = [];
    const urls = [];
    const podSpec = section(template, 'spec');
    const scheduling = readScheduling(reader, podSpec, shape);
    const fields = { initContainers: shape.initContainers, containers: shape.containers, env: 'env', envName: 'name', command: 'command' };
    scanContainers(reader, podSpec, fields, images, urls);
    return { scheduling, images, urls };
}
/** Where the editor writes pod annotations: the template's `metadata`, as far as it is written. */
function podTarget(template, shape) {
    const metadata = section(template, 'metadata');
    return { kind: 'template', template, metadata, annotations: attrItem(metadata, 'annotations'), metadataStyle: shape.metadataStyle };
}
/**
 * `kubernetes_annotations` patches the annotations of an existing object: `annotations` are the object's own,
 * `template_annotations` reach its pod template.
 */
function readAnnotationsResource(reader, block) {
    const address = `${block.labels[0]}.${block.labels[1]}`;
    const body = block.body;
    const kind = reader.string(body, 'kind');
    if (kind.value === undefined) {
        if (kind.why)
            reader.note(`kind of ${address}`, kind.why, kind.expr);
        return;
    }
    const { identity } = readIdentity(reader, block, address, kind.value, section(body, 'metadata'));
    const entries = new Map();
    const podKind = kind.value === 'Pod';
    const hasTemplate = !podKind && !NEVER_PODS.has(kind.value);
    const own = patchedLevel(reader, block, podKind ? 'pod' : 'object-annotations', 'annotations', entries);
    const pod = podKind ? own : hasTemplate ? patchedLevel(reader, block, 'pod', 'template_annotations', entries) : undefined;
    const objectMetadata = podKind ? [] : [own];
    if (!pod && !hasEciKey(own))
        return;
    const podTarget = hasTemplate
        ? { kind: 'attribute', holder: body, name: 'template_annotations', annotations: attrItem(body, 'template_annotations'), after: attrItem(body, 'annotations') }
        : undefined;
    reader.out.workloads.push(workloadOf(identity, {
        levels: { objectMetadata, pod },
        podTemplatePath: hasTemplate ? 'spec.template' : undefined,
        podAnnotationsPath: hasTemplate ? 'template_annotations' : podKind ? 'annotations' : undefined,
        counts: patchedCounts(address, kind.value, hasTemplate),
        podSpec: noPodSpec(),
        ignores: reader.ignores([pod, ...objectMetadata]),
        editor: reader.editor(entries, podTarget),
    }));
}
/** A kubernetes_annotations resource patches an object defined elsewhere: its pod counts are not known here. */
function patchedCounts(address, kind, hasTemplate) {
    const replicas = hasTemplate && countsReplicas(kind)
        ? { unknown: `${address} patches a ${kind} defined elsewhere; its replicas are not known here` }
        : {};
    const parallelism = kind === 'Job' || kind === 'CronJob'
        ? { unknown: `${address} patches a ${kind} defined elsewhere; its parallelism is not known here` }
        : {};
    return { replicas, parallelism };
}
/** The annotations a kubernetes_annotations resource writes in one attribute, as a metadata level named by its address. */
function patchedLevel(reader, block, level, attribute, entries) {
    const patched = reader.metadataBlock(block.body, level, '', block.head, entries, { annotations: attribute });
    patched.path = `${block.labels[0]}.${block.labels[1]}`;
    patched.span = reader.span(attrItem(block.body, attribute)?.keyRange ?? block.head);
    return patched;
}
/** `kubernetes_namespace`: its labels decide ECI pods under `cluster: virtual-node`. */
function readNamespace(reader, metadata, block) {
    const name = reader.string(metadata, 'name');
    if (name.value === undefined)
        return;
    reader.out.namespaces.push({ name: name.value, labels: reader.stringMap(metadata, 'labels'), file: reader.path, span: reader.headSpan(block) });
}
/** `kubernetes_horizontal_pod_autoscaler` (and a manifest of one). */
function readAutoscaler(reader, root, block, shape, address) {
    const provider = shape === 'provider';
    const metadata = section(root, 'metadata');
    const spec = section(root, 'spec');
    const target = section(spec, provider ? 'scale_target_ref' : 'scaleTargetRef');
    const kind = reader.string(target, 'kind').value;
    const name = reader.string(target, 'name').value;
    if (kind === undefined || name === undefined)
        return;
    reader.out.autoscalers.push({
        name: reader.string(metadata, 'name').value ?? address,
        namespace: reader.string(metadata, 'namespace').value ?? 'default',
        target: { kind, name },
        min: reader.count(spec, provider ? 'min_replicas' : 'minReplicas', `min replicas of ${address}`),
        max: reader.count(spec, provider ? 'max_replicas' : 'maxReplicas', `max replicas of ${address}`),
        file: reader.path,
        span: reader.headSpan(block),
    });
}
function readScheduling(reader, podSpec, shape) {
    const nodeAffinityIn = {};
    const required = section(section(section(podSpec, 'affinity'), shape.nodeAffinity), shape.required);
    for (const term of sections(required, shape.terms)) {
        for (const expression of sections(term, shape.expressions)) {
            if (reader.string(expression, 'operator').value !== 'In')
                continue;
            const key = reader.string(expression, 'key').value;
            if (key === undefined)
                continue;
            (nodeAffinityIn[key] ??= []).push(...reader.strings(expression, 'values').map((v) => v.value));
        }
    }
    const tolerationKeys = [];
    for (const toleration of sections(podSpec, shape.tolerations)) {
        const key = reader.string(toleration, 'key');
        if (key.value !== undefined)
            tolerationKeys.push(key.value);
        else if (!key.expr && reader.string(toleration, 'operator').value === 'Exists')
            tolerationKeys.push('');
    }
    return {
        nodeSelector: reader.stringMap(podSpec, shape.nodeSelector),
        nodeName: reader.string(podSpec, shape.nodeName).value,
        nodeAffinityIn,
        tolerationKeys,
    };
}

;// CONCATENATED MODULE: ./src/readers/terraform/editor.ts

/**
 * Writes minimal text edits against a Terraform file, native HCL or JSON: only the bytes that must change,
 * with new lines indented like their neighbours.
 */
class HclEditor {
    file;
    lines;
    entries;
    pod;
    indentUnit;
    json;
    constructor(file, lines, entries, pod, indentUnit, json) {
        this.file = file;
        this.lines = lines;
        this.entries = entries;
        this.pod = pod;
        this.indentUnit = indentUnit;
        this.json = json;
    }
    get text() {
        return this.lines.text;
    }
    edit(start, end, newText) {
        return { file: this.file, start, end, newText };
    }
    newline() {
        return this.lines.newline;
    }
    /** A string as written in this file's syntax. */
    quote(value) {
        const escaped = JSON.stringify(value);
        // `${` and `%{` start templates in both syntaxes; `$${` and `%%{` write them literally.
        return escaped.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
    }
    setStringValue(entry, value) {
        const target = this.entries.get(entry);
        if (!target || target.kind === 'indirect' || !target.item.value)
            return undefined;
        const written = target.item.value;
        if (target.kind === 'argument') {
            if (target.valueType === 'bool' && (value === 'true' || value === 'false'))
                return [this.edit(written.start, written.end, value)];
            if (target.valueType === 'number' && /^\d+$/.test(value))
                return [this.edit(written.start, written.end, value)];
            if (target.valueType !== 'string')
                return undefined;
        }
        return [this.edit(written.start, written.end, this.quote(value))];
    }
    renameKey(entry, newKey) {
        const target = this.entries.get(entry);
        if (target?.kind !== 'element')
            return undefined;
        return [this.edit(target.item.keyRange.start, target.item.keyRange.end, JSON.stringify(newKey))];
    }
    removeEntry(entry) {
        return this.removeEntries([entry]);
    }
    /**
     * Removes entries (map elements or arguments). When they are every element of a map written here, the map's
     * attribute goes with them (`annotations = {…}`), unless a comment is written in it; a map empty before is never
     * touched.
     */
    removeEntries(entries) {
        const groups = new Map();
        for (const entry of entries) {
            const target = this.entries.get(entry);
            if (!target || target.kind === 'indirect')
                return undefined;
            const object = target.kind === 'element' ? target.object : target.body;
            const group = groups.get(object) ?? { items: [], owner: target.kind === 'element' ? target.owner : undefined };
            if (!group.items.includes(target.item))
                group.items.push(target.item);
            groups.set(object, group);
        }
        const edits = [];
        for (const [object, { items, owner }] of groups) {
            const whole = owner && object.form !== 'body' && items.length === object.items.length ? this.removeEmptied(object, owner) : undefined;
            if (whole) {
                edits.push(...whole);
                continue;
            }
            for (const item of items) {
                const removal = this.removeItem(object, item);
                if (!removal)
                    return undefined;
                edits.push(...removal);
            }
        }
        return edits;
    }
    /**
     * Removes the attribute of a map that loses every element, when no comment would go with it: none inside the map,
     * none before it on its first line or after it on its last.
     */
    removeEmptied(object, owner) {
        const from = this.lines.lineStart(this.lines.lineOf(owner.item.start));
        const to = this.lines.nextLineStart(owner.item.end);
        // The lines of the elements themselves go with them (a comment at the end of one belongs to it); look at the rest.
        let rest = '';
        let at = from;
        for (const item of object.items) {
            const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
            const lineEnd = this.lines.nextLineStart(item.end);
            const after = this.text.slice(item.end, lineEnd).replace(/\r?\n$/, '');
            if (lineStart < at || this.text.slice(lineStart, item.start).trim() !== '' || lineEnd > to)
                continue;
            if (!/^[ \t]*,?[ \t]*(?:(?:#|\/\/).*)?$/.test(after))
                continue;
            rest += this.text.slice(at, lineStart);
            at = lineEnd;
        }
        rest += this.text.slice(at, to);
        if (/#|\/\/|\/\*/.test(rest))
            return undefined;
        return this.removeItem(owner.in, owner.item);
    }
    /** Removes one item with its line or separator. */
    removeItem(object, item) {
        const index = object.items.indexOf(item);
        if (index === -1)
            return undefined;
        if (object.form === 'json') {
            if (object.items.length === 1)
                return [this.edit(object.open, object.close, '')];
            if (index < object.items.length - 1)
                return [this.edit(item.start, object.items[index + 1].start, '')];
            return [this.edit(object.items[index - 1].end, item.end, '')];
        }
        // The last item of a map: `annotations = {}` (unless a comment inside would go with it).
        const around = this.text.slice(object.open, item.start) + this.text.slice(item.end, object.close);
        if (object.items.length === 1 && object.form === 'object' && !/#|\/\/|\/\*/.test(around)) {
            return [this.edit(object.open, object.close, '')];
        }
        const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
        const ownLine = this.text.slice(lineStart, item.start).trim() === '';
        const after = this.text.slice(item.end, this.lines.nextLineStart(item.end));
        const restOfLine = after.replace(/\r?\n$/, '');
        // The item is alone on its line(s), perhaps with a comma or a comment after it: remove the whole lines.
        if (ownLine && /^\s*,?\s*(?:(?:#|\/\/).*)?$/.test(restOfLine) && item.end <= object.close) {
            return [this.edit(lineStart, this.lines.nextLineStart(item.end), '')];
        }
        // On a line with others (`{ a = "1", b = "2" }`): remove it with its separator.
        const next = object.items[index + 1];
        if (next)
            return [this.edit(item.start, next.start, '')];
        const previous = object.items[index - 1];
        if (previous)
            return [this.edit(previous.end, item.end, '')];
        return [this.edit(object.open, object.close, object.form === 'object' ? '' : ' ')];
    }
    addPodAnnotation(key, value) {
        return this.addAnnotation(key, value);
    }
    /** Adds an annotation to the pod template; `comment` ends the new element's line (native HCL only). */
    addAnnotation(key, value, comment) {
        const pod = this.pod;
        if (!pod)
            return undefined;
        const written = this.json ? `${JSON.stringify(key)}: ${this.quote(value)}` : `${JSON.stringify(key)} = ${this.quote(value)}`;
        const element = comment === undefined ? written : `${written} ${comment}`;
        if (pod.kind === 'arguments') {
            const argument = pod.names[key];
            if (!argument || pod.body.items.some((i) => i.key === argument.name))
                return undefined;
            const written = argument.valueType === 'bool' && (value === 'true' || value === 'false')
                ? value
                : argument.valueType === 'number' && /^\d+$/.test(value)
                    ? value
                    : argument.valueType === 'string'
                        ? this.quote(value)
                        : undefined;
            if (written === undefined)
                return undefined;
            return this.insert(pod.body, [this.json ? `${JSON.stringify(argument.name)}: ${written}` : `${argument.name} = ${written}`], 'last');
        }
        if (pod.kind === 'attribute') {
            if (pod.annotations)
                return this.addToMap(pod.annotations, element);
            return this.insert(pod.holder, this.mapAttribute(pod.name, element), 'last');
        }
        if (pod.annotations)
            return this.addToMap(pod.annotations, element);
        if (pod.metadata)
            return this.insert(pod.metadata, this.mapAttribute('annotations', element), 'last');
        if (pod.template) {
            const unit = this.indentUnit;
            const annotations = this.mapAttribute('annotations', element);
            const lines = this.json
                ? [`"metadata": {${annotations[0]}}`]
                : [pod.metadataStyle === 'block' ? 'metadata {' : 'metadata = {', ...annotations.map((l) => unit + l), '}'];
            return this.insert(pod.template, lines, 'first');
        }
        return undefined;
    }
    /** `annotations = {` / element / `}` as lines (one line in JSON). */
    mapAttribute(name, element) {
        if (this.json)
            return [`${JSON.stringify(name)}: {${element}}`];
        return [`${name} = {`, this.indentUnit + element, '}'];
    }
    /** Adds an element to the object an `annotations` item holds, when it is an object written here. */
    addToMap(item, element) {
        if (item.value?.kind !== 'object')
            return undefined;
        return this.insert(item.value.object, [element], 'last');
    }
    /**
     * Inserts new items (given as lines, the first one at the items' indentation, the next ones relative to it)
     * as the first or last items of an object.
     */
    insert(object, lines, at) {
        const nl = this.newline();
        if (object.form === 'json') {
            const written = lines.join(' ');
            if (object.items.length === 0)
                return [this.edit(object.open, object.open, written)];
            // A multi-line object gets a line of its own, indented like its items.
            const multiLine = this.text.slice(object.open, object.close).includes('\n');
            const first = object.items[0];
            const last = object.items[object.items.length - 1];
            const separator = multiLine ? `,${nl}${this.indentOf(first.start)}` : ', ';
            if (at === 'first')
                return [this.edit(first.start, first.start, `${written}${separator}`)];
            return [this.edit(last.end, last.end, `${separator}${written}`)];
        }
        const inner = this.text.slice(object.open, object.close);
        const openLineIndent = this.indentOf(object.open - 1);
        if (!inner.includes('\n')) {
            // A one-line object or block: `{}`, `{ a = "b" }`. Objects take a comma; a block body becomes multi-line.
            const trimmed = inner.trim();
            if (object.form === 'object' && lines.length === 1) {
                const written = trimmed === '' ? ` ${lines[0]} ` : at === 'first' ? ` ${lines[0]}, ${trimmed} ` : ` ${trimmed}, ${lines[0]} `;
                return [this.edit(object.open, object.close, written)];
            }
            const indent = openLineIndent + this.indentUnit;
            const body = (at === 'first' ? [...lines, ...(trimmed ? [trimmed] : [])] : [...(trimmed ? [trimmed] : []), ...lines])
                .map((l) => indent + l)
                .join(nl);
            return [this.edit(object.open, object.close, nl + body + nl + openLineIndent)];
        }
        const first = object.items[0];
        const indent = first && this.text.slice(this.lines.lineStart(this.lines.lineOf(first.start)), first.start).trim() === ''
            ? this.indentOf(first.start)
            : openLineIndent + this.indentUnit;
        const block = lines.map((l) => indent + l).join(nl) + nl;
        if (at === 'first') {
            const position = this.lines.nextLineStart(object.open);
            if (position > object.close)
                return undefined;
            return [this.edit(position, position, block)];
        }
        const closeLineStart = this.lines.lineStart(this.lines.lineOf(object.close));
        if (this.text.slice(closeLineStart, object.close).trim() === '')
            return [this.edit(closeLineStart, closeLineStart, block)];
        // `}` shares its line with the last item: break the line before it.
        return [this.edit(object.close, object.close, nl + block + openLineIndent)];
    }
    /** The whitespace that starts the line holding `offset`. */
    indentOf(offset) {
        const start = this.lines.lineStart(this.lines.lineOf(offset));
        return /^[ \t]*/.exec(this.text.slice(start, offset))[0];
    }
    /**
     * Moves a map element to the pod template's annotations. A comment at the end of its line (`# keep me`,
     * `// keep me`) moves with it; where the new element cannot end a line (a one-line object), the comment stays where
     * it was, on a line of its own.
     */
    moveToPodAnnotations(entry) {
        const target = this.entries.get(entry);
        if (target?.kind !== 'element')
            return undefined;
        const comment = this.json ? undefined : this.trailingComment(target.item);
        const carried = comment === undefined ? undefined : this.addAnnotation(entry.key, entry.value, comment);
        const moved = carried !== undefined && carriedCommentEndsItsLine(this.text, carried, comment);
        const add = moved ? carried : this.addPodAnnotation(entry.key, entry.value);
        let remove = this.removeEntry(entry);
        if (remove && comment !== undefined && !moved)
            remove = this.keepCommentLine(remove, target.item, comment);
        if (!remove || !add)
            return undefined;
        // The two must not touch: an insertion inside the removed range would be lost.
        for (const a of add)
            for (const r of remove)
                if (a.start >= r.start && a.start < r.end && r.end > r.start)
                    return undefined;
        return [...add, ...remove];
    }
    /** The comment at the end of an element's line (`"k" = "v" # why`, `// why`), when the element has the line to itself. */
    trailingComment(item) {
        const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
        if (this.text.slice(lineStart, item.start).trim() !== '')
            return undefined;
        const rest = this.text.slice(item.end, this.lines.nextLineStart(item.end)).replace(/\r?\n$/, '');
        return /^[ \t]*,?[ \t]*((?:#|\/\/).*?)[ \t]*$/.exec(rest)?.[1];
    }
    /** The removal of an element, with the comment at the end of its line kept on a line of its own, where it was. */
    keepCommentLine(remove, item, comment) {
        const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
        const own = remove.find((r) => r.start === lineStart && r.newText === '');
        if (!own)
            return undefined;
        const indent = this.text.slice(lineStart, item.start);
        return remove.map((r) => (r === own ? { ...r, newText: indent + comment + this.newline() } : r));
    }
}
/** The file's indentation step: from the first line nested under a line ending in `{`; two spaces by default. */
function detectIndentUnit(text) {
    const match = /\{[ \t]*\r?\n([ \t]*)\S/.exec(text);
    if (!match)
        return '  ';
    const open = text.lastIndexOf('\n', match.index) + 1;
    const outer = /^[ \t]*/.exec(text.slice(open))[0];
    const unit = match[1].slice(outer.length);
    return unit.length > 0 && unit.length <= 8 && /^( +|\t+)$/.test(unit) ? unit : '  ';
}

;// CONCATENATED MODULE: ./src/readers/terraform/reader.ts





/** Keys whose unresolved values are worth a note in the report: the ones the rules read. */
const NOTED_KEY = /aliyun|alibabacloud|eci-egress-lint/;
/** The state and helpers shared by the mappings of one file (kubernetes.ts, alicloud.ts). */
class FileReader {
    file;
    context;
    out;
    scope;
    indentUnit;
    json;
    /** One budget for every value the file's mappings evaluate (values.ts). */
    budget;
    constructor(file, context, out) {
        this.file = file;
        this.context = context;
        this.out = out;
        this.scope = scopeOf(context, file.folder);
        this.indentUnit = detectIndentUnit(file.text);
        this.json = file.path.endsWith('.tf.json');
        this.budget = EvaluationBudget.forText(file.text.length);
    }
    get path() {
        return this.file.path;
    }
    span(range) {
        return this.file.lines.span(range.start, range.end);
    }
    /** `resource "kubernetes_deployment_v1" "web"`: from the keyword to the last label (a JSON resource: its key). */
    headSpan(block) {
        const labels = block.item.block?.labelRanges ?? [];
        const end = labels.length > 0 ? labels[labels.length - 1].end : block.head.end;
        return this.file.lines.span(block.head.start, Math.max(end, block.head.end));
    }
    evaluate(expr) {
        return evaluate(expr, this.scope, this.budget);
    }
    text(expr) {
        return exprText(expr, this.file.text);
    }
    /** Records a value that could not be resolved. */
    note(what, why, range) {
        (this.out.unresolved ??= []).push({ what, why, span: this.span(range) });
    }
    /** A string attribute, when it resolves; undefined when absent; `{ why }` when it does not resolve. */
    string(object, key) {
        const expr = attr(object, key);
        if (!expr)
            return {};
        const result = asString(this.evaluate(expr));
        return 'value' in result ? { value: result.value, expr } : { why: result.why, expr };
    }
    /** A whole-number attribute as a Count (a note when it does not resolve). */
    count(object, key, what) {
        const expr = attr(object, key);
        if (!expr)
            return {};
        const result = asCount(this.evaluate(expr));
        if ('value' in result)
            return { value: result.value, span: this.span(expr) };
        // A value that is known but no count is a finding (eip-invalid-value), not an unresolved value.
        const invalid = 'invalid' in result ? `${what}: ${result.why}` : undefined;
        if (!invalid)
            this.note(what, result.why, expr);
        return { unknown: `${what} is not known: ${result.why}`, span: this.span(expr), ...(invalid ? { invalid } : {}) };
    }
    /** `count` or the size of `for_each`; undefined when the resource has neither. */
    instances(block, address) {
        const count = attr(block.body, 'count');
        if (count) {
            const result = asCount(this.evaluate(count));
            if ('value' in result)
                return { value: result.value, span: this.span(count), what: 'count' };
            const invalid = 'invalid' in result ? `count of ${address}: ${result.why}` : undefined;
            if (!invalid)
                this.note(`count of ${address}`, result.why, count);
            return { unknown: `count of ${address} is not known: ${result.why}`, span: this.span(count), what: 'count', ...(invalid ? { invalid } : {}) };
        }
        const forEach = attr(block.body, 'for_each');
        if (forEach) {
            const result = forEachSize(this.evaluate(forEach));
            if ('value' in result)
                return { value: result.value, span: this.span(forEach), what: 'the size of for_each' };
            this.note(`for_each of ${address}`, result.why, forEach);
            return { unknown: `for_each of ${address} is not known: ${result.why}`, span: this.span(forEach), what: 'for_each' };
        }
        return undefined;
    }
    /** A string map attribute (`node_selector`), with the keys whose values resolve. */
    stringMap(object, key) {
        const expr = attr(object, key);
        const out = {};
        if (!expr)
            return out;
        const value = this.evaluate(expr);
        if (!value.known || value.value === null || typeof value.value !== 'object' || Array.isArray(value.value)) {
            if (expr.kind === 'object') {
                for (const item of expr.object.items) {
                    if (item.key === undefined || !item.value)
                        continue;
                    const v = asString(this.evaluate(item.value));
                    if ('value' in v)
                        out[item.key] = v.value;
                }
            }
            return out;
        }
        for (const [k, v] of Object.entries(value.value)) {
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                out[k] = String(v);
        }
        return out;
    }
    /** The strings of a list attribute that resolve (`command`, `args`, `values`). */
    strings(object, key) {
        const expr = attr(object, key);
        if (!expr)
            return [];
        if (expr.kind === 'tuple') {
            return expr.items.flatMap((item) => {
                const v = asString(this.evaluate(item));
                return 'value' in v ? [{ value: v.value, range: item }] : [];
            });
        }
        const value = this.evaluate(expr);
        if (!value.known || !Array.isArray(value.value))
            return [];
        return value.value.filter((v) => typeof v === 'string').map((v) => ({ value: v, range: expr }));
    }
    /**
     * Reads the annotations and labels of a metadata section into a MetadataBlock, keeping for each entry where it
     * is written (for the editor). Values that do not resolve become entries of type `unknown`; a map that does not
     * resolve marks the block unresolved.
     */
    metadataBlock(metadata, level, path, 
    /** What the block's findings point at: the `metadata` key, or where it would be written. */
    head, entries, fields = { annotations: 'annotations', labels: 'labels' }, owner) {
        const block = {
            level,
            path,
            annotations: [],
            labels: [],
            span: this.span(head),
            annotationsValid: true,
            labelsValid: true,
        };
        for (const field of ['annotations', 'labels']) {
            const name = fields[field];
            if (name === undefined)
                continue;
            const item = attrItem(metadata, name);
            if (!item?.value)
                continue;
            const where = `${path ? path + '.' : ''}${name}${owner ? ` of ${owner}` : ''}`;
            const result = this.mapEntries(item, where, entries, metadata);
            block[field].push(...result.entries);
            if (!result.valid) {
                if (field === 'annotations')
                    block.annotationsValid = false;
                else
                    block.labelsValid = false;
            }
            if (result.unresolved)
                block.unresolved ??= result.unresolved;
        }
        return block;
    }
    /** The entries of a map(string) attribute: written in place, or resolved through a variable or a local. */
    mapEntries(item, where, entries, 
    /** The object that holds `item` (the metadata block's body), so that a fix can remove a map it empties. */
    holder) {
        const value = item.value;
        const out = [];
        let unresolved;
        if (value.kind === 'object') {
            for (const element of value.object.items) {
                if (!element.value)
                    continue;
                if (element.key === undefined) {
                    const why = `the key \`${shown(this.file.text.slice(element.keyRange.start, element.keyRange.end))}\` is computed`;
                    this.note(where, why, element.keyRange);
                    unresolved ??= `${where}: ${why}`;
                    continue;
                }
                const resolved = asString(this.evaluate(element.value));
                const entry = this.entry(element.key, element.keyRange, element.value, resolved);
                if ('why' in resolved) {
                    if (NOTED_KEY.test(element.key))
                        this.note(`${element.key} in ${where}`, resolved.why, element.value);
                }
                entries.set(entry, { kind: 'element', item: element, object: value.object, ...(holder ? { owner: { item, in: holder } } : {}) });
                out.push(entry);
            }
            return { entries: out, valid: true, unresolved };
        }
        const resolved = this.evaluate(value);
        if (!resolved.known) {
            this.note(where, resolved.why, value);
            return { entries: out, valid: true, unresolved: `${where} is not known: ${resolved.why}` };
        }
        const v = resolved.value;
        if (v === null)
            return { entries: out, valid: true };
        if (typeof v !== 'object' || Array.isArray(v))
            return { entries: out, valid: false };
        // Resolved through a reference: every entry points at the reference, and none can be edited here.
        for (const [key, element] of Object.entries(v)) {
            const entry = this.entry(key, value, value, asString({ known: true, value: element }));
            entries.set(entry, { kind: 'indirect' });
            out.push(entry);
        }
        return { entries: out, valid: true };
    }
    entry(key, keyRange, valueRange, resolved, label) {
        const keySpan = this.span(keyRange);
        const valueSpan = this.span(valueRange);
        return {
            key,
            keySpan,
            value: 'value' in resolved ? resolved.value : '',
            valueType: 'value' in resolved ? 'string' : 'unknown',
            valueSpan,
            span: this.file.lines.span(Math.min(keyRange.start, valueRange.start), Math.max(keyRange.end, valueRange.end)),
            ...(label ? { label } : {}),
        };
    }
    /** The editor of a workload of this file: `entries` are where its keys are written, `pod` where pod annotations go. */
    editor(entries, pod) {
        return new HclEditor(this.path, this.file.lines, entries, pod, this.indentUnit, this.json);
    }
    /** `eci-egress-lint/ignore` annotations of the given blocks, those whose value resolves to a string. */
    ignores(blocks) {
        return ignoresIn(blocks, (a) => a.valueType === 'string');
    }
}

;// CONCATENATED MODULE: ./src/readers/terraform/index.ts








/**
 * Reads one Terraform file (`.tf` or `.tf.json`): workloads of the hashicorp/kubernetes provider and of the
 * alicloud ECI resources, namespaces, autoscalers and NAT facts. Values resolve through the variables and
 * locals of the file's folder (the context); what does not resolve is listed in `unresolved`.
 */
function readTerraform(file, text, options = {}) {
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
        if (block.type !== 'resource' || block.labels.length !== 2)
            continue;
        const type = block.labels[0];
        const kind = KUBERNETES_KINDS[type];
        if (kind)
            readProviderWorkload(reader, block, kind);
        else if (type === 'kubernetes_manifest')
            readManifest(reader, block);
        else if (type === 'kubernetes_annotations')
            readAnnotationsResource(reader, block);
        else if (type === 'kubernetes_namespace' || type === 'kubernetes_namespace_v1')
            readNamespace(reader, section(block.body, 'metadata'), block);
        else if (type.startsWith('kubernetes_horizontal_pod_autoscaler'))
            readAutoscaler(reader, block.body, block, 'provider', `${type}.${block.labels[1]}`);
        else if (type === 'alicloud_eci_container_group' || type === 'alicloud_ess_eci_scaling_configuration')
            readEciResource(reader, block);
        else if (type === 'alicloud_nat_gateway')
            readNatGateway(reader, block);
        else if (type === 'alicloud_cs_serverless_kubernetes' || type === 'alicloud_cs_managed_kubernetes')
            readCluster(reader, block);
    }
    // The pods of a hashicorp/kubernetes resource run in the cluster its provider connects to: a NAT fact speaks for
    // them only from the same folder.
    for (const workload of out.workloads)
        workload.network ??= { folder: parsed.folder };
    out.unresolved.sort((a, b) => a.span.offset - b.span.offset);
    // Each file is read once per scan: what the workloads keep (for their editors) stays, the rest can go.
    if (options.terraform)
        options.terraform.files.delete(file);
    return out;
}

;// CONCATENATED MODULE: ./src/readers/index.ts


const kubernetes = { format: 'kubernetes', read: readKubernetesYaml };
const terraform = {
    format: 'terraform',
    read: (file, text, options) => readTerraform(file, text, { terraform: options.context?.terraform }),
};
function isTerraformPath(file) {
    return isTerraformFile(file);
}
/** The reader for a file, by its name; YAML for anything that is not Terraform. */
function readerFor(file) {
    return isTerraformPath(file) ? terraform : kubernetes;
}
/**
 * Loads what the readers of these files need before a synchronous scan: the Terraform parser (WebAssembly, loaded
 * asynchronously) when a Terraform file is among them. A scan of YAML only loads nothing.
 */
async function prepareReaders(sources) {
    const paths = sources.map((s) => (typeof s === 'string' ? s : s.text === undefined ? '' : s.path));
    if (paths.some(isTerraformPath))
        await prepareTerraformParser();
}
/**
 * The first pass of a scan: what each reader needs from the other files. For Terraform: every file parsed once,
 * with the variables and locals of each folder (values may come from another file of the same folder).
 */
function readContext(sources) {
    if (!sources.some((s) => s.text !== undefined && isTerraformPath(s.path)))
        return {};
    return { terraform: buildTerraformContext(sources) };
}

;// CONCATENATED MODULE: ./src/render/as-written.ts




/**
 * A kustomization's `commonAnnotations` and `commonLabels` as written, for the one check that must see them before
 * kustomize does: a value that is not a string (kustomize itself rejects it, so no rendering would show it). The
 * result is a workload of kind Kustomization whose pod block holds those entries; only `eip-not-string` runs on it,
 * and it is never priced.
 */
function kustomizationAsWritten(file, folder, text) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { logLevel: 'silent', uniqueKeys: false });
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents))
        return undefined;
    const lines = new LineIndex(text);
    const span = (node) => lines.span(node.range[0], node.range[1]);
    const entries = new Map();
    const block = {
        level: 'pod',
        path: 'commonAnnotations',
        annotations: [],
        labels: [],
        span: lines.span(0),
        annotationsValid: true,
        labelsValid: true,
    };
    for (const [field, into] of [['commonAnnotations', block.annotations], ['commonLabels', block.labels]]) {
        const map = doc.contents.get(field, true);
        if (!(0,dist/* isMap */.jh)(map))
            continue;
        for (const pair of map.items) {
            if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value === null || !pair.key.range)
                continue;
            const value = pair.value;
            const keySpan = span(pair.key);
            const valueSpan = value?.range ? span(value) : lines.span(keySpan.endOffset);
            const entry = {
                key: String(pair.key.value),
                keySpan,
                value: (0,dist/* isScalar */.jn)(value) && value.value !== null ? String(value.type === 'PLAIN' ? (value.source ?? value.value) : value.value) : '',
                valueType: kubernetesValueType(value),
                valueSpan,
                span: lines.span(keySpan.offset, Math.max(keySpan.endOffset, valueSpan.endOffset)),
            };
            entries.set(entry, { pair, map });
            into.push(entry);
        }
    }
    if (entries.size === 0)
        return undefined;
    return {
        source: 'kubernetes',
        file,
        kind: 'Kustomization',
        name: folder,
        namespace: '',
        namespaceDefaulted: true,
        span: lines.span(0),
        objectMetadata: [],
        pod: block,
        replicas: {},
        parallelism: {},
        scheduling: { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] },
        images: [],
        urls: [],
        ignores: [],
        editor: new YamlEditor(file, lines, 0, entries, undefined, 2),
    };
}

;// CONCATENATED MODULE: ./src/render/paths.ts
/** A file or folder inside `folder`. */
function inFolder(folder, relative) {
    return folder === '.' ? relative : `${folder}/${relative}`;
}
/** Whether `file` is `folder` or inside it. */
function isInFolder(file, folder) {
    return folder === '.' || file === folder || file.startsWith(`${folder}/`);
}
/** The file that stands for a unit in a notice: a chart's Chart.yaml, an overlay's kustomization. */
function unitFile(unit) {
    return unit.kind === 'chart' ? inFolder(unit.folder, 'Chart.yaml') : unit.file;
}

;// CONCATENATED MODULE: ./src/render/discover.ts






const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
function posix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}
function join(folder, relative) {
    return posix(external_node_path_default().posix.normalize(external_node_path_default().posix.join(folder, relative)));
}
/** A kustomization entry that names something remote (a git or HTTP URL). */
function isRemote(entry) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^git@|^github\.com\/|^gitlab\.com\/|^bitbucket\.org\/|\?ref=|\.git(?:\/|$|\?)|\/\/.*\?/.test(entry);
}
function lineOf(text, needle) {
    const at = text.search(new RegExp(`^\\s*${needle}\\s*:`, 'm'));
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
const PLUGIN_FIELDS = {
    helmCharts: 'it inflates Helm charts (helmCharts): kustomize would need --enable-helm, which is never used',
    helmChartInflationGenerator: 'it inflates Helm charts (helmChartInflationGenerator), which is never run',
    generators: 'it runs generator plugins (generators:), which are never run',
    transformers: 'it runs transformer plugins (transformers:), which are never run',
    validators: 'it runs validator plugins (validators:), which are never run',
};
/** A kustomization is a small file; a larger one is not read. */
const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;
/** A path that leaves the workspace: kustomize would read a base or patch from outside the checkout. */
function outsideWorkspace(relative) {
    return relative === '..' || relative.startsWith('../') || external_node_path_default().posix.isAbsolute(relative);
}
/**
 * Reads a kustomization file; undefined when the folder has none. It is read like every other file of the scan:
 * a regular file really inside the workspace (no link out), with a size limit.
 */
function readKustomization(cwd, folder) {
    for (const name of KUSTOMIZATION_NAMES) {
        const file = inFolder(folder, name);
        let text;
        try {
            const bytes = readConfined(file, { root: cwd }, MAX_KUSTOMIZATION_BYTES);
            const decoded = bytes === undefined ? undefined : read_decodeText(bytes);
            if (!decoded || !('text' in decoded))
                continue;
            text = decoded.text;
        }
        catch {
            continue;
        }
        const out = { folder, file, text, resources: [], patchFiles: [] };
        const doc = (0,dist/* parseDocument */.Tp)(text, { logLevel: 'silent' });
        const raw = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
            // kustomize reports the syntax error with its own words when the overlay is rendered.
            return out;
        }
        if (raw.kind === 'Component')
            out.componentLine = lineOf(text, 'kind');
        // A refused kustomization still lists its local files: they are judged with it (skipped), never alone.
        for (const [field, reason] of Object.entries(PLUGIN_FIELDS)) {
            if (raw[field] !== undefined && !out.refuse)
                out.refuse = { line: lineOf(text, field), reason: `not rendered: ${reason}` };
        }
        const strings = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
        for (const field of ['resources', 'bases', 'components']) {
            for (const entry of strings(raw[field])) {
                if (isRemote(entry)) {
                    out.refuse ??= { line: lineOf(text, field), reason: `not rendered: it uses the remote resource ${JSON.stringify(entry.slice(0, 120))}, and nothing is downloaded` };
                    continue;
                }
                const resource = join(folder, entry);
                if (outsideWorkspace(resource)) {
                    out.refuse ??= { line: lineOf(text, field), reason: `not rendered: it uses ${JSON.stringify(entry.slice(0, 120))}, which is outside the workspace and is never read` };
                    continue;
                }
                out.resources.push(resource);
            }
        }
        // Exec functions are declared in resources' `config.kubernetes.io/function` annotations; with exec and alpha
        // plugins off kustomize refuses them itself, with its own message.
        const patchEntries = [...(Array.isArray(raw.patches) ? raw.patches : []), ...(Array.isArray(raw.patchesJson6902) ? raw.patchesJson6902 : [])];
        for (const patch of patchEntries) {
            const file = typeof patch === 'object' && patch !== null ? patch.path : undefined;
            if (typeof file === 'string')
                out.patchFiles.push(join(folder, file));
        }
        for (const entry of strings(raw.patchesStrategicMerge)) {
            if (!entry.includes('\n'))
                out.patchFiles.push(join(folder, entry));
        }
        const outsidePatch = out.patchFiles.find(outsideWorkspace);
        if (outsidePatch !== undefined) {
            out.refuse ??= { line: lineOf(text, 'patches'), reason: `not rendered: its patch ${JSON.stringify(outsidePatch.slice(0, 120))} is outside the workspace and is never read` };
            out.patchFiles = out.patchFiles.filter((f) => !outsideWorkspace(f));
        }
        return out;
    }
    return undefined;
}
function chartFolderOf(file) {
    return external_node_path_default().posix.basename(file) === 'Chart.yaml' ? external_node_path_default().posix.dirname(file) : undefined;
}
/**
 * The charts and overlays among the scanned files. A chart inside another chart's `charts/` folder is a
 * dependency and renders with its parent. A kustomization used by another one (as a resource or component)
 * is rendered through it, never alone.
 */
function discoverUnits(paths, options) {
    const { cwd, render } = options;
    const chartFolders = [...new Set(paths.flatMap((p) => chartFolderOf(p) ?? []))].sort();
    const dependencies = (parent) => inFolder(parent, 'charts');
    const charts = chartFolders.filter((folder) => !chartFolders.some((parent) => parent !== folder && isInFolder(folder, dependencies(parent))));
    const units = charts.map((folder) => chartUnit(cwd, folder, render));
    // Kustomizations: every folder of a scanned file that holds one (`Kustomization` has no YAML extension).
    const folders = new Set(paths.map((p) => external_node_path_default().posix.dirname(p)));
    const kustomizations = new Map();
    const load = (folder) => {
        if (kustomizations.has(folder))
            return kustomizations.get(folder);
        const found = readKustomization(cwd, folder);
        if (found)
            kustomizations.set(folder, found);
        return found;
    };
    const roots = [...folders].filter((f) => !charts.some((chart) => isInFolder(f, chart))).filter((f) => load(f));
    // Follow the resources to the kustomizations they use, also outside the scanned paths.
    const used = new Set();
    const queue = [...roots];
    while (queue.length > 0) {
        const k = kustomizations.get(queue.pop());
        for (const resource of k.resources) {
            if (used.has(resource) || !load(resource))
                continue;
            used.add(resource);
            queue.push(resource);
        }
    }
    for (const folder of roots.filter((f) => !used.has(f)).sort()) {
        const k = kustomizations.get(folder);
        const inputs = overlayInputs(k, kustomizations);
        const component = k.componentLine === undefined ? undefined : {
            file: k.file,
            line: k.componentLine,
            reason: 'not rendered: a kustomize Component is built only through the kustomizations that list it under components:, and none in the scan does',
        };
        const refused = component ?? inputs.refuse;
        units.push({
            kind: 'overlay',
            folder,
            file: k.file,
            inputs: inputs.files,
            ...(refused ? { refuse: refused } : {}),
        });
    }
    return { units, kustomizations };
}
/** Every file an overlay uses, through its bases; and the first refusal among them. */
function overlayInputs(root, all) {
    const files = new Set();
    let refuse;
    const seen = new Set();
    const walk = (k) => {
        if (seen.has(k.folder))
            return;
        seen.add(k.folder);
        files.add(k.file);
        if (k.refuse && !refuse)
            refuse = { file: k.file, line: k.refuse.line, reason: k.refuse.reason };
        for (const patch of k.patchFiles)
            files.add(patch);
        for (const resource of k.resources) {
            const child = all.get(resource);
            if (child)
                walk(child);
            else
                files.add(resource);
        }
    };
    walk(root);
    return { files: [...files].sort(), ...(refuse ? { refuse } : {}) };
}
function chartUnit(cwd, folder, render) {
    const settings = render.charts.find((c) => c.path === folder);
    const renderings = [];
    const listed = settings?.values ?? [];
    // The renderings that stand for a deployment are priced: the config's values files when it lists some,
    // else the chart's defaults. ci/*-values.yaml files are test settings: linted, not priced.
    renderings.push({ extra: [], priced: listed.length === 0 });
    for (const file of listed)
        renderings.push({ extra: [file.replace(/^\.\//, '')], priced: true });
    if (render.ciValues) {
        let ciFiles = [];
        try {
            ciFiles = external_node_fs_default().readdirSync(external_node_path_default().join(cwd, folder, 'ci')).filter((name) => /-values\.ya?ml$/.test(name)).sort();
        }
        catch {
            // No ci/ folder.
        }
        for (const name of ciFiles)
            renderings.push({ extra: [join(folder, `ci/${name}`)], priced: false });
    }
    const base = external_node_path_default().posix.basename(folder === '.' ? posix(external_node_path_default().basename(cwd)) : folder);
    return {
        kind: 'chart',
        folder,
        release: settings?.release ?? releaseName(base),
        namespace: settings?.namespace ?? 'default',
        renderings,
        inputs: listed.filter((f) => !isInFolder(f, folder)),
    };
}
/** Helm release names are DNS labels: lower case, digits and dashes, at most 53 characters. */
function releaseName(folderName) {
    const name = folderName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 53);
    return name || 'release';
}

;// CONCATENATED MODULE: ./src/render/provenance.ts


/** A file that a rendering read, with its lines. */
class SourceText {
    path;
    text;
    lines;
    rows;
    parsed;
    constructor(path, text) {
        this.path = path;
        this.text = text;
        this.lines = new LineIndex(text);
        this.rows = text.split('\n').map((row) => row.replace(/\r$/, ''));
    }
    row(line0) {
        return this.rows[line0] ?? '';
    }
    /** The text as a YAML document, parsed on first use: a values file is looked up once per finding and reference. */
    get document() {
        this.parsed ??= (0,dist/* parseDocument */.Tp)(this.text, { logLevel: 'silent', uniqueKeys: false });
        return this.parsed;
    }
    get rowCount() {
        return this.rows.length;
    }
    /** A span on one line, from a 0-based column, `length` characters long. */
    spanAt(line0, column0, length) {
        const start = this.lines.lineStart(line0) + column0;
        return this.lines.span(start, start + Math.max(0, length));
    }
    firstLine() {
        return this.spanAt(0, 0, this.row(0).length);
    }
}
const KEY_LINE = /^(\s*(?:-\s+)?)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[\]},:][^:#]*?))\s*:(?:\s+(.*?))?\s*$/;
function parseRenderedLine(row) {
    const indent = row.length - row.trimStart().length;
    const out = { indent, trimmed: row.trim() };
    const match = KEY_LINE.exec(row);
    if (!match)
        return out;
    out.key = match[2] ?? match[3]?.replace(/''/g, "'") ?? match[4];
    out.keyColumn = match[1].length;
    if (match[5] !== undefined && match[5] !== '' && !/^[|>]/.test(match[5])) {
        out.value = unquote(match[5].replace(/\s+#.*$/, ''));
        out.valueColumn = row.lastIndexOf(match[5]);
    }
    return out;
}
function unquote(text) {
    const t = text.trim();
    if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'"))))
        return t.slice(1, -1);
    return t;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Where a file writes `key` as a YAML key (block or flow style, quoted or not) or as the last step of a JSON
 * patch path (`/metadata/annotations/k8s.aliyun.com~1eci-with-eip`). Found by its text, so that keys inside
 * block scalars (inline patches of a kustomization) are found too.
 */
function findKey(source, key) {
    const hits = [];
    const pointer = key.replace(/~/g, '~0').replace(/\//g, '~1');
    const asKey = new RegExp(`(^|[\\s{,])(["']?)${escapeRegExp(key)}\\2\\s*:(?=\\s|$)(\\s*)([^,}#\\n]*)`);
    const asPointer = new RegExp(`/${escapeRegExp(pointer)}(?=["'\\s]|$)`);
    for (let line0 = 0; line0 < source.rowCount; line0++) {
        const row = source.row(line0);
        if (!row.includes(key) && !row.includes(pointer))
            continue;
        if (/^\s*#/.test(row))
            continue;
        const match = asKey.exec(row);
        if (match) {
            const keyColumn = match.index + match[1].length;
            const raw = match[4].trim();
            hits.push({
                line0,
                keyColumn,
                keyLength: match[0].length - match[1].length - match[3].length - match[4].length,
                ...(raw ? { value: unquote(raw), valueColumn: row.indexOf(raw, keyColumn + key.length) } : {}),
            });
            continue;
        }
        const pointed = asPointer.exec(row);
        if (pointed) {
            // A JSON patch: the op's value is usually on a following `value:` line of the same op.
            const hit = { line0, keyColumn: pointed.index + 1, keyLength: pointer.length };
            for (let next = line0 + 1; next < Math.min(source.rowCount, line0 + 4); next++) {
                const valueMatch = /^(\s*-?\s*value\s*:\s*)(.+?)\s*$/.exec(source.row(next));
                if (valueMatch) {
                    hit.value = unquote(valueMatch[2]);
                    hit.valueColumn = valueMatch[1].length;
                    hit.valueLine0 = next;
                    break;
                }
            }
            hits.push(hit);
        }
    }
    return hits;
}
/** The hit to point at: the first whose value is the rendered one, else the first. */
function bestHit(hits, value) {
    if (value !== undefined) {
        const same = hits.find((h) => h.value === value);
        if (same)
            return same;
    }
    return hits[0];
}
/** The location of a key hit: its value when the finding is about the value, else its key. */
function hitLocation(source, hit, onValue) {
    const valueLine0 = hit.valueLine0 ?? hit.line0;
    if (onValue && hit.value !== undefined && hit.valueColumn !== undefined && hit.valueColumn >= 0) {
        const raw = source.row(valueLine0).slice(hit.valueColumn).replace(/\s+#.*$/, '').replace(/[,}\s]+$/, '');
        return { file: source.path, span: source.spanAt(valueLine0, hit.valueColumn, raw.length), exact: true };
    }
    return { file: source.path, span: source.spanAt(hit.line0, hit.keyColumn, hit.keyLength), exact: true };
}
/**
 * The line of a template or resource file that writes `trimmed` literally (no template action on it): the
 * `occurrence`-th such line when the text has several, else the last.
 */
function findLiteralLine(source, trimmed, occurrence) {
    if (!trimmed || trimmed === '-' || trimmed === '---')
        return undefined;
    const found = [];
    for (let line0 = 0; line0 < source.rowCount; line0++) {
        const row = source.row(line0).trim();
        if (row === trimmed && !row.includes('{{'))
            found.push(line0);
    }
    if (found.length === 0)
        return undefined;
    return found[Math.min(occurrence, found.length - 1)];
}
/** The `.Values.a.b` paths a template line reads. */
function valuesReferences(row) {
    return [...row.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)].map((m) => m[1].slice(1).split('.'));
}
/** Where a values file writes the entry at `path` (the key of the last step). */
function findValuesEntry(source, path) {
    const doc = source.document;
    if (doc.errors.length > 0)
        return undefined;
    let node = doc.contents;
    let keyNode;
    for (const step of path) {
        if (!(0,dist/* isMap */.jh)(node))
            return undefined;
        const pair = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === step);
        if (!pair)
            return undefined;
        keyNode = pair.key;
        node = pair.value;
    }
    if (!keyNode?.range)
        return undefined;
    const start = source.lines.span(keyNode.range[0]);
    const hit = { line0: start.line - 1, keyColumn: start.column - 1, keyLength: keyNode.range[1] - keyNode.range[0] };
    if ((0,dist/* isScalar */.jn)(node) && node.range) {
        const valueStart = source.lines.span(node.range[0]);
        if (valueStart.line === start.line) {
            hit.value = String(node.value);
            hit.valueColumn = valueStart.column - 1;
        }
    }
    return hit;
}
/** Counts how many lines before `line0` of a text are the same trimmed line. */
function occurrenceBefore(text, line0) {
    const trimmed = text.row(line0).trim();
    let count = 0;
    for (let i = 0; i < line0; i++)
        if (text.row(i).trim() === trimmed)
            count++;
    return count;
}
/** The rendered line at a position, split, and whether the position is on its value (else on its key). */
function renderedLineAt(rendered, span) {
    const line0 = span.line - 1;
    const parsed = parseRenderedLine(rendered.row(line0));
    return { line0, parsed, onValue: parsed.valueColumn !== undefined && span.column - 1 >= parsed.valueColumn };
}
/** The position on the line of `source` that writes a rendered line literally, when one does. */
function literalLocation(source, rendered, span) {
    const { line0, parsed } = renderedLineAt(rendered, span);
    const at = findLiteralLine(source, parsed.trimmed, occurrenceBefore(rendered, line0));
    return at === undefined ? undefined : shiftedLocation(source, at, span, parsed.indent);
}
/** The same position on a line that another file writes literally (its indentation may differ). */
function shiftedLocation(target, line0, span, renderedIndent) {
    const row = target.row(line0);
    const indent = row.length - row.trimStart().length;
    const column0 = Math.max(indent, span.column - 1 - renderedIndent + indent);
    const length = span.endLine === span.line ? span.endColumn - span.column : row.length - column0;
    return { file: target.path, span: target.spanAt(line0, column0, Math.min(length, row.length - column0)), exact: true };
}
/**
 * The entry of the first source, in order, that writes the rendered line's key with its rendered value; else the
 * best entry with the key of the first source that has one.
 */
function keyLocation(sources, parsed, onValue) {
    if (parsed.key === undefined)
        return undefined;
    for (const requireValue of [true, false]) {
        if (requireValue && parsed.value === undefined)
            continue;
        for (const source of sources) {
            const hits = findKey(source, parsed.key);
            const hit = requireValue ? hits.find((h) => h.value === parsed.value) : bestHit(hits, parsed.value);
            if (hit)
                return hitLocation(source, hit, onValue);
        }
    }
    return undefined;
}
/** Line 1 of the file a rendered document came from, when nothing closer is known. */
function firstLineLocation(source, file) {
    if (source)
        return { file: source.path, span: source.firstLine(), exact: false };
    return { file, span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }, exact: false };
}

;// CONCATENATED MODULE: ./src/render/files.ts






/**
 * The files that renderings read, for finding the lines behind rendered documents. Read once each, only inside
 * the working directory (a link out of it is never followed) and within the size limit.
 */
class WorkspaceFiles {
    cwd;
    maxSize;
    cache = new Map();
    realCwd;
    constructor(cwd, maxSize) {
        this.cwd = cwd;
        this.maxSize = maxSize;
        this.realCwd = external_node_fs_default().realpathSync(cwd);
    }
    get(file) {
        if (this.cache.has(file))
            return this.cache.get(file);
        let text;
        try {
            const absolute = external_node_path_default().resolve(this.cwd, file);
            const real = external_node_fs_default().realpathSync(absolute);
            if (isInside(this.realCwd, real) && external_node_fs_default().statSync(real).isFile()) {
                const outcome = readTextFile(real, this.maxSize);
                if ('text' in outcome)
                    text = new SourceText(file, outcome.text);
            }
        }
        catch {
            text = undefined;
        }
        this.cache.set(file, text);
        return text;
    }
    /**
     * The first link under `folder` (a relative path) whose target is outside the working directory or missing, or
     * undefined. The tools follow links, so a chart or overlay that holds one is not rendered. At most `limit` entries
     * are looked at, so that a huge folder costs bounded work (the files discovery already refuses links out of the
     * workspace among the scanned files).
     */
    linkOutside(folder, limit = 20_000) {
        let seen = 0;
        const walk = (relative) => {
            let entries;
            try {
                entries = external_node_fs_default().readdirSync(external_node_path_default().join(this.cwd, relative), { withFileTypes: true });
            }
            catch {
                return undefined;
            }
            for (const entry of entries) {
                if (++seen > limit)
                    return undefined;
                const child = inFolder(relative, entry.name);
                if (entry.isSymbolicLink()) {
                    try {
                        if (!isInside(this.realCwd, external_node_fs_default().realpathSync(external_node_path_default().join(this.cwd, child))))
                            return child;
                    }
                    catch {
                        return child;
                    }
                }
                else if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') {
                    const found = walk(child);
                    if (found)
                        return found;
                }
            }
            return undefined;
        };
        return walk(folder);
    }
    exists(file) {
        return this.get(file) !== undefined;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/render/tools.ts




/** Why a tool cannot be used, with how to install it. */
class MissingTool {
    tool;
    message;
    constructor(tool, message) {
        this.tool = tool;
        this.message = message;
    }
}
const INSTALL = {
    helm: 'install Helm (https://helm.sh/docs/intro/install/; GitHub-hosted runners have it), or give its path with --helm or render.helm',
    kustomize: 'install kubectl or kustomize (GitHub-hosted runners have both), or give its path with --kustomize or render.kustomize',
};
/** The absolute path of a command: as given when it has a `/`, else the first executable of that name on PATH. */
function findExecutable(command, cwd, searchPath = process.env.PATH ?? '') {
    const executable = (file) => {
        try {
            external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.X_OK);
            return external_node_fs_default().statSync(file).isFile();
        }
        catch {
            return false;
        }
    };
    if (command.includes('/') || command.includes((external_node_path_default()).sep)) {
        const file = external_node_path_default().resolve(cwd, command);
        return executable(file) ? file : undefined;
    }
    for (const folder of searchPath.split((external_node_path_default()).delimiter)) {
        if (!folder || !external_node_path_default().isAbsolute(folder))
            continue;
        const file = external_node_path_default().join(folder, command);
        if (executable(file))
            return file;
    }
    return undefined;
}
function resolveHelm(tools, cwd) {
    const file = findExecutable(tools.helm, cwd);
    if (!file)
        return new MissingTool('helm', `helm was not found (${JSON.stringify(tools.helm)}): ${INSTALL.helm}`);
    return { file, prefix: [] };
}
/** kustomize itself when it is there, else kubectl's built-in `kubectl kustomize`. */
function resolveKustomize(tools, cwd) {
    const candidates = tools.kustomize === 'auto' ? ['kustomize', 'kubectl'] : [tools.kustomize];
    for (const candidate of candidates) {
        const file = findExecutable(candidate, cwd);
        if (!file)
            continue;
        const isKubectl = /^kubectl(?:\.exe)?$/i.test(external_node_path_default().basename(file));
        // `kustomize build <dir>` and `kubectl kustomize <dir>` take the same folder argument.
        return { file, prefix: isKubectl ? ['kustomize'] : ['build'] };
    }
    const what = tools.kustomize === 'auto' ? 'neither kustomize nor kubectl was found on PATH' : `${JSON.stringify(tools.kustomize)} was not found`;
    return new MissingTool('kustomize', `${what}: ${INSTALL.kustomize}`);
}
/** The most output a rendering may write before it is stopped (a chart that loops, or prints a huge file). */
const MAX_OUTPUT = 64 * 1024 * 1024;
/**
 * Runs a tool with a clean environment: nothing of ours (no GitHub token, no cloud credentials), HOME and every
 * cache and config folder in a fresh temporary folder (so no plugin, repository list or kubeconfig of the user is
 * seen), and proxies pointed at a closed local port so that no network request can leave.
 */
function runTool(command, args, options) {
    const home = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'eci-egress-lint-render-'));
    const plugins = external_node_path_default().join(home, 'plugins');
    external_node_fs_default().mkdirSync(plugins);
    const env = {
        PATH: '/usr/bin:/bin',
        HOME: home,
        TMPDIR: home,
        XDG_CACHE_HOME: external_node_path_default().join(home, 'cache'),
        XDG_CONFIG_HOME: external_node_path_default().join(home, 'config'),
        XDG_DATA_HOME: external_node_path_default().join(home, 'data'),
        HELM_CACHE_HOME: external_node_path_default().join(home, 'helm-cache'),
        HELM_CONFIG_HOME: external_node_path_default().join(home, 'helm-config'),
        HELM_DATA_HOME: external_node_path_default().join(home, 'helm-data'),
        HELM_PLUGINS: plugins,
        KUBECONFIG: external_node_path_default().join(home, 'kubeconfig'),
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        http_proxy: 'http://127.0.0.1:9',
        https_proxy: 'http://127.0.0.1:9',
        NO_PROXY: '',
        no_proxy: '',
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_NOSYSTEM: '1',
        LANG: 'C',
    };
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(command.file, [...command.prefix, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        let size = 0;
        let stopped;
        const stop = (why) => {
            stopped ??= why;
            child.kill('SIGKILL');
        };
        const timer = setTimeout(() => stop(`stopped after the time limit of ${Math.round(options.timeoutMs / 1000)} s`), options.timeoutMs);
        const collect = (into) => (chunk) => {
            size += chunk.length;
            if (size > MAX_OUTPUT)
                stop(`stopped: its output passed ${MAX_OUTPUT / 1024 / 1024} MB`);
            else
                into.push(chunk);
        };
        child.stdout.on('data', collect(out));
        child.stderr.on('data', collect(err));
        const finish = (ok, extra = '') => {
            clearTimeout(timer);
            external_node_fs_default().rmSync(home, { recursive: true, force: true });
            resolve({
                ok: ok && !stopped,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8') + extra,
                ...(stopped ? { stopped } : {}),
            });
        };
        child.on('error', (error) => finish(false, error.message));
        child.on('close', (code) => finish(code === 0));
    });
}
/** Runs the tasks with at most `limit` at a time, keeping their order in the results. */
async function inParallel(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
function cpuCount() {
    return typeof (external_node_os_default()).availableParallelism === 'function' ? external_node_os_default().availableParallelism() : external_node_os_default().cpus().length;
}
/**
 * The tool's first error line, for a skipped-file notice: `Error: ` prefixes dropped, control characters removed,
 * and cut to a readable length (a tool may quote the file it could not read).
 */
function firstErrorLine(run, rewrite = (line) => line) {
    if (run.stopped)
        return run.stopped;
    const lines = run.stderr.split('\n').map((l) => l.trimEnd());
    const noise = (l) => !l.trim() || /^(?:WARNING|walk\.go|W\d{4})/i.test(l.trim());
    let start = lines.findIndex((l) => /^(?:Error|error)\b/.test(l.trim()));
    if (start < 0)
        start = lines.findIndex((l) => !noise(l) && /error/i.test(l));
    if (start < 0)
        start = lines.findIndex((l) => !noise(l));
    if (start < 0)
        return 'the tool failed without a message';
    // Helm 4 writes one error over several indented lines (position, then what it was executing, then the cause).
    const block = [lines[start].trim()];
    for (let i = start + 1; i < lines.length && lines[i].trim() && block.length < 8; i++)
        block.push(lines[i].trim());
    const line = rewrite(block.join(' '))
        .replace(/^(?:Error|error):\s*/, '')
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    // Kustomize chains its errors (`accumulating resources: … : <cause>`): keep the start and the cause.
    return line.length > 300 ? `${line.slice(0, 120)} … ${line.slice(-170)}` : line;
}

;// CONCATENATED MODULE: ./src/render/helm.ts



/** The values files of one rendering, in the order helm applies them (the last wins). */
function valuesFilesOf(unit, extra, files) {
    const own = inFolder(unit.folder, 'values.yaml');
    return [...(files.exists(own) ? [own] : []), ...extra];
}
function label(unit, valuesFiles) {
    if (valuesFiles.length === 0)
        return 'no values file';
    return valuesFiles.map((f) => (unit.folder !== '.' && f.startsWith(`${unit.folder}/`) ? f.slice(unit.folder.length + 1) : f)).join(' + ');
}
/** Renders a chart once per values set; a rendering that fails makes the chart one skipped-file notice. */
async function renderChart(unit, helm, files, timeoutMs) {
    const documents = [];
    const chartFile = unitFile(unit);
    const link = files.linkOutside(unit.folder);
    if (link) {
        return { documents: [], skipped: { file: chartFile, line: 1, column: 1, message: `Chart not rendered: ${JSON.stringify(link)} is a link out of the workspace (or to nothing), which helm would follow` } };
    }
    for (const [index, rendering] of unit.renderings.entries()) {
        const valuesFiles = valuesFilesOf(unit, rendering.extra, files);
        const missing = rendering.extra.find((f) => !files.exists(f));
        if (missing) {
            return { documents: [], skipped: { file: chartFile, line: 1, column: 1, message: `Chart not rendered: the values file ${missing} does not exist (render.charts in the config)` } };
        }
        const args = ['template', unit.release, `./${unit.folder}`, '--namespace', unit.namespace];
        for (const extra of rendering.extra)
            args.push('--values', `./${extra}`);
        const run = await runTool(helm, args, { cwd: files.cwd, timeoutMs });
        const name = label(unit, valuesFiles);
        if (!run.ok) {
            const line = firstErrorLine(run);
            const where = toolPosition(line, unit.folder, files) ?? { file: chartFile, line: 1, column: 1 };
            const withValues = unit.renderings.length > 1 ? ` with ${name}` : '';
            return { documents: [], skipped: { ...where, message: `Chart not rendered${withValues}: helm template failed: ${line}` } };
        }
        documents.push(...splitHelmOutput(run.stdout, unit, valuesFiles, files, `${unit.folder}#${index}`, name, rendering.priced));
    }
    return { documents };
}
/** `web/templates/deployment.yaml:12:3` in a helm message → the file in the chart folder and its line. */
function toolPosition(message, folder, files) {
    const match = /(?:^|[\s(":])([\w.-]+(?:\/[\w.-]+)+):(\d+)(?::(\d+))?/.exec(message);
    if (!match)
        return undefined;
    const file = chartPath(folder, match[1]);
    if (!files.exists(file))
        return undefined;
    return { file, line: Number(match[2]), column: Number(match[3] ?? 1) };
}
/** `mychart/templates/x.yaml` (helm names files by the chart's name) → the path in the chart folder. */
function chartPath(folder, source) {
    return inFolder(folder, source.split('/').slice(1).join('/'));
}
function splitHelmOutput(output, unit, valuesFiles, files, idPrefix, rendering, priced) {
    const documents = [];
    const chunks = output.split(/^---[ \t]*$/m);
    const chartFile = unitFile(unit);
    for (const [index, chunk] of chunks.entries()) {
        if (!/\S/.test(chunk.replace(/^\s*#.*$/gm, '')))
            continue;
        const source = /^# Source: (.+)$/m.exec(chunk)?.[1].trim();
        const template = source ? chartPath(unit.folder, source) : chartFile;
        const text = chunk.replace(/^\r?\n/, '');
        const rendered = new SourceText(`${idPrefix}#${index}`, text);
        documents.push({
            id: `${idPrefix}#${index}:${template}`,
            unit: unit.folder,
            rendering,
            priced,
            text,
            namespace: unit.namespace,
            locate: (span) => locateInChart(span, rendered, { template, chartFile }, valuesFiles, files),
            sourceText: (file) => files.get(file)?.text,
        });
    }
    return documents;
}
/**
 * The line behind a position of a rendered chart document: the template line that writes it literally, else
 * the values-file entry with its key (the value it rendered first), else the template line that writes the key
 * (or, for its value, the values entry that line reads), else line 1 of the template, else (a template the scan
 * cannot read, e.g. one inside a packaged subchart) line 1 of the chart's Chart.yaml.
 */
function locateInChart(span, rendered, { template, chartFile }, valuesFiles, files) {
    const { parsed, onValue } = renderedLineAt(rendered, span);
    const templateText = files.get(template);
    const literal = templateText && literalLocation(templateText, rendered, span);
    if (literal)
        return literal;
    if (parsed.key !== undefined) {
        const values = [...valuesFiles].reverse().flatMap((f) => files.get(f) ?? []);
        const inValues = keyLocation(values, parsed, onValue);
        if (inValues)
            return inValues;
        if (templateText) {
            const hit = findKey(templateText, parsed.key)[0];
            if (hit) {
                if (onValue) {
                    for (const reference of valuesReferences(templateText.row(hit.line0))) {
                        for (const source of values) {
                            const entry = findValuesEntry(source, reference);
                            if (entry)
                                return hitLocation(source, entry, true);
                        }
                    }
                }
                return hitLocation(templateText, hit, false);
            }
        }
    }
    return firstLineLocation(templateText ?? files.get(chartFile), template);
}

;// CONCATENATED MODULE: ./src/render/kustomize.ts







const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';
/**
 * Renders an overlay through a wrapper kustomization in a temporary folder that asks kustomize to annotate each
 * object with the file it came from and the kustomizations that changed it (the wrapper names the overlay by a
 * relative path: kustomize accepts no absolute one). Those annotations are removed before the objects are linted.
 */
async function renderOverlay(unit, kustomize, files, kustomizations, timeoutMs) {
    if (unit.refuse) {
        return { documents: [], skipped: { file: unit.refuse.file, line: unit.refuse.line, column: 1, message: `Overlay ${unit.refuse.reason}` } };
    }
    const folders = [...new Set([unit.folder, ...unit.inputs.map((f) => external_node_path_default().posix.dirname(f))])];
    const link = folders.map((f) => files.linkOutside(f, 5_000)).find((l) => l !== undefined);
    if (link) {
        return { documents: [], skipped: { file: unit.file, line: 1, column: 1, message: `Overlay not rendered: ${JSON.stringify(link)} is a link out of the workspace (or to nothing), which kustomize would follow` } };
    }
    const realCwd = external_node_fs_default().realpathSync(files.cwd);
    const wrapper = external_node_fs_default().realpathSync(external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'eci-egress-lint-overlay-')));
    try {
        const target = external_node_path_default().relative(wrapper, external_node_path_default().join(realCwd, unit.folder)).split((external_node_path_default()).sep).join('/');
        external_node_fs_default().writeFileSync(external_node_path_default().join(wrapper, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`);
        const run = await runTool(kustomize, ['.'], { cwd: wrapper, timeoutMs });
        if (!run.ok) {
            // Kustomize names folders by absolute path: name them as the repository does.
            const line = firstErrorLine(run, (text) => text.split(target).join(unit.folder).split(`${wrapper}/`).join('').split(`${realCwd}/`).join(''));
            return { documents: [], skipped: { file: unit.file, line: 1, column: 1, message: `Overlay not rendered: kustomize build failed: ${line}` } };
        }
        const toWorkspace = (relative) => {
            const absolute = external_node_path_default().resolve(wrapper, relative);
            return isInside(realCwd, absolute) ? external_node_path_default().relative(realCwd, absolute).split((external_node_path_default()).sep).join('/') : undefined;
        };
        return { documents: splitKustomizeOutput(run.stdout, unit, files, kustomizations, toWorkspace) };
    }
    finally {
        external_node_fs_default().rmSync(wrapper, { recursive: true, force: true });
    }
}
function annotationText(doc, key) {
    const value = doc.getIn(['metadata', 'annotations', key]);
    return typeof value === 'string' ? value : undefined;
}
function splitKustomizeOutput(output, unit, files, kustomizations, toWorkspace) {
    const documents = [];
    const byFile = new KustomizationsByFile(kustomizations);
    const docs = (0,dist/* parseAllDocuments */.hR)(output, { logLevel: 'silent' });
    if (!Array.isArray(docs))
        return documents;
    for (const [index, doc] of docs.entries()) {
        if (doc.errors.length > 0 || doc.contents === null)
            continue;
        let resource;
        const changedBy = [];
        const origin = annotationText(doc, ORIGIN);
        if (origin) {
            const parsed = (0,dist/* parse */.qg)(origin);
            const from = typeof parsed?.path === 'string' ? parsed.path : typeof parsed?.configuredIn === 'string' ? parsed.configuredIn : undefined;
            resource = from === undefined ? undefined : toWorkspace(from);
        }
        const transformations = annotationText(doc, TRANSFORMATIONS);
        if (transformations) {
            const parsed = (0,dist/* parse */.qg)(transformations);
            for (const step of Array.isArray(parsed) ? parsed : []) {
                const file = typeof step?.configuredIn === 'string' ? toWorkspace(step.configuredIn) : undefined;
                if (file && !changedBy.includes(file))
                    changedBy.push(file);
            }
        }
        doc.deleteIn(['metadata', 'annotations', ORIGIN]);
        doc.deleteIn(['metadata', 'annotations', TRANSFORMATIONS]);
        dropCommonAnnotationCopies(doc, changedBy.flatMap((file) => byFile.commonAnnotations(file)));
        for (const at of [['metadata'], ['spec', 'jobTemplate', 'metadata']]) {
            const annotations = doc.getIn([...at, 'annotations']);
            if ((0,dist/* isMap */.jh)(annotations) && annotations.items.length === 0)
                doc.deleteIn([...at, 'annotations']);
        }
        const text = doc.toString({ lineWidth: 0 });
        const rendered = new SourceText(`${unit.folder}#${index}`, text);
        // The patches and kustomizations that changed the object, the last applied first.
        const editors = [];
        for (const file of [...changedBy].reverse()) {
            editors.push(...[...(byFile.get(file)?.patchFiles ?? [])].reverse(), file);
        }
        const home = resource ?? unit.file;
        documents.push({
            id: `${unit.folder}#kustomize#${index}:${home}`,
            unit: unit.folder,
            rendering: unit.file,
            priced: true,
            text,
            locate: (span) => locateInOverlay(span, rendered, home, editors, unit.file, files),
            sourceText: (file) => files.get(file)?.text,
        });
    }
    return documents;
}
/**
 * The kustomizations that changed an overlay's objects, by file; each parsed for its commonAnnotations once, not once
 * per object it changed.
 */
class KustomizationsByFile {
    byFile = new Map();
    common = new Map();
    constructor(kustomizations) {
        for (const k of kustomizations.values())
            if (!this.byFile.has(k.file))
                this.byFile.set(k.file, k);
    }
    get(file) {
        return this.byFile.get(file);
    }
    commonAnnotations(file) {
        let entries = this.common.get(file);
        if (entries === undefined)
            this.common.set(file, (entries = commonAnnotationsOf(this.byFile.get(file))));
        return entries;
    }
}
function commonAnnotationsOf(k) {
    if (!k)
        return [];
    let raw;
    try {
        raw = (0,dist/* parse */.qg)(k.text, { logLevel: 'silent', maxAliasCount: 100 });
    }
    catch {
        return [];
    }
    const map = raw?.commonAnnotations;
    if (!map || typeof map !== 'object' || Array.isArray(map))
        return [];
    return Object.entries(map).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : []));
}
/**
 * `commonAnnotations` go on every object's own metadata and on its pod template alike: the author cannot put them on
 * the pods only. The copy on the object's own metadata (and a CronJob's job template) of an entry that the pod
 * template also has with the same value is kustomize's, not the author's, so it is not reported as misplaced.
 */
function dropCommonAnnotationCopies(doc, common) {
    if (common.length === 0)
        return;
    const podPaths = [['spec', 'template', 'metadata', 'annotations'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'annotations']];
    for (const [key, value] of common) {
        const onPods = podPaths.some((p) => doc.getIn([...p, key]) === value);
        if (!onPods)
            continue;
        for (const at of [['metadata', 'annotations'], ['spec', 'jobTemplate', 'metadata', 'annotations']]) {
            if (doc.getIn([...at, key]) === value)
                doc.deleteIn([...at, key]);
        }
    }
}
/**
 * The line behind a position of a rendered overlay object: the resource-file line that writes it literally, else
 * the patch or kustomization entry (commonAnnotations, an inline patch) that writes its key, else the resource
 * line with the key, else line 1 of the resource file.
 */
function locateInOverlay(span, rendered, resource, editors, overlayFile, files) {
    const { parsed, onValue } = renderedLineAt(rendered, span);
    const resourceText = files.get(resource);
    const literal = resourceText && literalLocation(resourceText, rendered, span);
    if (literal)
        return literal;
    if (parsed.key !== undefined) {
        const inEditors = keyLocation(editors.flatMap((f) => files.get(f) ?? []), parsed, onValue);
        if (inEditors)
            return inEditors;
        if (resourceText) {
            const hit = bestHit(findKey(resourceText, parsed.key), parsed.value);
            if (hit)
                return hitLocation(resourceText, hit, onValue);
        }
    }
    return firstLineLocation(resourceText ?? files.get(overlayFile), overlayFile);
}

;// CONCATENATED MODULE: ./src/render/index.ts









function emptyRenderOutcome() {
    return { documents: [], used: new Map(), skipped: [], asWritten: [] };
}
/** The files of the scan that a unit uses (its folder's files for a chart). */
function unitFiles(unit, paths) {
    if (unit.kind === 'chart')
        return [...paths.filter((p) => isInFolder(p, unit.folder)), ...unit.inputs];
    return unit.inputs;
}
function render_describe(unit) {
    return unit.kind === 'chart' ? `the chart ${unit.folder}` : `the overlay ${unit.folder}`;
}
/**
 * The render stage: charts and overlays among the scanned files → rendered documents, each with a map back to
 * the lines behind it, and the files judged through them. Never throws for a chart or overlay: what cannot be
 * rendered is a skipped-file notice with the tool's reason.
 */
async function renderCharts(input) {
    const { config, cwd } = input;
    const outcome = emptyRenderOutcome();
    if (!config.render.enabled)
        return outcome;
    const { units: all, kustomizations } = discoverUnits(input.paths, { cwd, render: config.render });
    for (const k of kustomizations.values()) {
        if (input.changed && !input.changed.has(k.file))
            continue;
        const written = kustomizationAsWritten(k.file, k.folder, k.text);
        if (written)
            outcome.asWritten.push(written);
    }
    const units = input.changed ? all.filter((u) => unitFiles(u, input.paths).some((f) => input.changed.has(f))) : all;
    if (units.length === 0)
        return outcome;
    const files = new WorkspaceFiles(cwd, config.maxFileSize);
    const tools = { helm: config.render.helm, kustomize: config.render.kustomize, timeoutMs: config.render.timeoutMs };
    const helm = units.some((u) => u.kind === 'chart') ? resolveHelm(tools, cwd) : undefined;
    const kustomize = units.some((u) => u.kind === 'overlay') ? resolveKustomize(tools, cwd) : undefined;
    // A missing tool is one notice, on the first unit that needs it, naming how to install it.
    for (const [tool, kind] of [[helm, 'chart'], [kustomize, 'overlay']]) {
        if (!(tool instanceof MissingTool))
            continue;
        const needing = units.filter((u) => u.kind === kind);
        const first = needing[0];
        const names = needing.slice(0, 5).map((u) => u.folder).join(', ') + (needing.length > 5 ? ', …' : '');
        outcome.skipped.push({
            file: unitFile(first),
            line: 1,
            column: 1,
            message: `${needing.length} ${kind}${needing.length === 1 ? '' : 's'} not rendered (${names}): ${tool.message}`,
        });
    }
    const results = await inParallel(units, input.parallel ?? cpuCount(), async (unit) => {
        try {
            if (unit.kind === 'chart') {
                if (!helm || helm instanceof MissingTool)
                    return { documents: [], missing: true };
                return await renderChart(unit, helm, files, tools.timeoutMs);
            }
            if (!kustomize || kustomize instanceof MissingTool)
                return { documents: [], missing: true };
            return await renderOverlay(unit, kustomize, files, kustomizations, tools.timeoutMs);
        }
        catch (error) {
            // An unexpected failure (e.g. no temporary folder) is this unit's notice, never the run's end.
            const skipped = { file: unitFile(unit), line: 1, column: 1, message: `Not rendered: ${error.message}` };
            return { documents: [], skipped };
        }
    });
    for (const [index, unit] of units.entries()) {
        const result = results[index];
        const rendered = !result.skipped && !result.missing;
        if (result.skipped)
            outcome.skipped.push(result.skipped);
        outcome.documents.push(...result.documents);
        const status = rendered
            ? { status: 'scanned', reason: `rendered with ${render_describe(unit)}` }
            : { status: 'skipped', reason: `${render_describe(unit)} was not rendered` };
        // The files of a unit that was not rendered are not linted alone either: a base or a template alone is not what
        // is deployed (a base without its overlay's EIP patch would be "missing egress"). The unit's notice says why.
        const usedFiles = unitFiles(unit, input.paths);
        for (const file of usedFiles) {
            // A file used by a rendered unit is judged through it, even when another unit could not be rendered.
            if (outcome.used.get(file)?.status === 'scanned')
                continue;
            outcome.used.set(file, status);
        }
    }
    return outcome;
}

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
;// CONCATENATED MODULE: ./src/policy/eci-pods.ts

function podLabels(workload) {
    return Object.fromEntries((workload.pod?.labels ?? []).map((e) => [e.key, e.value]));
}
function podAnnotationValue(workload, key) {
    return workload.pod?.annotations.find((e) => e.key === key)?.value;
}
function subset(wanted, have) {
    return Object.entries(wanted).every(([k, v]) => have?.[k] === v);
}
/**
 * The selectors by one of the labels each requires (its first `objectLabels` entry), so that a workload is only
 * compared with the selectors that can match it: a scan with many selectors and many workloads stays near-linear.
 */
class SelectorIndex {
    selectors;
    /** Selectors without object labels: every pod is a candidate. */
    anyPod = [];
    byLabel = new Map();
    constructor(selectors) {
        this.selectors = selectors;
        selectors.forEach((selector, i) => {
            const first = Object.entries(selector.objectLabels)[0];
            if (!first) {
                this.anyPod.push(i);
                return;
            }
            const key = labelKey(first[0], first[1]);
            const list = this.byLabel.get(key);
            if (list)
                list.push(i);
            else
                this.byLabel.set(key, [i]);
        });
    }
    /** The positions of the selectors that may match pods with these labels, in the profile's order. */
    candidates(labels) {
        const found = [...this.anyPod];
        for (const [key, value] of Object.entries(labels)) {
            const list = this.byLabel.get(labelKey(key, value));
            if (list)
                found.push(...list);
        }
        return found.length > this.anyPod.length ? found.sort((a, b) => a - b) : found;
    }
}
function labelKey(key, value) {
    return `${key}\u0000${value}`;
}
/** One index per list of selectors: the engine passes the same list for every workload of a scan. */
const indexes = new WeakMap();
/** The eci-profile selectors that match the workload's pods, in the profile's order (DOMAIN: ECI profile). */
function matchingSelectors(workload, selectors, namespace) {
    if (selectors.length === 0)
        return [];
    let index = indexes.get(selectors);
    if (!index) {
        index = new SelectorIndex(selectors);
        indexes.set(selectors, index);
    }
    const labels = podLabels(workload);
    const out = [];
    for (const i of index.candidates(labels)) {
        const s = selectors[i];
        if (Object.keys(s.namespaceLabels).length > 0 && !subset(s.namespaceLabels, namespace?.labels))
            continue;
        if (subset(s.objectLabels, labels))
            out.push(s);
    }
    return out;
}
/**
 * Whether the pods of a workload run on ECI. In an ACK Serverless cluster every pod does (but DaemonSets
 * never run on ECI); with virtual nodes only the pods sent there by label, scheduling, annotation or the
 * eci-profile do.
 */
function decideEci(workload, cluster, namespace, selectors) {
    if (!workload.pod)
        return { eci: false, reason: `a ${workload.kind} has no pods` };
    if (workload.eciByConstruction)
        return { eci: true, reason: workload.eciByConstruction };
    if (workload.kind === 'DaemonSet')
        return { eci: false, reason: 'DaemonSet pods never run on ECI' };
    if (cluster === 'serverless')
        return { eci: true, reason: 'every pod of an ACK Serverless cluster runs on ECI' };
    const label = podLabels(workload)[ECI_POD_LABEL];
    if (label !== undefined) {
        return label === 'true'
            ? { eci: true, reason: `its pod template has the label ${ECI_POD_LABEL}: "true"` }
            : { eci: false, reason: `its pod template has the label ${ECI_POD_LABEL}: "${label}"` };
    }
    if (namespace?.labels[ECI_POD_LABEL] === 'true') {
        return { eci: true, reason: `its namespace ${namespace.name} has the label ${ECI_POD_LABEL}: "true"` };
    }
    const s = workload.scheduling;
    const tolerates = s.tolerationKeys.some((k) => k === VIRTUAL_KUBELET_TOLERATION || k === '');
    const selectsVirtualNode = s.nodeSelector.type === 'virtual-kubelet' || (s.nodeAffinityIn.type ?? []).includes('virtual-kubelet');
    if (selectsVirtualNode && tolerates)
        return { eci: true, reason: 'it is scheduled onto virtual-kubelet nodes' };
    if (s.nodeName === 'virtual-kubelet')
        return { eci: true, reason: 'its nodeName is virtual-kubelet' };
    const burst = podAnnotationValue(workload, BURST_ANNOTATION);
    if (burst === 'eci' || burst === 'eci_only') {
        return { eci: true, reason: `its pod template has ${BURST_ANNOTATION}: ${burst}` };
    }
    const selector = matchingSelectors(workload, selectors, namespace)[0];
    if (selector)
        return { eci: true, reason: `the eci-profile selector "${selector.name}" matches it` };
    return { eci: false, reason: 'nothing sends its pods to a virtual node (cluster: virtual-node)' };
}

;// CONCATENATED MODULE: ./src/policy/facts.ts




/**
 * The NAT decision for Kubernetes manifests (which cluster runs a manifest is not written in it): the config's
 * `nat-gateway`, else the scan's NAT facts when they all belong to one cluster or VPC, else unknown.
 */
function decideNat(config, facts) {
    if (config.natGateway !== 'auto')
        return { present: config.natGateway === 'present', decidedBy: 'config' };
    // Only the facts that may give egress count: a cluster without NAT does not make the manifests ambiguous.
    const networks = new Map();
    for (const fact of facts) {
        if (!fact.present && !fact.unknown)
            continue;
        const key = networkKey(fact.place);
        const list = networks.get(key);
        if (list)
            list.push(fact);
        else
            networks.set(key, [fact]);
    }
    if (networks.size > 1) {
        const candidates = [...networks.values()].map((list) => list.find((f) => f.present) ?? list[0]);
        const named = candidates.slice(0, 3).map((f) => `${f.resource} (${f.file}:${f.span.line})`).join(', ');
        const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : '';
        return {
            present: false,
            decidedBy: 'several',
            unknown: `the scan holds ${candidates.length} clusters or VPCs with internet egress (${named}${more}), and which one runs the Kubernetes manifests is not written in them`,
            candidates,
        };
    }
    return decideAmong(facts);
}
/** The decision among facts that all speak for the same workloads: present wins, then unknown, else absent. */
function decideAmong(facts) {
    const present = facts.find((f) => f.present);
    if (present)
        return { present: true, decidedBy: present };
    const unknown = facts.find((f) => f.unknown);
    if (unknown)
        return { present: false, decidedBy: unknown, unknown: unknown.unknown };
    return { present: false, decidedBy: 'default' };
}
/** One cluster or VPC: the VPC when the references name it, else the folder. */
function networkKey(place) {
    return place.vpc ? `vpc\u0000${place.vpc}` : `folder\u0000${place.folder}`;
}
/**
 * Whether a NAT fact speaks for a Terraform workload: the same VPC (and, when the fact's SNAT entries name their
 * vSwitches, the workload's vSwitches among them) when the references say so, else the same folder. Never a
 * workload of another folder whose network is not known.
 */
function natCovers(fact, workload) {
    const inVswitches = () => workload.vswitches.length > 0 && workload.vswitches.every((v) => fact.vswitches.includes(v));
    if (fact.vpc && workload.vpc) {
        if (fact.vpc !== workload.vpc)
            return false;
        return fact.vswitches && workload.vswitches ? inVswitches() : true;
    }
    if (fact.vswitches && workload.vswitches)
        return inVswitches();
    return fact.folder === workload.folder;
}
/** The first `clusters:` entry whose path glob matches the workload's file. */
/** The `clusters:` globs, compiled once per config: the entry is looked up several times for every workload. */
const CLUSTER_GLOBS = new WeakMap();
function clusterRuleFor(workload, config) {
    let globs = CLUSTER_GLOBS.get(config);
    if (!globs)
        CLUSTER_GLOBS.set(config, (globs = config.clusters.map((c) => new esm/* Minimatch */.VR(c.path, { dot: true }))));
    const index = globs.findIndex((glob) => glob.match(workload.file));
    return index === -1 ? undefined : { rule: config.clusters[index], index };
}
/**
 * Whether a NAT gateway gives a workload's pods egress: its `clusters:` entry, else the top-level `nat-gateway`,
 * else the NAT facts in its scope (Terraform) or the scan's decision for manifests.
 */
function natFor(workload, scan) {
    const entry = clusterRuleFor(workload, scan.config);
    const setting = entry?.rule.natGateway;
    if (setting && setting !== 'auto')
        return { present: setting === 'present', decidedBy: 'config', clusterEntry: entry.index };
    if (scan.config.natGateway !== 'auto' && !setting)
        return { present: scan.config.natGateway === 'present', decidedBy: 'config' };
    const network = workload.network;
    if (!network)
        return scan.nat.decidedBy === 'config' ? manifestsAuto(scan.config, scan.natFacts) : scan.nat;
    return decideAmong(candidateFacts(scan.natFacts, network).filter((f) => natCovers(f.place, network)));
}
const MANIFESTS_AUTO = new WeakMap();
/** The `auto` decision for manifests, for a `clusters:` entry that asks for it when the top level does not. */
function manifestsAuto(config, facts) {
    let decision = MANIFESTS_AUTO.get(facts);
    if (!decision)
        MANIFESTS_AUTO.set(facts, (decision = decideNat({ ...config, natGateway: 'auto' }, facts)));
    return decision;
}
const NAT_INDEX = new WeakMap();
function push(map, key, fact) {
    const list = map.get(key);
    if (list)
        list.push(fact);
    else
        map.set(key, [fact]);
}
/**
 * The facts that may cover a place (every fact that natCovers accepts shares its VPC, a vSwitch or its folder), in
 * their order in the scan: the work per workload stays proportional to the facts near it.
 */
function candidateFacts(facts, place) {
    let index = NAT_INDEX.get(facts);
    if (!index) {
        index = { order: new Map(facts.map((f, i) => [f, i])), byVpc: new Map(), byVswitch: new Map(), byFolder: new Map() };
        for (const fact of facts) {
            if (fact.place.vpc)
                push(index.byVpc, fact.place.vpc, fact);
            for (const vswitch of fact.place.vswitches ?? [])
                push(index.byVswitch, vswitch, fact);
            push(index.byFolder, fact.place.folder, fact);
        }
        NAT_INDEX.set(facts, index);
    }
    const found = new Set([
        ...(place.vpc ? (index.byVpc.get(place.vpc) ?? []) : []),
        ...(place.vswitches?.[0] ? (index.byVswitch.get(place.vswitches[0]) ?? []) : []),
        ...(index.byFolder.get(place.folder) ?? []),
    ]);
    const order = index.order;
    return [...found].sort((a, b) => order.get(a) - order.get(b));
}
function workloadFacts(workload, scan) {
    const namespace = scan.namespaces.get(workload.namespace);
    const cluster = clusterRuleFor(workload, scan.config)?.rule.cluster ?? scan.config.cluster;
    const eci = decideEci(workload, cluster, namespace, scan.selectors);
    const podAnnotations = new Map();
    if (workload.pod) {
        for (const selector of matchingSelectors(workload, scan.selectors, namespace)) {
            for (const [key, value] of Object.entries(selector.annotations)) {
                if (!podAnnotations.has(key))
                    podAnnotations.set(key, { value, injectedBy: selector.name });
            }
        }
        // What the template writes wins over what the profile injects.
        for (const entry of workload.pod.annotations)
            podAnnotations.set(entry.key, { value: entry.value, entry });
    }
    const withEip = podAnnotations.get(WITH_EIP);
    const instance = podAnnotations.get(EIP_INSTANCE_ID);
    const unresolvedEntry = [withEip, instance].find((a) => a?.entry?.valueType === 'unknown')?.entry;
    const unresolved = workload.pod?.unresolved ?? (unresolvedEntry ? `the value of ${unresolvedEntry.label ?? unresolvedEntry.key} is not known` : undefined);
    return {
        eci,
        egress: egressPolicyFor(workload, scan.config),
        nat: natFor(workload, scan),
        podAnnotations,
        autoEip: withEip !== undefined && withEip.value === 'true',
        existingEip: instance !== undefined && instance.value.trim() !== '',
        evidence: workload.pod ? egressEvidence(workload) : [],
        maxPods: maxPods(workload),
        ...(unresolved ? { unresolved } : {}),
    };
}
function egressPolicyFor(workload, config) {
    for (const rule of config.workloads)
        if (matches(rule.match, workload))
            return rule.egress;
    return config.egress;
}
function facts_glob(pattern, value) {
    return pattern === undefined || (0,esm/* minimatch */.xF)(value, pattern, { dot: true });
}
function matches(match, workload) {
    if (!facts_glob(match.path, workload.file) || !facts_glob(match.kind, workload.kind))
        return false;
    if (!facts_glob(match.name, workload.name) || !facts_glob(match.namespace, workload.namespace))
        return false;
    if (match.labels) {
        const objectLabels = Object.fromEntries((workload.objectMetadata[0]?.labels ?? []).map((e) => [e.key, e.value]));
        const labels = { ...objectLabels, ...podLabels(workload) };
        if (!Object.entries(match.labels).every(([k, v]) => labels[k] === v))
            return false;
    }
    return true;
}
function maxPods(workload) {
    const one = podsOfOne(workload);
    const instances = workload.instances;
    if (!instances || one.unknown)
        return one;
    if (instances.unknown)
        return { unknown: instances.unknown, why: instances.what ?? 'count' };
    const n = instances.value ?? 1;
    if (n === 1)
        return one;
    const what = instances.what ?? 'count';
    return { value: (one.value ?? 1) * n, why: one.value === 1 ? `${what}: ${n}` : `${one.why}, times ${what} ${n}` };
}
/** The most pods one copy of the workload may run at once (Terraform's count and for_each aside). */
function podsOfOne(workload) {
    switch (workload.kind) {
        case 'Pod':
            return { value: 1, why: 'a Pod' };
        case 'Job':
        case 'CronJob':
            if (workload.parallelism.unknown)
                return { unknown: workload.parallelism.unknown, why: 'parallelism' };
            return { value: workload.parallelism.value ?? 1, why: `parallelism: ${workload.parallelism.value ?? '1 (default)'}` };
    }
    if (workload.autoscaler) {
        const max = workload.autoscaler.max;
        if (max.unknown)
            return { unknown: max.unknown, why: `the HorizontalPodAutoscaler ${workload.autoscaler.name}` };
        if (max.value !== undefined) {
            return { value: max.value, why: `the HorizontalPodAutoscaler ${workload.autoscaler.name} scales it to ${max.value}` };
        }
    }
    const what = workload.replicas.what ?? 'replicas';
    if (workload.replicas.unknown)
        return { unknown: workload.replicas.unknown, why: what };
    return { value: workload.replicas.value ?? 1, why: `${what}: ${workload.replicas.value ?? '1 (default)'}` };
}

;// CONCATENATED MODULE: ./src/engine/findings.ts



/** A rule's report on a workload as a finding, with its fix when the rule has one and the report carries edits. */
function toFinding(ruleId, workload, report) {
    const meta = ruleById(ruleId).meta;
    const finding = {
        ruleId,
        severity: report.severity ?? meta.defaultSeverity,
        message: report.message,
        file: workload.file,
        span: report.span,
        workload: { kind: workload.kind, name: workload.name, namespace: workload.namespace },
    };
    if (meta.fix !== 'none' && report.edits && report.edits.length > 0) {
        finding.fix = {
            safe: fixIsSafe(meta, report),
            description: report.fixDescription ?? meta.fixDescription ?? '',
            edits: report.edits,
        };
    }
    return finding;
}
/** A reader's problem (a parse error, an alias bomb) as a finding at the place given, with the rule's default severity. */
function problemFinding(problem, file, span, message = problem.message) {
    return { ruleId: problem.ruleId, severity: ruleById(problem.ruleId).meta.defaultSeverity, message, file, span };
}
/** The notice on a workload that a rule (or the policy facts, without `ruleId`) threw on. */
function uncheckedWorkload(workload, error, ruleId) {
    const what = `${workload.kind} ${workload.namespace ? `${workload.namespace}/` : ''}${workload.name}`;
    const finding = fileFinding('skipped-file', workload.file, `Not checked${ruleId ? ` by ${ruleId}` : ''}: ${what}, because ${failureReason(error)}.`);
    finding.span = workload.span;
    return finding;
}
/** A rule's fix is safe by its meta, or, for a `per-finding` fix, when the report says so (never by default). */
function fixIsSafe(meta, report) {
    if (meta.fix === 'per-finding')
        return report.fixSafety === 'safe';
    return meta.fix === 'safe';
}
/** A finding about a whole file, at its first line. */
function fileFinding(ruleId, file, message) {
    const severity = ruleById(ruleId).meta.defaultSeverity;
    return { ruleId, severity, message, file, span: new LineIndex('').span(0) };
}

;// CONCATENATED MODULE: ./src/engine/cost-stage.ts




/** The cost stage: the checked workloads priced (docs/cost.md), and compared with the base's projection when there is one. */
function projectScanCost(checked, documentOf, config, base) {
    return projectCost(costInputsOf(checked, documentOf, config), resolvePricing(config.pricing), base && sideOf(base.cost));
}
/** What the projection prices: each checked workload, with its `clusters:` entry's region's prices when it names one. */
function costInputsOf(checked, documentOf, config) {
    const regionPricing = new Map();
    const inputs = [];
    for (const { workload, facts } of checked) {
        const document = documentOf.get(workload);
        const region = clusterRuleFor(workload, config)?.rule.region;
        if (region !== undefined && !regionPricing.has(region))
            regionPricing.set(region, resolvePricing({ ...config.pricing, region }));
        // Test renderings (a chart's ci/*-values.yaml) are linted but do not stand for a deployment's cost.
        if (!document || document.priced)
            inputs.push({ workload, facts, ...(region !== undefined ? { pricing: regionPricing.get(region) } : {}) });
    }
    return inputs;
}
/** The findings of the rules that are a function of the projection (eip-cost-budget), with the workload each is about. */
function runCostRules(cost, config) {
    const findings = [];
    const owners = new Map();
    for (const rule of RULES) {
        if (!rule.checkCost || config.rules[rule.meta.id] === 'off')
            continue;
        rule.checkCost({
            cost,
            budget: config.budget,
            report(target, report) {
                const workload = sourceWorkload(target);
                const finding = toFinding(rule.meta.id, workload, report);
                owners.set(finding, workload);
                findings.push(finding);
            },
        });
    }
    return { findings, owners };
}

;// CONCATENATED MODULE: ./src/suppress/baseline.ts
/**
 * The identity of a finding across two versions of the files: the rule, the file, the workload and the
 * message, without positions. Line numbers quoted in a message (`infra/nat.tf:12`) are ignored as well, so
 * a finding whose lines only moved is the same finding.
 */
function baselineKey(finding) {
    const w = finding.workload;
    const message = finding.message.replace(/(\.[A-Za-z0-9]+):\d+\b/g, '$1:#');
    return [finding.ruleId, finding.file, w?.kind ?? '', w?.namespace ?? '', w?.name ?? '', message].join('\u0000');
}
/**
 * The findings of `head` that `base` does not have, matched by `baselineKey`. Matching counts: when the base
 * has one finding and the head two with the same key, one of the head's is new.
 */
function newFindingsOnly(head, base) {
    const left = new Map();
    for (const finding of base) {
        const key = baselineKey(finding);
        left.set(key, (left.get(key) ?? 0) + 1);
    }
    return head.filter((finding) => {
        const key = baselineKey(finding);
        const n = left.get(key) ?? 0;
        if (n === 0)
            return true;
        left.set(key, n - 1);
        return false;
    });
}

;// CONCATENATED MODULE: ./src/engine/new-only.ts

/** With `newOnly` (docs/cost.md, "--new-only"): the findings the base does not have, and how many others were hidden. */
function keepNewOnly(findings, baseFindings) {
    const fresh = newFindingsOnly(findings, baseFindings);
    return { findings: fresh, hidden: findings.length - fresh.length };
}

;// CONCATENATED MODULE: ./src/engine/order.ts
/** Reports list findings by file, line, column, then rule id; findings equal in all four keep the order they were found in. */
function byPosition(a, b) {
    return a.file.localeCompare(b.file) || a.span.line - b.span.line || a.span.column - b.span.column || a.ruleId.localeCompare(b.ruleId);
}
/** Sorts the reported and the suppressed findings in place, by `byPosition`. */
function sortByPosition(reported, suppressed) {
    reported.sort(byPosition);
    suppressed.sort((a, b) => byPosition(a.finding, b.finding));
}

;// CONCATENATED MODULE: ./src/engine/read-rendered.ts



/**
 * Rendered documents are read like any YAML. The findings of their problems are put on the lines behind them now;
 * the workloads keep their positions in the documents for the rules (`locateRenderedWorkloads` moves them after),
 * but already name the file a person edits.
 */
function readRendered(rendered) {
    const out = { reads: [], documents: new Map(), documentOf: new Map(), locations: new Map(), findings: rendered.skipped.map(renderSkipFinding) };
    for (const document of rendered.documents) {
        out.documents.set(document.id, document);
        const read = readKubernetesYaml(document.id, document.text);
        out.reads.push(read);
        for (const problem of read.problems) {
            const where = document.locate(problem.span);
            out.findings.push(problemFinding(problem, where.file, where.span, `${problem.message} (in the output of ${document.unit}, ${document.rendering})`));
        }
        for (const workload of read.workloads) {
            out.documentOf.set(workload, document);
            // helm installs the objects that name no namespace in the release's namespace.
            if (workload.namespaceDefaulted && document.namespace)
                workload.namespace = document.namespace;
            const where = document.locate(workload.span);
            out.locations.set(workload, where);
            // Config globs (workloads[].match.path, ignore[].path) match the file a person edits.
            workload.file = where.file;
        }
        for (const hpa of read.autoscalers) {
            if (document.namespace && !/^\s+namespace\s*:/m.test(document.text))
                hpa.namespace = document.namespace;
            hpa.file = document.id;
        }
    }
    return out;
}
/** A chart or overlay that could not be rendered: a notice on the line the tool named. */
function renderSkipFinding(skip) {
    const { line, column } = skip;
    return { ...fileFinding('skipped-file', skip.file, skip.message), span: { ...new LineIndex('').span(0), line, column, endLine: line, endColumn: column } };
}
/** The rendered workloads (and their autoscalers) put on the lines behind them, once the rules have judged them. */
function locateRenderedWorkloads({ documents, locations }) {
    for (const [workload, where] of locations) {
        workload.span = where.span;
        const hpaDocument = workload.autoscaler && documents.get(workload.autoscaler.file);
        if (workload.autoscaler && hpaDocument) {
            const where = hpaDocument.locate(workload.autoscaler.span);
            workload.autoscaler = { ...workload.autoscaler, file: where.file, span: where.span };
        }
    }
}

;// CONCATENATED MODULE: ./src/suppress/comments.ts
const DIRECTIVE = /(?:#|\/\/)\s*eci-egress-lint\s+(ignore-file|ignore)\s+([^\r\n]*)/g;
function commentIgnores(text) {
    if (!text.includes('eci-egress-lint'))
        return [];
    const out = [];
    for (const match of text.matchAll(DIRECTIVE)) {
        const [rulesPart, ...reason] = match[2].split('--');
        let line = 1;
        for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1))
            line++;
        out.push({
            line,
            rules: rulesPart.split(',').map((r) => r.trim()).filter(Boolean),
            reason: reason.join('--').trim(),
            wholeFile: match[1] === 'ignore-file',
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/engine/read-sources.ts





/**
 * The read stage: each file's text → its read result (workloads, namespaces, NAT facts…), its status and its
 * findings. The files that charts and overlays use (`used`) are not read here: the rendered documents are.
 */
function readSources(sources, options, used) {
    const files = [];
    const findings = [];
    // A path given twice is read twice but counts once, with its last reading, at its first place.
    const byPath = new Map();
    // First pass: what a reader needs from the other files (Terraform variables and locals of each folder).
    const context = readContext(sources);
    for (const source of sources) {
        const one = readSource(source, options, context, used.get(source.path));
        files.push(one.status);
        findings.push(...one.findings);
        byPath.set(source.path, one);
    }
    return {
        files,
        reads: [...byPath.values()].flatMap((one) => (one.read ? [one.read] : [])),
        comments: new Map([...byPath].map(([path, one]) => [path, one.comments])),
        findings,
    };
}
function readSource(source, options, context, used) {
    const { config } = options;
    if (used && source.text !== undefined) {
        // Judged through the charts and overlays that use it (docs/charts.md), never alone.
        const comments = config.inlineIgnores ? commentIgnores(source.text) : [];
        return { status: { path: source.path, status: used.status, reason: used.reason }, comments, findings: [] };
    }
    if (source.text === undefined)
        return skippedSource(source.path, source.skip, { comments: [] });
    const reader = readerFor(source.path);
    let read;
    let comments = [];
    // One file never stops the scan: whatever its reader throws (a stack overflow on deep nesting included)
    // makes that file skipped, with the reason.
    try {
        read = reader.read(source.path, source.text, { ...options, context });
        if (config.inlineIgnores)
            comments = commentIgnores(source.text);
    }
    catch (error) {
        read = { ...emptyReadResult(), skipped: failureReason(error) };
    }
    if (read.skipped)
        return skippedSource(source.path, read.skipped, { read, comments });
    return {
        status: {
            path: source.path,
            status: 'scanned',
            ...(read.unresolved?.length ? { unresolved: read.unresolved } : {}),
            ...(read.aliasReads?.length ? { aliasReads: read.aliasReads } : {}),
        },
        read,
        comments,
        findings: read.problems.map((problem) => problemFinding(problem, source.path, problem.span)),
    };
}
function skippedSource(file, reason, rest) {
    return {
        status: { path: file, status: 'skipped', reason },
        ...rest,
        findings: [fileFinding('skipped-file', file, `Not scanned: ${reason}.`)],
    };
}

;// CONCATENATED MODULE: ./src/engine/rendered-findings.ts


/**
 * Puts a finding from a rendered document on the line a person edits, with its fix when the fix carries over:
 * see `carryFix`.
 */
function locateRendered(finding, document) {
    const where = document.locate(finding.span);
    finding.file = where.file;
    finding.span = where.span;
    if (!where.exact && finding.workload) {
        const { kind, namespace, name } = finding.workload;
        finding.message += ` (in the rendered ${kind} ${namespace}/${name} of ${document.unit})`;
    }
    const fix = finding.fix && carryFix(finding.ruleId, finding.fix.edits, document);
    if (fix && finding.fix)
        finding.fix = { ...finding.fix, edits: fix, verify: 'render' };
    else
        delete finding.fix;
}
/** The rules whose fixes only rewrite one scalar value: those carry over from a rendering to the line behind it. */
const CARRIED_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);
/**
 * The edits of a fix made on a rendered document, moved to the file a person edits, or undefined. Only a fix that
 * rewrites one scalar carries over, and only when the line behind it writes that same value (a values-file entry,
 * a template literal, a kustomization entry or patch): the new value is then written there. Whether it removes the
 * finding, and adds none, is known only after rendering again (`verify: 'render'`, docs/fixes.md).
 */
function carryFix(ruleId, edits, document) {
    if (!CARRIED_FIXES.has(ruleId) || edits.length !== 1)
        return undefined;
    const [edit] = edits;
    if (edit.end <= edit.start)
        return undefined;
    const lines = new LineIndex(document.text);
    const where = document.locate(lines.span(edit.start, edit.end));
    if (!where.exact || where.span.endOffset <= where.span.offset)
        return undefined;
    const source = document.sourceText?.(where.file);
    if (source === undefined)
        return undefined;
    const written = scalarOf(source.slice(where.span.offset, where.span.endOffset));
    const rendered = scalarOf(document.text.slice(edit.start, edit.end));
    if (written === undefined || written !== rendered)
        return undefined;
    return [{ file: where.file, start: where.span.offset, end: where.span.endOffset, newText: edit.newText.trim() }];
}
/** The value a scalar's text stands for in YAML (`true`, `"10M"`, `10M`), as text; undefined when it is not one. */
function scalarOf(text) {
    try {
        const value = (0,dist/* parse */.qg)(text.trim());
        return value === null || typeof value === 'object' ? undefined : String(value);
    }
    catch {
        return undefined;
    }
}
/**
 * Findings that several renderings of a chart put on the same line are one finding, naming the renderings (values
 * files) that produce it when the chart has more than one.
 */
function mergeRenderings(raw, renderings, documents) {
    if (renderings.size === 0)
        return raw;
    const perUnit = new Map();
    for (const document of documents) {
        if (!perUnit.has(document.unit))
            perUnit.set(document.unit, new Set());
        perUnit.get(document.unit).add(document.rendering);
    }
    const out = [];
    const groups = new Map();
    const named = [];
    for (const finding of raw) {
        const document = renderings.get(finding);
        if (!document) {
            out.push(finding);
            continue;
        }
        const key = [finding.ruleId, finding.file, finding.span.line, finding.span.column, finding.message].join('\u0000');
        const group = groups.get(key);
        if (group) {
            if (!group.names.includes(document.rendering))
                group.names.push(document.rendering);
            continue;
        }
        const entry = { finding, names: [document.rendering] };
        groups.set(key, entry);
        out.push(finding);
        if ((perUnit.get(document.unit)?.size ?? 0) > 1)
            named.push(entry);
    }
    for (const { finding, names } of named)
        finding.message += ` (rendered with ${names.join('; ')})`;
    return out;
}

;// CONCATENATED MODULE: ./src/engine/rule-settings.ts
/**
 * The config's `rules:` settings applied to the findings of every stage: a rule set to `off` reports nothing (the
 * notices of the read stage included), a severity replaces the rule's own.
 */
function applyRuleSettings(findings, rules) {
    const kept = [];
    for (const finding of findings) {
        const setting = rules[finding.ruleId];
        if (setting === 'off')
            continue;
        if (setting)
            finding.severity = setting;
        kept.push(finding);
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/engine/run-rules.ts




/** The rule stage: every rule that judges one workload, on every workload, except the rules the config turns off. */
function runWorkloadRules(workloads, scan, documentOf) {
    const run = { checked: [], findings: [], owners: new Map(), renderings: new Map() };
    for (const workload of workloads) {
        const document = documentOf.get(workload);
        // A rule that throws on one workload leaves that workload unchecked (a notice on its file), not the scan.
        const unchecked = (error, ruleId) => locatedNotice(uncheckedWorkload(workload, error, ruleId), document);
        let facts;
        try {
            facts = workloadFacts(workload, scan);
        }
        catch (error) {
            run.findings.push(unchecked(error));
            continue;
        }
        run.checked.push({ workload, facts });
        for (const rule of RULES) {
            if (!rule.check || scan.config.rules[rule.meta.id] === 'off')
                continue;
            const outcome = runRule(rule, { workload, facts }, scan);
            if ('threw' in outcome) {
                run.findings.push(unchecked(outcome.threw, rule.meta.id));
                continue;
            }
            for (const finding of outcome.findings) {
                if (document) {
                    locateRendered(finding, document);
                    run.renderings.set(finding, document);
                }
                run.owners.set(finding, workload);
                run.findings.push(finding);
            }
        }
    }
    return run;
}
/**
 * A notice about a rendered workload goes on the line behind the workload in the file a person edits; its span in the
 * rendered document means nothing there.
 */
function locatedNotice(notice, document) {
    if (!document)
        return notice;
    const where = document.locate(notice.span);
    return { ...notice, file: where.file, span: where.span };
}
/** One rule's findings on one workload, or what the rule threw (then none of its findings count). */
function runRule(rule, { workload, facts }, scan) {
    const findings = [];
    try {
        rule.check({
            workload,
            facts,
            scan,
            report: (report) => {
                findings.push(toFinding(rule.meta.id, workload, report));
            },
        });
    }
    catch (error) {
        return { threw: error };
    }
    return { findings };
}
/** The NAT decision of each checked workload that runs pods. */
function natDecisionsOf(checked) {
    return checked.filter(({ workload }) => workload.pod).map(({ workload, facts }) => ({ workload, nat: facts.nat }));
}
/** commonAnnotations and commonLabels as written: only whether their values are strings (docs/charts.md). */
function checkAsWritten(asWritten, scan, rules) {
    if (rules['eip-not-string'] === 'off')
        return [];
    const notString = ruleById('eip-not-string');
    const findings = [];
    for (const workload of asWritten) {
        notString.check({
            workload,
            facts: workloadFacts(workload, scan),
            scan,
            report: (report) => findings.push(toFinding('eip-not-string', workload, report)),
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/engine/scan-facts.ts

/** An HPA turns its target's replicas into a range; it must be in the same namespace. */
function linkAutoscalers(reads, workloads) {
    for (const hpa of reads.flatMap((r) => r.autoscalers)) {
        const target = workloads.find((w) => w.kind === hpa.target.kind && w.name === hpa.target.name && w.namespace === hpa.namespace);
        if (target)
            target.autoscaler = { min: hpa.min, max: hpa.max, file: hpa.file, span: hpa.span, name: hpa.name };
    }
}
/**
 * What the rules know of the whole scan besides the workload they judge: the NAT decision, the namespaces, the
 * eci-profile selectors and, with a base, the base's workloads.
 */
function gatherScanFacts(config, reads, base) {
    const natFacts = reads.flatMap((r) => r.natFacts);
    return {
        config,
        nat: decideNat(config, natFacts),
        natFacts,
        namespaces: new Map(reads.flatMap((r) => r.namespaces).map((n) => [n.name, n])),
        selectors: reads.flatMap((r) => r.profiles.flatMap((p) => p.selectors)),
        ...(base ? { base: { workloads: base.workloads } } : {}),
    };
}

;// CONCATENATED MODULE: ./src/files/discover.ts




const NEVER_WALK = new Set(['.git', 'node_modules']);
function toPosixRelative(cwd, absolute) {
    const relative = external_node_path_default().relative(cwd, absolute).split((external_node_path_default()).sep).join('/');
    return relative === '' ? '.' : relative;
}
/** Whether a file should be scanned, by the include and exclude globs. */
function selected(relative, options) {
    // Globs are written for the workspace; a folder outside it is matched as if it were inside.
    relative = relative.replace(/^(?:\.\.\/)+/, '');
    const match = (pattern) => (0,esm/* minimatch */.xF)(relative, pattern, { dot: true, matchBase: !pattern.includes('/') });
    return options.include.some(match) && !options.exclude.some(match);
}
/**
 * The files to scan under the given paths. A file named explicitly is scanned whatever its name (unless
 * excluded); folders are walked and filtered by the include globs. Links are followed only inside the
 * working directory (or inside an absolute path given outside it, when allowed). A path whose real location is
 * outside (a link in a parent folder too), or a folder that cannot be read, is a file to skip with the reason:
 * the others are still scanned.
 */
function discoverFiles(paths, options) {
    const cwd = external_node_path_default().resolve(options.cwd);
    const realCwd = external_node_fs_default().realpathSync(cwd);
    const found = new Map();
    const visitedDirectories = new Set();
    const add = (absolute, skip) => {
        const relative = toPosixRelative(cwd, absolute);
        if (!found.has(relative))
            found.set(relative, { path: relative, absolute, skip });
    };
    const visit = (absolute, explicit, boundary) => {
        let stat;
        try {
            stat = external_node_fs_default().lstatSync(absolute);
        }
        catch {
            if (explicit)
                throw new Error(`no such file or folder: ${toPosixRelative(cwd, absolute)}`);
            return;
        }
        if (stat.isSymbolicLink()) {
            let real;
            try {
                real = external_node_fs_default().realpathSync(absolute);
            }
            catch {
                if (explicit || selected(toPosixRelative(cwd, absolute), options))
                    add(absolute, 'a link whose target does not exist');
                return;
            }
            if (!isInside(boundary, real)) {
                if (explicit || selected(toPosixRelative(cwd, absolute), options))
                    add(absolute, 'a link to a place outside the workspace');
                return;
            }
            stat = external_node_fs_default().statSync(absolute);
        }
        if (stat.isDirectory()) {
            const real = external_node_fs_default().realpathSync(absolute);
            if (visitedDirectories.has(real))
                return;
            visitedDirectories.add(real);
            let entries;
            try {
                entries = external_node_fs_default().readdirSync(absolute).sort();
            }
            catch (error) {
                add(absolute, `a folder that cannot be read (${error.code ?? error.message})`);
                return;
            }
            for (const entry of entries) {
                if (NEVER_WALK.has(entry))
                    continue;
                visit(external_node_path_default().join(absolute, entry), false, boundary);
            }
            return;
        }
        if (!stat.isFile())
            return;
        const relative = toPosixRelative(cwd, absolute);
        if (explicit ? !options.exclude.some((p) => (0,esm/* minimatch */.xF)(relative, p, { dot: true })) : selected(relative, options))
            add(absolute);
    };
    for (const given of paths) {
        const absolute = external_node_path_default().resolve(cwd, given);
        if (!external_node_fs_default().lstatSync(absolute, { throwIfNoEntry: false }))
            throw new Error(`no such file or folder: ${toPosixRelative(cwd, absolute)}`);
        let real;
        try {
            real = external_node_fs_default().realpathSync(absolute);
        }
        catch {
            add(absolute, 'a link whose target does not exist');
            continue;
        }
        // A link in a parent folder (deploy -> ../outside, then deploy/manifests) leads out as surely as a link itself.
        if (isInside(realCwd, real))
            visit(absolute, true, realCwd);
        else if (options.absoluteOutside && external_node_path_default().isAbsolute(given))
            visit(absolute, true, real);
        else
            add(absolute, 'outside the workspace (with its links resolved)');
    }
    return [...found.values()];
}

;// CONCATENATED MODULE: ./src/engine/sources.ts



/** The files on disk under the paths given (files or folders), filtered by the config's globs, and read. */
function sources_sourcesFromPaths(cwd, paths, config, absoluteOutside = false) {
    return readDiscovered(discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude, absoluteOutside }), config);
}
/** The files under `roots` (files or folders) that the config's globs select, found and not yet read. */
function filesUnder(cwd, roots, config) {
    return discoverFiles(roots, { cwd, include: config.include, exclude: config.exclude });
}
/** Found files read; a file to skip, or one too large or not text, keeps its path with the reason. */
function readDiscovered(files, config) {
    return files.map((file) => {
        if (file.skip)
            return { path: file.path, skip: file.skip };
        const outcome = readTextFile(file.absolute, config.maxFileSize);
        return 'text' in outcome ? { path: file.path, text: outcome.text } : { path: file.path, skip: outcome.skip };
    });
}
/**
 * Renders the charts and overlays among the files of `cwd` given (the render stage, docs/charts.md). With `changed`,
 * only those that use one of the changed files: a pull request that changes a values file or a base renders its
 * chart or overlays, though their other files are unchanged.
 */
async function renderSources(cwd, files, config, changed) {
    if (!config.render.enabled)
        return emptyRenderOutcome();
    return renderCharts({ cwd, paths: files.map((s) => s.path), config, changed });
}

;// CONCATENATED MODULE: ./src/engine/suppress.ts

/** The findings reported, and those an ignore comment, annotation or config entry suppresses (with its reason). */
function separateSuppressed(findings, config, sources) {
    const reported = [];
    const suppressed = [];
    for (const finding of findings) {
        const suppression = findSuppression(finding, config, sources.comments.get(finding.file), sources.owners.get(finding));
        if (suppression)
            suppressed.push({ finding, ...suppression });
        else
            reported.push(finding);
    }
    return { reported, suppressed };
}
/**
 * What suppresses a finding, first match wins: a comment on its line or the line above (or for its whole file), the
 * workload's ignore annotation, then the config's `ignore:` entries. Comments and annotations count only with
 * `inlineIgnores`.
 */
function findSuppression(finding, config, comments, workload) {
    const names = (rules) => rules.includes(finding.ruleId);
    const reason = (text) => text || '(no reason given)';
    if (config.inlineIgnores) {
        const comment = comments?.find((c) => names(c.rules) && (c.wholeFile || c.line === finding.span.line || c.line === finding.span.line - 1));
        if (comment)
            return { reason: reason(comment.reason), source: 'comment' };
        const annotation = workload?.ignores.find((i) => names(i.rules));
        if (annotation)
            return { reason: reason(annotation.reason), source: 'annotation' };
    }
    const entry = config.ignore.find((i) => (i.rule === '*' || i.rule === finding.ruleId) && (!i.path || (0,esm/* minimatch */.xF)(finding.file, i.path, { dot: true })));
    if (entry)
        return { reason: reason(entry.reason), source: 'config' };
    return undefined;
}

;// CONCATENATED MODULE: ./src/engine/index.ts














/**
 * Lints files on disk: the paths given (files or folders), filtered by the config's globs. Synchronous: when
 * Terraform files may be among them, call `prepareReaders` first (or use `lintPathsPrepared`).
 */
function lintPaths(cwd, paths, options) {
    return lintSources(sourcesFromPaths(cwd, paths, options.config), options);
}
/**
 * Lints files on disk after loading the readers they need (the Terraform parser only when there are .tf files)
 * and rendering the charts and overlays among them.
 */
async function lintPathsPrepared(cwd, paths, options) {
    return lintSourcesPrepared(cwd, sourcesFromPaths(cwd, paths, options.config, options.absoluteOutside), options);
}
/** `lintPathsPrepared` for files already read, so that a caller that needs their texts again reads them once. */
async function lintSourcesPrepared(cwd, sources, options) {
    await prepareReaders([...sources, ...(options.base ?? [])]);
    const rendered = options.rendered ?? (await renderSources(cwd, sources, options.config));
    return lintSources(sources, { ...options, rendered });
}
/**
 * The engine: file texts → workloads → rules → findings, with suppressions applied. Each stage takes what the
 * earlier ones made; the findings of all of them are judged together at the end.
 */
function lintSources(sources, options) {
    const { config } = options;
    const rendered = options.rendered ?? emptyRenderOutcome();
    const fromFiles = readSources(sources, options, rendered.used);
    const fromRenderings = readRendered(rendered);
    const reads = [...fromFiles.reads, ...fromRenderings.reads];
    const workloads = reads.flatMap((r) => r.workloads);
    linkAutoscalers(reads, workloads);
    // The base is linted first: the rules that judge a change (eip-change-needs-recreate) compare with its workloads.
    const base = options.base ? lintBase(options.base, options) : undefined;
    const scan = gatherScanFacts(config, reads, base);
    const ruleRun = runWorkloadRules(workloads, scan, fromRenderings.documentOf);
    const asWritten = checkAsWritten(rendered.asWritten, scan, config.rules);
    locateRenderedWorkloads(fromRenderings);
    // The cost stage, and the rules that are a function of its projection (eip-cost-budget).
    const cost = projectScanCost(ruleRun.checked, fromRenderings.documentOf, config, base);
    const costRun = runCostRules(cost, config);
    // In the order the stages found them: the report keeps that order among findings of one rule on one place.
    const found = [...fromFiles.findings, ...fromRenderings.findings, ...ruleRun.findings, ...asWritten, ...costRun.findings];
    const merged = mergeRenderings(found, ruleRun.renderings, rendered.documents);
    const owners = new Map([...ruleRun.owners, ...costRun.owners]);
    const { reported, suppressed } = separateSuppressed(applyRuleSettings(merged, config.rules), config, { comments: fromFiles.comments, owners });
    sortByPosition(reported, suppressed);
    const newOnly = base && options.newOnly ? keepNewOnly(reported, base.findings) : { findings: reported, hidden: 0 };
    return {
        findings: newOnly.findings,
        suppressed,
        files: fromFiles.files,
        workloads,
        nat: scan.nat,
        natDecisions: natDecisionsOf(ruleRun.checked),
        cost,
        ...(base ? { base: { findings: base.findings, hidden: newOnly.hidden } } : {}),
    };
}
/** The base's files and renderings, linted alone: neither compared with a base nor filtered to new findings. */
function lintBase(base, options) {
    return lintSources(base, { ...options, base: undefined, newOnly: false, rendered: options.baseRendered, baseRendered: undefined });
}

;// CONCATENATED MODULE: ./src/files/git.ts





/** Git cannot give what was asked: not a repository, an unknown ref, no git. The run stops (exit 2). */
class GitError extends Error {
    name = 'GitError';
}
/** The one way this project runs git: its output, or a GitError that says why there is none. */
function runGit(cwd, args, maxBuffer) {
    const result = (0,external_node_child_process_.spawnSync)('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.error?.code === 'ENOENT') {
        return { error: new GitError('git is not installed or not on the PATH') };
    }
    if (result.error || result.status !== 0) {
        const detail = result.stderr?.toString('utf8').trim().split('\n')[0];
        return { error: new GitError(`git ${args[0]} failed${detail ? `: ${detail}` : ''}`) };
    }
    return { stdout: result.stdout };
}
/** Runs git where its answer is required (reading a base): the output, or a GitError that stops the run. */
function gitOrThrow(cwd, args, maxBuffer = 1024 * 1024 * 1024) {
    const outcome = runGit(cwd, args, maxBuffer);
    if ('error' in outcome)
        throw outcome.error;
    return outcome.stdout;
}
/**
 * Runs git where its answer is optional (the action asks what a checkout holds, and goes on without it): the output,
 * or undefined when git is missing or the command fails.
 */
function gitOrUndefined(cwd, args, maxBuffer = 256 * 1024 * 1024) {
    const outcome = runGit(cwd, args, maxBuffer);
    return 'error' in outcome ? undefined : outcome.stdout;
}
/** The top folder of the repository that holds `cwd`. */
function repositoryRoot(cwd) {
    try {
        return gitOrThrow(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
    }
    catch (error) {
        if (error instanceof GitError && /not installed/.test(error.message))
            throw error;
        throw new GitError(`${cwd} is not in a git repository, so there is no base to read`);
    }
}
/** The commit a ref names; an error when the repository has no such commit. */
function resolveCommit(cwd, ref) {
    if (ref.startsWith('-'))
        throw new GitError(`"${ref}" is not a git ref`);
    try {
        return gitOrThrow(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
    }
    catch {
        throw new GitError(`unknown git ref "${ref}": no such commit in this repository (a shallow clone may need fetch-depth: 0)`);
    }
}
/** The regular files of a commit's tree (no links, no submodules), relative to the repository root. */
function listCommitFiles(root, commit) {
    const out = gitOrThrow(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]).toString('utf8');
    const files = [];
    for (const record of out.split('\0')) {
        // <mode> SP <type> SP <object> SP+ <size> TAB <path>
        const match = /^(\d+) (\w+) [0-9a-f]+ +(-|\d+)\t(.*)$/s.exec(record);
        if (!match || match[2] !== 'blob' || (match[1] !== '100644' && match[1] !== '100755'))
            continue;
        files.push({ path: match[4], size: match[3] === '-' ? 0 : Number(match[3]) });
    }
    return files;
}
/** A file's bytes at a commit. */
function showFile(root, commit, repoPath) {
    return gitOrThrow(root, ['show', `${commit}:${repoPath}`]);
}
function git_formatSize(bytes) {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
/**
 * The base's version of the files the scan reads: the files of `ref` under the same paths, filtered by the same
 * include and exclude globs as a walk of the working tree (a path named exactly is read whatever its name,
 * unless excluded), each read with `git show <ref>:<path>`. A file that is only in the working tree is absent
 * here, and one deleted since the ref is present: each counts as empty on the other side.
 */
function readBaseSources(ref, options) {
    const cwd = external_node_path_default().resolve(options.cwd);
    const root = repositoryRoot(cwd);
    const commit = resolveCommit(cwd, ref);
    const given = options.paths.map((p) => toPosixRelative(cwd, external_node_path_default().resolve(cwd, p)));
    const sources = [];
    for (const blob of listCommitFiles(root, commit)) {
        const relative = toPosixRelative(cwd, external_node_path_default().join(root, blob.path));
        if (relative.split('/').some((part) => part === '.git' || part === 'node_modules'))
            continue;
        const explicit = given.includes(relative);
        const under = given.some((g) => (g === '.' ? !relative.startsWith('../') : relative.startsWith(`${g}/`)));
        const chosen = explicit
            ? !options.exclude.some((p) => (0,esm/* minimatch */.xF)(relative, p, { dot: true }))
            : under && selected(relative, options);
        if (!chosen)
            continue;
        if (blob.size > options.maxFileSize) {
            sources.push({
                path: relative,
                skip: `${git_formatSize(blob.size)} is over the size limit of ${git_formatSize(options.maxFileSize)} (max-file-size)`,
            });
            continue;
        }
        const decoded = read_decodeText(showFile(root, commit, blob.path));
        sources.push('text' in decoded ? { path: relative, text: decoded.text } : { path: relative, skip: decoded.skip });
    }
    return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/render/base.ts







const made = [];
let cleanupRegistered = false;
/**
 * Renders the charts and overlays of a commit (the base of a change, for the cost change and --new-only): the
 * files of every chart and kustomization folder of the commit are written from git into a temporary folder, which
 * is rendered like a working tree. The folder lives until the process ends (the documents read it to locate lines).
 * `paths` are the base's scanned files, relative to `cwd` (default: every file of the commit under `cwd` that the
 * include and exclude globs select); `changed`, when given, limits the units as for the head.
 */
async function renderAtCommit(cwd, ref, scanned, config, changed) {
    if (!config.render.enabled)
        return emptyRenderOutcome();
    const absoluteCwd = external_node_path_default().resolve(cwd);
    const root = repositoryRoot(absoluteCwd);
    const commit = resolveCommit(absoluteCwd, ref);
    const blobs = listCommitFiles(root, commit).map((b) => ({ ...b, relative: toPosixRelative(absoluteCwd, external_node_path_default().join(root, b.path)) }));
    const folders = new Set(blobs
        .filter((b) => !b.relative.startsWith('../') && (external_node_path_default().posix.basename(b.relative) === 'Chart.yaml' || KUSTOMIZATION_NAMES.includes(external_node_path_default().posix.basename(b.relative))))
        .map((b) => external_node_path_default().posix.dirname(b.relative)));
    if (folders.size === 0)
        return emptyRenderOutcome();
    const paths = scanned ?? blobs.filter((b) => !b.relative.startsWith('../') && selected(b.relative, config)).map((b) => b.relative);
    const inside = (file) => [...folders].some((folder) => folder === '.' || file.startsWith(`${folder}/`));
    const wanted = new Set(paths);
    const temporary = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'eci-egress-lint-base-'));
    made.push(temporary);
    if (!cleanupRegistered) {
        cleanupRegistered = true;
        process.once('exit', () => {
            for (const dir of made)
                external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        });
    }
    for (const blob of blobs) {
        if (blob.relative.startsWith('../') || blob.size > config.maxFileSize)
            continue;
        if (!wanted.has(blob.relative) && !inside(blob.relative))
            continue;
        const target = external_node_path_default().join(temporary, ...blob.relative.split('/'));
        external_node_fs_default().mkdirSync(external_node_path_default().dirname(target), { recursive: true });
        external_node_fs_default().writeFileSync(target, showFile(root, commit, blob.path));
    }
    return renderCharts({ cwd: temporary, paths, config, changed });
}

;// CONCATENATED MODULE: ./src/github/diff.ts
/** The lines of the head side (GitHub's RIGHT side) that lie inside a hunk of the patch: a review comment may sit only there. */
function commentableLines(patch) {
    const lines = new Set();
    if (!patch)
        return lines;
    let right = 0;
    let inHunk = false;
    for (const line of patch.split('\n')) {
        const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (header) {
            right = Number(header[1]);
            inHunk = true;
            continue;
        }
        if (!inHunk)
            continue;
        // '-' lines are on the base side only; '\' is "No newline at end of file".
        if (line.startsWith('+') || line.startsWith(' '))
            lines.add(right++);
    }
    return lines;
}
/** Undoes git's C-style quoting of a path ("a\"b" → a"b, octal escapes → UTF-8). */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"'))
        return text;
    const bytes = [];
    const body = text.slice(1, -1);
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = body[++i];
        if (/[0-7]/.test(next)) {
            bytes.push(parseInt(body.slice(i, i + 3), 8));
            i += 2;
        }
        else
            bytes.push(simple[next] ?? next.charCodeAt(0));
    }
    return Buffer.from(bytes).toString('utf8');
}
/**
 * A unified diff (git diff output) split into files with their status and hunks. Paths come from the
 * `---`/`+++` lines (and `rename from`/`rename to`), which git writes unambiguously.
 */
function parseUnifiedDiff(text) {
    const files = [];
    const sections = text.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '));
    for (const section of sections) {
        const lines = section.split('\n');
        let from;
        let to;
        let status = 'modified';
        let hunkStart = -1;
        for (let i = 1; i < lines.length; i++) {
            const line = lines[i];
            if (line.startsWith('@@')) {
                hunkStart = i;
                break;
            }
            if (line.startsWith('new file mode'))
                status = 'added';
            else if (line.startsWith('deleted file mode'))
                status = 'removed';
            else if (line.startsWith('rename from ')) {
                from = unquoteGitPath(line.slice('rename from '.length));
                status = 'renamed';
            }
            else if (line.startsWith('rename to '))
                to = unquoteGitPath(line.slice('rename to '.length));
            else if (line.startsWith('copy from ')) {
                from = unquoteGitPath(line.slice('copy from '.length));
                status = 'copied';
            }
            else if (line.startsWith('copy to '))
                to = unquoteGitPath(line.slice('copy to '.length));
            else if (line.startsWith('--- ')) {
                const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
                if (name !== '/dev/null')
                    from = name.replace(/^a\//, '');
            }
            else if (line.startsWith('+++ ')) {
                const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
                if (name !== '/dev/null')
                    to = name.replace(/^b\//, '');
            }
        }
        if (from === undefined && to === undefined) {
            // A binary or mode-only change: the names are only in the `diff --git a/x b/x` line.
            const m = /^diff --git a\/(.+) b\/(.+)$/.exec(lines[0]);
            if (!m)
                continue;
            from = m[1];
            to = m[2];
        }
        const path = status === 'removed' ? (from ?? to) : (to ?? from);
        const file = { path, status };
        if ((status === 'renamed' || status === 'copied') && from !== undefined)
            file.previousPath = from;
        if (hunkStart >= 0)
            file.patch = lines.slice(hunkStart).join('\n').replace(/\n$/, '');
        files.push(file);
    }
    return files;
}

;// CONCATENATED MODULE: ./src/github/git.ts


/** Whether the checkout holds this commit (a shallow clone may not). */
function hasCommit(cwd, ref) {
    if (!ref || /^0+$/.test(ref))
        return false;
    return gitOrUndefined(cwd, ['cat-file', '-e', `${ref}^{commit}`]) !== undefined;
}
/** The commit a ref names, e.g. origin/main; undefined when the checkout does not have it. */
function resolveCommitIfPresent(cwd, ref) {
    const out = gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return out?.toString('utf8').trim() || undefined;
}
/** Where two commits' histories meet; undefined when a shallow checkout does not reach it. */
function mergeBase(cwd, a, b) {
    return gitOrUndefined(cwd, ['merge-base', a, b])?.toString('utf8').trim() || undefined;
}
/**
 * The files changed between two commits, as a unified diff parsed into files with their hunks (3 lines of
 * context, as GitHub's pull-request diff has). Renames are detected as GitHub does.
 */
function diffCommits(cwd, base, head) {
    const out = gitOrUndefined(cwd, ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '-M', '--unified=3', base, head, '--']);
    return out ? parseUnifiedDiff(out.toString('utf8')) : undefined;
}
/** A file's bytes at a commit; undefined when it is not there. */
function showFileIfPresent(cwd, commit, file) {
    return gitOrUndefined(cwd, ['show', `${commit}:${file}`]);
}

;// CONCATENATED MODULE: ./src/github/base.ts


/** Base files read through GraphQL per request (each is one `object(expression:)` in the query). */
const BASE_FILES_PER_QUERY = 50;
/** The base side of changed files: every file but the added ones, under its head name. */
function baseFilesOf(files, wanted) {
    return files
        .filter((f) => f.status !== 'added')
        .map((f) => ({ basePath: f.previousPath ?? f.path, path: f.path }))
        .filter((f) => wanted(f.path) || wanted(f.basePath));
}
function base_formatSize(bytes) {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
function sized(path, size, maxSize) {
    return size > maxSize ? { path, skip: `${base_formatSize(size)} is over the size limit of ${base_formatSize(maxSize)} (max-file-size)` } : undefined;
}
/** The base files from the checkout's history (git show); a file git does not have is left out (empty at the base). */
function readBaseWithGit(workspace, commit, files, maxSize) {
    const sources = [];
    for (const file of files) {
        const bytes = showFileIfPresent(workspace, commit, file.basePath);
        if (!bytes)
            continue;
        const tooBig = sized(file.path, bytes.length, maxSize);
        if (tooBig) {
            sources.push(tooBig);
            continue;
        }
        const decoded = read_decodeText(bytes);
        sources.push('text' in decoded ? { path: file.path, text: decoded.text } : { path: file.path, skip: decoded.skip });
    }
    return sources;
}
/** Files at a commit through the API: one GraphQL query for every 50 files; null for a file not at that commit. */
async function readBlobsWithApi(github, commit, paths) {
    const { owner, repo } = github.context;
    const blobs = new Map();
    for (let start = 0; start < paths.length; start += BASE_FILES_PER_QUERY) {
        const batch = paths.slice(start, start + BASE_FILES_PER_QUERY);
        const declarations = batch.map((_, i) => `$e${i}: String!`).join(', ');
        const fields = batch.map((_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { text isBinary byteSize } }`).join('\n    ');
        const variables = { owner, repo };
        // Paths travel as variables, never inside the query text.
        batch.forEach((p, i) => (variables[`e${i}`] = `${commit}:${p}`));
        const data = await github.graphql(`query($owner: String!, $repo: String!, ${declarations}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`, variables);
        batch.forEach((p, i) => blobs.set(p, data.repository?.[`f${i}`] ?? null));
    }
    return blobs;
}
/** The base files through the API (one GraphQL query for every 50 files); a file not at the base is left out. */
async function readBaseWithApi(github, commit, files, maxSize) {
    const blobs = await readBlobsWithApi(github, commit, files.map((f) => f.basePath));
    const sources = [];
    for (const file of files) {
        const blob = blobs.get(file.basePath);
        if (!blob)
            continue; // not at the base: empty there
        const tooBig = sized(file.path, blob.byteSize, maxSize);
        if (tooBig)
            sources.push(tooBig);
        else if (blob.isBinary || blob.text === null)
            sources.push({ path: file.path, skip: 'a binary file' });
        else
            sources.push({ path: file.path, text: blob.text.charCodeAt(0) === 0xfeff ? blob.text.slice(1) : blob.text });
    }
    return sources;
}

// EXTERNAL MODULE: ./src/github/log.ts
var log = __webpack_require__(3385);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/client.ts







/** Retries of a request that hit a rate limit; past them, or when GitHub asks for a longer wait, the call fails. */
const RATE_LIMIT_RETRIES = 2;
/** The longest wait (seconds) the action accepts before retrying a rate-limited call. */
const LONGEST_WAIT = 120;
/**
 * Milliseconds per second of the waits between retries and between write calls. GitHub asks for a second
 * between mutating calls, and the retry and throttling plugins count their waits in seconds. Only the
 * project's own tests set ECI_EGRESS_LINT_TIME_UNIT_MS (to 1), so that a retry-after of 1 waits 1 ms; a
 * workflow never should.
 */
function timeUnit(env = process.env) {
    const raw = env.ECI_EGRESS_LINT_TIME_UNIT_MS;
    const value = raw ? Number(raw) : NaN;
    return Number.isFinite(value) && value >= 0 ? value : 1000;
}
function createGitHub(token, context, env = process.env) {
    const unit = timeUnit(env);
    const waitOrGiveUp = (kind) => (after, options, _octokit, retryCount) => {
        const retrying = retryCount < RATE_LIMIT_RETRIES && after <= LONGEST_WAIT;
        (0,log/* logInfo */.f)(`GitHub ${kind} rate limit on ${options.method} ${options.url}: ${retrying ? `retrying in ${after} s` : 'giving up'}`);
        return retrying;
    };
    const throttle = {
        onRateLimit: waitOrGiveUp('primary'),
        onSecondaryRateLimit: waitOrGiveUp('secondary'),
        retryAfterBaseValue: unit,
        // The plugin spaces write calls by 1 s (notifications by 3 s); scale those waits too.
        ...(unit !== 1000
            ? {
                write: new (light_default()).Group({ maxConcurrent: 1, minTime: unit }),
                notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: 3 * unit }),
            }
            : {}),
    };
    const octokit = (0,github/* getOctokit */.Q)(token, {
        baseUrl: context.apiUrl,
        userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
        retry: { retryAfterBaseValue: unit, retries: 3 },
        throttle,
        // octokit logs some warnings itself; keep them in the debug log, never with request details on stdout.
        log: { debug: () => undefined, info: () => undefined, warn: (m) => core/* debug */.Yz(m), error: (m) => core/* debug */.Yz(m) },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    return {
        octokit,
        context,
        graphql: (query, variables = {}) => octokit.graphql({ query, url: context.graphqlUrl, ...variables }),
    };
}
function describeFailure(error) {
    const e = error;
    const types = (e.errors ?? []).map((x) => x.type ?? '').filter(Boolean);
    const raw = e.errors?.[0]?.message ?? e.message ?? String(error);
    // The first line only, without the documentation link octokit appends.
    const message = raw.split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*$/, '').slice(0, 300);
    return { status: typeof e.status === 'number' ? e.status : undefined, types, message };
}
function failureText(failure) {
    return failure.status ? `${failure.status} ${failure.message}` : failure.message;
}

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/github/files.ts





/** GitHub's list of a pull request's files stops at this many. */
const PULL_REQUEST_FILES_CAP = 3000;
const PER_PAGE = 100;
/** Decides what to scan, and says so in the log; a fallback to every file is a notice. */
async function findScope(options) {
    const { context, scan } = options;
    if (scan === 'all')
        return { kind: 'all', why: 'scan: all' };
    if (context.pullRequest)
        return pullRequestScope(options);
    if (context.push)
        return pushScope(options);
    return { kind: 'all', why: `a ${context.eventName || 'manual'} event scans every file` };
}
function notice(message) {
    core/* notice */.lm((0,log/* annotationText */.x)(message), { title: 'eci-egress-lint' });
}
async function pullRequestScope(options) {
    const { context, github } = options;
    const pr = context.pullRequest;
    if (github) {
        let why = `the API lists at most ${PULL_REQUEST_FILES_CAP} files of a pull request`;
        if (pr.changedFiles === undefined || pr.changedFiles < PULL_REQUEST_FILES_CAP) {
            try {
                const files = await listPullRequestFiles(github, pr.number, pr.changedFiles);
                if (files.length < PULL_REQUEST_FILES_CAP) {
                    return { kind: 'changed', files, source: 'api', base: pr.baseSha || undefined, baseInCheckout: hasCommit(options.workspace, pr.baseSha), why: `the ${files.length} files pull request #${pr.number} changes` };
                }
            }
            catch (error) {
                why = `the API did not list them: ${failureText(describeFailure(error))}`;
                (0,log/* logInfo */.f)(`Listing the files of pull request #${pr.number} failed (${failureText(describeFailure(error))}); trying git.`);
            }
        }
        const scope = pullRequestFromGit(options);
        if (scope)
            return { ...scope, why: `${scope.why} (${why})` };
        notice(`The files of pull request #${pr.number} could not be listed (${why}) and the checkout has no history to diff against its ` +
            'base, so every file is scanned. Check out with fetch-depth: 0 (or 2) to scan only the changed files.');
        return { kind: 'all', why: `every file: the changed ones could not be listed (${why})` };
    }
    const scope = pullRequestFromGit(options);
    if (scope)
        return scope;
    notice(`No API access (${context.act ? 'running under act' : 'no token'}) and the checkout does not have the base of pull request ` +
        `#${pr.number}, so every file is scanned.`);
    return { kind: 'all', why: 'no API access and no base commit in the checkout' };
}
/** The pull request's files from git: its base (the payload's base.sha, else origin/$GITHUB_BASE_REF) to HEAD. */
function pullRequestFromGit(options) {
    const { workspace, context } = options;
    const pr = context.pullRequest;
    let base = hasCommit(workspace, pr.baseSha) ? pr.baseSha : undefined;
    const baseRef = context.baseRef ?? pr.baseRef;
    if (!base && baseRef)
        base = resolveCommitIfPresent(workspace, `origin/${baseRef}`);
    if (!base)
        return undefined;
    // From where the branch left the base: HEAD may be the merge commit (then that is the base itself) or the PR head.
    const from = mergeBase(workspace, base, 'HEAD') ?? base;
    const files = diffCommits(workspace, from, 'HEAD');
    if (!files)
        return undefined;
    return { kind: 'changed', files, source: 'git', base: from, baseInCheckout: true, why: `the ${files.length} files changed between ${from.slice(0, 7)} and HEAD (git)` };
}
/** Every page of GET /pulls/{n}/files, 100 a page, up to the API's cap. */
async function listPullRequestFiles(github, number, expected) {
    const { owner, repo } = github.context;
    const files = [];
    for (let page = 1; page <= PULL_REQUEST_FILES_CAP / PER_PAGE; page++) {
        const { data } = await github.octokit.rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: PER_PAGE, page });
        for (const f of data) {
            const file = { path: f.filename, status: f.status };
            if (f.previous_filename)
                file.previousPath = f.previous_filename;
            if (f.patch)
                file.patch = f.patch;
            files.push(file);
        }
        if (data.length < PER_PAGE || (expected !== undefined && files.length >= expected))
            break;
    }
    return files;
}
async function pushScope(options) {
    const { workspace, context, github } = options;
    const { before, after } = context.push;
    if (github_context/* ZERO_SHA */.gy.test(before))
        return { kind: 'all', why: 'a new branch: every file is scanned' };
    if (hasCommit(workspace, before) && hasCommit(workspace, after)) {
        const files = diffCommits(workspace, before, after);
        if (files)
            return { kind: 'changed', files, source: 'git', base: before, baseInCheckout: true, why: `the ${files.length} files pushed (${before.slice(0, 7)}..${after.slice(0, 7)}, git)` };
    }
    if (github) {
        try {
            const { owner, repo } = context;
            // The comparison lists at most 300 files; past that, every file is scanned.
            const { data } = await github.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${before}...${after}`, per_page: PER_PAGE });
            const list = data.files ?? [];
            if (list.length < 300) {
                const files = list.map((f) => {
                    const file = { path: f.filename, status: f.status };
                    if (f.previous_filename)
                        file.previousPath = f.previous_filename;
                    if (f.patch)
                        file.patch = f.patch;
                    return file;
                });
                return { kind: 'changed', files, source: 'api', base: before, baseInCheckout: false, why: `the ${files.length} files pushed (${before.slice(0, 7)}..${after.slice(0, 7)})` };
            }
        }
        catch (error) {
            (0,log/* logInfo */.f)(`Comparing ${before.slice(0, 7)}...${after.slice(0, 7)} failed (${failureText(describeFailure(error))}).`);
        }
    }
    notice(`The pushed range ${before.slice(0, 7)}..${after.slice(0, 7)} could not be listed (the checkout lacks the history), so every file is scanned.`);
    return { kind: 'all', why: 'the pushed range could not be listed' };
}

;// CONCATENATED MODULE: ./src/fix/edits.ts
/** Edits sorted from the end of the text to its start, so that applying one leaves the offsets of the rest valid. */
function lastFirst(edits) {
    return [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
}
/**
 * The edits of one fix with deletions that overlap merged into one: removing two entries of a flow map one by one
 * gives `[a, c)` and `[b, d)` with b < c; both gone is `[a, d)` gone.
 */
function normalizeEdits(edits) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const out = [];
    for (const edit of sorted) {
        const last = out[out.length - 1];
        if (last && last.newText === '' && edit.newText === '' && last.file === edit.file && edit.start < last.end) {
            out[out.length - 1] = { ...last, end: Math.max(last.end, edit.end) };
        }
        else {
            out.push(edit);
        }
    }
    return out;
}
/** A fix's edits, with overlapping deletions merged (see `normalizeEdits`). */
function editsOf(finding) {
    return normalizeEdits(finding.fix.edits);
}
/** Whether the edits of one fix overlap each other (they may touch: a removal may end where an insertion starts). */
function overlapsItself(edits) {
    const sorted = lastFirst(edits);
    for (let i = 1; i < sorted.length; i++) {
        const later = sorted[i - 1];
        const earlier = sorted[i];
        if (earlier.end > later.start)
            return true;
        // Two insertions at one offset: their order would be a guess.
        if (earlier.start === later.start && earlier.end === earlier.start && later.end === later.start)
            return true;
    }
    return false;
}
/**
 * Whether two fixes may not be applied in one pass. Their edits conflict when their ranges overlap or merely touch:
 * two insertions at the same offset (two fixes that each create `annotations:` at the same place) or an insertion at
 * the edge of a replacement could give duplicate keys or text whose order is a guess, so one of them waits for the
 * next pass, which re-reads the text.
 */
function editsConflict(a, b) {
    return a.some((x) => b.some((y) => x.file === y.file && x.start <= y.end && y.start <= x.end));
}
/** Applies edits that do not overlap to a text. */
function applyEdits(text, edits) {
    let out = text;
    for (const edit of lastFirst(edits)) {
        if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) {
            throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text (length ${text.length})`);
        }
        out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    }
    return out;
}
/**
 * Where an offset of the text before the edits is in the text after them: text inserted at or before it pushes it on;
 * an offset inside a replaced range maps to the start of the replacement.
 */
function mapOffset(offset, edits) {
    let shift = 0;
    for (const edit of edits) {
        if (edit.end <= offset) {
            shift += edit.newText.length - (edit.end - edit.start);
        }
        else if (edit.start < offset && offset < edit.end) {
            return edit.start + shiftBefore(edit.start, edits);
        }
    }
    return offset + shift;
}
function shiftBefore(offset, edits) {
    let shift = 0;
    for (const edit of edits)
        if (edit.end <= offset && edit.start < offset)
            shift += edit.newText.length - (edit.end - edit.start);
    return shift;
}

;// CONCATENATED MODULE: ./src/fix/identity.ts
/** An object as the checks compare them: kind, namespace and name. */
function objectName(object) {
    return `${object.kind}/${object.namespace}/${object.name}`;
}
/** The workload a finding is about, or '' for a finding about the file. */
function workloadKey(finding) {
    return finding.workload ? objectName(finding.workload) : '';
}
/**
 * What makes two findings "the same" across texts: rule, file, workload and the source text the finding points at
 * (the key or value it is about). Positions are left out: a fix above a finding moves it.
 */
function identity(finding, text) {
    const subject = text.slice(finding.span.offset, Math.min(finding.span.endOffset, finding.span.offset + 500));
    return [finding.ruleId, finding.file, workloadKey(finding), subject].join('\u0000');
}
function countBy(items, key) {
    const counts = new Map();
    for (const item of items)
        counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
}

;// CONCATENATED MODULE: ./src/fix/select.ts

/** A `--fix-unsafe` (or action `fix-unsafe`) value that names no rule with an unsafe fix. */
class FixSelectionError extends Error {
    name = 'FixSelectionError';
}
/** The ids of the rules whose fix is unsafe, always or for some findings: applied only when named. */
function rulesWithUnsafeFix() {
    return RULES.filter((r) => r.meta.fix === 'unsafe' || r.meta.fix === 'per-finding').map((r) => r.meta.id);
}
/**
 * The rules whose fix is unsafe only for some findings (eip-missing under `egress: auto`): such a fix is still offered
 * as a review suggestion, which takes effect only when a person accepts it, but never applied or committed unasked.
 */
function rulesSuggestedWhenUnsafe() {
    return RULES.filter((r) => r.meta.fix === 'per-finding').map((r) => r.meta.id);
}
/**
 * Reads a list of rule ids whose unsafe fixes are wanted: comma separated (spaces and line breaks also separate, for
 * a multi-line action input), or already split. Each id must name a rule with an unsafe fix.
 */
function parseUnsafeRules(value) {
    if (value === undefined)
        return [];
    const ids = (typeof value === 'string' ? value.split(/[\s,]+/) : value.flatMap((v) => v.split(/[\s,]+/))).filter(Boolean);
    const unsafe = rulesWithUnsafeFix();
    if (ids.length === 0)
        throw new FixSelectionError(`--fix-unsafe needs rule ids; rules with an unsafe fix: ${unsafe.join(', ')}`);
    for (const id of ids) {
        const rule = ruleById(id);
        if (!rule)
            throw new FixSelectionError(`--fix-unsafe: unknown rule id "${id}"; rules with an unsafe fix: ${unsafe.join(', ')}`);
        if (rule.meta.fix === 'safe') {
            throw new FixSelectionError(`--fix-unsafe: ${id} has a safe fix, which --fix applies without naming it; rules with an unsafe fix: ${unsafe.join(', ')}`);
        }
        if (rule.meta.fix === 'none') {
            throw new FixSelectionError(`--fix-unsafe: ${id} has no fix; rules with an unsafe fix: ${unsafe.join(', ')}`);
        }
    }
    return [...new Set(ids)];
}
/**
 * Whether a finding's fix is applied: every safe fix, and the unsafe fixes of the rules named. Safety is the finding's
 * own (`fix.safe`): one rule may have safe and unsafe fixes (eip-missing, by egress policy).
 */
function isSelected(finding, unsafeRules) {
    if (!finding.fix || finding.fix.edits.length === 0)
        return false;
    return finding.fix.safe || unsafeRules.includes(finding.ruleId);
}

;// CONCATENATED MODULE: ./src/fix/batches.ts



/** Fixes that only rewrite a value in place; any number of them may be applied to one workload in a pass. */
const VALUE_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);
/**
 * Per file, the fixes of this pass: selected, not left out by the caller, and compatible with each other. A fix that
 * no pass of this run can apply is left out, with why in `unfixable` (by identity).
 */
function chooseBatches(snapshot, scope, unfixable) {
    const batches = new Map();
    const keyChanges = new Set();
    const ordered = snapshot.result.findings
        .filter((f) => isSelected(f, scope.unsafeRules) && scope.open(f.file))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.offset - b.span.offset));
    for (const finding of ordered) {
        const id = identity(finding, snapshot.text(finding.file));
        if (scope.excluded.has(id))
            continue;
        const edits = editsOf(finding);
        const never = whyNeverApplied(finding, edits, scope.renders);
        if (never) {
            unfixable.set(id, never);
            continue;
        }
        const batch = batches.get(finding.file) ?? [];
        if (batch.some((f) => editsConflict(editsOf(f), edits)))
            continue;
        if (!VALUE_FIXES.has(finding.ruleId)) {
            const key = `${finding.file}\u0000${workloadKey(finding)}`;
            if (keyChanges.has(key))
                continue;
            keyChanges.add(key);
        }
        batch.push(finding);
        batches.set(finding.file, batch);
    }
    return batches;
}
/** Why a fix (with its normalised `edits`) cannot be applied in any pass of this run, or undefined. */
function whyNeverApplied(finding, edits, renders) {
    if (finding.fix.verify === 'render' && !renders) {
        return 'the fix is in a chart or overlay and must be verified by rendering it again, which this run does not do';
    }
    if (edits.some((e) => e.file !== finding.file))
        return 'the fix edits another file, which is not supported';
    if (overlapsItself(edits))
        return 'the edits of the fix overlap each other';
    return undefined;
}

;// CONCATENATED MODULE: ./src/fix/text-problems.ts
/** Problems with a file's text itself: a fix must never add one. */
const TEXT_PROBLEMS = new Set(['parse-error', 'skipped-file']);
/** Whether a lint made with `config` reports every text problem (no rule of them is off). */
function reportsTextProblems(config) {
    return ![...TEXT_PROBLEMS].some((id) => config.rules[id] === 'off');
}
/** The config used to lint fixed texts: parse problems are always reported, whatever the config says, and then hidden again. */
function checkingConfig(config) {
    const rules = { ...config.rules };
    for (const id of TEXT_PROBLEMS)
        if (rules[id] === 'off')
            delete rules[id];
    return { ...config, rules };
}
/** The result as the given config reports it (rules it turns off are left out). */
function asConfigured(result, config) {
    const off = (f) => TEXT_PROBLEMS.has(f.ruleId) && config.rules[f.ruleId] === 'off';
    return { ...result, findings: result.findings.filter((f) => !off(f)), suppressed: result.suppressed.filter((s) => !off(s.finding)) };
}

;// CONCATENATED MODULE: ./src/fix/snapshot.ts


/** The identity of a finding of `snapshot`, read in the text the snapshot was made from. */
function idIn(snapshot) {
    return (f) => identity(f, snapshot.text(f.file));
}
/**
 * A lint result by file, built once per result: checking each file against the whole result would make a fix over
 * many files quadratic in their number.
 */
const views = new WeakMap();
const NO_VIEW = { findings: [], problems: [], objects: [] };
function viewOf(result, file) {
    let byFile = views.get(result);
    if (!byFile) {
        byFile = new Map();
        const of = (path) => {
            let view = byFile.get(path);
            if (!view) {
                view = { findings: [], problems: [], objects: [] };
                byFile.set(path, view);
            }
            return view;
        };
        for (const f of result.findings) {
            of(f.file).findings.push(f);
            if (TEXT_PROBLEMS.has(f.ruleId))
                of(f.file).problems.push(f);
        }
        for (const { finding } of result.suppressed)
            if (TEXT_PROBLEMS.has(finding.ruleId))
                of(finding.file).problems.push(finding);
        for (const w of result.workloads)
            of(w.file).objects.push(objectName(w));
        views.set(result, byFile);
    }
    return byFile.get(file) ?? NO_VIEW;
}
function textProblems(result, file) {
    return viewOf(result, file).problems;
}
function objectsOf(result, file) {
    return viewOf(result, file).objects.join('\n');
}

;// CONCATENATED MODULE: ./src/fix/checks.ts




/**
 * Why the fixed text of a file is not accepted, or undefined when it is: it has a new parse problem, holds other
 * objects, changes what an alias or a merge key reads, changes what a chart or overlay renders, or still has a finding
 * of the batch (the same finding, or one of the same rule and workload inside the text the fix wrote).
 */
function whyRefused(fixed) {
    for (const check of CHECKS) {
        const why = check(fixed);
        if (why)
            return why;
    }
    return undefined;
}
/** The checks, in the order their reasons are given. */
const CHECKS = [
    newParseProblem,
    otherObjects,
    changedAliasRead,
    renderingChange,
    stillReported,
    reportedInWrittenText,
];
/** The fixed text has more parse problems than the text before it. */
function newParseProblem({ file, before, after }) {
    const problemsBefore = textProblems(before.result, file);
    const problemsAfter = textProblems(after.result, file);
    if (problemsAfter.length > problemsBefore.length) {
        const known = new Set(problemsBefore.map((p) => p.message));
        const added = problemsAfter.find((p) => !known.has(p.message)) ?? problemsAfter[problemsAfter.length - 1];
        return `the fixed text does not parse (${checks_firstSentence(added.message)}, at line ${added.span.line} of the fixed text)`;
    }
    return undefined;
}
/** The fixed text holds other objects: one was added, dropped or renamed. */
function otherObjects({ file, before, after }) {
    if (objectsOf(after.result, file) !== objectsOf(before.result, file))
        return 'the fixed text no longer holds the same objects';
    return undefined;
}
/**
 * Why the fixed text is refused because of a node read through an alias or a merge key, or undefined: every place
 * that reads a node written elsewhere (`*ann`, `<<: *defaults`) must read the same after the fix, so that a fix made
 * for one reader (removing a copy of a key from `metadata.annotations: &ann`) never changes another (the pod
 * template's `annotations: *ann`). A reader inside the text a fix removes goes with it.
 */
function changedAliasRead({ file, batch, before, after }) {
    const edits = batch.flatMap(editsOf);
    const readsOf = (snapshot) => snapshot.result.files.find((f) => f.path === file)?.aliasReads ?? [];
    const kept = readsOf(before).filter((r) => !edits.some((e) => e.start <= r.offset && r.offset < e.end));
    const now = readsOf(after);
    for (let i = 0; i < Math.max(kept.length, now.length); i++) {
        const reader = kept[i] ?? kept[kept.length - 1];
        if (kept[i] && now[i] && kept[i].via === now[i].via && kept[i].reading === now[i].reading)
            continue;
        const how = reader.via === 'alias' ? 'an alias' : 'a merge key (<<)';
        return `the fix edits a node that ${how} at line ${reader.span.line} also reads, and would change what it reads there; fix it by hand`;
    }
    return undefined;
}
/**
 * Why a fix of a chart or overlay file (`verify: 'render'`) is refused after rendering again, or undefined: the
 * charts and overlays must render the same objects, without a new notice (a rendering that now fails) and without a
 * finding the old rendering did not have, on any of their files. Other fixes are not checked here.
 */
function renderingChange({ file, batch, before, after, renderedFiles }) {
    if (!batch.some((f) => f.fix.verify === 'render'))
        return undefined;
    const inRendering = (f) => f.file === file || renderedFiles.has(f.file);
    const objects = (snapshot) => snapshot.result.workloads.filter((w) => renderedFiles.has(w.file)).map(objectName).sort().join('\n');
    const added = firstNewFinding(before, after, inRendering);
    if (added && batch.some((f) => f.ruleId === added.ruleId && f.file === added.file && f.span.line === added.span.line)) {
        // The value written is not what the rendering reads (or not all of it): the finding is there again, on the fixed text.
        return 'rendered again, the chart or overlay still has the finding';
    }
    if (added) {
        const what = TEXT_PROBLEMS.has(added.ruleId) ? checks_firstSentence(added.message) : `${added.ruleId}: ${checks_firstSentence(added.message)}`;
        return `rendered again, the chart or overlay has a new finding at ${added.file}:${added.span.line} (${what})`;
    }
    if (objects(after) !== objects(before))
        return 'rendered again, the chart or overlay no longer renders the same objects';
    return undefined;
}
/** The first finding `after` has among those `of` takes that `before` did not have (counted: a second copy is new). */
function firstNewFinding(before, after, of) {
    const countsBefore = countBy(before.result.findings.filter(of), idIn(before));
    const afterId = idIn(after);
    return after.result.findings.filter(of).find((f) => {
        const id = afterId(f);
        const left = countsBefore.get(id) ?? 0;
        countsBefore.set(id, left - 1);
        return left <= 0;
    });
}
/** A finding of the batch is reported as often as before its fix, wherever it now is (counted by identity). */
function stillReported({ file, batch, before, after }) {
    const beforeId = (f) => identity(f, before.text(file));
    const afterId = (f) => identity(f, after.text(file));
    const countsBefore = countBy(viewOf(before.result, file).findings, beforeId);
    const countsAfter = countBy(viewOf(after.result, file).findings, afterId);
    for (const [id, n] of countBy(batch, beforeId)) {
        if ((countsAfter.get(id) ?? 0) > (countsBefore.get(id) ?? 0) - n)
            return 'the finding is still reported after its fix';
    }
    return undefined;
}
/**
 * The rule of a fix reports its workload again inside the text the fix wrote: the old finding is gone (its message
 * named the old value), and the fix wrote another mistake of the same kind.
 */
function reportedInWrittenText({ file, batch, after }) {
    // Where the text each fix wrote is now.
    const all = batch.flatMap(editsOf);
    for (const finding of batch) {
        for (const edit of editsOf(finding)) {
            if (edit.newText === '')
                continue;
            const { start, end } = writtenRange(edit, all);
            const again = viewOf(after.result, file).findings.some((f) => f.ruleId === finding.ruleId && workloadKey(f) === workloadKey(finding) && f.span.offset >= start && f.span.offset < end);
            if (again)
                return 'the finding is still reported after its fix';
        }
    }
    return undefined;
}
/** Where the text an edit wrote is, once all the edits of its pass are applied (the edits before it move it). */
function writtenRange(edit, all) {
    const start = edit.start + all.filter((e) => e !== edit && e.end <= edit.start).reduce((s, e) => s + e.newText.length - (e.end - e.start), 0);
    return { start, end: start + edit.newText.length };
}
/** A message up to its first full stop: what a reason quotes of it. */
function checks_firstSentence(message) {
    return message.split(/\.(?:\s|$)/)[0];
}

;// CONCATENATED MODULE: ./src/fix/file-state.ts


/** A state for each source with a text (the first of a path), in the order of the sources. */
function fileStates(sources) {
    const states = new Map();
    for (const source of sources) {
        if (source.text !== undefined && !states.has(source.path)) {
            states.set(source.path, { path: source.path, original: source.text, current: source.text, frozen: false, passes: [], followUps: [] });
        }
    }
    return states;
}
/** Takes the fixed text of a pass: its edits, and the fixes of findings that only an earlier fix brought up. */
function acceptPass(state, pass, fixed, edits, followUps) {
    state.current = fixed;
    state.passes.push({ pass, edits });
    for (const finding of followUps)
        state.followUps.push({ finding, pass });
}
/** Goes back to the original text (not only the last pass undone) and takes no more fixes. */
function leaveUntouched(state) {
    state.current = state.original;
    state.frozen = true;
    state.passes = [];
    state.followUps = [];
}
/** The result of every file that has a finding given or was changed, in the order of the sources. */
function fileFixes(states, given) {
    const files = [];
    for (const state of states.values()) {
        const mine = given.byFile.get(state.path) ?? [];
        if (mine.length === 0 && state.current === state.original)
            continue;
        files.push({
            path: state.path,
            original: state.original,
            fixed: state.current,
            applied: mine.filter((t) => !t.failed).map((t) => t.finding),
            followUps: followUpsInFixedText(state),
            failed: mine.filter((t) => t.failed).map((t) => ({ finding: t.finding, reason: t.failed })),
        });
    }
    return files;
}
/**
 * The follow-ups of a file with their spans in the fixed text: a follow-up's span is in the text before its own
 * pass, so it is mapped through the edits of that pass and of every later one.
 */
function followUpsInFixedText(state) {
    const finalLines = new LineIndex(state.current);
    return state.followUps.map(({ finding, pass }) => {
        const later = state.passes.filter((p) => p.pass >= pass);
        const map = (offset) => later.reduce((o, p) => mapOffset(o, p.edits), offset);
        const start = map(finding.span.offset);
        return { ...finding, span: finalLines.span(start, Math.max(start, map(finding.span.endOffset))) };
    });
}

;// CONCATENATED MODULE: ./src/fix/isolate.ts


/**
 * Which fixes of a rejected batch fail on their own, and why; when none does, all of them fail together. Each fix is
 * applied alone to the text before the pass, linted with the other files as they are now, and checked.
 */
function* isolate(file, batch, reason, before, lint, renderedFiles) {
    if (batch.length === 1)
        return new Map([[batch[0], reason]]);
    const culprits = new Map();
    for (const finding of batch) {
        const alone = yield* lint(new Map([[file, applyEdits(before.text(file), editsOf(finding))]]));
        const why = whyRefused({ file, batch: [finding], before, after: alone, renderedFiles });
        if (why)
            culprits.set(finding, why);
    }
    if (culprits.size === 0)
        for (const finding of batch)
            culprits.set(finding, `together with the other fixes of its pass, ${reason}`);
    return culprits;
}

;// CONCATENATED MODULE: ./src/fix/tracking.ts



/**
 * The findings given whose fix is selected and whose file has a text, each with its identity in the lint the fixes
 * start from; one that lint does not report fails at once (it was made from another text of the file).
 */
function trackFindings(findings, baseline, unsafeRules, hasText) {
    const originalId = idIn(baseline);
    const tracked = findings
        .filter((f) => isSelected(f, unsafeRules) && hasText(f.file))
        .map((finding) => ({ finding, id: originalId(finding) }));
    const byFile = new Map();
    for (const t of tracked) {
        const list = byFile.get(t.finding.file);
        if (list)
            list.push(t);
        else
            byFile.set(t.finding.file, [t]);
    }
    const baselineCounts = countBy(baseline.result.findings, originalId);
    for (const t of tracked) {
        if (!baselineCounts.has(t.id))
            t.failed = 'the finding is not reported for this text of the file; lint it again';
    }
    return { tracked, byFile, ids: new Set(tracked.map((t) => t.id)) };
}
/** The identities of the findings the lint reports more often than they were given: the others are left out. */
function leftOutIds(findings, baseline) {
    const originalId = idIn(baseline);
    const baselineCounts = countBy(baseline.result.findings, originalId);
    // Findings the linter reports that the caller left out (suppressed elsewhere, not new …) are never fixed.
    const givenCounts = countBy(findings, originalId);
    return new Set([...baselineCounts].filter(([id, n]) => n > (givenCounts.get(id) ?? 0)).map(([id]) => id));
}
/** Marks every finding given for a file that is left untouched: the culprits with their reason, the others with theirs. */
function failFile(file, 
/** The tracked findings of this file. */
tracked, culprits, lines, idOf) {
    const byId = new Map([...culprits].map(([f, why]) => [idOf(f), why]));
    const [first, why] = [...culprits][0];
    const where = `${first.ruleId} at line ${lines.span(first.span.offset).line}`;
    for (const t of tracked) {
        if (t.finding.file !== file || t.failed)
            continue;
        t.failed = byId.get(t.id) ?? `not applied: the file was left untouched because the fix of ${where} failed (${why})`;
    }
}
/**
 * Marks the findings given that the lint after the last pass still reports as failed, with why: no pass could apply
 * the fix (`unfixable`, by identity), the passes ran out, or the fix went away with the other fixes.
 */
function markNotFixed(tracked, last, unfixable, unsafeRules, maxPasses) {
    const finalId = idIn(last);
    const remaining = countBy(last.result.findings, finalId);
    for (const t of tracked) {
        if (t.failed)
            continue;
        const left = remaining.get(t.id) ?? 0;
        if (left === 0)
            continue;
        remaining.set(t.id, left - 1);
        const now = viewOf(last.result, t.finding.file).findings.find((f) => finalId(f) === t.id);
        t.failed =
            unfixable.get(t.id) ??
                (now && isSelected(now, unsafeRules)
                    ? `not fixed within ${maxPasses} pass${maxPasses === 1 ? '' : 'es'}; run the fix again`
                    : 'after the other fixes in this file the finding has no automatic fix; fix it by hand');
    }
}

;// CONCATENATED MODULE: ./src/fix/passes.ts









const DEFAULT_MAX_PASSES = 10;
/**
 * The fix algorithm, written once for a synchronous lint (`applyFixes`) and one that renders again
 * (`applyFixesRendered`): it yields the texts to lint and is resumed with their lint.
 */
function* fixSteps(sources, findings, options, renders) {
    const { config, unsafeRules = [], maxPasses = DEFAULT_MAX_PASSES } = options;
    const states = fileStates(sources);
    const lint = (replace) => lintCurrent(states, replace);
    const baseline = yield* startingLint(options, states, lint);
    const given = trackFindings(findings, baseline, unsafeRules, (file) => states.has(file));
    const run = { states, lint, given, renderedFiles: renderedFilesOf(options) };
    const scope = { open: (file) => states.get(file)?.frozen === false, unsafeRules, excluded: leftOutIds(findings, baseline), renders };
    /** Why a finding's fix cannot be applied at all, by identity. */
    const unfixable = new Map();
    let before = baseline;
    let passes = 0;
    for (let pass = 1; pass <= maxPasses; pass++) {
        const batches = chooseBatches(before, scope, unfixable);
        if (batches.size === 0)
            break;
        passes = pass;
        before = yield* runPass(run, pass, batches, before);
    }
    // What is still reported after the last pass was not fixed.
    markNotFixed(given.tracked, before, unfixable, unsafeRules, maxPasses);
    return { files: fileFixes(states, given), result: asConfigured(before.result, config), passes };
}
/** Lints the current texts, with some replaced. */
function* lintCurrent(states, replace = new Map()) {
    const texts = new Map([...states.values()].map((s) => [s.path, replace.get(s.path) ?? s.current]));
    const result = yield texts;
    return { result, text: (file) => texts.get(file) ?? '' };
}
/** The lint the fixes start from: the caller's when it can stand for one of these texts (see `FixOptions.linted`). */
function* startingLint(options, states, lint) {
    const { config, linted } = options;
    if (linted && reportsTextProblems(config))
        return { result: linted, text: (file) => states.get(file)?.original ?? '' };
    return yield* lint();
}
function renderedFilesOf(options) {
    return new Set([...(options.rendered?.used.keys() ?? []), ...(options.rendered?.skipped.map((s) => s.file) ?? [])]);
}
/**
 * One pass: applies each file's batch, keeps the fixed texts that the checks accept, and leaves every refused file
 * untouched with its findings failed (the fixes to blame isolated). Returns the lint of the texts after the pass.
 */
function* runPass(run, pass, batches, before) {
    const candidates = new Map();
    for (const [file, batch] of batches)
        candidates.set(file, applyEdits(run.states.get(file).current, batch.flatMap(editsOf)));
    const { after, rejected } = yield* checkCandidates(run, batches, candidates, before);
    const beforeId = idIn(before);
    for (const [file, batch] of batches) {
        const state = run.states.get(file);
        const reason = rejected.get(file);
        if (reason === undefined) {
            const followUps = batch.filter((f) => !run.given.ids.has(beforeId(f)));
            acceptPass(state, pass, candidates.get(file), batch.flatMap(editsOf), followUps);
            continue;
        }
        const culprits = yield* isolate(file, batch, reason, before, run.lint, run.renderedFiles);
        const lines = new LineIndex(state.current);
        leaveUntouched(state);
        failFile(file, run.given.byFile.get(file) ?? [], culprits, lines, beforeId);
    }
    // `after` was made with every refused file at its original text, which is what leaveUntouched gives it back.
    return after;
}
/** Lints the fixed texts of a pass and checks each: the last lint, and why each refused file is refused. */
function* checkCandidates(run, batches, candidates, before) {
    // Lint the candidates; a rejected file goes back to its original text, and the others are checked again without it.
    const rejected = new Map();
    for (;;) {
        const replace = new Map([...candidates].filter(([file]) => !rejected.has(file)));
        for (const file of rejected.keys())
            replace.set(file, run.states.get(file).original);
        const after = yield* run.lint(replace);
        let more = false;
        for (const [file, batch] of batches) {
            if (rejected.has(file))
                continue;
            const reason = whyRefused({ file, batch, before, after, renderedFiles: run.renderedFiles });
            if (reason) {
                rejected.set(file, reason);
                more = true;
            }
        }
        if (!more)
            return { after, rejected };
    }
}

;// CONCATENATED MODULE: ./src/fix/apply.ts
/**
 * The fix engine: applies the text edits of findings to the files, and checks every result by linting it again
 * through the same engine, so it works for any format a reader knows (YAML, and HCL through the Terraform reader).
 * The algorithm is written once (passes.ts); here it is driven by a lint that is synchronous, or one that renders the
 * charts and overlays again.
 */



/**
 * Applies the fixes of `findings` (every safe fix, and the unsafe fixes of `options.unsafeRules`) to `sources`.
 * `findings` must come from linting these sources with `options.config`; a subset is fine (e.g. only the new findings):
 * a finding left out is never fixed, not even in a later pass. Nothing is written: the caller writes `fixed` or shows a
 * diff. Synchronous: when Terraform files are among the sources, load the readers first (as for `lintSources`).
 */
function applyFixes(sources, findings, options) {
    const lintOptions = lintOptionsOf(options);
    const steps = fixSteps(sources, findings, options, false);
    let step = steps.next();
    while (!step.done)
        step = steps.next(lintSources(withTexts(sources, step.value), lintOptions));
    return step.value;
}
/**
 * `applyFixes` for sources among which charts and overlays were rendered (`options.rendered`), with the fixes of
 * their files too (values files, templates, kustomizations: `verify: 'render'`): each text that changes a file a
 * chart or overlay uses is rendered again with `options.render`, and the fix is kept only when the new rendering no
 * longer has the finding, still renders the same objects and has no finding the old one did not have.
 */
async function applyFixesRendered(sources, findings, options) {
    const lintOptions = lintOptionsOf(options);
    const originals = new Map(sources.flatMap((s) => (s.text === undefined ? [] : [[s.path, s.text]])));
    const steps = fixSteps(sources, findings, options, true);
    let step = steps.next();
    while (!step.done) {
        const texts = step.value;
        const changed = new Map([...texts].filter(([file, text]) => originals.get(file) !== text && options.rendered.used.has(file)));
        if (changed.size === 0) {
            step = steps.next(lintSources(withTexts(sources, texts), lintOptions));
            continue;
        }
        const again = await options.render(changed);
        try {
            step = steps.next(lintSources(withTexts(sources, texts), { ...lintOptions, rendered: again.rendered }));
        }
        finally {
            again.release();
        }
    }
    return step.value;
}
function lintOptionsOf(options) {
    const { config, unsafeRules: _unsafe, maxPasses: _passes, linted: _linted, rendered, ...readerOptions } = options;
    return { ...readerOptions, config: checkingConfig(config), ...(rendered ? { rendered } : {}) };
}
function withTexts(sources, texts) {
    return sources.map((s) => (s.text === undefined ? s : { ...s, text: texts.get(s.path) ?? s.text }));
}

;// CONCATENATED MODULE: ./src/render/fixed.ts







/** At most this many files are copied for one rendering of fixed texts: a fix never costs more than a bounded copy. */
const COPY_LIMIT = 20_000;
/**
 * What the fix engine renders fixed texts with (docs/fixes.md): the charts and overlays that use one of the fixed
 * files are copied, with the fixed texts in place of the files on disk, into a temporary folder and rendered there
 * with the same tools, settings and safety as the scan; their documents then replace those of `original`. The
 * copy keeps every path relative to the working directory, so findings land on the same paths.
 */
function fixedTextRenderer(cwd, paths, config, original) {
    const realCwd = external_node_fs_default().realpathSync(cwd);
    // A tool given by a relative path is found from the working directory, not from the copy.
    const render = {
        ...config.render,
        helm: findExecutable(config.render.helm, realCwd) ?? config.render.helm,
        kustomize: config.render.kustomize === 'auto' ? 'auto' : (findExecutable(config.render.kustomize, realCwd) ?? config.render.kustomize),
    };
    // The charts and overlays on disk do not change while fixes are tried: found once, for every fix step.
    const { units } = discoverUnits(paths, { cwd: realCwd, render: config.render });
    return async (texts) => {
        const changed = new Set(texts.keys());
        const affected = units.filter((unit) => unitFiles(unit, paths).some((file) => changed.has(file)));
        const changedKustomization = [...changed].some((file) => original.asWritten.some((w) => w.file === file));
        if (affected.length === 0 && !changedKustomization)
            return { rendered: original, release: () => undefined };
        const temporary = external_node_fs_default().mkdtempSync(external_node_path_default().join(external_node_os_default().tmpdir(), 'eci-egress-lint-fix-'));
        const release = () => external_node_fs_default().rmSync(temporary, { recursive: true, force: true });
        try {
            // The copy has the working directory's name: a chart at the root is released under that name.
            const root = external_node_path_default().join(temporary, external_node_path_default().basename(realCwd) || 'workspace');
            const copied = new Set();
            const budget = { left: COPY_LIMIT };
            for (const folder of foldersOf(affected))
                copyFolder(realCwd, root, folder, copied, budget);
            for (const file of [...affected.flatMap((u) => unitFiles(u, paths)), ...changed])
                copyFile(realCwd, root, file, copied, budget);
            for (const [file, text] of texts) {
                if (!insideCopy(file))
                    continue;
                const target = external_node_path_default().join(root, ...file.split('/'));
                external_node_fs_default().mkdirSync(external_node_path_default().dirname(target), { recursive: true });
                external_node_fs_default().writeFileSync(target, text);
                copied.add(file);
            }
            const fresh = await renderCharts({
                cwd: root,
                paths: paths.filter((file) => copied.has(file)),
                config: { ...config, render },
                changed,
            });
            return { rendered: merge(original, fresh, affected, paths, changed), release };
        }
        catch (error) {
            // The copy could not be made (no space, too many files): each chart or overlay is a notice, so that the
            // fix is refused with the reason rather than the run ended.
            release();
            const skipped = affected.map((unit) => ({
                file: unitFile(unit),
                line: 1,
                column: 1,
                message: `Not rendered again to check a fix: ${error.message}`,
            }));
            return { rendered: merge(original, { documents: [], used: new Map(), skipped, asWritten: [] }, affected, paths, changed), release: () => undefined };
        }
    };
}
/** A path inside the working directory (a file the CLI was given outside it is never part of a chart or overlay). */
function insideCopy(file) {
    return !external_node_path_default().isAbsolute(file) && !file.split('/').includes('..');
}
/** The folders a unit reads besides single files: a chart's folder, an overlay's and those of the files it uses. */
function foldersOf(units) {
    const folders = new Set();
    for (const unit of units) {
        folders.add(unit.folder);
        if (unit.kind === 'overlay')
            for (const file of unit.inputs)
                folders.add(external_node_path_default().posix.dirname(file));
    }
    // A folder inside another one is copied with it.
    return [...folders].filter((folder) => ![...folders].some((other) => other !== folder && isInFolder(folder, other)));
}
/** Copies the regular files under a folder (never a link: the scan refuses units that hold one out of the workspace). */
function copyFolder(from, to, folder, copied, budget) {
    let entries;
    try {
        entries = external_node_fs_default().readdirSync(external_node_path_default().join(from, folder), { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const entry of entries) {
        const child = inFolder(folder, entry.name);
        if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules')
            copyFolder(from, to, child, copied, budget);
        else if (entry.isFile())
            copyFile(from, to, child, copied, budget);
    }
}
function copyFile(from, to, file, copied, budget) {
    if (copied.has(file) || !insideCopy(file))
        return;
    if (budget.left-- <= 0)
        throw new Error(`the charts and overlays to render again hold more than ${COPY_LIMIT} files`);
    const source = external_node_path_default().join(from, ...file.split('/'));
    const stat = external_node_fs_default().lstatSync(source, { throwIfNoEntry: false });
    if (!stat?.isFile())
        return;
    const target = external_node_path_default().join(to, ...file.split('/'));
    external_node_fs_default().mkdirSync(external_node_path_default().dirname(target), { recursive: true });
    external_node_fs_default().copyFileSync(source, target);
    copied.add(file);
}
/** The scan's render outcome with the units rendered again in place of their first rendering. */
function merge(original, fresh, affected, paths, changed) {
    const folders = new Set(affected.map((unit) => unit.folder));
    const files = new Set(affected.flatMap((unit) => unitFiles(unit, paths)));
    const inChart = (file) => affected.some((u) => u.kind === 'chart' && isInFolder(file, u.folder));
    return {
        documents: [...original.documents.filter((d) => !folders.has(d.unit)), ...fresh.documents],
        used: new Map([...original.used, ...fresh.used]),
        skipped: [...original.skipped.filter((s) => !files.has(s.file) && !inChart(s.file)), ...fresh.skipped],
        asWritten: [...original.asWritten.filter((w) => !changed.has(w.file)), ...fresh.asWritten],
    };
}

;// CONCATENATED MODULE: ./src/fix/rendered.ts


/**
 * The fixes of findings in files read from a working directory: with charts and overlays rendered
 * (`options.rendered`), their fixes are verified by rendering a copy with the fixed texts (docs/fixes.md); without,
 * this is `applyFixes`.
 */
async function fixInWorkspace(sources, findings, options) {
    const { cwd, paths, ...fixOptions } = options;
    const rendered = fixOptions.rendered;
    if (!rendered || rendered.used.size === 0)
        return applyFixes(sources, findings, fixOptions);
    return applyFixesRendered(sources, findings, { ...fixOptions, rendered, render: fixedTextRenderer(cwd, paths, fixOptions.config, rendered) });
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js
var create = __webpack_require__(4112);
;// CONCATENATED MODULE: ./src/fix/diff.ts

/**
 * A unified diff of one file, as `git apply` and `patch -p1` take it: `--- a/<path>` and `+++ b/<path>` headers, then
 * the hunks. Line breaks are kept as they are (a CRLF file gives CRLF lines). Empty when the texts are the same.
 */
function unifiedDiff(path, original, fixed, options = {}) {
    if (original === fixed)
        return '';
    const patch = (0,create/* structuredPatch */.YB)(`a/${path}`, `b/${path}`, original, fixed, undefined, undefined, { context: options.context ?? 3 });
    return (0,create/* formatPatch */.Gu)(patch, create/* FILE_HEADERS_ONLY */.jr);
}
/** One diff for several files, in the order given; files without changes are left out. */
function unifiedDiffs(files, options = {}) {
    return files.map((f) => unifiedDiff(f.path, f.original, f.fixed, options)).join('');
}

;// CONCATENATED MODULE: ./src/fix/write.ts




const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/**
 * Writes a fixed text over a file, atomically: into a temporary file beside it, then renamed over it, so a reader never
 * sees half a file (src/files/workspace.ts). The file's byte order mark and mode are kept. A link is followed only
 * when its real location is inside the confinement (by default the file's own folder), and its target is written.
 * The file is written only when it still holds `original` (the text the fixes were made for) and when its mode lets
 * the user write it (a 0444 file is reported, never replaced); otherwise it is left alone.
 */
function writeFixedFile(absolute, original, fixed, confinement) {
    const shown = absolute;
    const place = confinement ?? { root: path.dirname(absolute) };
    let target;
    let bytes;
    try {
        target = realPathInside(absolute, place);
        if (target === undefined)
            return { path: shown, written: false, reason: 'it could not be read again: the file is gone' };
        bytes = fs.readFileSync(target);
    }
    catch (error) {
        if (error instanceof RefusedPath)
            return { path: shown, written: false, reason: `it was not written: ${error.message}` };
        return { path: shown, written: false, reason: `it could not be read again: ${error.message}` };
    }
    const now = decodeText(bytes);
    if (!('text' in now) || now.text !== original) {
        return { path: shown, written: false, reason: 'the file changed on disk while it was being fixed; it was not written' };
    }
    const readOnly = readOnlyReason(target);
    if (readOnly)
        return { path: shown, written: false, reason: readOnly };
    const bom = bytes.subarray(0, 3).equals(BOM);
    try {
        const mode = fs.statSync(target).mode & 0o7777;
        writeConfined(target, bom ? Buffer.concat([BOM, Buffer.from(fixed, 'utf8')]) : fixed, { ...place, alsoUnder: [path.dirname(target)] }, mode);
        return { path: shown, written: true };
    }
    catch (error) {
        return { path: shown, written: false, reason: `it could not be written: ${error.message}` };
    }
}
/** Whether the bytes start with a UTF-8 byte order mark (which `decodeText` strips). */
function hasBom(bytes) {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

;// CONCATENATED MODULE: ./src/fix/index.ts
/**
 * Fixes: applying the edits of findings to file texts (checked by linting the result again), unified diffs, writing
 * fixed files, and what the report says about them. Nothing here talks to GitHub; the action builds on it.
 */








;// CONCATENATED MODULE: ./src/github/commit.ts





/** The trailer of the action's fix commits: the fingerprint of the findings they fix. */
const FIX_TRAILER = 'Eci-Egress-Lint-Fixes';
/** The same findings give the same fingerprint, whatever their order or positions. */
function fixFingerprint(findings) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(findings.map(baselineKey).sort().join('\n'))
        .digest('hex')
        .slice(0, 20);
}
/** The commit message: the headline names the rules fixed (or is the commit-message input), the body lists the fixes. */
function commitMessage(findings, override) {
    const rules = [...new Set(findings.map((f) => f.ruleId))].sort();
    const [headline, ...rest] = (override ?? `fix: ${rules.join(', ')} (eci-egress-lint)`).split('\n');
    const lines = findings.map((f) => `- ${f.file}:${f.span.line} ${f.ruleId}: ${f.fix?.description ?? ''}`.trimEnd());
    const body = [...(rest.length > 0 ? [rest.join('\n').trim(), ''] : []), ...lines, '', `${FIX_TRAILER}: ${fixFingerprint(findings)}`].join('\n');
    return { headline, body: body.replace(/^\n+/, '') };
}
/** The message of a commit: from git when the checkout has it, else from the API; undefined when neither can say. */
async function commitMessageOf(github, workspace, sha) {
    const local = hasCommit(workspace, sha) ? gitOrUndefined(workspace, ['log', '-1', '--format=%B', sha]) : undefined;
    if (local)
        return local.toString('utf8');
    try {
        const { data } = await github.octokit.rest.git.getCommit({ owner: github.context.owner, repo: github.context.repo, commit_sha: sha });
        return data.message;
    }
    catch {
        return undefined;
    }
}
/** Whether a commit message is this action's fix commit for exactly these findings. */
function isOwnFixCommit(message, findings) {
    if (!message)
        return false;
    const m = new RegExp(`^${FIX_TRAILER}: ([0-9a-f]+)\\s*$`, 'm').exec(message);
    return m?.[1] === fixFingerprint(findings);
}
const CREATE_COMMIT = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;
/**
 * One commit on the pull request's branch through GraphQL createCommitOnBranch: GitHub signs it, and refuses
 * it (STALE_DATA) when the branch no longer points at `expectedHeadOid`. A refusal is not retried.
 */
async function commitFixes(github, input) {
    try {
        const data = await github.graphql(CREATE_COMMIT, {
            input: {
                branch: { repositoryNameWithOwner: input.repository, branchName: input.branch },
                message: input.message,
                expectedHeadOid: input.expectedHeadOid,
                fileChanges: { additions: input.files.map((f) => ({ path: f.path, contents: f.contents.toString('base64') })) },
            },
        });
        return { ok: true, oid: data.createCommitOnBranch.commit.oid, url: data.createCommitOnBranch.commit.url };
    }
    catch (error) {
        const failure = describeFailure(error);
        const stale = failure.types.includes('STALE_DATA') || /expected branch to point to/i.test(failure.message);
        return { ok: false, stale, failure };
    }
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/line.js + 1 modules
var line = __webpack_require__(7073);
;// CONCATENATED MODULE: ./src/github/suggestions.ts





function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines.map((l) => l.replace(/\r$/, ''));
}
/** The suggestions of one fixed file: the changed lines of `original` → `fixed`, grouped by the fixes that made them. */
function suggestionsFor(file) {
    if (file.original === file.fixed)
        return [];
    const original = splitLines(file.original);
    const fixed = splitLines(file.fixed);
    /** For each unchanged line of the original (1-based), its line in the fixed text. */
    const common = new Map();
    const blocks = [];
    let o = 1;
    let n = 1;
    for (const change of (0,line/* diffLines */.Pp)(file.original, file.fixed)) {
        const count = change.count ?? splitLines(change.value).length;
        if (change.added) {
            // Lines inserted before original line o: anchored on the line above (or the first line).
            const anchor = o > 1 ? o - 1 : 1;
            blocks.push({ start: anchor, end: anchor, findings: [] });
            n += count;
        }
        else if (change.removed) {
            blocks.push({ start: o, end: o + count - 1, findings: [] });
            o += count;
        }
        else {
            for (let k = 0; k < count; k++)
                common.set(o + k, n + k);
            o += count;
            n += count;
        }
    }
    // A fix's own lines: from its first edit to its last, so that a key moved away and added elsewhere is one suggestion.
    const lines = new LineIndex(file.original);
    const lineOf = (offset) => lines.span(offset).line;
    /** The original lines an edit touches; an insertion at the start of a line belongs to the line above. */
    const editLines = (e) => {
        if (e.end > e.start)
            return [lineOf(e.start), lineOf(e.end - 1)];
        const line = lineOf(e.start);
        const atLineStart = e.start === 0 || file.original[e.start - 1] === '\n';
        return atLineStart && line > 1 ? [line - 1, line - 1] : [line, line];
    };
    for (const finding of file.applied) {
        const edits = finding.fix?.edits ?? [];
        if (edits.length === 0)
            continue;
        const ranges = edits.map(editLines);
        const from = Math.min(...ranges.map((r) => r[0]));
        const to = Math.max(...ranges.map((r) => r[1]));
        blocks.push({ start: from, end: Math.max(from, to), findings: [finding] });
    }
    // Merge blocks that overlap or touch, so that each begins and ends next to unchanged lines.
    blocks.sort((a, b) => a.start - b.start || a.end - b.end);
    const merged = [];
    for (const block of blocks) {
        const last = merged[merged.length - 1];
        if (last && block.start <= last.end + 1) {
            last.end = Math.max(last.end, block.end);
            last.findings.push(...block.findings);
        }
        else
            merged.push({ ...block, findings: [...block.findings] });
    }
    const fixedLineOf = (line) => {
        if (line <= 0)
            return 0;
        if (line > original.length)
            return fixed.length + 1;
        return common.get(line);
    };
    const suggestions = [];
    for (const block of merged) {
        const before = fixedLineOf(block.start - 1);
        const after = fixedLineOf(block.end + 1);
        if (before === undefined || after === undefined)
            continue; // cannot happen: merged blocks end next to unchanged lines
        const replacement = fixed.slice(before, after - 1);
        const replaced = original.slice(block.start - 1, block.end);
        if (replacement.length === replaced.length && replacement.every((l, i) => l === replaced[i]))
            continue;
        suggestions.push({ path: file.path, startLine: block.start, endLine: block.end, replacement, findings: block.findings });
    }
    return suggestions;
}
/** Whether every line of the suggestion lies inside the hunks of the file's patch (GitHub refuses others). */
function insideDiff(suggestion, patch) {
    const lines = commentableLines(patch);
    for (let l = suggestion.startLine; l <= suggestion.endLine; l++)
        if (!lines.has(l))
            return false;
    return true;
}
/** A stable key of a suggestion: the same fix on the same lines of the same text gets the same key. */
function suggestionKey(s) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([s.path, s.startLine, s.endLine, ...s.replacement].join('\n'))
        .digest('hex')
        .slice(0, 16);
}
const SUGGESTION_MARKER = 'eci-egress-lint:suggestion';
/** A fence longer than any run of backticks in the text. */
function fence(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
/** The review comment of a suggestion: a hidden key (so a second run does not post it again), what it fixes, the change. */
function suggestionBody(s, describe) {
    const what = s.findings.length > 0 ? s.findings.map(describe).join('\n') : 'A fix that an earlier fix on these lines made possible.';
    const text = s.replacement.join('\n');
    const f = fence(text);
    return `<!-- ${SUGGESTION_MARKER} ${suggestionKey(s)} -->\n${what}\n\n${f}suggestion\n${text}${text ? '\n' : ''}${f}\n`;
}
/**
 * The text of `file` with only the given suggestions applied, as a unified diff (for fixes that cannot be
 * suggestions: outside the diff, or past the review's limit).
 */
function patchOf(file, suggestions) {
    if (suggestions.length === 0)
        return '';
    const eol = file.original.includes('\r\n') ? '\r\n' : '\n';
    const lines = file.original.split(/\r?\n/);
    const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
    const sorted = [...suggestions].sort((a, b) => b.startLine - a.startLine);
    for (const s of sorted)
        lines.splice(s.startLine - 1, s.endLine - s.startLine + 1, ...s.replacement);
    const text = lines.join(eol) + (trailing !== undefined ? eol : '');
    return unifiedDiff(file.path, file.original, text);
}

;// CONCATENATED MODULE: ./src/github/review.ts


/** GitHub takes many comments in one review, but a review of more than 30 suggestions is hard to read; the rest wait for the next run. */
const SUGGESTIONS_PER_REVIEW = 30;
/** The keys of the suggestions already on the pull request (every page of its review comments). */
async function postedSuggestionKeys(github, number) {
    const { owner, repo } = github.context;
    const keys = new Set();
    const pattern = new RegExp(`<!-- ${SUGGESTION_MARKER} ([0-9a-f]{16}) -->`);
    for (let page = 1;; page++) {
        const { data } = await github.octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: number, per_page: PER_PAGE, page });
        for (const comment of data) {
            const key = pattern.exec(comment.body)?.[1];
            if (key)
                keys.add(key);
        }
        if (data.length < PER_PAGE)
            break;
    }
    return keys;
}
/** One review on the head commit with a suggested-change comment per suggestion (at most 30). */
async function postSuggestions(github, options) {
    const { owner, repo } = github.context;
    const suggestions = options.suggestions.slice(0, SUGGESTIONS_PER_REVIEW);
    const comments = suggestions.map((s) => ({
        path: s.path,
        body: suggestionBody(s, options.describe),
        side: 'RIGHT',
        line: s.endLine,
        ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: 'RIGHT' } : {}),
    }));
    const { data } = await github.octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: options.number,
        commit_id: options.headSha,
        event: 'COMMENT',
        body: `eci-egress-lint suggests ${suggestions.length === 1 ? 'a fix' : `${suggestions.length} fixes`}. Each can be committed from here.`,
        comments,
    });
    return { url: data.html_url };
}

;// CONCATENATED MODULE: ./src/github/fixes.ts
















const fixes_describe = (f) => `**eci-egress-lint** \`${f.ruleId}\`: ${(0,report_escape/* escapeMarkdown */.FV)(f.fix?.description ?? '')}.`;
/**
 * `fix: suggest` and `fix: commit` on a pull request. Fixes are computed on the head commit's files (read from
 * the checkout when it is the head, else with git or the API), with the fix engine, which re-lints every result.
 * - commit: one commit through createCommitOnBranch against the head the run checked; a fork, a read-only token
 *   or a refused write falls back to suggest; a moved branch (STALE_DATA) means no commit and a notice; nothing is
 *   committed when the head commit is already this action's fix for the same findings.
 * - suggest: one review with a suggested change per fix on lines inside the diff (at most 30, none posted twice);
 *   the other fixes go into the comment and the job summary as a patch.
 */
async function publishFixes(github, context, writes, input) {
    const outcome = { comment: [], summary: [], fixedFiles: [], suggested: 0 };
    const pr = context.pullRequest;
    // Suggestions are only offered: a fix that is unsafe by policy (eip-missing under egress: auto) is offered too.
    if (input.mode === 'suggest')
        input = { ...input, unsafeRules: [...new Set([...input.unsafeRules, ...rulesSuggestedWhenUnsafe()])] };
    const wanted = input.findings.filter((f) => isSelected(f, input.unsafeRules));
    if (wanted.length === 0)
        return outcome;
    const fixed = await fixHead(github, context, input, wanted);
    const files = fixed.files.filter((f) => f.fixed !== f.original);
    const failed = fixed.files.flatMap((f) => f.failed);
    if (failed.length > 0) {
        outcome.summary.push([`<details><summary>${failed.length} fix${failed.length === 1 ? '' : 'es'} could not be applied</summary>`, '', ...failed.map((x) => `- ${(0,report_escape/* escapeMarkdown */.FV)(x.finding.file)}:${x.finding.span.line} \`${x.finding.ruleId}\`: ${(0,report_escape/* escapeMarkdown */.FV)(x.reason)}`), '', '</details>'].join('\n'));
    }
    if (files.length === 0)
        return outcome;
    if (!pr || !github) {
        // No pull request or no API: the fixes as a patch in the job summary, to apply by hand.
        const all = files.flatMap((f) => patchOf(f, suggestionsFor(f))).join('');
        outcome.summary.push(patchSection(all, `${countFixes(files)}, as a patch`));
        core/* info */.pq(`fix: ${input.mode} needs a pull request and the API; the fixes are in the job summary as a patch.`);
        return outcome;
    }
    let mode = input.mode;
    if (mode === 'commit' && pr.fork) {
        core/* info */.pq('fix: commit cannot push to a branch in a fork; suggesting the fixes instead.');
        mode = 'suggest';
    }
    if (mode === 'commit' && writes.closed) {
        writes.skip('the fix commit', 'the fixes were suggested instead');
        mode = 'suggest';
    }
    if (mode === 'commit') {
        const applied = files.flatMap((f) => f.applied);
        const message = await commitMessageOf(github, input.workspace, pr.headSha);
        if (isOwnFixCommit(message, applied)) {
            core/* info */.pq(`The head commit ${pr.headSha.slice(0, 7)} is already this action's fix for these findings: no new commit.`);
            outcome.comment.push(`Fixes were committed in ${pr.headSha.slice(0, 7)}, and these findings are still reported: see the job summary.`);
            return outcome;
        }
        const result = await commitFixes(github, {
            repository: pr.headRepo || `${context.owner}/${context.repo}`,
            branch: pr.headRef,
            expectedHeadOid: pr.headSha,
            files: files.map((f) => ({ path: f.path, contents: Buffer.from((fixed.bom.has(f.path) ? '\ufeff' : '') + f.fixed, 'utf8') })),
            message: commitMessage(applied, input.commitMessage),
        });
        if (result.ok) {
            outcome.fixedFiles = files.map((f) => f.path);
            outcome.committed = result.oid;
            const rules = [...new Set(applied.map((f) => `\`${f.ruleId}\``))].sort().join(', ');
            outcome.comment.push(`Committed ${countFixes(files)} (${rules}) to \`${(0,report_escape/* escapeMarkdown */.FV)(pr.headRef)}\` in ${result.oid.slice(0, 7)}.`);
            outcome.summary.push(`Committed ${countFixes(files)} (${rules}) in ${result.oid}.`);
            core/* info */.pq(`Committed the fixes of ${outcome.fixedFiles.length} file(s) as ${result.oid}.`);
            return outcome;
        }
        if (result.stale) {
            writes.skipped.push(`the fix commit: the branch ${pr.headRef} moved since this run checked ${pr.headSha.slice(0, 7)}, so nothing was committed (the run on the new head checks again)`);
            outcome.summary.push(patchSection(files.map((f) => patchOf(f, suggestionsFor(f))).join(''), `${countFixes(files)} not committed, as a patch`));
            return outcome;
        }
        writes.failed('the fix commit', result.failure, 'the fixes were suggested instead');
        mode = 'suggest';
    }
    return suggest(github, pr.number, pr.headSha, writes, input, files, outcome);
}
function countFixes(files) {
    const n = files.reduce((sum, f) => sum + f.applied.length + f.followUps.length, 0);
    return `${n} fix${n === 1 ? '' : 'es'}`;
}
/** A patch in a collapsed block; the fence is longer than any backtick run in it, so file content cannot close it. */
function patchSection(patch, summary) {
    const f = fence(patch);
    return [
        `<details><summary>${summary}</summary>`,
        '',
        'Save it as `fixes.patch` and run `git apply fixes.patch` in the pull request\'s branch.',
        '',
        `${f}diff`,
        patch.replace(/\n$/, ''),
        f,
        '',
        '</details>',
    ].join('\n');
}
async function suggest(github, number, headSha, writes, input, files, outcome) {
    const byFile = new Map(files.map((f) => [f.path, suggestionsFor(f)]));
    let changed = input.changed;
    if (!changed) {
        try {
            changed = await listPullRequestFiles(github, number);
        }
        catch (error) {
            (0,log/* logInfo */.f)(`The pull request's diff could not be read (${failureText(describeFailure(error))}): every fix goes into the patch.`);
            changed = [];
        }
    }
    const patches = new Map(changed.map((f) => [f.path, f.patch]));
    const inDiff = [];
    const outside = new Map();
    const keep = (path, s) => outside.set(path, [...(outside.get(path) ?? []), s]);
    for (const [path, suggestions] of byFile) {
        for (const s of suggestions) {
            if (insideDiff(s, patches.get(path)))
                inDiff.push(s);
            else
                keep(path, s);
        }
    }
    let posted = [];
    if (inDiff.length > 0) {
        if (writes.closed) {
            writes.skip('the review with suggested fixes', 'the fixes are in the job summary as a patch');
            for (const s of inDiff)
                keep(s.path, s);
        }
        else {
            try {
                const already = await postedSuggestionKeys(github, number);
                const fresh = inDiff.filter((s) => !already.has(suggestionKey(s)));
                posted = fresh.slice(0, SUGGESTIONS_PER_REVIEW);
                for (const s of fresh.slice(SUGGESTIONS_PER_REVIEW))
                    keep(s.path, s);
                if (posted.length > 0) {
                    const review = await postSuggestions(github, { number, headSha, suggestions: posted, describe: fixes_describe });
                    (0,log/* logInfo */.f)(`Posted a review with ${posted.length} suggested fix(es)${review.url ? `: ${review.url}` : ''}; ${inDiff.length - fresh.length} were already there.`);
                }
                else
                    core/* info */.pq(`Every suggested fix (${inDiff.length}) is already on the pull request: no new review.`);
                outcome.suggested = posted.length;
            }
            catch (error) {
                writes.failed('the review with suggested fixes', describeFailure(error), 'the fixes are in the job summary as a patch');
                for (const s of posted.length > 0 ? posted : inDiff)
                    keep(s.path, s);
                posted = [];
            }
        }
    }
    const patch = files.map((f) => patchOf(f, outside.get(f.path) ?? [])).join('');
    if (patch) {
        const n = [...outside.values()].reduce((sum, list) => sum + list.length, 0);
        const section = patchSection(patch, `${n} fix${n === 1 ? '' : 'es'} outside the lines of this diff (or past the review's ${SUGGESTIONS_PER_REVIEW}), as a patch`);
        outcome.comment.push(section);
        outcome.summary.push(section);
    }
    return outcome;
}
/**
 * The fixes, computed on the head commit's files. When the checkout is the head (or no git), the run's own texts
 * and findings are used; otherwise (the merge commit) the fixable files are read at the head and linted again,
 * and the run's findings are matched in them.
 */
async function fixHead(github, context, input, wanted) {
    const bom = new Set();
    const fixable = [...new Set(wanted.map((f) => f.file))];
    const head = context.pullRequest?.headSha;
    const checkout = resolveCommitIfPresent(input.workspace, 'HEAD');
    let sources = input.sources;
    let findings = input.findings;
    if (head && checkout && checkout !== head) {
        const texts = new Map();
        const missing = [];
        for (const file of fixable) {
            const bytes = showFileIfPresent(input.workspace, head, file);
            if (bytes) {
                const decoded = read_decodeText(bytes);
                if ('text' in decoded) {
                    texts.set(file, decoded.text);
                    if (hasBom(bytes))
                        bom.add(file);
                }
            }
            else
                missing.push(file);
        }
        if (missing.length > 0 && github) {
            for (const [file, blob] of await readBlobsWithApi(github, head, missing)) {
                if (blob?.text == null || blob.isBinary)
                    continue;
                if (blob.text.charCodeAt(0) === 0xfeff)
                    bom.add(file);
                texts.set(file, blob.text.replace(/^\ufeff/, ''));
            }
        }
        core/* info */.pq(`The checkout (${checkout.slice(0, 7)}) is not the head ${head.slice(0, 7)}: fixing the head's version of ${texts.size} file(s).`);
        sources = input.sources.map((s) => (texts.has(s.path) ? { path: s.path, text: texts.get(s.path) } : s));
        const relinted = lintSources(sources, { config: input.config });
        const left = new Map();
        for (const f of input.findings)
            left.set(baselineKey(f), (left.get(baselineKey(f)) ?? 0) + 1);
        findings = relinted.findings.filter((f) => {
            const n = left.get(baselineKey(f)) ?? 0;
            if (n === 0)
                return false;
            left.set(baselineKey(f), n - 1);
            return true;
        });
    }
    else {
        for (const file of fixable) {
            const source = input.sources.find((s) => s.path === file);
            if (source?.text === undefined)
                continue;
            const bytes = showFileFromDisk(input.workspace, file);
            if (bytes && hasBom(bytes))
                bom.add(file);
        }
    }
    // The checkout's charts are rendered from its files: their fixes are computed only when the checkout is the head.
    const rendering = sources === input.sources ? input.rendering : undefined;
    const result = rendering
        ? await fixInWorkspace(sources, findings, { config: input.config, unsafeRules: input.unsafeRules, rendered: rendering.rendered, cwd: input.workspace, paths: rendering.paths })
        : applyFixes(sources, findings, { config: input.config, unsafeRules: input.unsafeRules });
    return { files: result.files, bom };
}
function showFileFromDisk(workspace, file) {
    try {
        return external_node_fs_default().readFileSync(external_node_path_default().resolve(workspace, file));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/github/checks.ts

/** The Checks API takes at most 50 annotations a request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limits on a check run's output texts and an annotation's fields. */
const OUTPUT_LIMIT = 65_535;
const MESSAGE_LIMIT = 64 * 1024 - 1;
const TITLE_LIMIT = 255;
const CHECK_NAME = 'eci-egress-lint';
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' };
function checkAnnotation(f) {
    const oneLine = f.span.endLine === f.span.line;
    return {
        path: f.file,
        start_line: f.span.line,
        end_line: f.span.endLine,
        // Columns are allowed only when the annotation is on one line.
        ...(oneLine ? { start_column: f.span.column, end_column: Math.max(f.span.column, f.span.endColumn) } : {}),
        annotation_level: LEVEL[f.severity],
        title: f.ruleId.slice(0, TITLE_LIMIT),
        message: cut(f.message, MESSAGE_LIMIT),
        ...(f.fix ? { raw_details: cut(`Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}`, MESSAGE_LIMIT) } : {}),
    };
}
function cut(text, limit, note = '…') {
    return text.length <= limit ? text : text.slice(0, limit - note.length) + note;
}
/**
 * One check run on the head commit with every finding as an annotation: created with the first 50, then
 * updated with 50 more per request; the last request completes it with its conclusion.
 */
async function publishCheckRun(github, input) {
    const { owner, repo } = github.context;
    const annotations = input.findings.map(checkAnnotation);
    const batches = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    if (batches.length === 0)
        batches.push([]);
    const output = (batch) => ({
        title: cut(input.title, TITLE_LIMIT),
        summary: cut(input.summary, OUTPUT_LIMIT, '\n\n…'),
        ...(input.text ? { text: cut(input.text, OUTPUT_LIMIT, '\n\n… (cut; the full report is in the job summary)') } : {}),
        annotations: batch,
    });
    const done = (last) => last ? { status: 'completed', conclusion: input.conclusion, completed_at: new Date().toISOString() } : { status: 'in_progress' };
    let published = 0;
    let id;
    try {
        const created = await github.octokit.rest.checks.create({
            owner,
            repo,
            name: CHECK_NAME,
            head_sha: input.headSha,
            ...done(batches.length === 1),
            output: output(batches[0]),
        });
        id = created.data.id;
        published += batches[0].length;
        for (let i = 1; i < batches.length; i++) {
            await github.octokit.rest.checks.update({ owner, repo, check_run_id: id, ...done(i === batches.length - 1), output: output(batches[i]) });
            published += batches[i].length;
        }
        return { ok: true, id, requests: batches.length };
    }
    catch (error) {
        if (id !== undefined) {
            // Do not leave the check run spinning: complete it with what it has.
            await github.octokit.rest.checks
                .update({ owner, repo, check_run_id: id, ...done(true), output: output([]) })
                .catch(() => undefined);
        }
        return { ok: false, failure: describeFailure(error), published };
    }
}

;// CONCATENATED MODULE: ./src/report/infrastructure.ts
/** At most this many unresolved values are listed in the text and Markdown reports; JSON has them all. */
const MAX_UNRESOLVED_SHOWN = 20;
/** How many workloads' NAT decision names each resource, with the first few of them, for the report lines. */
const MAX_WORKLOADS_NAMED = 3;
function workloadsPhrase(list) {
    const named = list.slice(0, MAX_WORKLOADS_NAMED).map((d) => `${d.workload.kind} ${d.workload.name} (${d.workload.file}:${d.workload.span.line})`);
    const more = list.length > MAX_WORKLOADS_NAMED ? `, and ${list.length - MAX_WORKLOADS_NAMED} more` : '';
    return `${list.length === 1 ? '1 workload' : `${list.length} workloads`}: ${named.join(', ')}${more}`;
}
/**
 * The lines that say which infrastructure resource decided `nat-gateway: auto` and for which workloads (a NAT
 * fact speaks only for the workloads in its scope), and the note when the Kubernetes manifests could belong to
 * several clusters. None when the config or the default decided everything.
 */
function natLines(result) {
    const byFact = new Map();
    const several = [];
    if (typeof result.nat.decidedBy === 'object')
        byFact.set(result.nat.decidedBy, []);
    for (const decision of result.natDecisions ?? []) {
        const by = decision.nat.decidedBy;
        if (typeof by === 'object') {
            const list = byFact.get(by);
            if (list)
                list.push(decision);
            else
                byFact.set(by, [decision]);
        }
        else if (by === 'several')
            several.push(decision);
    }
    const lines = [];
    for (const [by, list] of byFact) {
        const where = `${by.resource} (${by.file}:${by.span.line})`;
        const those = list.length > 0 ? ` It decides for ${workloadsPhrase(list)}.` : '';
        if (by.present)
            lines.push(`NAT gateway: present, decided by ${where}${by.why ? `: ${by.why}` : ''}.${those}`);
        else {
            lines.push(`NAT gateway: not known, because of ${where}: ${by.unknown ?? by.why ?? ''}.${those} Findings that need to know it ` +
                `(eip-missing) are not reported; set nat-gateway: present or absent (or a clusters: entry) to decide.`);
        }
    }
    if (several.length > 0 || result.nat.decidedBy === 'several') {
        lines.push(`NAT gateway: not known for the Kubernetes manifests (${workloadsPhrase(several)}): ${several[0]?.nat.unknown ?? result.nat.unknown ?? ''}. ` +
            `eip-missing and eip-redundant are not reported for them; map their paths to a cluster with a clusters: entry ` +
            `(e.g. { path: "k8s/prod/**", nat-gateway: present }).`);
    }
    return lines;
}
/** The values the readers could not resolve, first ones first, with how many more there are. */
function unresolvedLines(result) {
    const all = result.files.flatMap((f) => (f.unresolved ?? []).map((u) => ({ file: f.path, line: u.span.line, text: `${u.what}: ${u.why}` })));
    return { lines: all.slice(0, MAX_UNRESOLVED_SHOWN), more: Math.max(0, all.length - MAX_UNRESOLVED_SHOWN), total: all.length };
}
const UNRESOLVED_HEADING = 'not resolved (no finding and no cost rests on them)';

;// CONCATENATED MODULE: ./src/report/cost.ts

/** Whether a report has a cost worth a table: a workload with an EIP in the head or the base. */
function hasCostTable(cost) {
    return cost !== undefined && (cost.workloads.length > 0 || (cost.base?.workloads.length ?? 0) > 0);
}
const cents = (range) => ({ min: round2(range.min), max: round2(range.max) });
function costRows(cost) {
    if (!cost.changes)
        return cost.workloads.map((w) => ({ workload: w, after: w }));
    return cost.changes.map((c) => ({ workload: (c.head ?? c.base), before: c.base, after: c.head, change: c }));
}
// ---------------------------------------------------------------------------------------------------------------
// JSON
function workloadJson(w) {
    return {
        file: w.file,
        kind: w.kind,
        name: w.name,
        namespace: w.namespace,
        pods: w.pods ?? null,
        chargeType: w.chargeType ?? null,
        bandwidthMbps: w.bandwidthMbps ?? null,
        eip: w.eip,
        ...(w.isp ? { isp: w.isp } : {}),
        perPod: w.perPod === undefined ? null : round2(w.perPod),
        monthly: w.monthly ? cents(w.monthly) : null,
        ...(w.unknown !== undefined ? { unknown: w.unknown } : {}),
        ...(w.region !== undefined ? { region: w.region } : {}),
    };
}
/**
 * The `cost` object of the JSON report (docs/cost.md): amounts in the report's currency, rounded to cents
 * (totals are rounded once, from the unrounded amounts).
 */
function costJson(cost) {
    const workloads = cost.changes
        ? cost.changes.map((c) => {
            const head = c.head
                ? workloadJson(c.head)
                : { ...workloadJson(c.base), pods: { min: 0, max: 0 }, perPod: 0, monthly: { min: 0, max: 0 }, unknown: undefined };
            return {
                ...head,
                status: c.status,
                base: c.base ? { file: c.base.file, pods: c.base.pods ?? null, monthly: c.base.monthly ? cents(c.base.monthly) : null } : null,
                change: c.change ? cents(c.change) : null,
            };
        })
        : cost.workloads.map(workloadJson);
    const values = Object.fromEntries(PRICE_KEYS.map((k) => [k, cost.pricing.prices[k]]));
    return {
        region: cost.pricing.region,
        currency: cost.pricing.currency,
        prices: {
            asOf: cost.pricing.asOf,
            ageMonths: cost.pricing.ageMonths,
            source: cost.pricing.source,
            overridden: cost.pricing.overridden,
            values,
            bgpPro: cost.pricing.bgpPro,
        },
        assumptions: cost.assumptions,
        workloads,
        ...(cost.freeTraffic
            ? { freeTraffic: { gb: cost.freeTraffic.gb, used: cost.freeTraffic.used, credit: cents(cost.freeTraffic.credit) } }
            : {}),
        total: cents(cost.total),
        unknownWorkloads: cost.unknownWorkloads,
        ...(cost.base
            ? {
                base: { total: cents(cost.base.total), unknownWorkloads: cost.base.unknownWorkloads },
                // null when a workload's cost is unknown on either side (unknownChanges says how many).
                change: cost.change ? cents(cost.change) : null,
                unknownChanges: cost.unknownChanges ?? 0,
            }
            : {}),
        natAlternative: { monthly: round2(cost.natAlternative.monthly), pods: cost.natAlternative.pods },
        breakEvenPods: cost.breakEvenPods,
    };
}

;// CONCATENATED MODULE: ./src/report/summary.ts
function countFindings(result) {
    const counts = { error: 0, warning: 0, notice: 0, total: 0, suppressed: result.suppressed.length, fixable: 0 };
    for (const finding of result.findings) {
        counts[finding.severity]++;
        counts.total++;
        if (finding.fix?.safe)
            counts.fixable++;
    }
    return counts;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function groupByFile(findings) {
    const groups = new Map();
    for (const finding of findings) {
        const group = groups.get(finding.file);
        if (group)
            group.push(finding);
        else
            groups.set(finding.file, [finding]);
    }
    return groups;
}

;// CONCATENATED MODULE: ./src/report/presentation.ts




const SKIPPED_FILE = 'skipped-file';
function failsAt(findings, failOn) {
    return failOn !== 'never' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
function fixHint(fixable, options) {
    if (fixable === 0)
        return undefined;
    const what = `${plural(fixable, 'finding')} can be fixed safely`;
    if (options.surface === 'cli')
        return `${what}: run with --fix`;
    if (options.fixMode === 'suggest')
        return `${what}: fix: suggest offers them as suggested changes`;
    if (options.fixMode === 'commit')
        return `${what}: fix: commit commits them to the branch`;
    return `${what}: set the action's input fix: suggest (review suggestions) or fix: commit`;
}
function headline(result, options) {
    const by = (s) => result.findings.filter((f) => f.severity === s && f.ruleId !== SKIPPED_FILE).length;
    const errors = by('error');
    const warnings = by('warning');
    const notices = by('notice');
    const notScanned = new Set(result.findings.filter((f) => f.ruleId === SKIPPED_FILE).map((f) => f.file)).size;
    const parts = [
        errors ? plural(errors, 'error') : '',
        warnings ? plural(warnings, 'warning') : '',
        notices ? plural(notices, 'notice') : '',
    ].filter(Boolean);
    const failed = failsAt(result.findings, options.failOn ?? 'error');
    const verdict = failed ? 'fail' : result.findings.length > 0 ? 'pass' : 'clear';
    const fixable = result.findings.filter((f) => f.fix?.safe).length;
    return {
        verdict,
        verdictWords: { clear: 'All clear', pass: 'Passes with findings', fail: 'Fails' }[verdict],
        counts: parts.length > 0 ? parts.join(', ') : 'no problems',
        problems: errors + warnings,
        notices,
        scanned: result.files.filter((f) => f.status === 'scanned').length,
        notScanned,
        fixable,
        fixHint: fixHint(fixable, options),
        cost: hasCostTable(result.cost) ? costHeadline(result.cost) : undefined,
    };
}
/** `36 scanned files; 1 file not scanned` — what the counts are about. */
function filesPhrase(h) {
    return `${plural(h.scanned, 'scanned file')}${h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : ''}`;
}
/** Findings worst first, then by file and position: the order of every list. */
function orderedFindings(findings) {
    return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.span.line - b.span.line ||
        a.span.column - b.span.column);
}
function fixLabel(f) {
    return f.fix ? `fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}` : undefined;
}
// ---------------------------------------------------------------------------------------------------------------
// Cost
/** `2.50` or `2.50 + 1 unknown`: a total never includes an unknown cost, and says how many it leaves out. */
function sideTotal(total, unknown) {
    return `${amountRange(total)}${unknown > 0 ? ` + ${unknown} unknown` : ''}`;
}
function changeOf(cost) {
    if (cost.change)
        return signedRange(cost.change);
    const n = cost.unknownChanges ?? 0;
    return `change: n/a, ${plural(n, 'workload')} unknown`;
}
/**
 * `EIP cost USD 1.17 → 3.51 a month (+2.34)`; without a base `EIP cost USD 3.51 a month`; unknown costs are
 * counted and left out (`USD 1.17 → 0.00 + 1 unknown a month (change: n/a, 1 workload unknown)`).
 */
function costHeadline(cost) {
    const c = cost.pricing.currency;
    const existing = cost.workloads.filter((w) => w.eip === 'existing').length;
    const elsewhere = existing > 0 ? `; existing EIPs of ${plural(existing, 'workload')} billed elsewhere` : '';
    if (cost.base) {
        return `EIP cost ${c} ${sideTotal(cost.base.total, cost.base.unknownWorkloads)} → ${sideTotal(cost.total, cost.unknownWorkloads)} a month (${changeOf(cost)})${elsewhere}`;
    }
    return `EIP cost ${c} ${sideTotal(cost.total, cost.unknownWorkloads)} a month${elsewhere}`;
}
/** How a workload is named: `Deployment shop/web`; a Terraform address that already holds its type is not repeated. */
function workloadLabel(w) {
    const name = `${w.namespace ? `${w.namespace}/` : ''}${w.name || '(unnamed)'}`;
    return w.name.startsWith(`${w.kind}.`) ? name : `${w.kind} ${name}`;
}
function podsCell(row) {
    const pods = (w) => (!w ? '0' : w.pods ? countRange(w.pods) : '?');
    if (!row.change)
        return pods(row.after);
    const before = pods(row.before);
    const after = pods(row.after);
    return before === after ? after : `${before} → ${after}`;
}
function moneyCell(w) {
    if (!w)
        return '—';
    if (w.eip === 'existing' && w.monthly)
        return 'billed elsewhere';
    return w.monthly ? amountRange(w.monthly) : 'unknown';
}
function chargeCell(w) {
    if (w.eip === 'existing')
        return 'existing EIP';
    const type = w.chargeType ?? '?';
    return w.eip === 'bandwidth-plan' ? `${type}, bandwidth plan` : type;
}
function bandwidthCell(w) {
    if (w.eip === 'existing')
        return '';
    if (w.bandwidthMbps === undefined)
        return '?';
    // PayByTraffic bills the traffic: the bandwidth only caps it, and a plan bills its own.
    if (w.eip === 'bandwidth-plan')
        return `${w.bandwidthMbps} Mbps (plan)`;
    return w.chargeType === 'PayByTraffic' ? `${w.bandwidthMbps} Mbps (cap)` : `${w.bandwidthMbps} Mbps`;
}
function natSentence(cost) {
    const c = cost.pricing.currency;
    const nat = cost.natAlternative;
    if (nat.pods === 0)
        return undefined;
    const perPod = money(cost.breakEvenPerPod, c);
    const line = `One NAT gateway with one EIP for the same ${plural(nat.pods, 'pod')}: ${money(nat.monthly, c)} a month.`;
    if (cost.breakEvenPods === null) {
        // Either the NAT gateway's traffic costs more per pod than an EIP (it never pays off), or it pays off only
        // past the largest pod count the search tries.
        const p = cost.pricing.prices;
        const never = cost.breakEvenPerPod <= natAlternativeMonthly(p, cost.assumptions, 1) - natAlternativeMonthly(p, cost.assumptions, 0);
        return never
            ? `${line} Per-pod EIPs (${perPod} a pod a month) stay cheaper at any number of pods: each pod's traffic through the NAT gateway costs more than its EIP.`
            : `${line} Per-pod EIPs (${perPod} a pod a month) stay cheaper: the NAT gateway pays off only past ${BREAK_EVEN_LIMIT.toLocaleString('en-US')} pods.`;
    }
    return `${line} From ${plural(cost.breakEvenPods, 'pod')} on (at ${perPod} a pod a month) the NAT gateway costs no more than per-pod EIPs.`;
}
/** The day pay-by-traffic EIP traffic began to be billed by CDT (Cloud Data Transfer). */
const CDT_SINCE = '2024-12-17';
/** `5 years old`, `8 months old`: how old the price table's prices are. */
function ageText(months) {
    if (months < 12)
        return `${months} month${months === 1 ? '' : 's'} old`;
    const years = Math.floor(months / 12);
    return `${months % 12 === 0 ? '' : 'over '}${years} year${years === 1 ? '' : 's'} old`;
}
/**
 * How old the table's prices are, and that they predate CDT: since 2024-12-17 pay-by-traffic EIP traffic is
 * billed by CDT at tiered prices (docs/cost.md). Empty when every price comes from the config.
 */
function ageSentence(p) {
    if (p.asOf === null || typeof p.ageMonths !== 'number')
        return '';
    const beforeCdt = p.asOf < CDT_SINCE ? `, from before EIP traffic was billed by CDT (${CDT_SINCE})` : '';
    return ` These prices are ${ageText(p.ageMonths)}${beforeCdt}.`;
}
/** What the free traffic allowance saved, when there is one. */
function freeTrafficSentence(cost) {
    const free = cost.freeTraffic;
    if (!free)
        return undefined;
    const gb = (r) => (r.min === r.max ? `${r.max}` : `${r.min}–${r.max}`);
    return (`Free traffic: ${gb(free.used)} of the account's ${free.gb} GB a month (pricing.free-traffic-gb) cover pay-by-traffic BGP EIP traffic, ` +
        `${amountRange(free.credit)} ${cost.pricing.currency} less; the total is net of it.`);
}
function pricingNotes(cost) {
    const p = cost.pricing;
    const a = cost.assumptions;
    const date = p.asOf ? `list prices of ${p.asOf}` : 'prices from the config';
    const overridden = p.overridden.length > 0 && p.asOf ? `; from the config: ${p.overridden.join(', ')}` : '';
    const free = freeTrafficSentence(cost);
    return [
        ...(free ? [free] : []),
        `Region ${p.region}, ${p.currency}, ${date} (${p.source}${overridden}).${ageSentence(p)}`,
        `Assumed: g = ${a.trafficGbPerPod} GB of egress per pod a month; w = ${a.waiveEciConfigFee ? 0 : 1} ` +
            `(the EIP configuration fee is ${a.waiveEciConfigFee ? 'waived' : 'charged'} for EIPs on ECI pods); ` +
            `${a.chargeType} and ${a.bandwidthMbps} Mbps where a pod does not say; ${a.hoursPerMonth} hours a month` +
            `${a.freeTrafficGb > 0 ? `; ${a.freeTrafficGb} GB of free traffic a month for the account` : ''}. Each pod runs all month (Jobs and CronJobs included).`,
        'A PayByTraffic EIP is billed by its traffic: its bandwidth (cap) does not change its cost. An existing EIP bound by id is billed whether or not a pod uses it, so it is billed elsewhere and adds nothing here.',
        'Workloads of unknown cost are counted and left out of every total and change.',
    ];
}
function weight(r) {
    return r ? Math.max(Math.abs(r.min), Math.abs(r.max)) : -1;
}
function costView(cost) {
    const withBase = cost.changes !== undefined;
    const lines = costRows(cost).map((row) => {
        const w = row.workload;
        const unknown = [row.after, row.before].find((x) => x?.unknown !== undefined)?.unknown;
        const amount = withBase ? row.change?.change : row.after?.monthly;
        return {
            workload: workloadLabel(w),
            file: w.file,
            line: w.span.line,
            pods: podsCell(row),
            chargeType: chargeCell(w),
            bandwidth: bandwidthCell(w),
            ...(withBase ? { before: moneyCell(row.before), change: row.change?.change ? signedRange(row.change.change) : 'n/a' } : {}),
            after: moneyCell(row.after),
            ...(unknown !== undefined ? { unknown } : {}),
            ...(amount ? { amount } : {}),
        };
    });
    lines.sort((a, b) => weight(b.amount) - weight(a.amount));
    const total = withBase
        ? {
            before: sideTotal(cost.base.total, cost.base.unknownWorkloads),
            after: sideTotal(cost.total, cost.unknownWorkloads),
            change: cost.change ? signedRange(cost.change) : `n/a, ${plural(cost.unknownChanges ?? 0, 'workload')} unknown`,
        }
        : { after: sideTotal(cost.total, cost.unknownWorkloads) };
    return { currency: cost.pricing.currency, withBase, lines, total, nat: natSentence(cost), pricing: pricingNotes(cost) };
}
/** `and 12 more workloads (+USD 30.00; 1 unknown)`: what a capped table leaves out, in money. */
function moreRows(view, left) {
    const sum = { min: 0, max: 0 };
    let unknown = 0;
    for (const l of left) {
        if (!l.amount)
            unknown++;
        else {
            sum.min += l.amount.min;
            sum.max += l.amount.max;
        }
    }
    const signed = view.withBase ? signedRange(sum) : `+${amountRange(sum)}`;
    // `+USD 30.00`; a range keeps its signs on the numbers: `USD +1.00–+5.00`.
    const single = /^([+-]?)([^–]*)$/.exec(signed);
    const money = single ? `${single[1]}${view.currency} ${single[2]}` : `${view.currency} ${signed}`;
    const knownNone = unknown === left.length;
    const parts = [knownNone ? '' : money, unknown > 0 ? `${unknown} unknown` : ''].filter(Boolean).join('; ');
    return `and ${plural(left.length, 'more workload')}${parts ? ` (${parts})` : ''}`;
}

;// CONCATENATED MODULE: ./src/report/page.ts





/** The comment budget: GitHub refuses bodies of 65,536 characters or more. */
const COMMENT_LIMIT = 65_000;
/** Cost rows in a budgeted page; the rest are summed in one line. */
const COST_ROWS = 10;
/** A cost table longer than this is collapsed. */
const OPEN_COST_ROWS = 5;
/** A single message in a budgeted page is cut at this length; the job summary has it whole. */
const page_MESSAGE_LIMIT = 2_000;
const VERDICT_ICON = { clear: ':white_check_mark:', pass: ':warning:', fail: ':x:' };
const SEVERITY_ICON = { error: ':x:', warning: ':warning:', notice: ':information_source:' };
/** The headline: verdict and counts, how to fix, the cost; lines joined with hard breaks into one block. */
function headlineMarkdown(h, options, scope) {
    const failOn = options.surface === 'action' && h.verdict !== 'clear' ? ` (fail-on: ${options.failOn ?? 'error'})` : '';
    // With a scope line below, the file count is said there, once.
    const files = scope ? (h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : '') : ` in ${filesPhrase(h)}`;
    const lines = [`${VERDICT_ICON[h.verdict]} **eci-egress-lint: ${h.verdictWords}**: ${h.counts}${files}${failOn}.`];
    if (h.fixHint)
        lines.push(`${h.fixHint.replace(/(--fix|fix: \w+)/g, '`$1`')}.`);
    if (h.cost)
        lines.push(`${h.cost}.`);
    return lines.join('\\\n');
}
/** `Scanned 1 of the 2 files pull request #42 changes.` — never a second count that seems to contradict the first. */
function scopeLine(h, scope) {
    const total = h.scanned + h.notScanned;
    const listed = /^the (\d+) files /.exec(scope);
    const text = !listed ? `Scanned ${plural(total, 'file')}: ${scope}.` : Number(listed[1]) === total ? `Scanned ${scope}.` : `Scanned ${total} of ${scope}.`;
    return `<sub>${(0,report_escape/* escapeMarkdown */.FV)(text)}</sub>`;
}
function where(f, links) {
    const text = `${(0,report_escape/* escapeMarkdown */.FV)(f.file)}#L${f.span.line}`;
    return links ? `[${text}](${links.file(f.file, f.span.line)})` : `${(0,report_escape/* escapeMarkdown */.FV)(f.file)}:${f.span.line}:${f.span.column}`;
}
function findingItem(f, links, cut) {
    const message = cut && f.message.length > page_MESSAGE_LIMIT ? `${f.message.slice(0, page_MESSAGE_LIMIT)}…` : f.message;
    const fix = fixLabel(f);
    return (`- ${SEVERITY_ICON[f.severity]} ${where(f, links)} [\`${f.ruleId}\`](${ruleById(f.ruleId).meta.docs.url}): ${(0,report_escape/* escapeMarkdown */.FV)(message)}` +
        (fix ? ` _${(0,report_escape/* escapeMarkdown */.FV)(fix.charAt(0).toUpperCase() + fix.slice(1))}._` : ''));
}
/** The findings as one list, worst first; `shown` of them, with a line for the rest. */
function findingsMarkdown(findings, links, shown, cut) {
    const ordered = orderedFindings(findings);
    const out = ordered.slice(0, shown).map((f) => findingItem(f, links, cut));
    const left = ordered.length - shown;
    if (left > 0)
        out.push(`- … and ${plural(left, 'more finding')}, left out to fit: the full report lists every one.`);
    return out;
}
function costTable(view, lines, left, links) {
    const head = view.withBase
        ? ['| workload | file | pods | charge type | bandwidth | before | after | change |', '| --- | --- | ---: | --- | --- | ---: | ---: | ---: |']
        : ['| workload | file | pods | charge type | bandwidth | monthly |', '| --- | --- | ---: | --- | --- | ---: |'];
    const rows = lines.map((l) => {
        const file = links ? `[${(0,report_escape/* escapeMarkdown */.FV)(l.file)}#L${l.line}](${links.file(l.file, l.line)})` : (0,report_escape/* escapeMarkdown */.FV)(l.file);
        const money = view.withBase ? [l.before, l.after, l.change] : [l.after];
        return `| ${[(0,report_escape/* escapeMarkdown */.FV)(l.workload), file, l.pods, l.chargeType, l.bandwidth, ...money].join(' | ')} |`;
    });
    const empty = view.withBase ? 7 : 5;
    if (left.length > 0)
        rows.push(`| ${moreRows(view, left)} |${' |'.repeat(empty)}`);
    const total = view.withBase ? [view.total.before, view.total.after, view.total.change] : [view.total.after];
    rows.push(`| **total** | | | | | ${total.map((t) => `**${t}**`).join(' | ')} |`);
    return [...head, ...rows];
}
function costSection(view, shownRows, links) {
    const lines = view.lines.slice(0, shownRows);
    const left = view.lines.slice(shownRows);
    const body = [];
    if (lines.length > 0)
        body.push(...costTable(view, lines, left, links));
    else
        body.push(`The rows of the ${plural(left.length, 'workload')} are left out here; the full report has them.`);
    const unknown = lines.filter((l) => l.unknown !== undefined);
    if (unknown.length > 0) {
        body.push('', 'Cost not known (left out of every total):', '');
        for (const l of unknown)
            body.push(`- ${(0,report_escape/* escapeMarkdown */.FV)(l.workload)} (${(0,report_escape/* escapeMarkdown */.FV)(l.file)}): ${(0,report_escape/* escapeMarkdown */.FV)(l.unknown)}.`);
    }
    if (view.nat)
        body.push('', view.nat);
    const summary = `EIP cost by workload (${plural(view.lines.length, 'workload')}, ${view.currency} a month)`;
    if (view.lines.length <= OPEN_COST_ROWS)
        return [`**${summary}**`, '', ...body];
    return [`<details><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}
function pricingSection(view) {
    return ['<details><summary>How the cost is estimated</summary>', '', ...view.pricing.map((p) => (0,report_escape/* escapeMarkdown */.FV)(p)).flatMap((p) => [p, '']), '</details>'];
}
function detailSections(result) {
    const sections = [];
    const nat = natLines(result);
    if (nat.length > 0)
        sections.push(nat.map((line) => (0,report_escape/* escapeMarkdown */.FV)(line)).flatMap((line, i) => (i === 0 ? [line] : ['', line])));
    const unresolved = unresolvedLines(result);
    if (unresolved.total > 0) {
        const lines = unresolved.lines.map((u) => `- ${(0,report_escape/* escapeMarkdown */.FV)(u.file)}:${u.line} ${(0,report_escape/* escapeMarkdown */.FV)(u.text)}`);
        if (unresolved.more > 0)
            lines.push(`- … and ${unresolved.more} more (all of them are in the JSON report).`);
        sections.push([`<details><summary>${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}</summary>`, '', ...lines, '', '</details>']);
    }
    if (result.base?.hidden)
        sections.push([`Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`]);
    if (result.suppressed.length > 0) {
        const by = (source) => result.suppressed.filter((s) => s.source === source).length;
        const how = ['comment', 'annotation', 'config'].filter((s) => by(s) > 0).map((s) => `${by(s)} by ${s}`).join(', ');
        const lines = result.suppressed.map((s) => `- ${(0,report_escape/* escapeMarkdown */.FV)(s.finding.file)}:${s.finding.span.line} \`${s.finding.ruleId}\` (${s.source}): ${(0,report_escape/* escapeMarkdown */.FV)(s.reason)}`);
        sections.push([`<details><summary>${plural(result.suppressed.length, 'suppressed finding')} (${how})</summary>`, '', ...lines, '', '</details>']);
    }
    const skipped = result.files.filter((f) => f.status === 'skipped');
    if (skipped.length > 0) {
        const lines = skipped.map((f) => `- ${(0,report_escape/* escapeMarkdown */.FV)(f.path)}: ${(0,report_escape/* escapeMarkdown */.FV)(f.reason ?? '')}`);
        sections.push([`<details><summary>${plural(skipped.length, 'file')} not scanned</summary>`, '', ...lines, '', '</details>']);
    }
    return sections;
}
function render(input, shown, budgeted, leftOut) {
    const { result, options, links } = input;
    const h = headline(result, options);
    const blocks = [headlineMarkdown(h, options, input.scope)];
    if (input.scope)
        blocks.push(scopeLine(h, input.scope));
    if (result.findings.length > 0)
        blocks.push(findingsMarkdown(result.findings, links, shown.findings, budgeted).join('\n'));
    const view = result.cost && h.cost ? costView(result.cost) : undefined;
    if (view) {
        blocks.push(costSection(view, shown.costRows, links).join('\n'));
        if (shown.pricing)
            blocks.push(pricingSection(view).join('\n'));
    }
    if (shown.details) {
        for (const section of detailSections(result))
            blocks.push(section.join('\n'));
        for (const extra of input.extra ?? [])
            blocks.push(extra);
    }
    if (leftOut)
        blocks.push(`> [!NOTE]\n> ${leftOut}`);
    if (budgeted) {
        blocks.push(links?.run
            ? `[Full report](${links.run}): every finding and the whole cost table, in the job summary of the workflow run.`
            : 'Full report: every finding and the whole cost table, in the job summary of the workflow run.');
    }
    return blocks.join('\n\n') + '\n';
}
/** The whole page: every finding, the whole cost table and every detail (the job summary, the Markdown format). */
function fullPage(input) {
    return render(input, { pricing: true, details: true, costRows: Infinity, findings: Infinity }, false);
}
/**
 * The page within `limit` characters (the comment): the cost table capped at ten rows, then, while it is too
 * long, without the pricing notes, then without the details, then with fewer cost rows, then with fewer
 * findings (never none), saying what was left out and where it is.
 */
function budgetedPage(input, limit = COMMENT_LIMIT, reserve = 0) {
    const total = input.result.findings.length;
    const rows = input.result.cost ? costView(input.result.cost).lines.length : 0;
    const shown = { pricing: true, details: true, costRows: Math.min(COST_ROWS, rows), findings: total };
    const hasCost = rows > 0;
    const hasDetails = detailSections(input.result).length > 0 || (input.extra ?? []).length > 0;
    const fits = (s) => render(input, s, true, note(s)).length + reserve <= limit;
    const note = (s) => {
        const parts = [
            s.pricing || !hasCost ? '' : 'how the cost is estimated',
            s.details || !hasDetails ? '' : 'the details (suppressed findings, files not scanned, fixes)',
            s.costRows < Math.min(COST_ROWS, rows) ? plural(Math.min(COST_ROWS, rows) - s.costRows, 'cost row') : '',
            s.findings < total ? `${total - s.findings} of ${plural(total, 'finding')}` : '',
        ].filter(Boolean);
        if (parts.length === 0)
            return undefined;
        return `Left out to stay within GitHub's size limit for a comment: ${parts.join(', ')}. The full report has everything.`;
    };
    const steps = [
        (s) => (s.pricing ? ((s.pricing = false), true) : false),
        (s) => (s.details ? ((s.details = false), true) : false),
        (s) => (s.costRows > 3 ? ((s.costRows = 3), true) : false),
        (s) => (s.costRows > 0 ? ((s.costRows = 0), true) : false),
    ];
    for (const step of steps) {
        if (fits(shown))
            break;
        step(shown);
    }
    if (!fits(shown) && total > 1) {
        // The most findings that fit, never fewer than one.
        let low = 1;
        let high = total;
        while (low < high) {
            const mid = Math.ceil((low + high) / 2);
            if (fits({ ...shown, findings: mid }))
                low = mid;
            else
                high = mid - 1;
        }
        shown.findings = low;
    }
    return render(input, shown, true, note(shown));
}
/** The check run's title: the verdict and the counts, no Markdown. */
function checkTitle(h) {
    return `${h.verdictWords}: ${h.counts}${h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : ''}`;
}
/** GitHub's limit on each of a check run's output texts. */
const CHECK_TEXT_LIMIT = 65_535;
/**
 * The check run's page: the title is the verdict, the summary the headline (with the cost) and what was scanned,
 * the text the findings with links, as many as fit.
 */
function checkRunOutput(input) {
    const h = headline(input.result, input.options);
    const summary = [headlineMarkdown(h, input.options, input.scope), ...(input.scope ? [scopeLine(h, input.scope)] : [])].join('\n\n');
    const findings = input.result.findings;
    const text = (shown) => (findings.length === 0 ? '' : findingsMarkdown(findings, input.links, shown, true).join('\n') + '\n');
    let shown = findings.length;
    if (text(shown).length > CHECK_TEXT_LIMIT) {
        let low = 1;
        let high = findings.length;
        while (low < high) {
            const mid = Math.ceil((low + high) / 2);
            if (text(mid).length <= CHECK_TEXT_LIMIT)
                low = mid;
            else
                high = mid - 1;
        }
        shown = low;
    }
    return { title: checkTitle(h), summary, text: text(shown) };
}

;// CONCATENATED MODULE: ./src/github/comment-body.ts


/** The hidden first line of the action's summary comment; only a comment that starts with it (and is the token's own) is the action's. */
const COMMENT_MARKER = '<!-- eci-egress-lint:summary-comment -->';
/** A hidden line with data of the run (head commit …); it is left out when comparing an old body with a new one. */
const META_PREFIX = '<!-- eci-egress-lint:meta ';
const META_LINE = /^<!-- eci-egress-lint:meta .* -->$/m;
/** A path inside a link: every segment percent-encoded, and the characters Markdown treats specially in a URL too. */
function encodePath(file) {
    return file
        .split('/')
        .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}
function lineUrl(links, file, line) {
    const base = `${links.serverUrl}/${encodePath(links.owner)}/${encodePath(links.repo)}/blob/${links.headSha}/${encodePath(file)}`;
    return line ? `${base}#L${line}` : base;
}
/** The page's links for a pull request: files at its head commit, and the run. */
function pageLinks(links) {
    return { file: (file, line) => lineUrl(links, file, line), ...(links.runUrl ? { run: links.runUrl } : {}) };
}
/**
 * The summary comment: the marker, the hidden metadata line, then the run's page within GitHub's limit (see
 * budgetedPage: headline, findings, cost, how the cost is estimated, details, the link to the full report).
 */
function commentBody(content) {
    const head = [COMMENT_MARKER, `${META_PREFIX}${JSON.stringify(content.meta ?? {}).replace(/--/g, '\\u002d\\u002d')} -->`, '', ''].join('\n');
    const page = budgetedPage({ result: content.result, options: content.options, links: pageLinks(content.links), scope: content.scope, extra: content.extra }, COMMENT_LIMIT, head.length);
    return head + page;
}
/** The body without its hidden metadata line, for comparing an earlier comment with a new one. */
function withoutMeta(body) {
    return body.replace(META_LINE, '').replace(/\r\n/g, '\n').trimEnd();
}
function sameBody(a, b) {
    return withoutMeta(a) === withoutMeta(b);
}
/** The metadata an earlier body of the action carries; {} when there is none. */
function readMeta(body) {
    const line = META_LINE.exec(body)?.[0];
    if (!line)
        return {};
    try {
        return JSON.parse(line.slice(META_PREFIX.length, -' -->'.length));
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/github/comment.ts

const COMMENT_MODES = ['update', 'new', 'hide-and-new', 'delete-and-new', 'off'];
const COMMENTS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  viewer { login }
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      comments(first: 100, after: $after) {
        nodes { id databaseId body isMinimized author { login } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;
/** GraphQL names an app "github-actions" where its viewer login is "github-actions[bot]". */
function sameLogin(a, b) {
    const plain = (s) => s.replace(/\[bot\]$/i, '').toLowerCase();
    return plain(a) === plain(b);
}
/**
 * The action's own summary comments, oldest first: written by the token's own user or app and starting
 * with the marker. A person's comment that quotes the marker is never one of them.
 */
async function findOwnComments(github, number) {
    const { owner, repo } = github.context;
    const own = [];
    let after = null;
    for (;;) {
        const page = await github.graphql(COMMENTS_QUERY, { owner, repo, number, after });
        const comments = page.repository?.pullRequest?.comments;
        if (!comments)
            break;
        for (const node of comments.nodes) {
            if (!node?.author || !sameLogin(node.author.login, page.viewer.login))
                continue;
            if (!node.body.startsWith(COMMENT_MARKER))
                continue;
            own.push({ nodeId: node.id, id: node.databaseId, body: node.body, isMinimized: node.isMinimized });
        }
        if (!comments.pageInfo.hasNextPage || !comments.pageInfo.endCursor)
            break;
        after = comments.pageInfo.endCursor;
    }
    return own;
}
/**
 * Posts the summary comment the way `mode` says:
 * - update: edit the latest visible comment of the action in place (post one when there is none);
 * - new: post a new comment; hide-and-new / delete-and-new: post a new one, then minimise / delete the earlier ones.
 * Nothing is written when the latest comment already has this body (apart from its metadata line), nor when the
 * run is clean and the action has never commented.
 */
async function publishComment(github, options) {
    const { owner, repo } = github.context;
    const { number, mode, body, clean } = options;
    const own = await findOwnComments(github, number);
    const visible = own.filter((c) => !c.isMinimized);
    const latest = visible[visible.length - 1];
    const outcome = { action: 'unchanged', hidden: 0, deleted: 0 };
    if (own.length === 0 && clean)
        return { ...outcome, action: 'none-needed' };
    if (latest && sameBody(latest.body, body))
        return outcome;
    if (mode === 'update' && latest) {
        const { data } = await github.octokit.rest.issues.updateComment({ owner, repo, comment_id: latest.id, body });
        return { ...outcome, action: 'updated', url: data.html_url };
    }
    const { data } = await github.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    outcome.action = 'created';
    outcome.url = data.html_url;
    if (mode === 'hide-and-new') {
        for (const earlier of visible) {
            await github.graphql(`mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }`, { id: earlier.nodeId });
            outcome.hidden++;
        }
    }
    else if (mode === 'delete-and-new') {
        for (const earlier of own) {
            await github.octokit.rest.issues.deleteComment({ owner, repo, comment_id: earlier.id });
            outcome.deleted++;
        }
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/github/publish.ts






const ANNOTATION_MODES = ['auto', 'checks', 'commands', 'off'];
/**
 * The findings as annotations on the head commit: a check run when the mode and the token allow it, else (or
 * when GitHub refuses it) workflow commands.
 */
async function publishAnnotations(github, context, writes, input) {
    if (input.mode === 'off')
        return { via: 'off' };
    const sha = (0,github_context/* headSha */.xF)(context);
    if (input.mode === 'commands' || !github || !sha) {
        input.commands(input.findings);
        return { via: 'commands' };
    }
    if (writes.closed) {
        writes.skip('the check run', 'the annotations were written as workflow commands');
        input.commands(input.findings);
        return { via: 'commands' };
    }
    const outcome = await publishCheckRun(github, { headSha: sha, ...input });
    if (outcome.ok) {
        core/* info */.pq(`Check run ${outcome.id} on ${sha.slice(0, 7)} has ${input.findings.length} annotation(s) (${outcome.requests} request(s)).`);
        return { via: 'checks', checkRunId: outcome.id };
    }
    const rest = input.findings.slice(outcome.published);
    writes.failed('the check run', outcome.failure, `${rest.length === input.findings.length ? 'the' : `the other ${rest.length}`} annotations were written as workflow commands`);
    input.commands(rest);
    return { via: 'commands' };
}
/** The summary comment on the pull request, when there is one, the mode wants it and the token may write it. */
async function publishSummaryComment(github, context, writes, input) {
    const pr = context.pullRequest;
    if (!pr || input.mode === 'off' || !github)
        return undefined;
    if (writes.closed) {
        writes.skip('the summary comment');
        return undefined;
    }
    const body = commentBody({ ...input.content, links: { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, headSha: (0,github_context/* headSha */.xF)(context), runUrl: input.runUrl } });
    try {
        const outcome = await publishComment(github, { number: pr.number, mode: input.mode, body, clean: input.content.result.findings.length === 0 });
        const said = {
            created: 'posted',
            updated: 'updated',
            unchanged: 'unchanged (no write)',
            'none-needed': 'not needed (a clean run, and no earlier comment)',
        };
        core/* info */.pq(`Summary comment ${said[outcome.action]}${outcome.url ? `: ${outcome.url}` : ''}` +
            `${outcome.hidden ? `; ${outcome.hidden} earlier hidden` : ''}${outcome.deleted ? `; ${outcome.deleted} earlier deleted` : ''}.`);
        return outcome;
    }
    catch (error) {
        writes.failed('the summary comment', describeFailure(error));
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/github/writes.ts

/**
 * Bookkeeping of the run's API writes that did not happen: each failure or skip is one entry, and the action
 * turns them into one notice at the end. A 403 on a pull request from a fork means the token is read-only, so
 * every later write is skipped without a call; a 401 means the token is refused, the same.
 */
class WriteLog {
    fork;
    skipped = [];
    /** Why every further write is skipped, once that is known. */
    closed;
    constructor(fork) {
        this.fork = fork;
    }
    /** A write that failed: what it was, what happens instead. */
    failed(what, failure, instead) {
        this.skipped.push(`${what}: ${writes_describe(failure)}${instead ? `; ${instead}` : ''}`);
        if (failure.status === 401)
            this.closed = 'the token was refused (401)';
        else if (failure.status === 403 && this.fork)
            this.closed = 'the token is read-only (a pull request from a fork gets a read-only token)';
    }
    /** A write not attempted, because of an earlier failure. */
    skip(what, instead) {
        this.skipped.push(`${what}: not attempted, ${this.closed}${instead ? `; ${instead}` : ''}`);
    }
    /** The one notice for the run, or undefined when every write went through. */
    notice() {
        if (this.skipped.length === 0)
            return undefined;
        return (`Some results could not be written to GitHub. ${this.skipped.map((s) => s.replace(/\.$/, '')).join('. ')}. ` +
            'The findings are in the log, the annotations and the job summary, and the result still follows fail-on.');
    }
}
function writes_describe(failure) {
    const text = failureText(failure);
    if (failure.status === 403 && /rate limit/i.test(failure.message))
        return `rate limited (${text})`;
    if (failure.status === 403)
        return `the token may not do this (${text}); grant the permission in the workflow's permissions`;
    if (failure.status === 404)
        return `not found or not visible to the token (${text})`;
    if (failure.status === 422)
        return `GitHub refused it (${text})`;
    if (failure.status && failure.status >= 500)
        return `GitHub failed after retries (${text})`;
    return text;
}

;// CONCATENATED MODULE: ./src/github/base-config.ts
/**
 * `config-from: base`: the config as the base of the change has it. A pull request can edit the config in its own
 * checkout (switch every rule off, ignore every file); read from the base commit, the config is the one the target
 * branch already accepted. The file is read with git (or the API when the checkout lacks the commit), never from
 * the working tree, so no link or file of the pull request is involved.
 */






const CONFIG_SOURCES = ['workspace', 'base'];
/** The commit the change is compared with: the pull request's base, or the commit before a push. */
function baseCommitOf(context) {
    const sha = context.pullRequest?.baseSha || context.push?.before;
    // A commit id, never something git could read as an option or a ref expression.
    return sha && /^[0-9a-f]{40,64}$/.test(sha) && !github_context/* ZERO_SHA */.gy.test(sha) ? sha : undefined;
}
/**
 * The config file at the base commit: the `config` input's path, else the first of the usual locations that the
 * base has; defaults when it has none. No base (a scheduled or manual run, a new branch): undefined, and the
 * workspace's config is used, which is then the trusted branch's own. A base that cannot be read is a ConfigError:
 * the run must not fall back to the pull request's config that the setting exists to avoid.
 */
async function readBaseConfig(workspace, context, github, explicit) {
    const sha = baseCommitOf(context);
    if (!sha)
        return { note: 'config-from: base: this run has no base commit (not a pull request or a push); the config of the checkout is used.' };
    const short = sha.slice(0, 7);
    if (explicit !== undefined && (explicit.startsWith('/') || explicit.split('/').includes('..'))) {
        throw new ConfigError(`config ${(0,report_escape/* escapeTerminal */.en)(explicit)}: with config-from: base, the config must be a path inside the repository`);
    }
    const candidates = explicit !== undefined ? [explicit.replace(/^\.\//, '')] : CONFIG_LOCATIONS;
    const texts = await readAtBase(workspace, sha, candidates, github);
    for (const candidate of candidates) {
        const bytes = texts.get(candidate);
        if (bytes === undefined)
            continue;
        const name = `${(0,report_escape/* escapeTerminal */.en)(candidate)} (at the base ${short})`;
        if (bytes.length > MAX_CONFIG_BYTES)
            throw new ConfigError(`config ${name}: not read: larger than the limit of ${MAX_CONFIG_BYTES} bytes`);
        const decoded = read_decodeText(bytes);
        if (!('text' in decoded))
            throw new ConfigError(`config ${name}: not read: ${decoded.skip}`);
        return { loaded: { raw: parseConfigText(decoded.text, name), file: `${candidate}@${short}` }, note: `config-from: base: the config is ${candidate} at the base ${short}.` };
    }
    if (explicit !== undefined)
        throw new ConfigError(`config ${(0,report_escape/* escapeTerminal */.en)(explicit)}: the base ${short} has no such file (config-from: base)`);
    return { loaded: { raw: {} }, note: `config-from: base: the base ${short} has no config file; the defaults are used.` };
}
/** The candidates' bytes at the base, with git when the checkout has the commit, else through the API. */
async function readAtBase(workspace, sha, candidates, github) {
    const found = new Map();
    if (hasCommit(workspace, sha)) {
        for (const candidate of candidates) {
            const bytes = showFileIfPresent(workspace, sha, candidate);
            if (bytes)
                found.set(candidate, bytes);
        }
        return found;
    }
    if (!github) {
        throw new ConfigError(`config-from: base: the base commit ${sha.slice(0, 7)} is not in the checkout and there is no API access to read it; check out with fetch-depth: 0 (or give a token)`);
    }
    const blobs = await readBlobsWithApi(github, sha, [...candidates]);
    for (const candidate of candidates) {
        const blob = blobs.get(candidate);
        if (!blob)
            continue;
        // The API gives no text for a binary file; its size stands in, so that the limit and the message still apply.
        found.set(candidate, blob.text === null || blob.isBinary ? Buffer.alloc(Math.min(blob.byteSize, MAX_CONFIG_BYTES + 1)) : Buffer.from(blob.text, 'utf8'));
    }
    return found;
}

;// CONCATENATED MODULE: ./src/report/compact.ts

/**
 * Control characters (C0, DEL, C1) as `\xNN`, so that a value keeps to its line in the one-line format; then the
 * terminal escape for what reorders or hides text (bidi overrides, zero-width characters).
 */
function oneLine(text) {
    return (0,report_escape/* escapeTerminal */.en)(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
/**
 * One finding a line, `file:line:col: severity rule-id message`: the shape editors' and CI problem matchers
 * read (`^(.+):(\d+):(\d+): (error|warning|notice) (\S+) (.*)$`). Nothing else is printed.
 */
function compactReport(result) {
    return result.findings
        // A file name must not make the line a workflow command in a CI log.
        .map((f) => `${(0,report_escape/* escapeCommandStart */.rr)(`${oneLine(f.file)}:${f.span.line}:${f.span.column}: ${f.severity} ${f.ruleId} ${oneLine(f.message)}`)}\n`)
        .join('');
}

;// CONCATENATED MODULE: ./src/report/github.ts


/**
 * The annotations of findings, errors first, then warnings, then notices: the runner shows only the first 10 of each
 * level per step, so the most severe ones must come first.
 */
function annotations(findings) {
    return SEVERITIES.flatMap((level) => findings
        .filter((f) => f.severity === level)
        .map((f) => ({
        level,
        // Controls and bidi overrides in a message are shown as escapes, as in the text report.
        message: (0,report_escape/* escapeTerminal */.en)(f.message),
        properties: {
            title: f.ruleId,
            file: f.file,
            startLine: f.span.line,
            endLine: f.span.endLine,
            // Columns may be sent only when the annotation is on one line (@actions/core's AnnotationProperties).
            ...(f.span.endLine === f.span.line ? { startColumn: f.span.column, endColumn: f.span.endColumn } : {}),
        },
    })));
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** An annotation as a workflow command; the command escapes keep `%` and any line break inside the one command. */
function workflowCommand({ level, message, properties: p }) {
    const properties = [
        `file=${escapeProperty(p.file)}`,
        `line=${p.startLine}`,
        ...(p.startColumn !== undefined ? [`col=${p.startColumn}`] : []),
        `endLine=${p.endLine}`,
        ...(p.endColumn !== undefined ? [`endColumn=${p.endColumn}`] : []),
        `title=${escapeProperty(p.title)}`,
    ].join(',');
    return `::${level} ${properties}::${escapeData(message)}`;
}
/** The `github` format: one workflow command per finding, errors first. */
function githubReport(result) {
    return annotations(result.findings)
        .map((a) => workflowCommand(a) + '\n')
        .join('');
}

;// CONCATENATED MODULE: ./src/report/json.ts


function decidedByJson(decision) {
    const by = decision.decidedBy;
    if (typeof by === 'object')
        return { resource: by.resource, file: by.file, line: by.span.line, reason: by.why ?? '' };
    return decision.clusterEntry !== undefined ? `clusters[${decision.clusterEntry}]` : by;
}
/**
 * `natGateway`: the decision for the Kubernetes manifests, and each workload's decision with the resource it
 * rests on; absent when the config or the default decided everything.
 */
function natJson(result) {
    const decisions = result.natDecisions ?? [];
    const fromCode = (d) => typeof d.decidedBy === 'object' || d.decidedBy === 'several' || d.clusterEntry !== undefined;
    if (!fromCode(result.nat) && !decisions.some((d) => fromCode(d.nat)))
        return {};
    return {
        natGateway: {
            present: result.nat.present,
            ...(result.nat.unknown ? { unknown: result.nat.unknown } : {}),
            ...(typeof result.nat.decidedBy === 'object' || result.nat.decidedBy === 'several' ? { decidedBy: decidedByJson(result.nat) } : {}),
            workloads: decisions.map(({ workload, nat }) => ({
                file: workload.file,
                line: workload.span.line,
                kind: workload.kind,
                name: workload.name,
                namespace: workload.namespace,
                present: nat.present,
                ...(nat.unknown ? { unknown: nat.unknown } : {}),
                decidedBy: decidedByJson(nat),
            })),
        },
    };
}
/** The JSON report, schema version 1 (see docs/cli.md). */
function jsonReport(result, fixes, configFile) {
    const report = {
        version: 1,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        ...(configFile === undefined ? {} : { config: configFile }),
        findings: result.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            file: f.file,
            line: f.span.line,
            column: f.span.column,
            endLine: f.span.endLine,
            endColumn: f.span.endColumn,
            ...(f.workload ? { workload: f.workload } : {}),
            ...(f.fix ? { fix: { safe: f.fix.safe, description: f.fix.description } } : {}),
        })),
        suppressed: result.suppressed.map((s) => ({
            ruleId: s.finding.ruleId,
            file: s.finding.file,
            line: s.finding.span.line,
            reason: s.reason,
        })),
        files: result.files.map((f) => ({
            path: f.path,
            status: f.status,
            ...(f.reason ? { reason: f.reason } : {}),
            ...(f.unresolved?.length
                ? { unresolved: f.unresolved.map((u) => ({ line: u.span.line, column: u.span.column, what: u.what, reason: u.why })) }
                : {}),
        })),
        ...natJson(result),
        ...(result.cost ? { cost: costJson(result.cost) } : {}),
        ...(fixes ? { fixes: fixes.entries } : {}),
    };
    return JSON.stringify(report, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/report/markdown.ts


/** The Markdown report of the command line (`--format markdown`): the whole page, files as text (no repository to link to). */
function markdownReport(result, options = { surface: 'cli' }) {
    return fullPage({ result, options });
}

;// CONCATENATED MODULE: ./src/report/sarif.ts





const sarif_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
const INFORMATION_URI = HOMEPAGE;
/** SARIF 2.1.0, as GitHub code scanning accepts it. */
function sarifReport(result, root) {
    const rules = RULES.map((r) => ({
        id: r.meta.id,
        name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase()),
        shortDescription: { text: r.meta.docs.description },
        fullDescription: { text: r.meta.docs.description },
        help: {
            text: `${r.meta.docs.description}${r.meta.fixDescription ? ` Fix: ${r.meta.fixDescription}.` : ''} See docs/rules/${r.meta.id}.md.`,
            markdown: `${r.meta.docs.description}${r.meta.fixDescription ? ` **Fix:** ${r.meta.fixDescription}.` : ''} See [docs/rules/${r.meta.id}.md](${r.meta.docs.url}).`,
        },
        helpUri: r.meta.docs.url,
        defaultConfiguration: { level: sarif_LEVEL[r.meta.defaultSeverity] },
    }));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const results = result.findings.map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: sarif_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                    region: { startLine: f.span.line, startColumn: f.span.column, endLine: f.span.endLine, endColumn: f.span.endColumn },
                },
            },
        ],
        partialFingerprints: {
            // Stable across line moves: the rule, the file, the workload and the message.
            'eciEgressLint/v1': (0,external_node_crypto_.createHash)('sha256')
                .update([f.ruleId, f.file, f.workload?.kind, f.workload?.namespace, f.workload?.name, f.message].join('\u0000'))
                .digest('hex'),
        },
    }));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: INFORMATION_URI, rules } },
                // Columns count UTF-16 code units (the engine's offsets); said outright rather than left to a default.
                columnKind: 'utf16CodeUnits',
                // %SRCROOT% is the repository root, which every uri is relative to whatever the working directory; SARIF
                // allows only an absolute URI here. Without a root (a report made from findings alone) the consumer supplies it.
                ...(root === undefined ? {} : { originalUriBaseIds: { '%SRCROOT%': { uri: (0,external_node_url_.pathToFileURL)(root.endsWith((external_node_path_default()).sep) ? root : root + (external_node_path_default()).sep).href } } }),
                results,
            },
        ],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/report/fixes.ts
function problems(n) {
    return `${n} problem${n === 1 ? '' : 's'}`;
}
/** The text report's lines about fixes: what was fixed, then what could not be, each with where and why. */
function fixTextLines(summary) {
    const fixed = summary.entries.filter((e) => e.status === 'fixed');
    const failed = summary.entries.filter((e) => e.status === 'failed');
    const files = new Set(fixed.map((e) => e.file)).size;
    const where = (e) => `  ${e.file}:${e.line}:${e.column} ${e.ruleId}: `;
    const out = [];
    if (summary.entries.length === 0) {
        out.push(summary.mode === 'diff' ? 'Nothing to fix; the diff is empty.' : 'Nothing to fix.');
        return out;
    }
    if (fixed.length > 0) {
        const inFiles = `${problems(fixed.length)} in ${files} file${files === 1 ? '' : 's'}`;
        out.push(summary.mode === 'diff'
            ? `The diff fixes ${inFiles} (nothing was written):`
            : summary.mode === 'stdout'
                ? `Fixed ${problems(fixed.length)}; the fixed text is on standard output:`
                : `Fixed ${inFiles}:`);
        for (const e of fixed) {
            out.push(where(e) + e.description + (e.followUp ? ' (came up after an earlier fix; the position is in the fixed file)' : ''));
        }
    }
    if (failed.length > 0) {
        out.push(`${failed.length} fix${failed.length === 1 ? '' : 'es'} could not be applied:`);
        for (const e of failed)
            out.push(where(e) + (e.reason ?? 'not applied'));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/text.ts





/** The width when the output is not a terminal (a file, a pipe, a CI log). */
const DEFAULT_WIDTH = 100;
/** Below this a terminal is taken as this wide: a narrower one gets one word a line at best. */
const MIN_WIDTH = 60;
const STYLES = { red: '31', yellow: '33', blue: '34', dim: '2', bold: '1', underline: '4', green: '32' };
const SEVERITY_COLOR = { error: 'red', warning: 'yellow', notice: 'blue' };
/** Where a finding's message starts: `  12:5    warning  `. */
const MESSAGE_COLUMN = 19;
const text_length = (s) => [...s].length;
/** Words onto lines of at most `width` columns; a word longer than a line is cut into pieces. */
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        let rest = word;
        while (text_length(rest) > width) {
            if (line)
                lines.push(line);
            line = '';
            lines.push([...rest].slice(0, width).join(''));
            rest = [...rest].slice(width).join('');
        }
        if (!rest)
            continue;
        if (!line)
            line = rest;
        else if (text_length(line) + 1 + text_length(rest) <= width)
            line += ` ${rest}`;
        else {
            lines.push(line);
            line = rest;
        }
    }
    if (line || lines.length === 0)
        lines.push(line);
    return lines;
}
/** `text` wrapped to `width` with every line after the first indented by `indent` (and the first by `first`). */
function hanging(text, width, indent, first = indent) {
    return wrap(text, width - indent).map((l, i) => `${' '.repeat(i === 0 ? first : indent)}${l}`);
}
/** Cuts a cell to `max` columns with an ellipsis in the middle, so that both ends stay readable. */
function shorten(text, max) {
    const chars = [...text];
    if (chars.length <= max)
        return text;
    if (max <= 1)
        return '…';
    const head = Math.ceil((max - 1) / 2);
    return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}
function table(rows, right) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => text_length(r[i] ?? ''))));
    return rows.map((r) => r
        .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - text_length(cell));
        return right.has(i) ? pad + cell : cell + pad;
    })
        .join('  ')
        .trimEnd());
}
/**
 * The cost table within `width` columns: the file beside the workload when it fits, else on a line of its own
 * under it; a workload name too long for what is left is shortened in the middle.
 */
function text_costTable(view, width) {
    const money = view.withBase ? ['before', 'after', 'change'] : ['monthly'];
    const moneyCells = (l) => (view.withBase ? [l.before, l.after, l.change] : [l.after]);
    const total = ['total', '', '', '', ...moneyCells(view.total)];
    const rows = view.lines.map((l) => [l.workload, l.pods, l.chargeType, l.bandwidth, ...moneyCells(l)]);
    const files = view.lines.map((l) => `${l.file}:${l.line}`);
    const header = ['workload', 'pods', 'charge type', 'bandwidth', ...money];
    const right = new Set([1, ...money.map((_, i) => 4 + i)]);
    const indent = 2;
    const oneLine = table([[header[0], 'file', ...header.slice(1)], ...rows.map((r, i) => [r[0], files[i], ...r.slice(1)]), [total[0], '', ...total.slice(1)]], new Set([...right].map((i) => i + 1)));
    if (Math.max(...oneLine.map(text_length)) + indent <= width)
        return oneLine.map((l) => ' '.repeat(indent) + l);
    // Two lines a workload: the table without the file, the file under the workload's name.
    const others = table([header.slice(1), ...rows.map((r) => r.slice(1)), total.slice(1)], new Set([...right].map((i) => i - 1)));
    const othersWidth = Math.max(...others.map(text_length));
    const nameWidth = Math.max(8, width - indent - 2 - othersWidth);
    const cut = [header, ...rows, total].map((r) => [shorten(r[0], nameWidth), ...r.slice(1)]);
    const lines = table(cut, right).map((l) => ' '.repeat(indent) + l);
    const out = [lines[0]];
    rows.forEach((_, i) => out.push(lines[i + 1], `${' '.repeat(indent + 2)}${shorten(files[i], width - indent - 2)}`));
    out.push(lines[lines.length - 1]);
    return out;
}
function text_costSection(view, width) {
    const out = [`EIP cost by workload (${view.currency} a month):`, ...text_costTable(view, width)];
    const unknown = view.lines.filter((l) => l.unknown !== undefined);
    if (unknown.length > 0) {
        out.push('Cost not known (left out of every total):');
        for (const l of unknown)
            out.push(...hanging(`${l.workload} (${l.file}): ${l.unknown}.`, width, 4, 2));
    }
    if (view.nat)
        out.push(...wrap(view.nat, width));
    out.push('How the cost is estimated:');
    for (const note of view.pricing)
        out.push(...hanging(note, width, 4, 2));
    return out;
}
/** Findings grouped by file, as people read them in a terminal, then the cost, then the counts and what to do. */
function textReport(result, options) {
    const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
    const paint = (style, text) => (options.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
    const out = [];
    for (const [file, findings] of groupByFile(result.findings)) {
        out.push(...wrap(file, width).map((l) => paint('underline', l)));
        for (const f of findings) {
            const where = `${f.span.line}:${f.span.column}`.padEnd(8);
            const lines = wrap(f.message, width - MESSAGE_COLUMN);
            // The rule id ends the last line, two spaces apart (and dimmed), or has a line of its own.
            const last = lines.length - 1;
            if (text_length(lines[last]) + 2 + f.ruleId.length <= width - MESSAGE_COLUMN)
                lines[last] += `  ${paint('dim', f.ruleId)}`;
            else
                lines.push(paint('dim', f.ruleId));
            lines.forEach((l, i) => {
                const lead = i === 0 ? `  ${paint('dim', where)}${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(9))}` : ' '.repeat(MESSAGE_COLUMN);
                out.push(lead + l);
            });
            const fix = fixLabel(f);
            if (fix)
                out.push(...hanging(fix, width, MESSAGE_COLUMN).map((l) => paint('dim', l)));
        }
        out.push('');
    }
    const h = headline(result, options.presentation ?? { surface: 'cli' });
    if (result.suppressed.length > 0) {
        out.push(`${plural(result.suppressed.length, 'finding')} suppressed:`);
        for (const s of result.suppressed) {
            out.push(...hanging(`${s.finding.file}:${s.finding.span.line} ${s.finding.ruleId} (${s.source}): ${s.reason}`, width, 4, 2));
        }
    }
    for (const line of natLines(result))
        out.push(...wrap(line, width));
    const unresolved = unresolvedLines(result);
    if (unresolved.total > 0) {
        out.push(`${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}:`);
        for (const u of unresolved.lines)
            out.push(...hanging(`${u.file}:${u.line} ${u.text}`, width, 4, 2));
        if (unresolved.more > 0)
            out.push(`  … and ${unresolved.more} more (all of them are in --format json).`);
    }
    if (result.base?.hidden)
        out.push(`Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`);
    // One blank line between sections, never two.
    const gap = () => {
        if (out.length > 0 && out[out.length - 1] !== '')
            out.push('');
    };
    if (result.cost && h.cost) {
        gap();
        out.push(...text_costSection(costView(result.cost), width));
    }
    if (options.fixes) {
        gap();
        out.push(...fixTextLines(options.fixes).flatMap((l) => hanging(l.trimStart(), width, 4, l.length - l.trimStart().length)));
    }
    const rules = [...new Set(result.findings.map((f) => f.ruleId))];
    if (rules.length > 0) {
        gap();
        out.push('Rule docs:', ...rules.map((id) => `  ${ruleById(id).meta.docs.url}`));
    }
    // The counts close the report, where the eye lands after the run.
    gap();
    const notScanned = h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : '';
    const notices = h.notices ? `; ${plural(h.notices, 'notice')}` : '';
    if (h.problems === 0) {
        out.push(paint('green', `No problems found in ${plural(h.scanned, 'file')}${notScanned}${notices}.`));
    }
    else {
        const kinds = h.counts.split(', ').filter((c) => !c.endsWith('notice') && !c.endsWith('notices')).join(', ');
        out.push(paint('bold', `${plural(h.problems, 'problem')} (${kinds}) in ${plural(h.scanned, 'scanned file')}${notScanned}${notices}.`));
    }
    if (h.fixHint)
        out.push(`${h.fixHint}.`);
    if (h.cost)
        out.push(...wrap(`${h.cost}.`, width));
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/index.ts








/** The text report's first line: which config the findings follow. */
function configLine(configFile) {
    return configFile === null ? 'Config: none found, defaults used' : `Config: ${(0,report_escape/* escapeTerminal */.en)(configFile)}`;
}
function formatReport(format, result, options) {
    switch (format) {
        case 'json':
            return jsonReport(result, options.fixes, options.configFile);
        case 'github':
            return githubReport(result);
        case 'markdown':
            return markdownReport(result, options.presentation);
        case 'sarif':
            return sarifReport(result, options.root);
        case 'compact':
            return compactReport(result);
        case 'text':
            return (options.configFile === undefined ? '' : configLine(options.configFile) + '\n\n') + terminalText(result, options);
    }
}
/** Whether any finding is at or above the fail-on level. */
function shouldFail(findings, failOn) {
    if (failOn === 'never')
        return false;
    return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
/**
 * The text report over a copy of the result whose every string is escaped, so that no value from the repository
 * reaches a terminal or a CI log raw (docs/security.md); no line may start a workflow command either.
 */
function terminalText(result, options) {
    const escaped = { ...(0,report_escape/* escapeStrings */.w9)({ ...result, workloads: [] }), workloads: result.workloads };
    const text = textReport(escaped, { ...options, fixes: options.fixes && (0,report_escape/* escapeStrings */.w9)(options.fixes) });
    return text.split('\n').map(report_escape/* escapeCommandStart */.rr).join('\n');
}

;// CONCATENATED MODULE: ./src/action/annotate.ts


/** The runner shows only this many annotations of each level per step. */
const SHOWN_PER_LEVEL = 10;
/**
 * Findings as annotations (report/github.ts: errors first, then warnings, then notices, as GitHub shows only the
 * first 10 of each level per step), followed by one line that says where the full list is.
 */
function annotate(findings) {
    const emit = { error: core/* error */.z3, warning: core/* warning */.$e, notice: core/* notice */.lm };
    const perLevel = { error: 0, warning: 0, notice: 0 };
    for (const { level, message, properties } of annotations(findings)) {
        perLevel[level] += 1;
        emit[level](message, properties);
    }
    if (findings.length === 0)
        return;
    const hidden = Object.values(perLevel).reduce((sum, n) => sum + Math.max(0, n - SHOWN_PER_LEVEL), 0);
    core/* info */.pq(hidden > 0
        ? `GitHub shows 10 annotations per level; ${hidden} more are in the job summary, which lists all ${findings.length}.`
        : `The job summary lists all ${findings.length} finding(s).`);
}

;// CONCATENATED MODULE: ./src/action/inputs.ts







function optional(name) {
    const value = core/* getInput */.V4(name).trim();
    return value === '' ? undefined : value;
}
function oneOf(name, allowed, fallback) {
    const value = (optional(name) ?? fallback);
    if (!allowed.includes(value))
        throw new Error(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value;
}
/** A boolean input as the YAML 1.2 core schema writes one (true, True, TRUE, false …). */
function flag(name, fallback) {
    const value = optional(name);
    if (value === undefined)
        return fallback;
    if (/^(true|True|TRUE)$/.test(value))
        return true;
    if (/^(false|False|FALSE)$/.test(value))
        return false;
    throw new Error(`input ${name} must be true or false (got "${value}")`);
}
/** The fix-unsafe input: rule ids with an unsafe fix, checked as the CLI's --fix-unsafe is. */
function unsafeRules(value) {
    if (value === undefined)
        return [];
    try {
        return parseUnsafeRules(value);
    }
    catch (error) {
        throw new Error(`input fix-unsafe${error.message.replace(/^--fix-unsafe:?/, ':')}`);
    }
}
function readInputs() {
    const failOn = oneOf('fail-on', FAIL_ON_LEVELS, 'error');
    const region = optional('region');
    const chargeType = optional('charge-type');
    if (chargeType !== undefined && !CHARGE_TYPES.some((type) => type === chargeType)) {
        throw new Error(`input charge-type must be one of ${CHARGE_TYPES.join(', ')} (got "${chargeType}")${didYouMean(chargeType, CHARGE_TYPES)}`);
    }
    const pricing = { ...(region ? { region } : {}), ...(chargeType ? { 'charge-type': chargeType } : {}) };
    return {
        token: core/* getInput */.V4('token').trim(),
        config: optional('config'),
        configFrom: oneOf('config-from', CONFIG_SOURCES, 'workspace'),
        paths: core/* getMultilineInput */.q3('paths').map((p) => p.trim()).filter(Boolean),
        scan: oneOf('scan', ['changed', 'all'], 'changed'),
        failOn,
        annotations: oneOf('annotations', ANNOTATION_MODES, 'auto'),
        comment: oneOf('comment', COMMENT_MODES, 'update'),
        jobSummary: flag('job-summary', true),
        sarifFile: optional('sarif-file'),
        reportFile: optional('report-file'),
        newOnly: flag('new-only', false),
        fix: oneOf('fix', ['off', 'suggest', 'commit'], 'off'),
        fixUnsafe: unsafeRules(optional('fix-unsafe')),
        commitMessage: optional('commit-message'),
        overrides: {
            cluster: optional('cluster'),
            egress: optional('egress'),
            'nat-gateway': optional('nat-gateway'),
            pricing: Object.keys(pricing).length > 0 ? pricing : undefined,
        },
    };
}

;// CONCATENATED MODULE: ./src/action/paths.ts



/** The `paths` input: lines naming a file or folder are scan roots; other lines are globs. */
function scanRoots(workspace, lines) {
    const roots = [];
    const globs = [];
    for (const line of lines) {
        if (external_node_fs_default().existsSync(external_node_path_default().resolve(workspace, line)))
            roots.push(line);
        else
            globs.push(line);
    }
    return { roots: roots.length > 0 ? roots : ['.'], globs };
}
/** Whether a path (relative to the workspace, with `/`) is one of the roots or inside one. */
function underRoots(workspace, roots, file) {
    return roots.some((root) => {
        const r = toPosixRelative(workspace, external_node_path_default().resolve(workspace, root));
        return r === '.' || file === r || file.startsWith(`${r}/`);
    });
}
/**
 * Which of a change's paths the scan reads: inside the `paths` roots, matched by the config's include globs
 * (or the `paths` globs, which replace them) and not excluded.
 */
function wanted(workspace, roots, config, file) {
    return underRoots(workspace, roots, file) && selected(file, config);
}

;// CONCATENATED MODULE: ./src/action/summary.ts
/** GitHub shows a step's job summary only up to 1 MiB; keep a margin for what the runner adds. */
const JOB_SUMMARY_LIMIT = 1024 * 1024 - 8 * 1024;
/**
 * The job summary: the report, then the extra sections (what was scanned, what was skipped), cut at a line
 * boundary with a note when the whole would pass GitHub's limit. The extra sections always stay.
 */
function jobSummary(report, extras, limit = JOB_SUMMARY_LIMIT) {
    const tail = extras.length > 0 ? `\n${extras.join('\n\n')}\n` : '';
    const bytes = (s) => Buffer.byteLength(s, 'utf8');
    if (bytes(report) + bytes(tail) <= limit)
        return report + tail;
    const note = '\n> [!NOTE]\n> The report was cut here: GitHub shows at most 1 MiB of job summary. The JSON report (output `report-file`) has every finding.\n';
    const room = limit - bytes(tail) - bytes(note);
    const lines = report.split('\n');
    let kept = '';
    for (const line of lines) {
        if (bytes(kept) + bytes(line) + 1 > room)
            break;
        kept += `${line}\n`;
    }
    // A cut inside a <details> block would leave it open and swallow what follows.
    if ((kept.match(/<details>/g) ?? []).length > (kept.match(/<\/details>/g) ?? []).length)
        kept += '\n</details>\n';
    return kept + note + tail;
}

;// CONCATENATED MODULE: ./src/action/run.ts





























const NOTICE = { title: 'eci-egress-lint' };
/** The action: inputs → which files → the engine → report files and outputs → GitHub (check run, comment) → job summary. */
async function runAction(env = process.env) {
    const setup = await readSetup(env);
    const { scope, paths } = await selectFiles(setup);
    const { result, sources, rendered, tree } = await lintChange(setup, scope, paths);
    const counts = countFindings(result);
    const failed = shouldFail(result.findings, setup.inputs.failOn);
    // Report files and outputs come first: they are set whatever happens with the API afterwards.
    writeReportsAndOutputs(setup.workspace, setup.inputs, result, env, setup.configFile);
    await publish(setup, env, { scope, sources, result, failed, rendered, tree });
    if (failed) {
        core/* setFailed */.C1(`${counts.total} finding(s); ${counts.error} error(s), ${counts.warning} warning(s) (fail-on: ${setup.inputs.failOn})`);
    }
}
/** The inputs, the runner's context and the config (from the base commit with config-from: base). */
async function readSetup(env) {
    const inputs = readInputs();
    if (inputs.token)
        core/* setSecret */.Pq(inputs.token);
    const context = (0,github_context/* readRunContext */.$p)(env);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const github = inputs.token && !context.act ? createGitHub(inputs.token, context, env) : undefined;
    if (!github)
        (0,log/* logInfo */.f)(`${context.act ? 'Running under act' : 'No token'}: no GitHub API calls; findings go to workflow commands, the log and the job summary.`);
    const fromBase = inputs.configFrom === 'base' ? await readBaseConfig(workspace, context, github, inputs.config) : undefined;
    if (fromBase?.loaded)
        (0,log/* logInfo */.f)(fromBase.note);
    else if (fromBase)
        core/* notice */.lm((0,log/* annotationText */.x)(fromBase.note), NOTICE);
    const { config, file: configFile } = loadConfig(workspace, inputs.config, inputs.overrides, {
        raw: fromBase?.loaded,
        alsoUnder: [env.RUNNER_TEMP || external_node_os_default().tmpdir()],
    });
    const { roots, globs } = scanRoots(workspace, inputs.paths);
    if (globs.length > 0)
        config.include = globs;
    return { inputs, context, workspace, github, config, configFile: configFile ?? null, roots };
}
/** Which files to scan: every file under the paths, or the files of the change that still exist and are wanted. */
async function selectFiles({ inputs, context, workspace, github, config, roots }) {
    const scope = await findScope({ workspace, scan: inputs.scan, context, github });
    (0,log/* logInfo */.f)(`Scanning ${scope.why}.`);
    const isWanted = (file) => wanted(workspace, roots, config, file);
    const paths = scope.kind === 'all'
        ? roots
        : scope.files
            .filter((f) => f.status !== 'removed' && isWanted(f.path))
            .map((f) => f.path)
            .filter((f) => external_node_fs_default().lstatSync(external_node_path_default().resolve(workspace, f), { throwIfNoEntry: false }) !== undefined);
    return { scope, paths };
}
/** The files read once, their base side and the charts and overlays of both, linted. */
async function lintChange(setup, scope, paths) {
    const { inputs, context, workspace, github, config, roots } = setup;
    const base = await readBase({ workspace, context, github, scope, roots, config });
    if (inputs.newOnly && !base) {
        core/* notice */.lm('new-only needs the base of the change (a pull request or a push, with its base in the checkout or readable through the API); every finding is reported.', NOTICE);
    }
    const tree = walkTree(setup, scope);
    // A chart or overlay is rendered when the change touches any file it uses (docs/charts.md); the base side's from git.
    const changed = scope.kind === 'all' ? undefined : new Set(paths);
    const rendered = await renderSources(workspace, tree, config, changed);
    const baseCommit = scope.kind === 'all' ? context.pullRequest?.baseSha : scope.baseInCheckout ? scope.base : undefined;
    const baseRendered = base && baseCommit ? await renderBase(workspace, baseCommit, changed, config) : undefined;
    // Read once: the fixes start from the same texts the findings are about.
    const sources = scope.kind === 'all' ? readDiscovered(tree, config) : sources_sourcesFromPaths(workspace, paths, config);
    const result = await lintSourcesPrepared(workspace, sources, { config, base, newOnly: inputs.newOnly && base !== undefined, rendered, baseRendered });
    return { result, sources, rendered, tree };
}
/**
 * The files under the roots, found in one walk of the tree: with scan: all they are the files scanned, and the
 * charts and overlays (and their fixes) may use any of them. Not walked when neither needs it (rendering off, only
 * the changed files scanned): the fixes then have no rendering to verify.
 */
function walkTree({ workspace, roots, config }, scope) {
    if (scope.kind !== 'all' && !config.render.enabled)
        return [];
    return filesUnder(workspace, roots, config);
}
/**
 * GitHub: the check run or workflow commands, the fixes, the summary comment, then the job summary and the log.
 * Nothing the API does may break the run.
 */
async function publish(setup, env, { scope, sources, result, failed, rendered, tree }) {
    const { inputs, context, workspace, github, config } = setup;
    const counts = countFindings(result);
    const writes = new WriteLog(context.pullRequest?.fork ?? false);
    const extras = [];
    const runUrl = workflowRunUrl(context, env);
    // One page for every surface: the check run, the comment and the job summary say the same, with the same links.
    const page = {
        result,
        options: { surface: 'action', failOn: inputs.failOn, fixMode: inputs.fix },
        links: pageLinks({ serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, headSha: (0,github_context/* headSha */.xF)(context), runUrl }),
        scope: scope.why,
    };
    try {
        await publishAnnotations(github, context, writes, {
            mode: inputs.annotations,
            findings: result.findings,
            conclusion: failed ? 'failure' : counts.total > 0 ? 'neutral' : 'success',
            ...checkRunOutput(page),
            commands: annotate,
        });
        let fixComment = [];
        if (inputs.fix !== 'off') {
            try {
                const fixes = await publishFixes(github, context, writes, {
                    mode: inputs.fix,
                    workspace,
                    config,
                    unsafeRules: inputs.fixUnsafe,
                    sources,
                    findings: result.findings,
                    changed: scope.kind === 'changed' ? scope.files : undefined,
                    commitMessage: inputs.commitMessage,
                    rendering: { rendered, paths: tree.map((f) => f.path) },
                });
                if (fixes.fixedFiles.length > 0)
                    core/* setOutput */.uH('fixed-files', fixes.fixedFiles.join('\n'));
                fixComment = fixes.comment;
                extras.push(...fixes.summary);
            }
            catch (error) {
                writes.skipped.push(`the fixes: ${failureText(describeFailure(error))}`);
            }
        }
        await publishSummaryComment(github, context, writes, {
            mode: inputs.comment,
            runUrl,
            content: {
                result,
                options: page.options,
                scope: scope.why,
                extra: fixComment,
                meta: { head: context.pullRequest?.headSha, findings: counts.total },
            },
        });
    }
    catch (error) {
        // Say what happened and carry on with the job summary and the result.
        writes.skipped.push(`an unexpected failure: ${failureText(describeFailure(error))}`);
    }
    finally {
        const notice = writes.notice();
        if (notice) {
            core/* notice */.lm((0,log/* annotationText */.x)(notice), NOTICE);
            extras.push(`> [!NOTE]\n> ${(0,report_escape/* escapeMarkdown */.FV)(notice)}`);
        }
        if (inputs.jobSummary && env.GITHUB_STEP_SUMMARY) {
            await core/* summary */.z.addRaw(jobSummary(fullPage({ ...page, links: { file: page.links.file } }), extras)).write();
        }
        (0,log/* logInfo */.f)(formatReport('text', result, { color: false, presentation: page.options }));
    }
}
/** The workflow run's page (its job summary has the full report); undefined outside a runner. */
function workflowRunUrl(context, env) {
    const id = env.GITHUB_RUN_ID;
    if (!id || !/^\d+$/.test(id) || !context.owner || !context.repo)
        return undefined;
    return `${context.serverUrl}/${encodeURIComponent(context.owner)}/${encodeURIComponent(context.repo)}/actions/runs/${id}`;
}
/** The JSON report, the SARIF report when asked for, and every output of the action. */
function writeReportsAndOutputs(workspace, inputs, result, env, configFile) {
    const counts = countFindings(result);
    const runnerTemp = env.RUNNER_TEMP || external_node_os_default().tmpdir();
    const place = { root: workspace, alsoUnder: [runnerTemp] };
    const outputDir = external_node_path_default().join(runnerTemp, 'eci-egress-lint');
    const json = formatReport('json', result, { color: false, configFile });
    core/* setOutput */.uH('report-file', writeReportOrFallback('report-file', inputs.reportFile ?? external_node_path_default().join(outputDir, 'report.json'), json, place, outputDir));
    if (inputs.sarifFile) {
        const sarif = formatReport('sarif', result, { color: false, root: workspace });
        core/* setOutput */.uH('sarif-file', writeReportOrFallback('sarif-file', inputs.sarifFile, sarif, place, outputDir));
    }
    else
        core/* setOutput */.uH('sarif-file', '');
    core/* setOutput */.uH('findings', counts.total);
    core/* setOutput */.uH('errors', counts.error);
    core/* setOutput */.uH('warnings', counts.warning);
    for (const [name, value] of Object.entries(costOutputs(result.cost)))
        core/* setOutput */.uH(name, value);
    core/* setOutput */.uH('fixed-files', '');
}
/**
 * A report file where the input says, unless its real location is outside the workspace and $RUNNER_TEMP (a link
 * in the pull request): then into the action's folder under $RUNNER_TEMP, with a warning. Returns where it went.
 */
function writeReportOrFallback(input, given, text, place, fallbackDir) {
    try {
        return workspace_writeConfined(given, text, place);
    }
    catch (error) {
        if (!(error instanceof workspace_RefusedPath))
            throw error;
        const fallback = workspace_writeConfined(external_node_path_default().join(fallbackDir, external_node_path_default().basename(given) || 'report'), text, place);
        core/* warning */.$e((0,log/* annotationText */.x)(`${input} ${given}: not written there: ${error.message}. Written to ${fallback} instead.`), NOTICE);
        return fallback;
    }
}
/**
 * The base side of the change, for the cost change and new-only: the changed files at the base commit (with
 * git when the checkout has it, else one GraphQL query per 50 files), or, for a scan of every file on a pull
 * request, every file at the base when the checkout has it. Undefined when there is no base to read.
 */
async function readBase(options) {
    const { workspace, context, github, scope, roots, config } = options;
    if (scope.kind === 'all') {
        const baseSha = context.pullRequest?.baseSha;
        if (!baseSha || !hasCommit(workspace, baseSha))
            return undefined;
        try {
            return readBaseSources(baseSha, { cwd: workspace, paths: roots, include: config.include, exclude: config.exclude, maxFileSize: config.maxFileSize });
        }
        catch (error) {
            (0,log/* logInfo */.f)(`The base ${baseSha.slice(0, 7)} could not be read with git: ${error.message}`);
            return undefined;
        }
    }
    if (!scope.base)
        return undefined;
    const files = baseFilesOf(scope.files, (f) => wanted(workspace, roots, config, f));
    if (scope.baseInCheckout)
        return readBaseWithGit(workspace, scope.base, files, config.maxFileSize);
    if (!github)
        return undefined;
    try {
        return await readBaseWithApi(github, scope.base, files, config.maxFileSize);
    }
    catch (error) {
        (0,log/* logInfo */.f)(`The base side could not be read through the API (${failureText(describeFailure(error))}); no cost change is shown.`);
        return undefined;
    }
}
/** The base's charts and overlays, when the base commit is in the checkout (git); else the base has none. */
async function renderBase(workspace, commit, changed, config) {
    try {
        return await renderAtCommit(workspace, commit, undefined, config, changed);
    }
    catch (error) {
        (0,log/* logInfo */.f)(`The base's charts and overlays could not be rendered: ${error.message}`);
        return undefined;
    }
}
/** The name `@github/local-action` calls (docs/local.md): `npx @github/local-action run . src/action/run.ts <env file>`. */



/***/ })

};
