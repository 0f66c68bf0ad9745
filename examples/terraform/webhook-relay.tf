# Relays the marketplace's webhooks to the shop. Its image comes from Docker Hub, so
# its pods need internet egress, and it has neither an EIP nor a NAT gateway.
resource "kubernetes_deployment_v1" "webhook_relay" {
  metadata {
    name      = "webhook-relay"
    namespace = "shop"
  }

  spec {
    replicas = 1

    selector {
      match_labels = {
        app = "webhook-relay"
      }
    }

    template {
      metadata {
        labels = {
          app = "webhook-relay"
        }
      }

      spec {
        container {
          name  = "relay"
          image = "webhookrelay/webhookrelayd:1.32.0"
        }
      }
    }
  }
}
