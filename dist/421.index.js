export const id = 421;
export const ids = [421];
export const modules = {

/***/ 9421:
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
        ignore: [],
        inlineIgnores: true,
        pricing: {},
        budget: {},
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

;// CONCATENATED MODULE: ./src/policy/eci-keys.ts
/** The ECI pod annotations that ask for or shape a per-pod EIP. */
const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';
const EIP_INSTANCE_ID = 'k8s.aliyun.com/eci-eip-instanceid';
const EIP_BANDWIDTH = 'k8s.aliyun.com/eip-bandwidth';
const EIP_CHARGE_TYPE = 'k8s.aliyun.com/eip-internet-charge-type';
const EIP_ISP = 'k8s.aliyun.com/eip-isp';
const EIP_BANDWIDTH_PACKAGE = 'k8s.aliyun.com/eip-common-bandwidth-package-id';
const EIP_ADDRESS_POOL = 'k8s.aliyun.com/eip-public-ip-address-pool-id';
const EIP_KEYS = [
    WITH_EIP,
    EIP_INSTANCE_ID,
    EIP_BANDWIDTH,
    EIP_CHARGE_TYPE,
    EIP_ISP,
    EIP_BANDWIDTH_PACKAGE,
    EIP_ADDRESS_POOL,
];
/** Settings of an auto-created EIP: they mean nothing without `eci-with-eip: "true"`. */
const EIP_SETTING_KEYS = [
    EIP_BANDWIDTH,
    EIP_CHARGE_TYPE,
    EIP_ISP,
    EIP_BANDWIDTH_PACKAGE,
    EIP_ADDRESS_POOL,
];
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

;// CONCATENATED MODULE: ./src/rules/rule.ts
/** `Deployment web` — how messages name a workload. */
function describeWorkload(workload) {
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

;// CONCATENATED MODULE: ./src/rules/eip-conflict.ts


const eipConflict = {
    meta: {
        id: 'eip-conflict',
        defaultSeverity: 'warning',
        description: 'A pod asks both for an auto-created EIP and for an existing EIP id.',
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

;// CONCATENATED MODULE: ./src/model/index.ts




;// CONCATENATED MODULE: ./src/rules/eip-invalid-value.ts


/** Bandwidth limits of a pay-as-you-go EIP, Mbit/s. Without a charge type the wider one applies. */
function bandwidthLimit(chargeType) {
    return chargeType === 'PayByTraffic' ? 200 : 500;
}
function checkBandwidth(value, chargeType) {
    const max = bandwidthLimit(chargeType);
    const range = `1–${max} Mbit/s${chargeType ? ` for ${chargeType}` : ''}`;
    if (/^\d+$/.test(value)) {
        const n = Number(value);
        return n >= 1 && n <= max ? undefined : { problem: `${value} is outside ${range}` };
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
            if (value === 'BGP' || value === 'BGP_PRO')
                return undefined;
            return { problem: `"${value}" is not BGP or BGP_PRO`, fixed: canonical(value, ['BGP', 'BGP_PRO'], { bpg: 'BGP', bpgpro: 'BGP_PRO' }) };
        }
        case EIP_CHARGE_TYPE: {
            if (value === 'PayByTraffic' || value === 'PayByBandwidth')
                return undefined;
            return { problem: `"${value}" is not PayByTraffic or PayByBandwidth`, fixed: canonical(value, ['PayByTraffic', 'PayByBandwidth']) };
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
function chargeTypeOf(entries) {
    const value = entries.find((e) => e.key === EIP_CHARGE_TYPE)?.value;
    return value === undefined ? undefined : canonical(value, ['PayByTraffic', 'PayByBandwidth']);
}
const eipInvalidValue = {
    meta: {
        id: 'eip-invalid-value',
        defaultSeverity: 'error',
        description: 'An ECI EIP or IPv6 annotation has a value ECI does not accept.',
        fix: 'safe',
        fixDescription: 'write the one value that was meant ("10M" → "10", BPG → BGP, "True" → "true")',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload } = context;
        const blocks = metadataBlocks(workload);
        for (const block of blocks) {
            const chargeType = chargeTypeOf(block.annotations);
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

;// CONCATENATED MODULE: ./src/rules/eip-misplaced.ts


const LEVEL_WORDS = {
    object: "the object's own metadata",
    'job-template': "the CronJob's spec.jobTemplate.metadata (the Job's metadata, not the pod's)",
    'object-annotations': 'the object-level annotations (use template_annotations)',
    pod: 'the pod template',
};
const eipMisplaced = {
    meta: {
        id: 'eip-misplaced',
        defaultSeverity: 'error',
        description: 'An ECI EIP key sits where ECI never reads it.',
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
                    misplaced.push({ entry, where: `${LEVEL_WORDS[block.level]} (${block.path}.annotations)` });
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

;// CONCATENATED MODULE: ./src/policy/key-typos.ts


/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a, b, limit = Infinity) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > limit)
            return limit + 1;
        previous = current;
    }
    return previous[b.length];
}
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

;// CONCATENATED MODULE: ./src/rules/eip-missing.ts




const eipMissing = {
    meta: {
        id: 'eip-missing',
        defaultSeverity: 'warning',
        description: 'An ECI pod needs internet egress and has neither an EIP nor a NAT gateway.',
        fix: 'safe',
        fixDescription: `add ${WITH_EIP}: "true" to the pod template`,
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts, scan } = context;
        if (!workload.pod || !facts.eci.eci || facts.autoEip || facts.existingEip || scan.nat.present)
            return;
        // No finding rests on an unresolved value: an unknown EIP key or NAT gateway may give the pod egress.
        if (facts.unresolved || scan.nat.unknown)
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
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/eip-no-effect.ts



const eipNoEffect = {
    meta: {
        id: 'eip-no-effect',
        defaultSeverity: 'warning',
        description: 'EIP keys on a pod that will not run on ECI, or on an object that has no pods.',
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

;// CONCATENATED MODULE: ./src/rules/eip-not-string.ts


const TRUTHY = /^(?:y|yes|true|on)$/i;
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
        description: 'An Alibaba Cloud annotation value is a bool, number or null to Kubernetes, not a string.',
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

;// CONCATENATED MODULE: ./src/rules/eip-orphan-setting.ts



const eipOrphanSetting = {
    meta: {
        id: 'eip-orphan-setting',
        defaultSeverity: 'warning',
        description: `An EIP setting (bandwidth, ISP, charge type, bandwidth plan, IP pool) without ${WITH_EIP}: "true".`,
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
    const edits = [];
    for (const entry of entries) {
        const removal = workload.editor.removeEntry(entry);
        if (!removal)
            return { entries, removal: undefined };
        edits.push(...removal);
    }
    return { entries, removal: entries.length > 0 ? edits : undefined };
}
/** Where the pod's EIP is asked for: the written key, or the eci-profile that injects it. */
function eipSource(workload, facts) {
    const annotation = facts.podAnnotations.get(facts.autoEip ? WITH_EIP : EIP_INSTANCE_ID);
    return {
        span: annotation?.entry?.keySpan ?? workload.pod?.span ?? workload.span,
        injectedBy: annotation?.entry ? undefined : annotation?.injectedBy,
    };
}

;// CONCATENATED MODULE: ./src/rules/eip-redundant.ts


const eipRedundant = {
    meta: {
        id: 'eip-redundant',
        defaultSeverity: 'warning',
        description: 'An ECI pod has its own EIP although egress goes through a NAT gateway.',
        fix: 'unsafe',
        fixDescription: 'remove the EIP keys from the pod template',
        appliesTo: ['kubernetes', 'terraform'],
    },
    check(context) {
        const { workload, facts, scan } = context;
        if (!workload.pod || !facts.eci.eci || !(facts.autoEip || facts.existingEip))
            return;
        if (!(facts.egress === 'nat' || (facts.egress === 'auto' && scan.nat.present)))
            return;
        const source = eipSource(workload, facts);
        const why = facts.egress === 'nat'
            ? 'the egress policy for it is nat'
            : typeof scan.nat.decidedBy === 'object'
                ? `a NAT gateway is present (${scan.nat.decidedBy.resource} in ${scan.nat.decidedBy.file}:${scan.nat.decidedBy.span.line})`
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

;// CONCATENATED MODULE: ./src/rules/eip-shared-instance.ts


const eipSharedInstance = {
    meta: {
        id: 'eip-shared-instance',
        defaultSeverity: 'error',
        description: 'An existing EIP id on a template that can run more than one pod at once.',
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

;// CONCATENATED MODULE: ./src/rules/eip-unexpected.ts


const eipUnexpected = {
    meta: {
        id: 'eip-unexpected',
        defaultSeverity: 'warning',
        description: 'An ECI pod has an EIP although its egress policy is none.',
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

;// CONCATENATED MODULE: ./src/rules/eip-unknown-key.ts




const eipUnknownKey = {
    meta: {
        id: 'eip-unknown-key',
        defaultSeverity: 'warning',
        description: 'A key that looks like an ECI EIP key but is not one, so ECI ignores it.',
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
function chargeTypeLabel(w) {
    if (w.eip === 'existing')
        return 'existing EIP';
    const type = w.chargeType ?? '?';
    return w.eip === 'bandwidth-plan' ? `${type}, bandwidth plan` : type;
}
function bandwidthLabel(w) {
    if (w.eip === 'existing')
        return '';
    return w.bandwidthMbps === undefined ? '?' : `${w.bandwidthMbps} Mbps`;
}

;// CONCATENATED MODULE: ./src/rules/eip-cost-budget.ts

/**
 * eip-cost-budget is a function of the cost projection, not of one workload: the engine calls
 * `costBudgetReports` once the projection (and the base's, when there is one) is made.
 */
const eipCostBudget = {
    meta: {
        id: 'eip-cost-budget',
        defaultSeverity: 'warning',
        description: 'The projected monthly EIP cost, or its increase, exceeds the budget, or a NAT gateway is cheaper.',
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
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
        description: 'A file that should be YAML or HCL does not parse; the other files are still scanned.',
        fix: 'none',
        appliesTo: ['kubernetes', 'terraform'],
    },
};
const skippedFile = {
    meta: {
        id: 'skipped-file',
        defaultSeverity: 'notice',
        description: 'A file that was not read: a template, too large, binary or not UTF-8, or a link out of the workspace.',
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

const severity = { enum: ['error', 'warning', 'notice', 'off'] };
const egress = { enum: ['auto', 'eip', 'nat', 'none'] };
const schema_money = { type: 'number', minimum: 0 };
const glob = { type: 'string', minLength: 1 };
/**
 * The JSON Schema of the config file. `npm run build` writes it to schema/config.schema.json for
 * editors; a test keeps the two equal.
 */
const CONFIG_SCHEMA = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/eci-egress-lint/eci-egress-lint/schema/config.schema.json',
    title: 'eci-egress-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
        cluster: { enum: ['serverless', 'virtual-node'], description: 'serverless: every pod runs on ECI; virtual-node: only pods sent to ECI.' },
        egress: { ...egress, description: 'The egress policy for workloads no `workloads` rule matches.' },
        'nat-gateway': { enum: ['auto', 'present', 'absent'] },
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
        workloads: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['match', 'egress'],
                properties: {
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
                },
            },
        },
        ignore: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['rule', 'reason'],
                properties: {
                    rule: { enum: [...RULE_IDS, '*'] },
                    path: glob,
                    reason: { type: 'string', minLength: 1 },
                },
            },
        },
        'inline-ignores': { type: 'boolean' },
        pricing: {
            type: 'object',
            additionalProperties: false,
            properties: {
                region: { type: 'string', minLength: 1 },
                currency: { enum: ['USD', 'CNY'] },
                'charge-type': { enum: ['PayByTraffic', 'PayByBandwidth'] },
                'traffic-gb-per-pod': schema_money,
                'waive-eci-config-fee': { type: 'boolean' },
                'free-traffic-gb': schema_money,
                'bgp-pro-prices': {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        'eip-config-fee-hour': schema_money,
                        'eip-traffic-gb': schema_money,
                        'eip-config-fee-day': schema_money,
                        'eip-bandwidth-day-first5': schema_money,
                        'eip-bandwidth-day-above5': schema_money,
                    },
                },
                prices: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        'eip-config-fee-hour': schema_money,
                        'eip-traffic-gb': schema_money,
                        'eip-config-fee-day': schema_money,
                        'eip-bandwidth-day-first5': schema_money,
                        'eip-bandwidth-day-above5': schema_money,
                        'nat-hour': schema_money,
                        'nat-cu': schema_money,
                    },
                },
            },
        },
        budget: {
            type: 'object',
            additionalProperties: false,
            properties: { monthly: schema_money, increase: schema_money },
        },
    },
};

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
const BGP_PRO_PRICE_KEYS = [
    'eip-config-fee-hour',
    'eip-traffic-gb',
    'eip-config-fee-day',
    'eip-bandwidth-day-first5',
    'eip-bandwidth-day-above5',
];
/** The bundled price table (src/cost/prices.json). */
const PRICE_TABLE = prices_namespaceObject;
const HOURS_PER_MONTH = PRICE_TABLE.hoursPerMonth;
const DEFAULT_REGION = PRICE_TABLE.defaultRegion;
const DEFAULT_CURRENCY = PRICE_TABLE.defaultCurrency;
const DEFAULT_CHARGE_TYPE = 'PayByTraffic';
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
            chargeType: pricing['charge-type'] === 'PayByBandwidth' ? 'PayByBandwidth' : DEFAULT_CHARGE_TYPE,
            bandwidthMbps: DEFAULT_BANDWIDTH_MBPS,
            freeTrafficGb,
        },
    };
}

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
function describeSchemaError(error, raw) {
    const at = (0,report_escape/* excerpt */.Kb)(keyPath(error.instancePath), 80);
    const got = shortJson(valueAt(raw, error.instancePath));
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = (0,report_escape/* excerpt */.Kb)(error.params.additionalProperty);
            const where = error.instancePath ? `${at}.${key}` : key;
            return `${where}: unknown key`;
        }
        case 'propertyNames':
            return `${at}: ${shortJson(error.params.propertyName)} is not a rule id`;
        case 'enum':
            return `${at}: must be one of ${error.params.allowedValues.join(', ')} (got ${got})`;
        case 'oneOf':
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
    const errors = validate(raw ?? {}).filter((e) => !e.schemaPath.includes('/oneOf/'));
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
    if (r.ignore)
        config.ignore = r.ignore;
    if (r['inline-ignores'] !== undefined)
        config.inlineIgnores = r['inline-ignores'];
    if (r.pricing)
        config.pricing = r.pricing;
    if (r.budget)
        config.budget = r.budget;
    // The price table must have the region and currency, unless the config gives every price (docs/cost.md).
    try {
        resolvePricing(config.pricing);
    }
    catch (error) {
        if (error instanceof PricingError)
            throw new ConfigError(`config ${source}: ${error.message}`);
        throw error;
    }
    return config;
}
/** Reads the config file (the given one, else the first of CONFIG_LOCATIONS that exists). */
function readConfigFile(cwd, explicit, options = {}) {
    const candidates = explicit ? [explicit] : CONFIG_LOCATIONS;
    for (const candidate of candidates) {
        const name = (0,report_escape/* escapeTerminal */.en)(candidate);
        let bytes;
        try {
            bytes = readConfined(candidate, { root: cwd, absoluteOutside: options.absoluteOutside, alsoUnder: options.alsoUnder }, MAX_CONFIG_BYTES);
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
        return { raw: parseConfigText(decoded.text, name), file: candidate };
    }
    return { raw: {} };
}
/** A config file's text as a raw config object; `name` (escaped) is the file named in errors. */
function parseConfigText(text, name) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw new ConfigError(`config ${name}: not valid YAML at line ${e.linePos?.[0].line ?? '?'}: ${(0,report_escape/* escapeTerminal */.en)(e.message.split('\n')[0])}`);
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
    const { raw, file } = options.raw ?? readConfigFile(cwd, explicit, options);
    const merged = { ...raw };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined)
            continue;
        if (key === 'pricing')
            merged.pricing = { ...raw.pricing, ...value };
        else
            merged[key] = value;
    }
    const flagged = Object.values(overrides).some((v) => v !== undefined);
    const source = `${file ? (0,report_escape/* escapeTerminal */.en)(file) : '(defaults)'}${flagged ? ' with the command-line or action overrides' : ''}`;
    return { config: resolveConfig(merged, source), file };
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

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
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
/** The eci-profile selectors that match the workload's pods (DOMAIN: ECI profile). */
function matchingSelectors(workload, selectors, namespace) {
    const labels = podLabels(workload);
    return selectors.filter((s) => {
        if (Object.keys(s.namespaceLabels).length > 0 && !subset(s.namespaceLabels, namespace?.labels))
            return false;
        return subset(s.objectLabels, labels);
    });
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




function decideNat(config, facts) {
    if (config.natGateway !== 'auto')
        return { present: config.natGateway === 'present', decidedBy: 'config' };
    const present = facts.find((f) => f.present);
    if (present)
        return { present: true, decidedBy: present };
    const unknown = facts.find((f) => f.unknown);
    if (unknown)
        return { present: false, decidedBy: unknown, unknown: unknown.unknown };
    return { present: false, decidedBy: 'default' };
}
function workloadFacts(workload, scan) {
    const namespace = scan.namespaces.get(workload.namespace);
    const eci = decideEci(workload, scan.config.cluster, namespace, scan.selectors);
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

;// CONCATENATED MODULE: ./src/readers/kubernetes/editor.ts

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
        const nodes = this.entries.get(entry);
        if (!nodes)
            return undefined;
        const { pair, map, parent } = nodes;
        const keyStart = this.start(pair.key);
        if (keyStart === undefined)
            return undefined;
        if (map.flow) {
            const index = map.items.indexOf(pair);
            const pairEnd = this.valueEnd(pair.value) ?? this.valueEnd(pair.key);
            if (map.items.length === 1) {
                const open = this.text.lastIndexOf('{', keyStart);
                const close = this.text.indexOf('}', pairEnd);
                return open === -1 || close === -1 ? undefined : [this.edit(open + 1, close, '')];
            }
            if (index < map.items.length - 1) {
                const next = this.start(map.items[index + 1].key);
                return next === undefined ? undefined : [this.edit(keyStart, next, '')];
            }
            const previous = map.items[index - 1];
            const previousEnd = this.valueEnd(previous.value) ?? this.valueEnd(previous.key);
            return previousEnd === undefined ? undefined : [this.edit(previousEnd, pairEnd, '')];
        }
        const lineStart = this.lines.lineStart(this.lines.lineOf(keyStart));
        if (this.text.slice(lineStart, keyStart).trim() !== '')
            return undefined;
        const removeEnd = this.afterPairLine(pair);
        if (map.items.length === 1) {
            // An emptied block map becomes `{}` so the key keeps a valid, empty map; comment lines between the
            // key and the entry stay where they are.
            const colon = this.colonAfter(parent);
            if (colon === undefined)
                return undefined;
            return [this.edit(colon + 1, colon + 1, ' {}'), this.edit(lineStart, removeEnd, '')];
        }
        return [this.edit(lineStart, removeEnd, '')];
    }
    addPodAnnotation(key, value) {
        const pod = this.pod;
        if (!pod)
            return undefined;
        const entry = `${key}: ${this.quote(value)}`;
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
    moveToPodAnnotations(entry) {
        const remove = this.removeEntry(entry);
        const add = this.addPodAnnotation(entry.key, entry.value);
        return remove && add ? [...add, ...remove] : undefined;
    }
    newline() {
        return this.text.includes('\r\n') ? '\r\n' : '\n';
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

;// CONCATENATED MODULE: ./src/readers/kubernetes/yaml-nodes.ts

/** Helpers to read a composed YAML document by key, resolving aliases. */
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
    pair(map, key) {
        if (!map)
            return undefined;
        for (const item of map.items) {
            const k = this.resolve(item.key);
            if ((0,dist/* isScalar */.jn)(k) && String(k.value) === key)
                return item;
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
        if (!map)
            return out;
        for (const item of map.items) {
            const key = this.resolve(item.key);
            const value = this.resolve(item.value);
            if ((0,dist/* isScalar */.jn)(key) && (0,dist/* isScalar */.jn)(value) && value.value !== null)
                out[String(key.value)] = String(value.value);
        }
        return out;
    }
}
const YAML11_BOOL = /^(?:y|yes|n|no|true|false|on|off)$/i;
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

;// CONCATENATED MODULE: ./src/readers/kubernetes/objects.ts




const IGNORE_ANNOTATION = 'eci-egress-lint/ignore';
const ECI_KEY_TEXT = /aliyun|alibabacloud/;
/** Kinds whose pod template is `spec.template` (any other kind qualifies when it has `spec.template.spec`). */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
const REPLICA_KINDS_EXCLUDED = new Set(['Job', 'CronJob', 'Pod', 'DaemonSet']);
/** Reads the objects of one parsed document into `out`. */
class ObjectReader {
    file;
    lines;
    base;
    out;
    nodes;
    indentUnit;
    constructor(file, lines, base, doc, out) {
        this.file = file;
        this.lines = lines;
        this.base = base;
        this.out = out;
        this.nodes = new NodeReader(doc);
        this.indentUnit = detectIndentUnit(doc, lines, base);
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
        const n = this.nodes;
        const metadata = n.map(root, 'metadata');
        const name = n.string(metadata, 'name') ?? '';
        const writtenNamespace = n.string(metadata, 'namespace');
        const namespace = writtenNamespace ?? (kind === 'Namespace' ? '' : 'default');
        const kindSpan = this.span(n.pair(root, 'kind')?.key, this.span(root));
        const spec = n.map(root, 'spec');
        if (kind === 'Namespace') {
            this.out.namespaces.push({ name, labels: n.stringMap(n.map(metadata, 'labels')), file: this.file, span: kindSpan });
        }
        if (kind === 'HorizontalPodAutoscaler')
            this.readAutoscaler(root, name, namespace, kindSpan);
        if (kind === 'ConfigMap' && name === 'eci-profile' && writtenNamespace === 'kube-system') {
            this.readEciProfile(root, kindSpan);
        }
        const entries = new Map();
        const objectMetadata = [this.metadataBlock(root, 'metadata', 'object', 'metadata', entries)];
        let template = null;
        let templatePath;
        const replicasFrom = spec;
        let parallelismFrom = null;
        if (kind === 'Pod') {
            template = root;
            templatePath = '';
        }
        else if (kind === 'PodTemplate') {
            template = n.map(root, 'template');
            templatePath = 'template';
        }
        else if (kind === 'CronJob') {
            const jobTemplate = n.map(spec, 'jobTemplate');
            objectMetadata.push(this.metadataBlock(jobTemplate, 'metadata', 'job-template', 'spec.jobTemplate.metadata', entries));
            const jobSpec = n.map(jobTemplate, 'spec');
            template = n.map(jobSpec, 'template');
            templatePath = 'spec.jobTemplate.spec.template';
            parallelismFrom = jobSpec;
        }
        else {
            const candidate = n.map(spec, 'template');
            if (candidate && (TEMPLATE_KINDS.has(kind) || (n.map(candidate, 'spec') && !kindNeverHasPods(kind)))) {
                template = candidate;
                templatePath = 'spec.template';
            }
            if (kind === 'Job')
                parallelismFrom = spec;
        }
        const hasPods = template !== null;
        if (!hasPods && !objectMetadata.some((b) => hasEciText(b)))
            return;
        let pod;
        let podNodes;
        const images = [];
        const urls = [];
        let scheduling = { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] };
        if (template) {
            const metadataPath = templatePath === '' ? 'metadata' : `${templatePath}.metadata`;
            if (kind === 'Pod') {
                pod = { ...objectMetadata[0], level: 'pod' };
                objectMetadata.length = 0;
            }
            else {
                pod = this.metadataBlock(template, 'metadata', 'pod', metadataPath, entries);
            }
            const metadataPair = n.pair(template, 'metadata');
            const podMetadata = n.map(template, 'metadata');
            podNodes = {
                template: mapOutline(template),
                metadataPair,
                metadata: podMetadata,
                annotationsPair: n.pair(podMetadata, 'annotations'),
            };
            const podSpec = n.map(template, 'spec');
            scheduling = this.scheduling(podSpec);
            this.containers(podSpec, images, urls);
        }
        const ignores = [pod, ...objectMetadata]
            .filter((b) => b !== undefined)
            .flatMap((b) => b.annotations.filter((a) => a.key === IGNORE_ANNOTATION))
            .map((a) => ({ ...parseIgnoreValue(a.value), span: a.span }));
        const workload = {
            source: 'kubernetes',
            file: this.file,
            kind,
            name,
            namespace,
            namespaceDefaulted: writtenNamespace === undefined,
            span: kindSpan,
            objectMetadata,
            pod,
            podTemplatePath: templatePath,
            replicas: hasPods && !REPLICA_KINDS_EXCLUDED.has(kind) ? this.count(replicasFrom, 'replicas') : {},
            parallelism: parallelismFrom ? this.count(parallelismFrom, 'parallelism') : {},
            scheduling,
            images,
            urls,
            ignores,
            editor: new YamlEditor(this.file, this.lines, this.base, entries, podNodes, this.indentUnit),
        };
        this.out.workloads.push(workload);
    }
    metadataBlock(parent, key, level, path, entries) {
        const n = this.nodes;
        const metadataPair = n.pair(parent, key);
        const metadata = n.map(parent, key);
        const block = {
            level,
            path,
            annotations: [],
            labels: [],
            span: metadataPair ? this.span(metadataPair.key) : this.startOf(parent),
            annotationsValid: true,
            labelsValid: true,
        };
        for (const field of ['annotations', 'labels']) {
            const pair = n.pair(metadata, field);
            if (!pair)
                continue;
            const value = n.resolve(pair.value);
            if (value === null || ((0,dist/* isScalar */.jn)(value) && value.value === null))
                continue;
            if (!(0,dist/* isMap */.jh)(value)) {
                if (field === 'annotations')
                    block.annotationsValid = false;
                else
                    block.labelsValid = false;
                continue;
            }
            for (const item of value.items) {
                const entry = this.mapEntry(item);
                if (!entry)
                    continue;
                entries.set(entry, { pair: item, map: value, parent: pair });
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
        if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 0) {
            return { value: value.value, span };
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
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.value.includes('://'))
            return;
        for (const match of node.value.matchAll(/https?:\/\/[^\s"'<>`]+/gi)) {
            urls.push({ value: match[0], where, span: this.span(node) });
        }
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
function hasEciText(block) {
    return [...block.annotations, ...block.labels].some((e) => ECI_KEY_TEXT.test(e.key));
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
/** The file's indentation step, read from the first nested block map, else 2. */
function detectIndentUnit(doc, lines, base) {
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
/** Why the document's aliases cannot be expanded: an alias bomb, or an alias whose anchor is missing. */
function aliasProblem(doc) {
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
function firstSentence(message) {
    return message.split('\n')[0].replace(/[.:]\s*$/, '');
}

;// CONCATENATED MODULE: ./src/readers/terraform/hcl.ts
/**
 * A small syntax tree for Terraform, the same for native HCL (`.tf`, from tree-sitter) and JSON (`.tf.json`):
 * only what the reader and the editor need, with the offsets of every part. Offsets index the file's text
 * (UTF-16 code units), like the rest of the project.
 */
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
        switch (node.type) {
            case 'object':
                return { ...range, kind: 'object', object: this.object(node) };
            case 'array':
                return { ...range, kind: 'tuple', items: (node.children ?? []).map((c) => this.value(c)) };
            case 'string':
                return this.template(node, range);
            case 'number':
            case 'boolean':
            case 'null':
                return { ...range, kind: 'literal', value: node.value };
        }
        return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
    }
    /** A JSON string is an HCL template. Interpolations are read when the string has no JSON escapes. */
    template(node, range) {
        const value = node.value;
        if (!value.includes('${') && !value.includes('%{'))
            return { ...range, kind: 'literal', value };
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
                    return { ...range, kind: 'other', text: value };
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
            return { ...range, kind: 'literal', value: parts.join('') };
        return { ...range, kind: 'template', parts, directive };
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
        return { ...range, kind: 'literal', value: Number(text) };
    if (text === 'true' || text === 'false')
        return { ...range, kind: 'literal', value: text === 'true' };
    if (text === 'null')
        return { ...range, kind: 'literal', value: null };
    const match = TRAVERSAL.exec(text);
    if (!match)
        return { ...range, kind: 'other', text };
    const steps = [];
    for (const step of match[2].matchAll(/\.([A-Za-z_][\w-]*)|\.(\d+)|\[(\d+)\]|\["([^"\\]*)"\]/g)) {
        steps.push(step[1] ?? (step[2] !== undefined ? Number(step[2]) : step[3] !== undefined ? Number(step[3]) : step[4]));
    }
    return { ...range, kind: 'traversal', root: match[1], steps };
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
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
/** Parses HCL text; throws a clear error when `prepareTerraformParser` has not been awaited. */
function parseHclTree(text) {
    if (!parser) {
        throw new Error('the Terraform parser is not loaded: await prepareReaders() before linting Terraform files');
    }
    const tree = parser.parse(text);
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
    const tree = parseHclTree(text);
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
                    const item = { ...range, key, keyRange: { start: nameStart, end: nameEnd }, keyQuoted: false };
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
        return { ...range, key: this.text.slice(name.start, name.end), keyRange: name, keyQuoted: false, value };
    }
    block(wanted) {
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
        return { ...range, key: this.text.slice(type.start, type.end), keyRange: type, keyQuoted: false, block: { labels, labelRanges, body } };
    }
    /** The cursor on an `expression` (or on a node that is one by itself). */
    expression() {
        const c = this.c;
        const range = this.range();
        // Most values are plain literals or references: read from the text, without walking their nodes.
        const simple = simpleExpression(this.text.slice(range.start, range.end), range);
        if (simple)
            return simple;
        if (c.nodeType !== 'expression')
            return this.single(range);
        if (!c.gotoFirstChild())
            return { ...range, kind: 'other', text: this.nodeText() };
        let result;
        if (!c.gotoNextSibling()) {
            result = this.single(range);
        }
        else {
            c.gotoPreviousSibling();
            const first = c.nodeType;
            result = first === 'variable_expr' ? this.traversal(range) : { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
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
                return this.inFirstChild(() => this.template(range)) ?? { ...range, kind: 'other', text: this.nodeText() };
            case 'collection_value':
                return this.inFirstChild(() => this.collection(range)) ?? { ...range, kind: 'other', text: this.nodeText() };
            case 'variable_expr':
                return { ...range, kind: 'traversal', root: this.nodeText(), steps: [] };
            case 'function_call':
                return this.call(range);
            case 'expression':
                return this.expression();
        }
        return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
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
            return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
        return { ...range, kind: 'traversal', root, steps };
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
                    out = { ...range, kind: 'literal', value: Number(this.text.slice(start, end)) };
                    break;
                case 'bool_lit':
                    out = { ...range, kind: 'literal', value: this.text.slice(start, end) === 'true' };
                    break;
                case 'null_lit':
                    out = { ...range, kind: 'literal', value: null };
                    break;
                case 'string_lit':
                    out = { ...range, kind: 'literal', value: decodeQuoted(this.text.slice(start + 1, end - 1)) };
                    break;
            }
        });
        return out ?? { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
    }
    /** The cursor on a `quoted_template` or `heredoc_template`. */
    template(outer) {
        const c = this.c;
        const range = outer;
        if (c.nodeType === 'heredoc_template')
            return this.heredoc(range);
        if (c.nodeType !== 'quoted_template')
            return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
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
            return { ...range, kind: 'literal', value: parts.join('') };
        }
        return { ...range, kind: 'template', parts, directive };
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
            return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
        const afterOpen = this.text.indexOf('\n', markers[0].end);
        const closeLineStart = this.text.lastIndexOf('\n', markers[markers.length - 1].start - 1) + 1;
        let content = afterOpen === -1 || closeLineStart <= afterOpen ? '' : this.text.slice(afterOpen + 1, closeLineStart);
        content = content.replace(/\r\n/g, '\n');
        if (flush)
            content = dedent(content);
        content = content.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
        return { ...range, kind: 'literal', value: content, heredoc: true };
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
            return { ...range, kind: 'tuple', items };
        }
        if (c.nodeType === 'object') {
            const object = { form: 'object', items: [], ...range, open: range.start + 1, close: range.end - 1 };
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
            return { ...range, kind: 'object', object };
        }
        return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
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
        return { ...range, key, keyRange: { start: keyExpr.start, end: keyExpr.end }, keyQuoted, value };
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
            return { ...range, kind: 'other', text: this.text.slice(range.start, range.end) };
        return { ...range, kind: 'call', name, args };
    }
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
        return PLAIN_STRING.test(text) ? { ...range, kind: 'literal', value: text.slice(1, -1) } : undefined;
    if (first >= 48 && first <= 57)
        return PLAIN_NUMBER.test(text) ? { ...range, kind: 'literal', value: Number(text) } : undefined;
    if (text === 'true' || text === 'false')
        return { ...range, kind: 'literal', value: text === 'true' };
    if (text === 'null')
        return { ...range, kind: 'literal', value: null };
    if (!PLAIN_TRAVERSAL.test(text))
        return undefined;
    const [root, ...steps] = text.split('.');
    return { ...range, kind: 'traversal', root, steps };
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
function emptyScope(folder) {
    return { folder, variables: new Map(), locals: new Map() };
}
const MAX_DEPTH = 16;
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
 */
function evaluate(expr, scope, depth = 0) {
    if (depth > MAX_DEPTH)
        return unknown('the references go too deep (a cycle?)');
    switch (expr.kind) {
        case 'literal':
            return { known: true, value: expr.value };
        case 'template': {
            if (expr.directive)
                return unknown('a string template with %{…} directives or ~ strip markers is not evaluated');
            if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string')
                return evaluate(expr.parts[0], scope, depth + 1);
            let out = '';
            for (const part of expr.parts) {
                if (typeof part === 'string') {
                    out += part;
                    continue;
                }
                const value = evaluate(part, scope, depth + 1);
                if (!value.known)
                    return value;
                if (value.value === null || typeof value.value === 'object')
                    return unknown('a template interpolates a value that is not a string');
                out += String(value.value);
            }
            return { known: true, value: out };
        }
        case 'tuple': {
            const items = [];
            for (const item of expr.items) {
                const value = evaluate(item, scope, depth + 1);
                if (!value.known)
                    return value;
                items.push(value.value);
            }
            return { known: true, value: items };
        }
        case 'object': {
            const out = {};
            for (const item of expr.object.items) {
                if (item.key === undefined)
                    return unknown('an object key is computed');
                if (!item.value)
                    continue;
                const value = evaluate(item.value, scope, depth + 1);
                if (!value.known)
                    return value;
                out[item.key] = value.value;
            }
            return { known: true, value: out };
        }
        case 'traversal':
            return traversal(expr.root, expr.steps, scope, depth);
        case 'call':
            return call(expr.name, expr.args, scope, depth);
        case 'other':
            return unknown(`\`${shown(expr.text)}\` is not a literal, a variable's default or a local`);
    }
}
function traversal(root, steps, scope, depth) {
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
                base = evaluate(variable.default, scope, depth + 1);
                if (!base.known)
                    base = unknown(`the default of var.${name} is not a literal`);
            }
        }
        else {
            const local = scope.locals.get(name);
            if (!local)
                base = unknown(`local.${name} is not defined in this folder`);
            else {
                base = evaluate(local, scope, depth + 1);
                if (!base.known)
                    base = unknown(`local.${name}: ${base.why}`);
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
function call(name, args, scope, depth) {
    const CONVERSIONS = new Set(['tostring', 'tonumber', 'tobool', 'toset', 'tolist', 'tomap', 'length']);
    if (!CONVERSIONS.has(name) || args.length !== 1)
        return unknown(`the function ${name}() is not evaluated`);
    const arg = evaluate(args[0], scope, depth + 1);
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
/** A whole number ≥ 0, or why not. */
function asCount(value) {
    if (!value.known)
        return { why: value.why };
    const v = value.value;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= 0)
        return { value: n };
    return { why: `${JSON.stringify(v)} is not a whole number` };
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
]);
/** The resources other files refer to (a scaling configuration's group, SNAT entries and their gateways). */
const LOOKUP_TYPES = new Set(['alicloud_ess_scaling_group', 'alicloud_nat_gateway', 'alicloud_snat_entry']);
function isTerraformFile(file) {
    return file.endsWith('.tf') || file.endsWith('.tf.json');
}
/**
 * The names of the attributes and blocks the mappings read inside a resource (kubernetes.ts, alicloud.ts): the
 * parser converts only these (and every expression under them), which keeps the scan close to the raw parse.
 */
const URL_TEXT = /:\/\//;
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
    ].map((name) => [name, true]),
    // Read only for the URLs they may hold (the egress evidence).
    ...['env', 'command', 'args', 'environment_vars', 'commands'].map((name) => [name, URL_TEXT]),
]);
const VARIABLE_NAMES = new Map([['default', true]]);
const WANTED = (type, labels) => {
    if (type === 'locals' || type === 'module')
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
    const context = { files: new Map(), folders: new Map(), resources: new Map() };
    for (const source of sources) {
        if (source.text === undefined || !isTerraformFile(source.path))
            continue;
        addFile(context, parseTerraformFile(source.path, source.text));
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
            for (const item of block.body.items)
                if (item.key !== undefined && item.value)
                    scope.locals.set(item.key, item.value);
        }
        else if (block.type === 'resource' && block.labels.length === 2 && LOOKUP_TYPES.has(block.labels[0])) {
            const [type, name] = block.labels;
            const list = context.resources.get(type) ?? [];
            list.push({ file, type, name, block });
            context.resources.set(type, list);
        }
    }
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
/** The resource `type.name` in a folder, when the scan has it. */
function findResource(context, folder, type, name) {
    return context.resources.get(type)?.find((r) => r.name === name && r.file.folder === folder);
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
        return this.text.includes('\r\n') ? '\r\n' : '\n';
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
        const target = this.entries.get(entry);
        if (!target || target.kind === 'indirect')
            return undefined;
        const object = target.kind === 'element' ? target.object : target.body;
        return this.removeItem(object, target.item);
    }
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
        const pod = this.pod;
        if (!pod)
            return undefined;
        const element = this.json ? `${JSON.stringify(key)}: ${this.quote(value)}` : `${JSON.stringify(key)} = ${this.quote(value)}`;
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
    moveToPodAnnotations(entry) {
        const target = this.entries.get(entry);
        if (target?.kind !== 'element')
            return undefined;
        const remove = this.removeEntry(entry);
        const add = this.addPodAnnotation(entry.key, entry.value);
        if (!remove || !add)
            return undefined;
        // The two must not touch: an insertion inside the removed range would be lost.
        for (const a of add)
            for (const r of remove)
                if (a.start >= r.start && a.start < r.end && r.end > r.start)
                    return undefined;
        return [...add, ...remove];
    }
}
/** The file's indentation step: from the first line nested under a line ending in `{`; two spaces by default. */
function editor_detectIndentUnit(text) {
    const match = /\{[ \t]*\r?\n([ \t]*)\S/.exec(text);
    if (!match)
        return '  ';
    const open = text.lastIndexOf('\n', match.index) + 1;
    const outer = /^[ \t]*/.exec(text.slice(open))[0];
    const unit = match[1].slice(outer.length);
    return unit.length > 0 && unit.length <= 8 && /^( +|\t+)$/.test(unit) ? unit : '  ';
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
/** Kinds whose pod template is `spec.template` in a manifest (any other kind qualifies with `spec.template.spec`). */
const kubernetes_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
const NO_REPLICAS = new Set(['Job', 'CronJob', 'Pod', 'DaemonSet']);
const NEVER_PODS = new Set(['Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'Ingress', 'HorizontalPodAutoscaler']);
const kubernetes_ECI_KEY_TEXT = /aliyun|alibabacloud/;
/** A hashicorp/kubernetes workload resource. */
function readProviderWorkload(reader, block, kind) {
    const address = `${block.labels[0]}.${block.labels[1]}`;
    readObject(reader, { block, address, kind, root: block.body, shape: PROVIDER, prefix: '' });
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
    readObject(reader, { block, address, kind: kind.value, root, shape: MANIFEST, prefix: 'manifest.' });
}
function readObject(reader, source) {
    const { block, address, kind, root, shape, prefix } = source;
    // Notes about an object that turns out not to be a workload are dropped with it.
    const notesBefore = reader.out.unresolved?.length ?? 0;
    const entries = new Map();
    const metadata = section(root, 'metadata');
    const name = reader.string(metadata, 'name');
    const namespace = reader.string(metadata, 'namespace');
    const spec = section(root, 'spec');
    const objectMetadata = [
        reader.metadataBlock(metadata, 'object', `${prefix}metadata`, sectionItem(root, 'metadata')?.keyRange ?? block.head, entries, undefined, address),
    ];
    let template;
    let templateHead = block.head;
    let templatePath;
    let parallelismFrom;
    let parallelismPath = '';
    if (kind === 'Pod') {
        template = root;
        templatePath = prefix.replace(/\.$/, '');
    }
    else if (kind === 'CronJob') {
        const jobTemplate = section(spec, shape.jobTemplate);
        objectMetadata.push(reader.metadataBlock(section(jobTemplate, 'metadata'), 'job-template', `${prefix}spec.${shape.jobTemplate}.metadata`, sectionItem(jobTemplate, 'metadata')?.keyRange ?? block.head, entries, undefined, address));
        const jobSpec = section(jobTemplate, 'spec');
        template = section(jobSpec, 'template');
        templateHead = sectionItem(jobSpec, 'template')?.keyRange ?? block.head;
        templatePath = `${prefix}spec.${shape.jobTemplate}.spec.template`;
        parallelismFrom = jobSpec;
        parallelismPath = `${prefix}spec.${shape.jobTemplate}.spec.parallelism`;
    }
    else {
        const candidate = section(spec, 'template');
        if (candidate && (shape === PROVIDER || kubernetes_TEMPLATE_KINDS.has(kind) || (section(candidate, 'spec') && !NEVER_PODS.has(kind)))) {
            template = candidate;
            templateHead = sectionItem(spec, 'template')?.keyRange ?? block.head;
            templatePath = `${prefix}spec.template`;
        }
        if (kind === 'Job') {
            parallelismFrom = spec;
            parallelismPath = `${prefix}spec.parallelism`;
        }
    }
    const hasPods = template !== undefined;
    if (!hasPods && !objectMetadata.some((b) => [...b.annotations, ...b.labels].some((e) => kubernetes_ECI_KEY_TEXT.test(e.key)))) {
        reader.out.unresolved?.splice(notesBefore);
        return;
    }
    if (namespace.why)
        reader.note(`metadata.namespace of ${address}`, `${namespace.why}; config rules that match a namespace do not match it`, namespace.expr);
    let pod;
    let podTarget;
    let scheduling = { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] };
    const images = [];
    const urls = [];
    if (template) {
        const podMetadata = section(template, 'metadata');
        if (kind === 'Pod') {
            pod = { ...objectMetadata[0], level: 'pod' };
            objectMetadata.length = 0;
        }
        else {
            pod = reader.metadataBlock(podMetadata, 'pod', `${templatePath}.metadata`, sectionItem(template, 'metadata')?.keyRange ?? templateHead, entries, undefined, address);
            if (!podMetadata && template.items.some((i) => i.key === 'dynamic' && i.block?.labels[0] === 'metadata')) {
                pod.unresolved = `${templatePath}.metadata is a dynamic block`;
                reader.note(`${templatePath}.metadata of ${address}`, 'a dynamic block is not read', template);
            }
        }
        podTarget = {
            kind: 'template',
            template,
            metadata: podMetadata,
            annotations: attrItem(podMetadata, 'annotations'),
            metadataStyle: shape.metadataStyle,
        };
        const podSpec = kind === 'Pod' ? section(root, 'spec') : section(template, 'spec');
        scheduling = readScheduling(reader, podSpec, shape);
        readContainers(reader, podSpec, shape, images, urls);
    }
    const replicas = hasPods && !NO_REPLICAS.has(kind) ? reader.count(spec, 'replicas', `${prefix}spec.replicas of ${address}`) : {};
    const parallelism = parallelismFrom ? reader.count(parallelismFrom, 'parallelism', `${parallelismPath} of ${address}`) : {};
    const instances = reader.instances(block, address);
    const workload = {
        source: 'terraform',
        file: reader.path,
        kind,
        name: name.value ?? address,
        namespace: namespace.value ?? (namespace.expr ? reader.text(namespace.expr) : 'default'),
        namespaceDefaulted: namespace.expr === undefined,
        span: reader.headSpan(block),
        objectMetadata,
        pod,
        podTemplatePath: templatePath,
        replicas,
        parallelism,
        ...(instances ? { instances } : {}),
        scheduling,
        images,
        urls,
        ignores: reader.ignores([pod, ...objectMetadata]),
        editor: new HclEditor(reader.path, reader.file.lines, entries, podTarget, reader.indentUnit, reader.json),
    };
    reader.out.workloads.push(workload);
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
    const metadata = section(body, 'metadata');
    const name = reader.string(metadata, 'name');
    const namespace = reader.string(metadata, 'namespace');
    const entries = new Map();
    const podKind = kind.value === 'Pod';
    const hasTemplate = !podKind && !NEVER_PODS.has(kind.value);
    const own = reader.metadataBlock(body, podKind ? 'pod' : 'object-annotations', '', block.head, entries, { annotations: 'annotations' });
    own.path = address;
    own.span = reader.span(attrItem(body, 'annotations')?.keyRange ?? block.head);
    let pod = podKind ? own : undefined;
    let podTarget;
    if (hasTemplate) {
        pod = reader.metadataBlock(body, 'pod', '', block.head, entries, { annotations: 'template_annotations' });
        pod.path = address;
        pod.span = reader.span(attrItem(body, 'template_annotations')?.keyRange ?? block.head);
        podTarget = {
            kind: 'attribute',
            holder: body,
            name: 'template_annotations',
            annotations: attrItem(body, 'template_annotations'),
            after: attrItem(body, 'annotations'),
        };
    }
    const objectMetadata = podKind ? [] : [own];
    if (!pod && !own.annotations.some((e) => kubernetes_ECI_KEY_TEXT.test(e.key)))
        return;
    const replicas = hasTemplate && !NO_REPLICAS.has(kind.value)
        ? { unknown: `${address} patches a ${kind.value} defined elsewhere; its replicas are not known here` }
        : {};
    const parallelism = kind.value === 'Job' || kind.value === 'CronJob'
        ? { unknown: `${address} patches a ${kind.value} defined elsewhere; its parallelism is not known here` }
        : {};
    reader.out.workloads.push({
        source: 'terraform',
        file: reader.path,
        kind: kind.value,
        name: name.value ?? address,
        namespace: namespace.value ?? (namespace.expr ? reader.text(namespace.expr) : 'default'),
        namespaceDefaulted: namespace.expr === undefined,
        span: reader.headSpan(block),
        objectMetadata,
        pod,
        podTemplatePath: hasTemplate ? 'spec.template' : undefined,
        podAnnotationsPath: hasTemplate ? 'template_annotations' : podKind ? 'annotations' : undefined,
        replicas,
        parallelism,
        scheduling: { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] },
        images: [],
        urls: [],
        ignores: reader.ignores([pod, ...objectMetadata]),
        editor: new HclEditor(reader.path, reader.file.lines, entries, podTarget, reader.indentUnit, reader.json),
    });
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
function readContainers(reader, podSpec, shape, images, urls) {
    for (const [field, word] of [
        [shape.initContainers, 'init container'],
        [shape.containers, 'container'],
    ]) {
        for (const container of sections(podSpec, field)) {
            const label = `${word} ${reader.string(container, 'name').value ?? '?'}`;
            const image = attr(container, 'image');
            if (image) {
                const value = asString(reader.evaluate(image));
                if ('value' in value)
                    images.push({ value: value.value, where: `${label} image`, span: reader.span(image) });
            }
            for (const env of sections(container, 'env')) {
                const value = attr(env, 'value');
                if (!value)
                    continue;
                const resolved = asString(reader.evaluate(value));
                if ('value' in resolved)
                    collectUrls(reader, resolved.value, value, `${label} env ${reader.string(env, 'name').value ?? '?'}`, urls);
            }
            for (const list of ['command', 'args']) {
                for (const arg of reader.strings(container, list))
                    collectUrls(reader, arg.value, arg.range, `${label} ${list}`, urls);
            }
        }
    }
}
function collectUrls(reader, value, range, where, urls) {
    if (!value.includes('://'))
        return;
    for (const match of value.matchAll(/https?:\/\/[^\s"'<>`]+/gi))
        urls.push({ value: match[0], where, span: reader.span(range) });
}

;// CONCATENATED MODULE: ./src/readers/terraform/alicloud.ts






/** The arguments of the alicloud ECI resources that stand for the ECI EIP annotations. */
const EIP_ARGUMENTS = [
    { name: 'auto_create_eip', key: WITH_EIP, valueType: 'bool' },
    { name: 'eip_bandwidth', key: EIP_BANDWIDTH, valueType: 'number' },
    { name: 'eip_instance_id', key: EIP_INSTANCE_ID, valueType: 'string' },
];
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
    for (const argument of EIP_ARGUMENTS) {
        const item = attrItem(body, argument.name);
        if (!item?.value)
            continue;
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
    for (const [field, word] of [
        ['init_containers', 'init container'],
        ['containers', 'container'],
    ]) {
        for (const container of sections(body, field)) {
            const label = `${word} ${reader.string(container, 'name').value ?? '?'}`;
            const image = attr(container, 'image');
            if (image) {
                const value = asString(reader.evaluate(image));
                if ('value' in value)
                    images.push({ value: value.value, where: `${label} image`, span: reader.span(image) });
            }
            for (const env of sections(container, 'environment_vars')) {
                const value = attr(env, 'value');
                if (!value)
                    continue;
                const resolved = asString(reader.evaluate(value));
                if ('value' in resolved)
                    collectUrls(reader, resolved.value, value, `${label} env ${reader.string(env, 'key').value ?? '?'}`, urls);
            }
            for (const list of ['commands', 'args']) {
                for (const arg of reader.strings(container, list))
                    collectUrls(reader, arg.value, arg.range, `${label} ${list}`, urls);
            }
        }
    }
    const replicas = type === 'alicloud_ess_eci_scaling_configuration' ? scalingGroupSize(reader, block, address) : {};
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
        scheduling: { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] },
        images,
        urls,
        ignores: [],
        editor: new HclEditor(reader.path, reader.file.lines, entries, podTarget, reader.indentUnit, reader.json),
    });
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
function natResource(reader, block) {
    const address = `${block.labels[0]}.${block.labels[1]}`;
    const fact = (present, why, unknown) => ({
        present,
        resource: address,
        file: reader.path,
        span: reader.headSpan(block),
        why,
        ...(unknown ? { unknown } : {}),
    });
    const existing = existence(reader, block, address);
    if (existing.unknown) {
        reader.out.natFacts.push(fact(false, 'whether it exists is not known', existing.unknown));
        return { address, fact, exists: undefined };
    }
    return { address, fact, exists: existing.exists };
}
/**
 * An internet NAT gateway with an SNAT entry gives the VPC's pods egress. SNAT entries are looked for in the whole
 * scan: one whose `snat_table_id` refers to this gateway, or one whose table is not a gateway of the scan (a
 * variable, a module output).
 */
function readNatGateway(reader, block) {
    const { address, fact, exists } = natResource(reader, block);
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
    const snat = snatEntryFor(reader, block.labels[1]);
    if (snat)
        reader.out.natFacts.push(fact(true, `an internet NAT gateway with the SNAT entry ${snat}`));
    else
        reader.out.natFacts.push(fact(false, 'an internet NAT gateway, but no alicloud_snat_entry in the scanned files gives its egress to a vSwitch'));
}
function snatEntryFor(reader, gatewayName) {
    const gateways = new Set((reader.context.resources.get('alicloud_nat_gateway') ?? []).map((r) => `${r.file.folder}/${r.name}`));
    for (const entry of reader.context.resources.get('alicloud_snat_entry') ?? []) {
        const count = attr(entry.block.body, 'count');
        if (count) {
            const n = asCount(reader.evaluate(count));
            if ('value' in n && n.value === 0)
                continue;
        }
        const table = attr(entry.block.body, 'snat_table_id');
        const address = `alicloud_snat_entry.${entry.name}`;
        if (table?.kind === 'traversal' && table.root === 'alicloud_nat_gateway' && typeof table.steps[0] === 'string') {
            if (table.steps[0] === gatewayName && entry.file.folder === reader.file.folder)
                return `${address} (${entry.file.path})`;
            if (gateways.has(`${entry.file.folder}/${table.steps[0]}`))
                continue;
        }
        return `${address} (${entry.file.path})`;
    }
    return undefined;
}
/** An ACK cluster made by Terraform creates a NAT gateway unless `new_nat_gateway = false`. */
function readCluster(reader, block) {
    const { address, fact, exists } = natResource(reader, block);
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
    constructor(file, context, out) {
        this.file = file;
        this.context = context;
        this.out = out;
        this.scope = scopeOf(context, file.folder);
        this.indentUnit = editor_detectIndentUnit(file.text);
        this.json = file.path.endsWith('.tf.json');
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
        return evaluate(expr, this.scope);
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
        this.note(what, result.why, expr);
        return { unknown: `${what} is not known: ${result.why}`, span: this.span(expr) };
    }
    /** `count` or the size of `for_each`; undefined when the resource has neither. */
    instances(block, address) {
        const count = attr(block.body, 'count');
        if (count) {
            const result = asCount(this.evaluate(count));
            if ('value' in result)
                return { value: result.value, span: this.span(count), what: 'count' };
            this.note(`count of ${address}`, result.why, count);
            return { unknown: `count of ${address} is not known: ${result.why}`, span: this.span(count), what: 'count' };
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
            const result = this.mapEntries(item, where, entries);
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
    mapEntries(item, where, entries) {
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
                entries.set(entry, { kind: 'element', item: element, object: value.object });
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
    /** `eci-egress-lint/ignore` annotations of the given blocks. */
    ignores(blocks) {
        return blocks
            .filter((b) => b !== undefined)
            .flatMap((b) => b.annotations.filter((a) => a.key === IGNORE_ANNOTATION && a.valueType === 'string'))
            .map((a) => ({ ...parseIgnoreValue(a.value), span: a.span }));
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
    let parsed = context?.files.get(file);
    if (!context || !parsed || parsed.text !== text) {
        context = buildTerraformContext([{ path: file, text }]);
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



const CHARGE_TYPES = ['PayByTraffic', 'PayByBandwidth'];
/** The bandwidth limits of a pay-as-you-go EIP; without a written charge type the wider one (as eip-invalid-value). */
function project_bandwidthLimit(written) {
    return written === 'PayByTraffic' ? 200 : 500;
}
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
    let written;
    const charge = annotations.get(EIP_CHARGE_TYPE);
    if (charge) {
        if (charge.entry?.valueType === 'unknown') {
            chargeType = undefined;
            unknown.push(`the value of ${named(charge, EIP_CHARGE_TYPE)} is not known`);
        }
        else if (CHARGE_TYPES.includes(charge.value)) {
            chargeType = written = charge.value;
        }
        else {
            chargeType = undefined;
            unknown.push(`${named(charge, EIP_CHARGE_TYPE)} "${charge.value}" is not PayByTraffic or PayByBandwidth`);
        }
    }
    let bandwidthMbps = pricing.assumptions.bandwidthMbps;
    const bandwidth = annotations.get(EIP_BANDWIDTH);
    if (bandwidth) {
        const limit = project_bandwidthLimit(written);
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
    return { ...described, perPod, monthly: scale(pods.range, perPod), trafficGb };
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
    const workloads = inputs.filter(costed).map((input) => costOfWorkload(input, pricing));
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

;// CONCATENATED MODULE: ./src/cost/index.ts
/** The cost stage: workloads and their policy facts + the config's pricing → a CostReport (docs/cost.md). */






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

;// CONCATENATED MODULE: ./src/engine.ts











/** The files on disk under the paths given (files or folders), filtered by the config's globs, and read. */
function sourcesFromPaths(cwd, paths, config, absoluteOutside = false) {
    return discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude, absoluteOutside }).map((file) => {
        if (file.skip)
            return { path: file.path, skip: file.skip };
        const outcome = readTextFile(file.absolute, config.maxFileSize);
        return 'text' in outcome ? { path: file.path, text: outcome.text } : { path: file.path, skip: outcome.skip };
    });
}
/**
 * Lints files on disk: the paths given (files or folders), filtered by the config's globs. Synchronous: when
 * Terraform files may be among them, call `prepareReaders` first (or use `lintPathsPrepared`).
 */
function lintPaths(cwd, paths, options) {
    return lintSources(sourcesFromPaths(cwd, paths, options.config), options);
}
/** Lints files on disk after loading the readers they need (the Terraform parser only when there are .tf files). */
async function lintPathsPrepared(cwd, paths, options) {
    const sources = sourcesFromPaths(cwd, paths, options.config, options.absoluteOutside);
    await prepareReaders([...sources, ...(options.base ?? [])]);
    return lintSources(sources, options);
}
/** The engine: file texts → workloads → rules → findings, with suppressions applied. */
function lintSources(sources, options) {
    const { config } = options;
    const files = [];
    const raw = [];
    /** The workload each rule finding is about, for its suppression annotations. */
    const owners = new Map();
    const states = new Map();
    // First pass: what a reader needs from the other files (Terraform variables and locals of each folder).
    const context = readContext(sources);
    for (const source of sources) {
        const state = { source, comments: [] };
        states.set(source.path, state);
        if (source.text === undefined) {
            files.push({ path: source.path, status: 'skipped', reason: source.skip });
            raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${source.skip}.`));
            continue;
        }
        const reader = readerFor(source.path);
        state.read = reader.read(source.path, source.text, { ...options, context });
        if (config.inlineIgnores)
            state.comments = commentIgnores(source.text);
        if (state.read.skipped) {
            files.push({ path: source.path, status: 'skipped', reason: state.read.skipped });
            raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${state.read.skipped}.`));
            continue;
        }
        files.push({ path: source.path, status: 'scanned', ...(state.read.unresolved?.length ? { unresolved: state.read.unresolved } : {}) });
        for (const problem of state.read.problems) {
            raw.push({
                ruleId: problem.ruleId,
                severity: ruleById(problem.ruleId).meta.defaultSeverity,
                message: problem.message,
                file: source.path,
                span: problem.span,
            });
        }
    }
    const reads = [...states.values()].flatMap((s) => (s.read ? [s.read] : []));
    const workloads = reads.flatMap((r) => r.workloads);
    linkAutoscalers(reads, workloads);
    const scan = {
        config,
        nat: decideNat(config, reads.flatMap((r) => r.natFacts)),
        namespaces: new Map(reads.flatMap((r) => r.namespaces).map((n) => [n.name, n])),
        selectors: reads.flatMap((r) => r.profiles.flatMap((p) => p.selectors)),
    };
    const costInputs = [];
    for (const workload of workloads) {
        const facts = workloadFacts(workload, scan);
        costInputs.push({ workload, facts });
        for (const rule of RULES) {
            if (!rule.check || config.rules[rule.meta.id] === 'off')
                continue;
            rule.check({
                workload,
                facts,
                scan,
                report: (report) => {
                    const finding = toFinding(rule.meta.id, workload, report);
                    owners.set(finding, workload);
                    raw.push(finding);
                },
            });
        }
    }
    // The cost stage, and eip-cost-budget, which is a function of its projection.
    const base = options.base ? lintSources(options.base, { ...options, base: undefined, newOnly: false }) : undefined;
    const cost = projectCost(costInputs, resolvePricing(config.pricing), base && sideOf(base.cost));
    if (config.rules['eip-cost-budget'] !== 'off') {
        for (const { target, report } of costBudgetReports(cost, config.budget)) {
            const workload = sourceWorkload(target);
            const finding = toFinding('eip-cost-budget', workload, report);
            owners.set(finding, workload);
            raw.push(finding);
        }
    }
    let findings = [];
    const suppressed = [];
    for (const finding of raw) {
        const setting = config.rules[finding.ruleId];
        if (setting === 'off')
            continue;
        if (setting)
            finding.severity = setting;
        const suppression = findSuppression(finding, config, states.get(finding.file), owners.get(finding));
        if (suppression)
            suppressed.push({ finding, ...suppression });
        else
            findings.push(finding);
    }
    const order = (a, b) => a.file.localeCompare(b.file) || a.span.line - b.span.line || a.span.column - b.span.column || a.ruleId.localeCompare(b.ruleId);
    findings.sort(order);
    suppressed.sort((a, b) => order(a.finding, b.finding));
    let hidden = 0;
    if (base && options.newOnly) {
        const fresh = newFindingsOnly(findings, base.findings);
        hidden = findings.length - fresh.length;
        findings = fresh;
    }
    return { findings, suppressed, files, workloads, nat: scan.nat, cost, ...(base ? { base: { findings: base.findings, hidden } } : {}) };
}
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
            safe: meta.fix === 'safe',
            description: report.fixDescription ?? meta.fixDescription ?? '',
            edits: report.edits,
        };
    }
    return finding;
}
function fileFinding(ruleId, file, message) {
    const severity = ruleById(ruleId).meta.defaultSeverity;
    return { ruleId, severity, message, file, span: new LineIndex('').span(0) };
}
/** An HPA turns its target's replicas into a range; it must be in the same namespace. */
function linkAutoscalers(reads, workloads) {
    for (const hpa of reads.flatMap((r) => r.autoscalers)) {
        const target = workloads.find((w) => w.kind === hpa.target.kind && w.name === hpa.target.name && w.namespace === hpa.namespace);
        if (target)
            target.autoscaler = { min: hpa.min, max: hpa.max, file: hpa.file, span: hpa.span, name: hpa.name };
    }
}
function findSuppression(finding, config, state, workload) {
    const names = (rules) => rules.includes(finding.ruleId);
    const reason = (text) => text || '(no reason given)';
    if (config.inlineIgnores) {
        const comment = state?.comments.find((c) => names(c.rules) && (c.wholeFile || c.line === finding.span.line || c.line === finding.span.line - 1));
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/files/git.ts





/** Git cannot give what was asked: not a repository, an unknown ref, no git. The run stops (exit 2). */
class GitError extends Error {
    name = 'GitError';
}
function git(cwd, args) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
    }
    catch (error) {
        const e = error;
        if (e.code === 'ENOENT')
            throw new GitError('git is not installed or not on the PATH');
        const detail = e.stderr?.toString('utf8').trim().split('\n')[0];
        throw new GitError(`git ${args[0]} failed${detail ? `: ${detail}` : ''}`);
    }
}
/** The top folder of the repository that holds `cwd`. */
function repositoryRoot(cwd) {
    try {
        return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
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
        return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
    }
    catch {
        throw new GitError(`unknown git ref "${ref}": no such commit in this repository (a shallow clone may need fetch-depth: 0)`);
    }
}
/** The regular files of a commit's tree (no links, no submodules), relative to the repository root. */
function listCommitFiles(root, commit) {
    const out = git(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]).toString('utf8');
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
    return git(root, ['show', `${commit}:${repoPath}`]);
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


/** Runs git in the workspace; undefined when git is missing or the command fails. */
function git_git(cwd, args, maxBuffer = 256 * 1024 * 1024) {
    const result = (0,external_node_child_process_.spawnSync)('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'ignore'] });
    if (result.error || result.status !== 0)
        return undefined;
    return result.stdout;
}
/** Whether the checkout holds this commit (a shallow clone may not). */
function hasCommit(cwd, ref) {
    if (!ref || /^0+$/.test(ref))
        return false;
    return git_git(cwd, ['cat-file', '-e', `${ref}^{commit}`]) !== undefined;
}
/** The commit a ref names, e.g. origin/main; undefined when the checkout does not have it. */
function git_resolveCommit(cwd, ref) {
    const out = git_git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return out?.toString('utf8').trim() || undefined;
}
/** Where two commits' histories meet; undefined when a shallow checkout does not reach it. */
function mergeBase(cwd, a, b) {
    return git_git(cwd, ['merge-base', a, b])?.toString('utf8').trim() || undefined;
}
/**
 * The files changed between two commits, as a unified diff parsed into files with their hunks (3 lines of
 * context, as GitHub's pull-request diff has). Renames are detected as GitHub does.
 */
function diffCommits(cwd, base, head) {
    const out = git_git(cwd, ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '-M', '--unified=3', base, head, '--']);
    return out ? parseUnifiedDiff(out.toString('utf8')) : undefined;
}
/** A file's bytes at a commit; undefined when it is not there. */
function git_showFile(cwd, commit, file) {
    return git_git(cwd, ['show', `${commit}:${file}`]);
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
        const bytes = git_showFile(workspace, commit, file.basePath);
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
;// CONCATENATED MODULE: ./src/version.ts
/** The tool's version; a test keeps it equal to package.json's. */
const TOOL_NAME = 'eci-egress-lint';
const TOOL_VERSION = '1.0.0';

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
    core/* notice */.lm(message, { title: 'eci-egress-lint' });
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
        base = git_resolveCommit(workspace, `origin/${baseRef}`);
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

;// CONCATENATED MODULE: ./src/fix/select.ts

/** A `--fix-unsafe` (or action `fix-unsafe`) value that names no rule with an unsafe fix. */
class FixSelectionError extends Error {
    name = 'FixSelectionError';
}
/** The ids of the rules whose fix is unsafe: applied only when named. */
function rulesWithUnsafeFix() {
    return RULES.filter((r) => r.meta.fix === 'unsafe').map((r) => r.meta.id);
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
/** Whether a finding's fix is applied: every safe fix, and the unsafe fixes of the rules named. */
function isSelected(finding, unsafeRules) {
    if (!finding.fix || finding.fix.edits.length === 0)
        return false;
    return finding.fix.safe || unsafeRules.includes(finding.ruleId);
}

;// CONCATENATED MODULE: ./src/fix/apply.ts
/**
 * The fix engine: applies the text edits of findings to the files, and checks every result by linting it again
 * through the same engine, so it works for any format a reader knows (YAML, and HCL through the Terraform reader).
 *
 * A pass applies, per file, every selected fix whose edits neither overlap nor touch the edits already taken, and at
 * most one fix per workload that adds, moves, renames or removes keys (fixes that only rewrite a value are not limited).
 * The texts are then linted again: a file whose new text has more parse problems than before, holds other objects, or
 * still has a finding that was fixed, is left untouched (its original text) and its findings say why. What is left is
 * fixed in the next pass, from the re-read text, until nothing is left or `maxPasses` is reached.
 */




const DEFAULT_MAX_PASSES = 10;
/** Fixes that only rewrite a value in place; any number of them may be applied to one workload in a pass. */
const VALUE_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);
/** Problems with a file's text itself: a fix must never add one. */
const TEXT_PROBLEMS = new Set(['parse-error', 'skipped-file']);
/**
 * What makes two findings "the same" across texts: rule, file, workload and the source text the finding points at
 * (the key or value it is about). Positions are left out: a fix above a finding moves it.
 */
function identity(finding, text) {
    const w = finding.workload ? `${finding.workload.kind}/${finding.workload.namespace}/${finding.workload.name}` : '';
    const subject = text.slice(finding.span.offset, Math.min(finding.span.endOffset, finding.span.offset + 500));
    return [finding.ruleId, finding.file, w, subject].join('\u0000');
}
/**
 * A finding without its position, for fingerprints that must not change when lines move (e.g. which findings a fix
 * commit was for): rule, file, workload and message, with line numbers inside the message left out.
 */
function findingIdentity(finding) {
    const w = finding.workload ? `${finding.workload.kind}/${finding.workload.namespace}/${finding.workload.name}` : '';
    return [finding.ruleId, finding.file, w, finding.message.replace(/:\d+\b/g, ':#')].join('\u0000');
}
function countBy(items, key) {
    const counts = new Map();
    for (const item of items)
        counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
}
function workloadKey(finding) {
    return finding.workload ? `${finding.workload.kind}/${finding.workload.namespace}/${finding.workload.name}` : '';
}
/** A fix's edits, with overlapping deletions merged (see `normalizeEdits`). */
function editsOf(finding) {
    return normalizeEdits(finding.fix.edits);
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
/**
 * Applies the fixes of `findings` (every safe fix, and the unsafe fixes of `options.unsafeRules`) to `sources`.
 * `findings` must come from linting these sources with `options.config`; a subset is fine (e.g. only the new findings):
 * a finding left out is never fixed, not even in a later pass. Nothing is written: the caller writes `fixed` or shows a
 * diff. Synchronous: when Terraform files are among the sources, load the readers first (as for `lintSources`).
 */
function applyFixes(sources, findings, options) {
    const { config, unsafeRules = [], maxPasses = DEFAULT_MAX_PASSES, linted, ...readerOptions } = options;
    const lintOptions = { ...readerOptions, config: checkingConfig(config) };
    const states = new Map();
    for (const source of sources) {
        if (source.text !== undefined && !states.has(source.path)) {
            states.set(source.path, { path: source.path, original: source.text, current: source.text, frozen: false, passes: [], followUps: [] });
        }
    }
    /** Lints the current texts, with some replaced. */
    const lint = (replace = new Map()) => {
        const texts = new Map([...states.values()].map((s) => [s.path, replace.get(s.path) ?? s.current]));
        const result = lintSources(sources.map((s) => (s.text === undefined ? s : { ...s, text: texts.get(s.path) })), lintOptions);
        return { result, text: (file) => texts.get(file) ?? '' };
    };
    const idIn = (snapshot) => (f) => identity(f, snapshot.text(f.file));
    const reusable = linted && ![...TEXT_PROBLEMS].some((id) => config.rules[id] === 'off');
    const baseline = reusable
        ? { result: linted, text: (file) => states.get(file)?.original ?? '' }
        : lint();
    const originalId = idIn(baseline);
    const tracked = findings
        .filter((f) => isSelected(f, unsafeRules) && states.has(f.file))
        .map((finding) => ({ finding, id: originalId(finding) }));
    const trackedIds = new Set(tracked.map((t) => t.id));
    const baselineCounts = countBy(baseline.result.findings, originalId);
    // Findings the linter reports that the caller left out (suppressed elsewhere, not new …) are never fixed.
    const givenCounts = countBy(findings, originalId);
    const excluded = new Set([...baselineCounts].filter(([id, n]) => n > (givenCounts.get(id) ?? 0)).map(([id]) => id));
    for (const t of tracked) {
        if (!baselineCounts.has(t.id))
            t.failed = 'the finding is not reported for this text of the file; lint it again';
    }
    /** Why a finding's fix cannot be applied at all, by identity. */
    const unfixable = new Map();
    let before = baseline;
    let passes = 0;
    for (let pass = 1; pass <= maxPasses; pass++) {
        const batches = chooseBatches(before, states, unsafeRules, excluded, unfixable);
        if (batches.size === 0)
            break;
        passes = pass;
        const candidates = new Map();
        for (const [file, batch] of batches)
            candidates.set(file, applyEdits(states.get(file).current, batch.flatMap(editsOf)));
        // Lint the candidates; a rejected file goes back to its original text, and the others are checked again without it.
        const rejected = new Map();
        let after;
        for (;;) {
            const replace = new Map([...candidates].filter(([file]) => !rejected.has(file)));
            for (const file of rejected.keys())
                replace.set(file, states.get(file).original);
            after = lint(replace);
            let more = false;
            for (const [file, batch] of batches) {
                if (rejected.has(file))
                    continue;
                const reason = check(file, batch, before, after);
                if (reason) {
                    rejected.set(file, reason);
                    more = true;
                }
            }
            if (!more)
                break;
        }
        const beforeId = idIn(before);
        for (const [file, batch] of batches) {
            const state = states.get(file);
            const reason = rejected.get(file);
            if (reason === undefined) {
                state.current = candidates.get(file);
                state.passes.push({ pass, edits: batch.flatMap(editsOf) });
                for (const f of batch)
                    if (!trackedIds.has(beforeId(f)))
                        state.followUps.push({ finding: f, pass });
                continue;
            }
            const culprits = isolate(file, batch, reason, before, lint);
            const lines = new LineIndex(state.current);
            state.current = state.original;
            state.frozen = true;
            state.passes = [];
            state.followUps = [];
            failFile(file, tracked, culprits, lines, beforeId);
        }
        before = rejected.size > 0 ? lint() : after;
    }
    // What is still reported after the last pass was not fixed.
    const finalId = idIn(before);
    const remaining = countBy(before.result.findings, finalId);
    for (const t of tracked) {
        if (t.failed)
            continue;
        const left = remaining.get(t.id) ?? 0;
        if (left === 0)
            continue;
        remaining.set(t.id, left - 1);
        const now = before.result.findings.find((f) => finalId(f) === t.id);
        t.failed =
            unfixable.get(t.id) ??
                (now && isSelected(now, unsafeRules)
                    ? `not fixed within ${maxPasses} pass${maxPasses === 1 ? '' : 'es'}; run the fix again`
                    : 'after the other fixes in this file the finding has no automatic fix; fix it by hand');
    }
    const files = [];
    for (const state of states.values()) {
        const mine = tracked.filter((t) => t.finding.file === state.path);
        if (mine.length === 0 && state.current === state.original)
            continue;
        const finalLines = new LineIndex(state.current);
        files.push({
            path: state.path,
            original: state.original,
            fixed: state.current,
            applied: mine.filter((t) => !t.failed).map((t) => t.finding),
            followUps: state.followUps.map(({ finding, pass }) => {
                const later = state.passes.filter((p) => p.pass >= pass);
                const map = (offset) => later.reduce((o, p) => mapOffset(o, p.edits), offset);
                const start = map(finding.span.offset);
                return { ...finding, span: finalLines.span(start, Math.max(start, map(finding.span.endOffset))) };
            }),
            failed: mine.filter((t) => t.failed).map((t) => ({ finding: t.finding, reason: t.failed })),
        });
    }
    return { files, result: asConfigured(before.result, config), passes };
}
/** Per file, the fixes of this pass: selected, not left out by the caller, and compatible with each other. */
function chooseBatches(snapshot, states, unsafeRules, excluded, unfixable) {
    const batches = new Map();
    const keyChanges = new Set();
    const ordered = snapshot.result.findings
        .filter((f) => isSelected(f, unsafeRules) && states.has(f.file) && !states.get(f.file).frozen)
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.offset - b.span.offset));
    for (const finding of ordered) {
        const id = identity(finding, snapshot.text(finding.file));
        if (excluded.has(id))
            continue;
        const edits = editsOf(finding);
        if (edits.some((e) => e.file !== finding.file)) {
            unfixable.set(id, 'the fix edits another file, which is not supported');
            continue;
        }
        if (overlapsItself(edits)) {
            unfixable.set(id, 'the edits of the fix overlap each other');
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
function textProblems(result, file) {
    return [...result.findings, ...result.suppressed.map((s) => s.finding)].filter((f) => f.file === file && TEXT_PROBLEMS.has(f.ruleId));
}
function objectsOf(result, file) {
    return result.workloads
        .filter((w) => w.file === file)
        .map((w) => `${w.kind}/${w.namespace}/${w.name}`)
        .join('\n');
}
/**
 * Why the fixed text of a file is not accepted, or undefined when it is: it has a new parse problem, holds other
 * objects, or still has a finding of the batch (the same finding, or one of the same rule and workload inside the text
 * the fix wrote).
 */
function check(file, batch, before, after) {
    const problemsBefore = textProblems(before.result, file);
    const problemsAfter = textProblems(after.result, file);
    if (problemsAfter.length > problemsBefore.length) {
        const known = new Set(problemsBefore.map((p) => p.message));
        const added = problemsAfter.find((p) => !known.has(p.message)) ?? problemsAfter[problemsAfter.length - 1];
        const message = added.message.split(/\.(?:\s|$)/)[0];
        return `the fixed text does not parse (${message}, at line ${added.span.line} of the fixed text)`;
    }
    if (objectsOf(after.result, file) !== objectsOf(before.result, file))
        return 'the fixed text no longer holds the same objects';
    const beforeId = (f) => identity(f, before.text(file));
    const afterId = (f) => identity(f, after.text(file));
    const mine = (f) => f.file === file;
    const countsBefore = countBy(before.result.findings.filter(mine), beforeId);
    const countsAfter = countBy(after.result.findings.filter(mine), afterId);
    for (const [id, n] of countBy(batch, beforeId)) {
        if ((countsAfter.get(id) ?? 0) > (countsBefore.get(id) ?? 0) - n)
            return 'the finding is still reported after its fix';
    }
    // Where the text each fix wrote is now.
    const all = batch.flatMap(editsOf);
    for (const finding of batch) {
        for (const edit of editsOf(finding)) {
            if (edit.newText === '')
                continue;
            const start = edit.start + all.filter((e) => e !== edit && e.end <= edit.start).reduce((s, e) => s + e.newText.length - (e.end - e.start), 0);
            const end = start + edit.newText.length;
            const again = after.result.findings.some((f) => mine(f) && f.ruleId === finding.ruleId && workloadKey(f) === workloadKey(finding) && f.span.offset >= start && f.span.offset < end);
            if (again)
                return 'the finding is still reported after its fix';
        }
    }
    return undefined;
}
/** Which fixes of a rejected batch fail on their own, and why; when none does, all of them fail together. */
function isolate(file, batch, reason, before, lint) {
    if (batch.length === 1)
        return new Map([[batch[0], reason]]);
    const culprits = new Map();
    for (const finding of batch) {
        const alone = lint(new Map([[file, applyEdits(before.text(file), editsOf(finding))]]));
        const why = check(file, [finding], before, alone);
        if (why)
            culprits.set(finding, why);
    }
    if (culprits.size === 0)
        for (const finding of batch)
            culprits.set(finding, `together with the other fixes of its pass, ${reason}`);
    return culprits;
}
/** Marks every finding given for a file that is left untouched: the culprits with their reason, the others with theirs. */
function failFile(file, tracked, culprits, lines, idOf) {
    const byId = new Map([...culprits].map(([f, why]) => [idOf(f), why]));
    const [first, why] = [...culprits][0];
    const where = `${first.ruleId} at line ${lines.span(first.span.offset).line}`;
    for (const t of tracked) {
        if (t.finding.file !== file || t.failed)
            continue;
        t.failed = byId.get(t.id) ?? `not applied: the file was left untouched because the fix of ${where} failed (${why})`;
    }
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
    if (hasCommit(workspace, sha)) {
        const r = (0,external_node_child_process_.spawnSync)('git', ['log', '-1', '--format=%B', sha], { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        if (r.status === 0)
            return r.stdout;
    }
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
const SEVERITY_ORDER = ['error', 'warning', 'notice'];

;// CONCATENATED MODULE: ./src/report/infrastructure.ts
/** At most this many unresolved values are listed in the text and Markdown reports; JSON has them all. */
const MAX_UNRESOLVED_SHOWN = 20;
/**
 * The line that says which infrastructure resource decided `nat-gateway: auto`, or undefined when the config or
 * the default decided it.
 */
function natLine(result) {
    const by = result.nat.decidedBy;
    if (typeof by !== 'object')
        return undefined;
    const where = `${by.resource} (${by.file}:${by.span.line})`;
    if (result.nat.present)
        return `NAT gateway: present, decided by ${where}${by.why ? `: ${by.why}` : ''}.`;
    return `NAT gateway: not known, because of ${where}: ${result.nat.unknown ?? by.why ?? ''}. Findings that need to know it (eip-missing) are not reported; set nat-gateway: present or absent to decide.`;
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
        ...(cost.base && cost.change
            ? { base: { total: cents(cost.base.total), unknownWorkloads: cost.base.unknownWorkloads }, change: cents(cost.change) }
            : {}),
        natAlternative: { monthly: round2(cost.natAlternative.monthly), pods: cost.natAlternative.pods },
        breakEvenPods: cost.breakEvenPods,
    };
}
function workloadName(w, esc) {
    return `${esc(w.kind)} ${w.namespace ? `${esc(w.namespace)}/` : ''}${esc(w.name || '(unnamed)')}`;
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
    return w.monthly ? amountRange(w.monthly) : 'unknown';
}
function changeCell(row) {
    if (!row.change)
        return '';
    if (!row.change.change)
        return 'unknown';
    return signedRange(row.change.change);
}
function natSentence(cost) {
    const c = cost.pricing.currency;
    const nat = cost.natAlternative;
    const line = `One NAT gateway with one EIP for the same ${nat.pods} pod${nat.pods === 1 ? '' : 's'}: ${money(nat.monthly, c)} a month.`;
    const perPod = money(cost.breakEvenPerPod, c);
    const breakEven = cost.breakEvenPods === null
        ? ` Per-pod EIPs (${perPod} a pod a month) stay cheaper up to ${BREAK_EVEN_LIMIT.toLocaleString('en-US')} pods: no break-even.`
        : ` Break-even: from ${cost.breakEvenPods} pod${cost.breakEvenPods === 1 ? '' : 's'} (at ${perPod} a pod a month) the NAT gateway costs no more than per-pod EIPs.`;
    return line + breakEven;
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
    return `These prices are ${ageText(p.ageMonths)}${beforeCdt}. `;
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
function footnote(cost, esc) {
    const p = cost.pricing;
    const a = cost.assumptions;
    const date = p.asOf ? `list prices of ${esc(p.asOf)}` : 'prices from the config';
    const overridden = p.overridden.length > 0 && p.asOf ? `; from the config: ${p.overridden.join(', ')}` : '';
    return (`Region ${esc(p.region)}, ${p.currency}, ${date} (${esc(p.source)}${overridden}). ` +
        ageSentence(p) +
        `Assumed: g = ${a.trafficGbPerPod} GB of egress per pod a month; w = ${a.waiveEciConfigFee ? 0 : 1} ` +
        `(the EIP configuration fee is ${a.waiveEciConfigFee ? 'waived' : 'charged'} for EIPs on ECI pods); ` +
        `${a.chargeType} and ${a.bandwidthMbps} Mbps where a pod does not say; ${a.hoursPerMonth} hours a month` +
        `${a.freeTrafficGb > 0 ? `; ${a.freeTrafficGb} GB of free traffic a month for the account` : ''}. ` +
        `Each pod runs all month (Jobs and CronJobs included); workloads of unknown cost are not in the totals.`);
}
function unknownLines(cost, esc) {
    const rows = costRows(cost).flatMap((r) => [r.after, r.before]).filter((w) => !!w && w.unknown !== undefined);
    const seen = new Set();
    return rows
        .filter((w) => !seen.has(w) && seen.add(w))
        .map((w) => `${workloadName(w, esc)} (${esc(w.file)}): ${esc(w.unknown)}.`);
}
// ---------------------------------------------------------------------------------------------------------------
// Text
function table(rows, rightAligned) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
    return rows.map((r) => r
        .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - [...cell].length);
        return rightAligned.has(i) ? pad + cell : cell + pad;
    })
        .join('  ')
        .trimEnd());
}
/** The cost section of the text report: a table, the NAT alternative and the footnote. */
function costText(cost) {
    const c = cost.pricing.currency;
    const plain = (t) => t;
    const withBase = cost.changes !== undefined;
    const header = withBase
        ? ['workload', 'file', 'pods', 'charge type', 'bandwidth', 'before', 'after', 'change']
        : ['workload', 'file', 'pods', 'charge type', 'bandwidth', 'monthly'];
    const rows = costRows(cost).map((row) => {
        const w = row.workload;
        const cells = [workloadName(w, plain), w.file, podsCell(row), chargeTypeLabel(w), bandwidthLabel(w)];
        return withBase ? [...cells, moneyCell(row.before), moneyCell(row.after), changeCell(row)] : [...cells, moneyCell(row.after)];
    });
    const total = withBase
        ? ['total', '', '', '', '', amountRange(cost.base.total), amountRange(cost.total), signedRange(cost.change)]
        : ['total', '', '', '', '', amountRange(cost.total)];
    const right = withBase ? new Set([2, 5, 6, 7]) : new Set([2, 5]);
    const out = [`EIP cost a month (${c}):`, ...table([header, ...rows, total], right).map((l) => `  ${l}`)];
    const unknown = unknownLines(cost, plain);
    if (unknown.length > 0)
        out.push('Cost not known (not in the totals):', ...unknown.map((l) => `  ${l}`));
    const free = freeTrafficSentence(cost);
    if (free)
        out.push(free);
    out.push(natSentence(cost), footnote(cost, plain));
    return out;
}
// ---------------------------------------------------------------------------------------------------------------
// Markdown
/** The cost section of the Markdown report. Every string from the repository or the config goes through `esc`. */
function costMarkdown(cost, esc) {
    const c = cost.pricing.currency;
    const withBase = cost.changes !== undefined;
    const out = ['', `### EIP cost a month (${c})`, ''];
    if (withBase) {
        out.push('| workload | file | pods | charge type | bandwidth | before | after | change |', '| --- | --- | ---: | --- | --- | ---: | ---: | ---: |');
    }
    else {
        out.push('| workload | file | pods | charge type | bandwidth | monthly |', '| --- | --- | ---: | --- | --- | ---: |');
    }
    for (const row of costRows(cost)) {
        const w = row.workload;
        const cells = [workloadName(w, esc), esc(w.file), podsCell(row), chargeTypeLabel(w), bandwidthLabel(w)];
        const money = withBase ? [moneyCell(row.before), moneyCell(row.after), changeCell(row)] : [moneyCell(row.after)];
        out.push(`| ${[...cells, ...money].join(' | ')} |`);
    }
    if (withBase) {
        out.push(`| **total** | | | | | **${amountRange(cost.base.total)}** | **${amountRange(cost.total)}** | **${signedRange(cost.change)}** |`);
    }
    else {
        out.push(`| **total** | | | | | **${amountRange(cost.total)}** |`);
    }
    const unknown = unknownLines(cost, esc);
    if (unknown.length > 0)
        out.push('', 'Cost not known (not in the totals):', '', ...unknown.map((l) => `- ${l}`));
    const free = freeTrafficSentence(cost);
    if (free)
        out.push('', free);
    out.push('', natSentence(cost), '', `<sub>${footnote(cost, esc)}</sub>`);
    return out;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts



/**
 * Escapes text from the repository (paths, names, values, messages that quote them) so that it renders
 * as text: no HTML, links, images, tables or @mentions can come from file content.
 */
function escapeMarkdown(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
        .replace(/@/g, '@\u200b')
        .replace(/\r?\n/g, ' ');
}
/** The findings as Markdown, for the job summary and the pull-request comment. */
function markdownReport(result) {
    const counts = countFindings(result);
    const out = ['## eci-egress-lint', ''];
    if (counts.total === 0) {
        out.push(`No problems found in ${plural(result.files.filter((f) => f.status === 'scanned').length, 'file')}.`);
    }
    else {
        out.push(`**${plural(counts.total, 'problem')}**: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
            `${plural(counts.notice, 'notice')}${counts.fixable > 0 ? `; ${counts.fixable} fixable` : ''}.`);
    }
    for (const [file, findings] of groupByFile(result.findings)) {
        out.push('', `### ${escapeMarkdown(file)}`, '', '| line | severity | rule | message |', '| ---: | --- | --- | --- |');
        for (const f of findings) {
            const fix = f.fix ? ` _Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${escapeMarkdown(f.fix.description)}._` : '';
            out.push(`| ${f.span.line}:${f.span.column} | ${f.severity} | \`${f.ruleId}\` | ${escapeMarkdown(f.message)}${fix} |`);
        }
    }
    const nat = natLine(result);
    if (nat)
        out.push('', escapeMarkdown(nat));
    const unresolved = unresolvedLines(result);
    if (unresolved.total > 0) {
        out.push('', `<details><summary>${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}</summary>`, '');
        for (const u of unresolved.lines)
            out.push(`- ${escapeMarkdown(u.file)}:${u.line} ${escapeMarkdown(u.text)}`);
        if (unresolved.more > 0)
            out.push(`- … and ${unresolved.more} more (all of them are in the JSON report).`);
        out.push('', '</details>');
    }
    if (result.base?.hidden)
        out.push('', `Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`);
    if (hasCostTable(result.cost))
        out.push(...costMarkdown(result.cost, escapeMarkdown));
    if (result.suppressed.length > 0) {
        out.push('', `<details><summary>${plural(result.suppressed.length, 'suppressed finding')}</summary>`, '');
        for (const s of result.suppressed) {
            out.push(`- ${escapeMarkdown(s.finding.file)}:${s.finding.span.line} \`${s.finding.ruleId}\` (${s.source}): ${escapeMarkdown(s.reason)}`);
        }
        out.push('', '</details>');
    }
    const skipped = result.files.filter((f) => f.status === 'skipped');
    if (skipped.length > 0) {
        out.push('', `<details><summary>${plural(skipped.length, 'file')} not scanned</summary>`, '');
        for (const f of skipped)
            out.push(`- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.reason ?? '')}`);
        out.push('', '</details>');
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/github/comment-body.ts


/** The hidden first line of the action's summary comment; only a comment that starts with it (and is the token's own) is the action's. */
const COMMENT_MARKER = '<!-- eci-egress-lint:summary-comment -->';
/** A hidden line with data of the run (head commit …); it is left out when comparing an old body with a new one. */
const META_PREFIX = '<!-- eci-egress-lint:meta ';
const META_LINE = /^<!-- eci-egress-lint:meta .* -->$/m;
/** GitHub refuses comment bodies of 65,536 characters or more; stay clear of it. */
const COMMENT_LIMIT = 65_000;
/** A single message in the comment is cut at this length; the job summary has it whole. */
const MESSAGE_LIMIT = 2_000;
const DOCS = 'https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules';
/**
 * Escapes a string from the repository for the comment: escapeMarkdown (no HTML, Markdown links, images or
 * @mentions), and bare URLs broken with a zero-width space so that GitHub does not turn them into links.
 */
function escapeText(text) {
    return escapeMarkdown(text)
        .replace(/:\/\//g, ':/\u200b/')
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}
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
function verdict(content) {
    const count = (s) => content.findings.filter((f) => f.severity === s).length;
    const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('notice'), 'notice')].join(', ');
    if (content.findings.length === 0)
        return `:white_check_mark: **All clear**: no problems in ${plural(content.scannedFiles, 'scanned file')}.`;
    if (content.failed)
        return `:x: **Fails**: ${parts} (fail-on: ${content.failOn}).`;
    return `:warning: **Passes with findings**: ${parts} (fail-on: ${content.failOn}).`;
}
function findingLine(f, links) {
    const message = f.message.length > MESSAGE_LIMIT ? f.message.slice(0, MESSAGE_LIMIT) + '…' : f.message;
    const fix = f.fix ? ` _Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${escapeText(f.fix.description)}._` : '';
    return `| [${f.span.line}:${f.span.column}](${lineUrl(links, f.file, f.span.line)}) | ${f.severity} | [\`${f.ruleId}\`](${DOCS}/${f.ruleId}.md) | ${escapeText(message)}${fix} |`;
}
function fileSection(file, findings, links) {
    return [
        `#### [${escapeText(file)}](${lineUrl(links, file)})`,
        '',
        '| line | severity | rule | message |',
        '| ---: | --- | --- | --- |',
        ...findings.map((f) => findingLine(f, links)),
    ].join('\n');
}
function suppressedSection(suppressed) {
    const by = (source) => suppressed.filter((s) => s.source === source).length;
    const how = ['comment', 'annotation', 'config']
        .filter((s) => by(s) > 0)
        .map((s) => `${by(s)} by ${s}`)
        .join(', ');
    const lines = suppressed.map((s) => `- ${escapeText(s.finding.file)}:${s.finding.span.line} \`${s.finding.ruleId}\`: ${escapeText(s.reason)}`);
    return [`<details><summary>${plural(suppressed.length, 'suppressed finding')} (${how})</summary>`, '', ...lines, '', '</details>'].join('\n');
}
/**
 * The summary comment: the marker, the hidden metadata line, a one-line verdict, the cost table, the
 * findings grouped by file with links to their lines at the head commit, the suppressed findings, then
 * the extra sections. Sections that would take the body over GitHub's limit are left out, with a note.
 */
function commentBody(content) {
    const head = [
        COMMENT_MARKER,
        `${META_PREFIX}${JSON.stringify(content.meta ?? {}).replace(/--/g, '\\u002d\\u002d')} -->`,
        '### eci-egress-lint',
        '',
        verdict(content),
    ];
    if (content.scope)
        head.push('', `<sub>Scanned: ${escapeText(content.scope)}.</sub>`);
    const footer = '\n\n<sub>The full report is in the job summary of the workflow run.</sub>\n';
    const groups = new Map();
    for (const f of content.findings)
        groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
    const sections = [];
    if (content.cost)
        sections.push({ text: content.cost, findings: 0 });
    for (const [file, findings] of groups)
        sections.push({ text: fileSection(file, findings, content.links), findings: findings.length });
    if (content.suppressed.length > 0)
        sections.push({ text: suppressedSection(content.suppressed), findings: 0 });
    if (content.skippedFiles > 0)
        sections.push({ text: `${plural(content.skippedFiles, 'file')} not scanned (see the job summary).`, findings: 0 });
    for (const extra of content.extra ?? [])
        sections.push({ text: extra, findings: 0 });
    let body = head.join('\n');
    const left = [];
    const reserve = 400; // for the note about what was left out, and the footer
    for (const section of sections) {
        if (left.length === 0 && body.length + 2 + section.text.length + reserve <= COMMENT_LIMIT)
            body += `\n\n${section.text}`;
        else
            left.push(section);
    }
    if (left.length > 0) {
        const findings = left.reduce((n, s) => n + s.findings, 0);
        const what = findings > 0 ? `${plural(findings, 'more finding')} and other details` : 'Some details';
        body += `\n\n> [!NOTE]\n> ${what} did not fit in this comment (GitHub's limit is 65,536 characters); the job summary has the full report.`;
    }
    return body + footer;
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
















const fixes_describe = (f) => `**eci-egress-lint** \`${f.ruleId}\`: ${escapeText(f.fix?.description ?? '')}.`;
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
    const wanted = input.findings.filter((f) => isSelected(f, input.unsafeRules));
    if (wanted.length === 0)
        return outcome;
    const fixed = await fixHead(github, context, input, wanted);
    const files = fixed.files.filter((f) => f.fixed !== f.original);
    const failed = fixed.files.flatMap((f) => f.failed);
    if (failed.length > 0) {
        outcome.summary.push([`<details><summary>${failed.length} fix${failed.length === 1 ? '' : 'es'} could not be applied</summary>`, '', ...failed.map((x) => `- ${escapeText(x.finding.file)}:${x.finding.span.line} \`${x.finding.ruleId}\`: ${escapeText(x.reason)}`), '', '</details>'].join('\n'));
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
            outcome.comment.push(`Committed ${countFixes(files)} (${rules}) to \`${escapeText(pr.headRef)}\` in ${result.oid.slice(0, 7)}.`);
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
    const checkout = git_resolveCommit(input.workspace, 'HEAD');
    let sources = input.sources;
    let findings = input.findings;
    if (head && checkout && checkout !== head) {
        const texts = new Map();
        const missing = [];
        for (const file of fixable) {
            const bytes = git_showFile(input.workspace, head, file);
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
    const result = applyFixes(sources, findings, { config: input.config, unsafeRules: input.unsafeRules });
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
const checks_MESSAGE_LIMIT = 64 * 1024 - 1;
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
        message: cut(f.message, checks_MESSAGE_LIMIT),
        ...(f.fix ? { raw_details: cut(`Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}`, checks_MESSAGE_LIMIT) } : {}),
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
    const body = commentBody({ ...input.content, links: { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, headSha: (0,github_context/* headSha */.xF)(context) } });
    try {
        const outcome = await publishComment(github, { number: pr.number, mode: input.mode, body, clean: input.content.findings.length === 0 });
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
            const bytes = git_showFile(workspace, sha, candidate);
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

;// CONCATENATED MODULE: ./src/report/github.ts


function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function workflowCommand(f) {
    const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.span.line}`,
        // Columns may be sent only when the annotation is on one line (@actions/core's AnnotationProperties).
        ...(f.span.endLine === f.span.line ? [`col=${f.span.column}`] : []),
        `endLine=${f.span.endLine}`,
        ...(f.span.endLine === f.span.line ? [`endColumn=${f.span.endColumn}`] : []),
        `title=${escapeProperty(f.ruleId)}`,
    ].join(',');
    // Controls and bidi overrides in a message are shown as escapes, as in the text report; the command escapes
    // keep what is left (`%`, and line breaks the message may still have) inside the one command.
    return `::${f.severity} ${properties}::${escapeData((0,report_escape/* escapeTerminal */.en)(f.message))}`;
}
/**
 * GitHub workflow commands, errors first: the runner shows only the first 10 annotations of each level
 * per step, so the most severe ones must come first.
 */
function githubReport(result) {
    const ordered = SEVERITY_ORDER.flatMap((severity) => result.findings.filter((f) => f.severity === severity));
    return ordered.map((f) => workflowCommand(f) + '\n').join('');
}

;// CONCATENATED MODULE: ./src/report/json.ts


/** The JSON report, schema version 1 (see docs/cli.md). */
function jsonReport(result, fixes) {
    const report = {
        version: 1,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
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
        ...(typeof result.nat.decidedBy === 'object'
            ? {
                natGateway: {
                    present: result.nat.present,
                    ...(result.nat.unknown ? { unknown: result.nat.unknown } : {}),
                    decidedBy: { resource: result.nat.decidedBy.resource, file: result.nat.decidedBy.file, line: result.nat.decidedBy.span.line, reason: result.nat.decidedBy.why ?? '' },
                },
            }
            : {}),
        ...(result.cost ? { cost: costJson(result.cost) } : {}),
        ...(fixes ? { fixes: fixes.entries } : {}),
    };
    return JSON.stringify(report, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/report/sarif.ts



const sarif_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
const INFORMATION_URI = 'https://github.com/eci-egress-lint/eci-egress-lint';
/** SARIF 2.1.0, as GitHub code scanning accepts it. */
function sarifReport(result) {
    const rules = RULES.map((r) => ({
        id: r.meta.id,
        name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase()),
        shortDescription: { text: r.meta.description },
        fullDescription: { text: r.meta.description },
        help: {
            text: `${r.meta.description}${r.meta.fixDescription ? ` Fix: ${r.meta.fixDescription}.` : ''} See docs/rules/${r.meta.id}.md.`,
            markdown: `${r.meta.description}${r.meta.fixDescription ? ` **Fix:** ${r.meta.fixDescription}.` : ''} See [docs/rules/${r.meta.id}.md](${INFORMATION_URI}/blob/main/docs/rules/${r.meta.id}.md).`,
        },
        helpUri: `${INFORMATION_URI}/blob/main/docs/rules/${r.meta.id}.md`,
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
                // %SRCROOT% is the repository root, as code scanning reads it; SARIF allows only absolute URIs in
                // originalUriBaseIds, so the base is left for the consumer to supply (as CodeQL does).
                results,
            },
        ],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/fix/report.ts
/**
 * The report's entries for the results of `applyFixes`. `unwritten` names files whose fixed text could not be written,
 * with the reason: their fixes are reported as failed.
 */
function fixEntries(files, unwritten = new Map()) {
    const entries = [];
    for (const file of files) {
        const notWritten = unwritten.get(file.path);
        const entry = (f) => ({
            file: file.path,
            ruleId: f.ruleId,
            line: f.span.line,
            column: f.span.column,
            description: f.fix?.description ?? '',
        });
        for (const f of file.applied) {
            entries.push(notWritten ? { ...entry(f), status: 'failed', reason: notWritten } : { ...entry(f), status: 'fixed' });
        }
        if (!notWritten)
            for (const f of file.followUps)
                entries.push({ ...entry(f), status: 'fixed', followUp: true });
        for (const { finding, reason } of file.failed)
            entries.push({ ...entry(finding), status: 'failed', reason });
    }
    return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
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




const STYLES = { red: '31', yellow: '33', blue: '34', dim: '2', bold: '1', underline: '4', green: '32' };
/** Findings grouped by file, as people read them in a terminal. */
function textReport(result, options) {
    const paint = (style, text) => options.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text;
    const severityColor = { error: 'red', warning: 'yellow', notice: 'blue' };
    const out = [];
    for (const [file, findings] of groupByFile(result.findings)) {
        out.push(paint('underline', file));
        for (const f of findings) {
            const where = `${f.span.line}:${f.span.column}`.padEnd(8);
            const severity = paint(severityColor[f.severity], f.severity.padEnd(8));
            out.push(`  ${paint('dim', where)}${severity}${f.message}  ${paint('dim', f.ruleId)}`);
            if (f.fix)
                out.push(`  ${' '.repeat(16)}${paint('dim', `fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}`)}`);
        }
        out.push('');
    }
    const counts = countFindings(result);
    const scanned = result.files.filter((f) => f.status === 'scanned').length;
    const parts = [
        plural(counts.error, 'error'),
        plural(counts.warning, 'warning'),
        plural(counts.notice, 'notice'),
    ].join(', ');
    if (counts.total === 0) {
        out.push(paint('green', `No problems found in ${plural(scanned, 'file')}.`));
    }
    else {
        out.push(paint('bold', `${plural(counts.total, 'problem')} (${parts}) in ${plural(scanned, 'scanned file')}.`));
    }
    if (counts.fixable > 0)
        out.push(`${plural(counts.fixable, 'finding')} can be fixed safely (fix: safe).`);
    if (counts.suppressed > 0) {
        out.push(`${plural(counts.suppressed, 'finding')} suppressed:`);
        for (const s of result.suppressed) {
            out.push(`  ${s.finding.file}:${s.finding.span.line} ${s.finding.ruleId} (${s.source}): ${s.reason}`);
        }
    }
    const nat = natLine(result);
    if (nat)
        out.push(nat);
    const unresolved = unresolvedLines(result);
    if (unresolved.total > 0) {
        out.push(`${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}:`);
        for (const u of unresolved.lines)
            out.push(`  ${u.file}:${u.line} ${u.text}`);
        if (unresolved.more > 0)
            out.push(`  … and ${unresolved.more} more (all of them are in --format json).`);
    }
    if (result.base?.hidden)
        out.push(`Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`);
    if (hasCostTable(result.cost))
        out.push('', ...costText(result.cost));
    if (options.fixes)
        out.push('', ...fixTextLines(options.fixes));
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/index.ts







function formatReport(format, result, options) {
    switch (format) {
        case 'json':
            return jsonReport(result, options.fixes);
        case 'github':
            return githubReport(result);
        case 'markdown':
            return markdownReport(result);
        case 'sarif':
            return sarifReport(result);
        case 'text':
            return terminalText(result, options);
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
 * Findings as workflow-command annotations, errors first, then warnings, then notices (GitHub shows only the
 * first 10 of each level per step), followed by one line that says where the full list is.
 */
function annotate(findings) {
    const emit = { error: core/* error */.z3, warning: core/* warning */.$e, notice: core/* notice */.lm };
    let hidden = 0;
    for (const severity of SEVERITY_ORDER) {
        const ofLevel = findings.filter((f) => f.severity === severity);
        hidden += Math.max(0, ofLevel.length - SHOWN_PER_LEVEL);
        for (const f of ofLevel) {
            emit[severity]((0,log/* annotationText */.x)(f.message), {
                title: f.ruleId,
                file: f.file,
                startLine: f.span.line,
                endLine: f.span.endLine,
                // Columns may be sent only when startLine and endLine are equal (@actions/core's AnnotationProperties).
                ...(f.span.endLine === f.span.line ? { startColumn: f.span.column, endColumn: f.span.endColumn } : {}),
            });
        }
    }
    if (findings.length === 0)
        return;
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
const FAIL_ON = ['error', 'warning', 'notice', 'never'];
function readInputs() {
    const failOn = oneOf('fail-on', FAIL_ON, 'error');
    const region = optional('region');
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
            pricing: region ? { region } : undefined,
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
    const { config } = loadConfig(workspace, inputs.config, inputs.overrides, {
        raw: fromBase?.loaded,
        alsoUnder: [env.RUNNER_TEMP || external_node_os_default().tmpdir()],
    });
    const { roots, globs } = scanRoots(workspace, inputs.paths);
    if (globs.length > 0)
        config.include = globs;
    const scope = await findScope({ workspace, scan: inputs.scan, context, github });
    (0,log/* logInfo */.f)(`Scanning ${scope.why}.`);
    const isWanted = (file) => wanted(workspace, roots, config, file);
    const paths = scope.kind === 'all'
        ? roots
        : scope.files
            .filter((f) => f.status !== 'removed' && isWanted(f.path))
            .map((f) => f.path)
            .filter((f) => external_node_fs_default().lstatSync(external_node_path_default().resolve(workspace, f), { throwIfNoEntry: false }) !== undefined);
    const base = await readBase({ workspace, context, github, scope, roots, config });
    if (inputs.newOnly && !base) {
        core/* notice */.lm('new-only needs the base of the change (a pull request or a push, with its base in the checkout or readable through the API); every finding is reported.', NOTICE);
    }
    const result = await lintPathsPrepared(workspace, paths, { config, base, newOnly: inputs.newOnly && base !== undefined });
    const counts = countFindings(result);
    const failed = shouldFail(result.findings, inputs.failOn);
    // Report files and outputs come first: they are set whatever happens with the API afterwards.
    writeReportsAndOutputs(workspace, inputs, result, env);
    const writes = new WriteLog(context.pullRequest?.fork ?? false);
    const extras = [`<sub>Scanned: ${escapeMarkdown(scope.why)}.</sub>`];
    try {
        const markdown = formatReport('markdown', result, { color: false });
        await publishAnnotations(github, context, writes, {
            mode: inputs.annotations,
            findings: result.findings,
            conclusion: failed ? 'failure' : counts.total > 0 ? 'neutral' : 'success',
            title: counts.total === 0 ? 'No problems' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`,
            summary: `${verdict({ findings: result.findings, failOn: inputs.failOn, failed, scannedFiles: scanned(result) })}\n\nScanned: ${escapeMarkdown(scope.why)}. The full report is in the job summary.`,
            text: markdown,
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
                    sources: sourcesFromPaths(workspace, paths, config),
                    findings: result.findings,
                    changed: scope.kind === 'changed' ? scope.files : undefined,
                    commitMessage: inputs.commitMessage,
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
            content: {
                findings: result.findings,
                suppressed: result.suppressed,
                scannedFiles: scanned(result),
                skippedFiles: result.files.length - scanned(result),
                failOn: inputs.failOn,
                failed,
                scope: scope.why,
                cost: hasCostTable(result.cost) ? costMarkdown(result.cost, escapeText).join('\n').trim().replace(/^### /, '#### ') : undefined,
                extra: fixComment,
                meta: { head: context.pullRequest?.headSha, findings: counts.total },
            },
        });
    }
    catch (error) {
        // Nothing the API does may break the run: say what happened and carry on with the job summary and the result.
        writes.skipped.push(`an unexpected failure: ${failureText(describeFailure(error))}`);
    }
    finally {
        const notice = writes.notice();
        if (notice) {
            core/* notice */.lm((0,log/* annotationText */.x)(notice), NOTICE);
            extras.push(`> [!NOTE]\n> ${escapeMarkdown(notice)}`);
        }
        if (inputs.jobSummary && env.GITHUB_STEP_SUMMARY) {
            await core/* summary */.z.addRaw(jobSummary(formatReport('markdown', result, { color: false }), extras)).write();
        }
        (0,log/* logInfo */.f)(formatReport('text', result, { color: false }));
    }
    if (failed) {
        core/* setFailed */.C1(`${counts.total} finding(s); ${counts.error} error(s), ${counts.warning} warning(s) (fail-on: ${inputs.failOn})`);
    }
}
function scanned(result) {
    return result.files.filter((f) => f.status === 'scanned').length;
}
/** The JSON report, the SARIF report when asked for, and every output of the action. */
function writeReportsAndOutputs(workspace, inputs, result, env) {
    const counts = countFindings(result);
    const runnerTemp = env.RUNNER_TEMP || external_node_os_default().tmpdir();
    const place = { root: workspace, alsoUnder: [runnerTemp] };
    const outputDir = external_node_path_default().join(runnerTemp, 'eci-egress-lint');
    const json = formatReport('json', result, { color: false });
    core/* setOutput */.uH('report-file', writeReportFile('report-file', inputs.reportFile ?? external_node_path_default().join(outputDir, 'report.json'), json, place, outputDir));
    if (inputs.sarifFile) {
        const sarif = formatReport('sarif', result, { color: false });
        core/* setOutput */.uH('sarif-file', writeReportFile('sarif-file', inputs.sarifFile, sarif, place, outputDir));
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
function writeReportFile(input, given, text, place, fallbackDir) {
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
/** The name `@github/local-action` calls (docs/local.md): `npx @github/local-action run . src/action/run.ts <env file>`. */



/***/ })

};
