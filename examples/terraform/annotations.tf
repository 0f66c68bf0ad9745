# The legacy search API is deployed by its vendor's Helm chart; we only patch its
# annotations. Wrong: `annotations` are the Deployment's own, `template_annotations`
# would reach its pods.
resource "kubernetes_annotations" "legacy_search" {
  api_version = "apps/v1"
  kind        = "Deployment"

  metadata {
    name      = "legacy-search"
    namespace = "shop"
  }

  annotations = {
    "k8s.aliyun.com/eci-with-eip" = "true"
  }
}

# Right: the same patch for the recommendations service.
resource "kubernetes_annotations" "recommendations" {
  api_version = "apps/v1"
  kind        = "Deployment"

  metadata {
    name      = "recommendations"
    namespace = "shop"
  }

  template_annotations = {
    "k8s.aliyun.com/eci-with-eip"  = "true"
    "k8s.aliyun.com/eip-bandwidth" = "5"
  }
}
