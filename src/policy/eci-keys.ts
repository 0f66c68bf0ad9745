/** The ECI pod annotations that ask for or shape a per-pod EIP. */
export const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';
export const EIP_INSTANCE_ID = 'k8s.aliyun.com/eci-eip-instanceid';
export const EIP_BANDWIDTH = 'k8s.aliyun.com/eip-bandwidth';
export const EIP_CHARGE_TYPE = 'k8s.aliyun.com/eip-internet-charge-type';
export const EIP_ISP = 'k8s.aliyun.com/eip-isp';
export const EIP_BANDWIDTH_PACKAGE = 'k8s.aliyun.com/eip-common-bandwidth-package-id';
export const EIP_ADDRESS_POOL = 'k8s.aliyun.com/eip-public-ip-address-pool-id';

export const EIP_KEYS: readonly string[] = [
  WITH_EIP,
  EIP_INSTANCE_ID,
  EIP_BANDWIDTH,
  EIP_CHARGE_TYPE,
  EIP_ISP,
  EIP_BANDWIDTH_PACKAGE,
  EIP_ADDRESS_POOL,
];

/** Settings of an auto-created EIP: they mean nothing without `eci-with-eip: "true"`. */
export const EIP_SETTING_KEYS: readonly string[] = [
  EIP_BANDWIDTH,
  EIP_CHARGE_TYPE,
  EIP_ISP,
  EIP_BANDWIDTH_PACKAGE,
  EIP_ADDRESS_POOL,
];

/** Keys of other add-ons (Terway, ACS) that look like ECI keys, and the ECI key that was likely meant. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  'network.alibabacloud.com/pod-with-eip': WITH_EIP,
  'k8s.aliyun.com/pod-with-eip': WITH_EIP,
  'network.alibabacloud.com/pod-eip-instanceid': EIP_INSTANCE_ID,
  'k8s.aliyun.com/pod-eip-instanceid': EIP_INSTANCE_ID,
  'k8s.aliyun.com/eip-instance-charge-type': EIP_CHARGE_TYPE,
  'k8s.aliyun.com/eip-charge-type': EIP_CHARGE_TYPE,
};

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
