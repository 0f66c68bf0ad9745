# Data exports run as ECI container groups, outside the cluster.

# Right: one crawler with its own EIP.
resource "alicloud_eci_container_group" "price_crawler" {
  container_group_name = "price-crawler"
  cpu                  = 2
  memory               = 4
  restart_policy       = "OnFailure"
  security_group_id    = "sg-bp1acmeshop0001"
  vswitch_id           = alicloud_vswitch.pods.id
  auto_create_eip      = true
  eip_bandwidth        = var.eip_bandwidth

  containers {
    name  = "crawler"
    image = "registry.cn-hangzhou.aliyuncs.com/acme/price-crawler:0.9.3"
  }
}

# Wrong: a bandwidth of 0 Mbit/s.
resource "alicloud_eci_container_group" "feed_export" {
  container_group_name = "feed-export"
  cpu                  = 1
  memory               = 2
  security_group_id    = "sg-bp1acmeshop0001"
  vswitch_id           = alicloud_vswitch.pods.id
  auto_create_eip      = true
  eip_bandwidth        = 0

  containers {
    name  = "export"
    image = "registry.cn-hangzhou.aliyuncs.com/acme/feed-export:1.1.0"
  }
}

# Wrong: a bandwidth, but no auto_create_eip = true, so no EIP to shape.
resource "alicloud_eci_container_group" "image_sync" {
  container_group_name = "image-sync"
  cpu                  = 1
  memory               = 2
  security_group_id    = "sg-bp1acmeshop0001"
  vswitch_id           = alicloud_vswitch.pods.id
  eip_bandwidth        = 20

  containers {
    name  = "sync"
    image = "registry.cn-hangzhou.aliyuncs.com/acme/image-sync:2.0.0"
  }
}

# Wrong: one existing EIP for three container groups; an EIP serves one at a time.
resource "alicloud_eci_container_group" "partner_sftp" {
  for_each = toset(["eu", "us", "apac"])

  container_group_name = "partner-sftp-${each.key}"
  cpu                  = 1
  memory               = 2
  security_group_id    = "sg-bp1acmeshop0001"
  vswitch_id           = alicloud_vswitch.pods.id
  eip_instance_id      = "eip-bp1partnersftp01"

  containers {
    name  = "sftp"
    image = "registry.cn-hangzhou.aliyuncs.com/acme/sftp-push:1.4.2"
  }
}

# Wrong: asks for a new EIP and binds an existing one; ECI creates the new one.
resource "alicloud_eci_container_group" "tax_filing" {
  container_group_name = "tax-filing"
  cpu                  = 1
  memory               = 2
  security_group_id    = "sg-bp1acmeshop0001"
  vswitch_id           = alicloud_vswitch.pods.id
  auto_create_eip      = true
  eip_instance_id      = "eip-bp1taxfiling001"

  containers {
    name  = "filer"
    image = "registry.cn-hangzhou.aliyuncs.com/acme/tax-filing:3.0.1"
  }
}
