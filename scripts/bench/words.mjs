// Vocabulary for the synthetic repository.

export const TEAMS = [
  'payments', 'checkout', 'search', 'media', 'identity', 'growth', 'data', 'platform',
  'logistics', 'catalog', 'billing', 'notifications', 'analytics', 'ml', 'support', 'risk',
];

export const SERVICE_WORDS = [
  'orders', 'ledger', 'invoice', 'cart', 'pricing', 'profile', 'session', 'token', 'feed', 'ranking',
  'thumbnail', 'transcode', 'upload', 'export', 'import', 'report', 'audit', 'mailer', 'sms', 'push',
  'geo', 'route', 'stock', 'warehouse', 'shipment', 'coupon', 'loyalty', 'review', 'rating', 'tag',
  'index', 'crawler', 'feature', 'model', 'training', 'scoring', 'fraud', 'kyc', 'refund', 'settlement',
  'partner', 'webhook', 'gateway', 'auth', 'sso', 'billing', 'usage', 'quota', 'catalog', 'inventory',
];

export const SERVICE_SUFFIXES = [
  'api', 'worker', 'gateway', 'indexer', 'scheduler', 'consumer', 'sync', 'exporter', 'web', 'admin',
  'proxy', 'cache', 'reporter', 'ingest', 'router', 'service', 'processor', 'job', 'agent', 'bridge',
];

export const PUBLIC_IMAGES = [
  'nginx:1.25.3', 'nginx:1.27-alpine', 'redis:7.2.4', 'docker.io/library/postgres:16.2', 'busybox:1.36',
  'ghcr.io/acme/{svc}:v{ver}', 'quay.io/prometheus/node-exporter:v1.7.0', 'quay.io/jetstack/cert-manager-controller:v1.14.4',
  'gcr.io/distroless/java17-debian12:nonroot', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
  'docker.io/bitnami/kafka:3.6.1', 'curlimages/curl:8.6.0', 'python:3.12-slim', 'node:20-alpine',
  'acme/{svc}:{ver}', 'grafana/grafana:10.4.1', 'otel/opentelemetry-collector-contrib:0.97.0',
];

export const PRIVATE_IMAGES = [
  'registry.cn-hangzhou.aliyuncs.com/acme/{svc}:{ver}',
  'registry-vpc.cn-shanghai.aliyuncs.com/acme-prod/{svc}:{ver}',
  'acme-registry.cn-beijing.cr.aliyuncs.com/{team}/{svc}:{ver}',
  'harbor.acme.internal/{team}/{svc}:{ver}',
  '10.0.12.5:5000/{team}/{svc}:{ver}',
];

export const EXTERNAL_URLS = [
  'https://api.stripe.com/v1', 'https://hooks.slack.com/services/T000/B000/XXXX', 'https://api.github.com',
  'https://oauth2.googleapis.com/token', 'https://api.twilio.com/2010-04-01', 'https://sentry.io/api/42/store/',
  'https://api.openai.com/v1', 'https://login.microsoftonline.com/common', 'https://api.sendgrid.com/v3/mail/send',
  'https://partner.example.com/webhooks/orders', 'https://s3.amazonaws.com/acme-exports',
];

export const INTERNAL_URLS = [
  'http://{svc}.{ns}.svc.cluster.local:8080', 'http://{svc}:8080', 'https://oss-cn-hangzhou-internal.aliyuncs.com',
  'http://10.0.3.17:9200', 'redis://r-bp1f9e0000000000.redis.rds.aliyuncs.com:6379', 'http://localhost:15000',
  'http://otel-collector.observability.svc:4318', 'https://kms-vpc.cn-hangzhou.aliyuncs.com',
];

export const ENV_WORDS = [
  'LOG', 'LEVEL', 'DB', 'HOST', 'PORT', 'NAME', 'USER', 'TIMEOUT', 'MAX', 'POOL', 'SIZE', 'CACHE', 'TTL',
  'FEATURE', 'FLAG', 'REGION', 'ZONE', 'QUEUE', 'TOPIC', 'GROUP', 'RETRY', 'BACKOFF', 'URL', 'ENDPOINT',
  'WORKERS', 'THREADS', 'JAVA', 'OPTS', 'GOMAXPROCS', 'OTEL', 'SERVICE', 'ENV', 'MODE', 'BATCH',
];

export const LOREM = (
  'the of to and a in is for that on with as by this be are from or an it at which will when if not must ' +
  'specifies desired state object field value resource reference name namespace selector label annotation ' +
  'controller reconcile status condition replicas pod container template volume secret config map key ' +
  'default optional required defaults empty list items entries should may can used set specified defined ' +
  'allowed maximum minimum number seconds duration timeout interval period threshold policy strategy ' +
  'update rolling rollout traffic service endpoint port protocol address host path prefix match rule ' +
  'routing weight backend cluster node affinity toleration taint scheduling priority class storage ' +
  'capacity request limit cpu memory quantity format string integer boolean array describes represents ' +
  'contains indicates whether applied applies only also more than less than each every any none other'
).split(' ');

export const CAMEL_WORDS = [
  'spec', 'status', 'config', 'endpoint', 'selector', 'template', 'policy', 'rules', 'source', 'target',
  'retention', 'storage', 'volume', 'claim', 'affinity', 'tolerations', 'resources', 'limits', 'requests',
  'replicas', 'shards', 'backup', 'restore', 'schedule', 'window', 'tls', 'cert', 'issuer', 'secret',
  'ref', 'name', 'namespace', 'labels', 'annotations', 'match', 'expressions', 'operator', 'values',
  'alerting', 'remote', 'write', 'read', 'queue', 'batch', 'timeout', 'interval', 'scrape', 'relabel',
  'metric', 'route', 'weight', 'header', 'retry', 'budget', 'host', 'port', 'protocol', 'path', 'prefix',
  'listener', 'filter', 'mirror', 'fault', 'delay', 'abort', 'sidecar', 'init', 'probe', 'startup',
];
