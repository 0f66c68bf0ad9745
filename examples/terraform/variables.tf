variable "region" {
  type    = string
  default = "cn-hangzhou"
}

variable "storefront_replicas" {
  description = "Pods of the storefront; the HPA in examples/k8s does not cover this one."
  type        = number
  default     = 3
}

variable "eip_bandwidth" {
  description = "Mbit/s of every per-pod EIP."
  type        = number
  default     = 10
}

variable "extra_pod_annotations" {
  description = "Annotations the release pipeline adds to the batch pods."
  type        = map(string)
}

locals {
  shop_namespace = "shop"
  registry       = "registry.cn-hangzhou.aliyuncs.com/acme"

  # Every public-facing pod gets its own EIP, billed by traffic.
  eip_annotations = {
    "k8s.aliyun.com/eci-with-eip"             = "true"
    "k8s.aliyun.com/eip-internet-charge-type" = "PayByTraffic"
  }
}
