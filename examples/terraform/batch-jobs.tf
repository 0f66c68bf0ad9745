# Release-time batch jobs. Their pod annotations come from the pipeline
# (var.extra_pod_annotations has no default), so nothing is judged on them: the
# report lists what it could not resolve.
resource "kubernetes_job_v1" "catalog_import" {
  metadata {
    name      = "catalog-import"
    namespace = "shop"
  }

  spec {
    parallelism = 4

    template {
      metadata {
        annotations = var.extra_pod_annotations
      }

      spec {
        restart_policy = "Never"

        container {
          name  = "import"
          image = "docker.io/acme/catalog-import:7.1.0"
        }
      }
    }
  }
}
