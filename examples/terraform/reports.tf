# Nightly sales report, mailed through a SaaS mail API. Wrong: the annotation is on
# the job template's metadata (the Job's), not on the pod template of the job.
resource "kubernetes_cron_job_v1" "sales_report" {
  metadata {
    name      = "sales-report"
    namespace = "shop"
  }

  spec {
    schedule           = "30 1 * * *"
    concurrency_policy = "Forbid"

    job_template {
      metadata {
        annotations = {
          "k8s.aliyun.com/eci-with-eip" = "true"
        }
      }

      spec {
        backoff_limit = 2

        template {
          metadata {}

          spec {
            restart_policy = "OnFailure"

            container {
              name    = "report"
              image   = "registry.cn-hangzhou.aliyuncs.com/acme/sales-report:1.8.0"
              command = ["/report", "--mail-api", "https://api.sendgrid.com/v3/mail/send"]
            }
          }
        }
      }
    }
  }
}
