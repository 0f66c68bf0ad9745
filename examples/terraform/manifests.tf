# The recommendation model server, applied as a raw manifest. Wrong: the key has a
# typo (eci-with-eips), so ECI ignores it.
resource "kubernetes_manifest" "model_server" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata = {
      name      = "model-server"
      namespace = "shop"
    }
    spec = {
      replicas = 2
      selector = {
        matchLabels = { app = "model-server" }
      }
      template = {
        metadata = {
          labels = { app = "model-server" }
          annotations = {
            "k8s.aliyun.com/eci-with-eips" = "true"
          }
        }
        spec = {
          containers = [
            {
              name  = "model"
              image = "registry.cn-hangzhou.aliyuncs.com/acme/model-server:5.0.0"
            },
          ]
        }
      }
    }
  }
}
