# Checkout: talks to the card processors on the internet. Wrong: the EIP annotation
# is on the Deployment's own metadata, which ECI never reads.
resource "kubernetes_deployment" "checkout" {
  metadata {
    name      = "checkout"
    namespace = "shop"
    annotations = {
      "k8s.aliyun.com/eci-with-eip" = "true"
    }
  }

  spec {
    replicas = 2

    selector {
      match_labels = {
        app = "checkout"
      }
    }

    template {
      metadata {
        labels = {
          app = "checkout"
        }
      }

      spec {
        container {
          name  = "checkout"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/checkout:2.3.1"

          env {
            name  = "ADYEN_ENDPOINT"
            value = "https://checkout-test.adyen.com/v71"
          }
        }
      }
    }
  }
}
