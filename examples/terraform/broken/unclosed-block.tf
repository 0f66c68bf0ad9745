# A merge went wrong: the container block of the first Deployment is never closed.
resource "kubernetes_deployment_v1" "coupon_service" {
  metadata {
    name = "coupon-service"
  }

  spec {
    template {
      metadata {}

      spec {
        container {
          name  = "coupons"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/coupons:1.0.0"
      }
    }
  }
}

resource "kubernetes_deployment_v1" "gift_cards" {
  metadata {
    name      = "gift-cards"
    namespace = "shop"
  }
}
