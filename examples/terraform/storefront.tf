# Storefront: the web shop itself. Right: the EIP annotations are in the pod template,
# from a local, and the bandwidth comes from a variable with a default.
resource "kubernetes_deployment_v1" "storefront" {
  metadata {
    name      = "storefront"
    namespace = local.shop_namespace
    labels = {
      "app.kubernetes.io/name" = "storefront"
    }
  }

  spec {
    replicas = var.storefront_replicas

    selector {
      match_labels = {
        "app.kubernetes.io/name" = "storefront"
      }
    }

    template {
      metadata {
        labels = {
          "app.kubernetes.io/name" = "storefront"
        }
        annotations = {
          "k8s.aliyun.com/eci-with-eip"  = "true"
          "k8s.aliyun.com/eip-bandwidth" = var.eip_bandwidth
        }
      }

      spec {
        container {
          name  = "web"
          image = "${local.registry}/storefront:4.12.0"

          env {
            name  = "PAYMENT_API"
            value = "https://api.stripe.com/v1"
          }
        }
      }
    }
  }
}
