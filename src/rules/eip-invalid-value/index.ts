import { CHARGE_TYPES, ISPS, metadataBlocks, type ChargeType, type Count, type MapEntry } from '../../model/index.js';
import { HUGE_POD_COUNT } from '../../model/counts.js';
import { assumedChargeType, bandwidthLimit } from '../../policy/charge-type.js';
import {
  EIP_ADDRESS_POOL,
  EIP_BANDWIDTH,
  EIP_BANDWIDTH_PACKAGE,
  EIP_CHARGE_TYPE,
  EIP_INSTANCE_ID,
  EIP_ISP,
  ENABLE_IPV6,
  IPV6_BANDWIDTH,
  IPV6_BANDWIDTH_ENABLE,
  IPV6_COUNT,
  WITH_EIP,
} from '../../policy/eci-keys.js';
import { ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

export interface ValueProblem {
  problem: string;
  /** The one value that was evidently meant, when there is one. */
  fixed?: string;
}

/** The charge type a bandwidth is checked against: the one written, or the one assumed when none is. */
export interface ChargeTypeInUse {
  chargeType: ChargeType;
  /** True when the pod does not write one and `pricing.charge-type` (PayByTraffic by default) is assumed. */
  assumed: boolean;
}

export function checkBandwidth(value: string, charge: ChargeTypeInUse): ValueProblem | undefined {
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

function canonical(value: string, allowed: readonly string[], aliases: Record<string, string> = {}): string | undefined {
  const squashed = value.trim().toLowerCase().replace(/[-_\s]/g, '');
  for (const a of allowed) if (a.toLowerCase().replace(/_/g, '') === squashed) return a;
  return aliases[squashed];
}

function checkId(value: string, prefix: string): ValueProblem | undefined {
  const pattern = new RegExp(`^${prefix}-[a-z0-9]+$`);
  if (pattern.test(value)) return undefined;
  const trimmed = value.trim();
  return {
    problem: `"${value}" is not an id of the form ${prefix}-…`,
    fixed: trimmed !== value && pattern.test(trimmed) ? trimmed : undefined,
  };
}

function checkBoolean(value: string): ValueProblem | undefined {
  if (value === 'true' || value === 'false') return undefined;
  const meant = /^\s*(?:true|yes|on|y|1)\s*$/i.test(value) ? 'true' : /^\s*(?:false|no|off|n|0)\s*$/i.test(value) ? 'false' : undefined;
  return { problem: `"${value}" is neither "true" nor "false" (ECI compares the exact string)`, fixed: meant };
}

/**
 * The IPv6 internet bandwidth takes a unit, unlike eip-bandwidth (ECI's example: "100M"). Kubernetes-style
 * suffixes are accepted; a bare number is ambiguous (no unit is assumed) and a lowercase `m` means milli there.
 */
export function checkIpv6Bandwidth(value: string): ValueProblem | undefined {
  if (/^[1-9]\d*(?:\.\d+)?(?:[KMG]i?)$/.test(value)) return undefined;
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

export function checkEipValue(key: string, value: string, chargeType: ChargeTypeInUse): ValueProblem | undefined {
  switch (key) {
    case WITH_EIP:
    case ENABLE_IPV6:
    case IPV6_BANDWIDTH_ENABLE:
      return checkBoolean(value);
    case IPV6_COUNT:
      if (/^[1-9]\d*$/.test(value)) return undefined;
      return {
        problem: `"${value}" is not a whole number of IPv6 addresses of at least 1`,
        fixed: /^\s*[1-9]\d*\s*$/.test(value) ? value.trim() : undefined,
      };
    case IPV6_BANDWIDTH:
      return checkIpv6Bandwidth(value);
    case EIP_BANDWIDTH:
      return checkBandwidth(value, chargeType);
    case EIP_ISP: {
      if (ISPS.some((isp) => isp === value)) return undefined;
      return { problem: `"${value}" is not ${ISPS.join(' or ')}`, fixed: canonical(value, ISPS, { bpg: 'BGP', bpgpro: 'BGP_PRO' }) };
    }
    case EIP_CHARGE_TYPE: {
      if (CHARGE_TYPES.some((type) => type === value)) return undefined;
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
function chargeTypeOf(entries: MapEntry[], pricing: Record<string, unknown>): ChargeTypeInUse {
  const value = entries.find((e) => e.key === EIP_CHARGE_TYPE)?.value;
  if (value === undefined) return { chargeType: assumedChargeType(pricing), assumed: true };
  const meant = canonical(value, CHARGE_TYPES) as ChargeType | undefined;
  return { chargeType: meant ?? 'PayByBandwidth', assumed: false };
}

export const eipInvalidValue: Rule = {
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
  check(context: RuleContext) {
    const { workload, scan } = context;
    checkPodCounts(context);
    const blocks = metadataBlocks(workload);
    for (const block of blocks) {
      const chargeType = chargeTypeOf(block.annotations, scan.config.pricing);
      for (const entry of block.annotations) {
        // A value that is not a string is eip-not-string's finding; its fix writes the right string.
        if (entry.valueType !== 'string') continue;
        const result = checkEipValue(entry.key, entry.value, chargeType);
        if (!result) continue;
        context.report({
          message:
            `${entry.label ?? entry.key}: ${result.problem}; ECI rejects or ignores it.` +
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
function checkPodCounts(context: RuleContext): void {
  const { workload, facts } = context;
  if (!facts.eci.eci || !facts.autoEip) return;
  const counts: Count[] = [workload.replicas, workload.parallelism, ...(workload.instances ? [workload.instances] : [])];
  let invalid = false;
  for (const count of counts) {
    if (count.invalid === undefined || !count.span) continue;
    invalid = true;
    context.report({
      message: `${count.invalid}; Kubernetes refuses it, so no EIP cost is projected for these pods.`,
      span: count.span,
    });
  }
  const pods = facts.maxPods.value;
  if (invalid || pods === undefined || pods <= HUGE_POD_COUNT) return;
  const span = [workload.instances, workload.replicas, workload.parallelism].find((c) => c?.span && c.value !== undefined && c.value > 1)?.span ?? workload.span;
  context.report({
    severity: 'notice',
    message:
      `${pods.toLocaleString('en-US')} pods (${facts.maxPods.why}), each with its own EIP: more than one Kubernetes cluster ` +
      `runs (${HUGE_POD_COUNT.toLocaleString('en-US')} pods). The projected cost rests on this count; check that it is meant.`,
    span,
  });
}
