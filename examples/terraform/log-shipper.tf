# Node log shipper. DaemonSet pods never run on ECI, so the EIP annotation does nothing.
resource "kubernetes_daemon_set_v1" "log_shipper" {
  metadata {
    name      = "log-shipper"
    namespace = "kube-system"
  }

  spec {
    selector {
      match_labels = {
        app = "log-shipper"
      }
    }

    template {
      metadata {
        labels = {
          app = "log-shipper"
        }
        annotations = {
          "k8s.aliyun.com/eci-with-eip" = "true"
        }
      }

      spec {
        container {
          name  = "fluent-bit"
          image = "fluent/fluent-bit:3.2.4"
        }
      }
    }
  }
}
