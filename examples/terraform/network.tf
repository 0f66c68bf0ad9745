# The VPC has no internet NAT gateway: pods that call out get a per-pod EIP. The
# only NAT gateway is a VPC NAT gateway towards the payment partner's leased line,
# which gives no internet egress.
resource "alicloud_vpc" "shop" {
  vpc_name   = "acme-shop"
  cidr_block = "10.20.0.0/16"
}

resource "alicloud_vswitch" "pods" {
  vswitch_name = "acme-shop-pods"
  vpc_id       = alicloud_vpc.shop.id
  cidr_block   = "10.20.0.0/18"
  zone_id      = "cn-hangzhou-i"
}

resource "alicloud_cs_serverless_kubernetes" "shop" {
  name                           = "acme-shop"
  vpc_id                         = alicloud_vpc.shop.id
  vswitch_ids                    = [alicloud_vswitch.pods.id]
  new_nat_gateway                = false
  endpoint_public_access_enabled = true
  service_cidr                   = "172.21.0.0/20"
}

resource "alicloud_nat_gateway" "partner_link" {
  vpc_id           = alicloud_vpc.shop.id
  vswitch_id       = alicloud_vswitch.pods.id
  nat_gateway_name = "partner-leased-line"
  nat_type         = "Enhanced"
  network_type     = "intranet"
  payment_type     = "PayAsYouGo"
}
