/** The ECI pod annotations that ask for or shape a per-pod EIP. */
export const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';
export const EIP_INSTANCE_ID = 'k8s.aliyun.com/eci-eip-instanceid';
export const EIP_BANDWIDTH = 'k8s.aliyun.com/eip-bandwidth';
export const EIP_CHARGE_TYPE = 'k8s.aliyun.com/eip-internet-charge-type';
export const EIP_ISP = 'k8s.aliyun.com/eip-isp';
export const EIP_BANDWIDTH_PACKAGE = 'k8s.aliyun.com/eip-common-bandwidth-package-id';
export const EIP_ADDRESS_POOL = 'k8s.aliyun.com/eip-public-ip-address-pool-id';

/** Settings of an auto-created EIP: they mean nothing without `eci-with-eip: "true"`. */
export const EIP_SETTING_KEYS: readonly string[] = [
  EIP_BANDWIDTH,
  EIP_CHARGE_TYPE,
  EIP_ISP,
  EIP_BANDWIDTH_PACKAGE,
  EIP_ADDRESS_POOL,
];

export const EIP_KEYS: readonly string[] = [WITH_EIP, EIP_INSTANCE_ID, ...EIP_SETTING_KEYS];

/**
 * Keys of other add-ons (for pods on ECS nodes, or ACS) that stand for an ECI key, and the ECI key that was
 * likely meant. `eip-charge-type` is the older spelling of `eip-internet-charge-type` (still read as an alias).
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
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
export const CONTROLLER_ONLY_KEYS: Readonly<Record<string, string>> = {
  'k8s.aliyun.com/eip-instance-charge-type': "the EIP's billing method (PostPaid)",
  'k8s.aliyun.com/eip-name': "the EIP's name",
  'k8s.aliyun.com/eip-description': "the EIP's description",
  'k8s.aliyun.com/eip-tags': "the EIP's tags",
  'k8s.aliyun.com/eip-resource-group-id': "the EIP's resource group",
  'k8s.aliyun.com/eip-security-protection-types': "the EIP's anti-DDoS protection types",
  'k8s.aliyun.com/pod-eip-release-strategy': 'when the EIP is released',
};

/** ECI's IPv6 keys (ECI-ANN): an IPv6 address, and IPv6 internet access with its bandwidth. */
export const ENABLE_IPV6 = 'k8s.aliyun.com/eci-enable-ipv6';
export const IPV6_COUNT = 'k8s.aliyun.com/eci-ipv6-count';
export const IPV6_BANDWIDTH_ENABLE = 'k8s.aliyun.com/eci-ipv6-bandwidth-enable';
export const IPV6_BANDWIDTH = 'k8s.aliyun.com/eci-ipv6-bandwidth';

export const IPV6_KEYS: readonly string[] = [ENABLE_IPV6, IPV6_COUNT, IPV6_BANDWIDTH_ENABLE, IPV6_BANDWIDTH];

/** ECI keys whose value is "true" or "false". */
export const BOOLEAN_KEYS: readonly string[] = [WITH_EIP, ENABLE_IPV6, IPV6_BANDWIDTH_ENABLE];

/**
 * Key prefixes of Alibaba Cloud components whose values are often written unquoted. Every annotation and
 * label value must be a string; `alibabacloud.com/` covers the `alibabacloud.com/eci: true` label.
 */
export const STRING_VALUE_PREFIXES = ['k8s.aliyun.com/', 'network.alibabacloud.com/', 'alibabacloud.com/'];

export const ECI_POD_LABEL = 'alibabacloud.com/eci';
export const BURST_ANNOTATION = 'alibabacloud.com/burst-resource';
export const VIRTUAL_KUBELET_TOLERATION = 'virtual-kubelet.io/provider';

export function isEipKey(key: string): boolean {
  return EIP_KEYS.includes(key);
}

/** A key that some component really reads: an ECI EIP or IPv6 key, or a controller-only key. Never a typo. */
export function isKnownKey(key: string): boolean {
  return EIP_KEYS.includes(key) || IPV6_KEYS.includes(key) || key in CONTROLLER_ONLY_KEYS;
}
