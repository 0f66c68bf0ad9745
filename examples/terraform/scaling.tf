# Search indexer workers scale with the queue, as ECI instances of a scaling group.
# Right: each instance gets its own EIP (up to max_size = 8 of them).
resource "alicloud_ess_scaling_group" "indexer" {
  scaling_group_name = "search-indexer"
  min_size           = 1
  max_size           = 8
  group_type         = "ECI"
  vswitch_ids        = [alicloud_vswitch.pods.id]
}

resource "alicloud_ess_eci_scaling_configuration" "indexer" {
  scaling_group_id           = alicloud_ess_scaling_group.indexer.id
  scaling_configuration_name = "search-indexer"
  cpu                        = 2
  memory                     = 4
  security_group_id          = "sg-bp1acmeshop0001"
  auto_create_eip            = true
  eip_bandwidth              = 5
  active                     = true

  containers {
    name  = "indexer"
    image = "docker.io/getmeili/meilisearch:v1.12"
  }
}
