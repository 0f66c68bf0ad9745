# The shop's cluster and the workloads that the platform team manages with Terraform
# rather than with YAML. Same cluster as examples/k8s: ACK Serverless in cn-hangzhou.
terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.230"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.35"
    }
  }
}

provider "alicloud" {
  region = var.region
}

provider "kubernetes" {
  config_path = "~/.kube/acme-shop"
}
