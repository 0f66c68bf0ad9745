import { describeEvidence, egressEvidence, imageRegistry } from '../../src/policy/evidence.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';

describe('imageRegistry', () => {
  it.each([
    ['nginx', 'docker.io'],
    ['nginx:1.25', 'docker.io'],
    ['nginx@sha256:0123abcd', 'docker.io'],
    ['bitnami/redis:7', 'docker.io'],
    ['library/nginx', 'docker.io'],
    ['docker.io/library/nginx', 'docker.io'],
    ['ghcr.io/acme/api:2', 'ghcr.io'],
    ['quay.io:443/acme/api', 'quay.io'],
    ['localhost:5000/dev/app', 'localhost'],
    ['localhost/dev/app', 'localhost'],
    ['registry.cn-hangzhou.aliyuncs.com/acme/web:1', 'registry.cn-hangzhou.aliyuncs.com'],
    ['registry-vpc.cn-hangzhou.aliyuncs.com/acme/web', 'registry-vpc.cn-hangzhou.aliyuncs.com'],
    ['acme-registry.cn-shanghai.cr.aliyuncs.com/team/web', 'acme-registry.cn-shanghai.cr.aliyuncs.com'],
    ['10.0.0.5:5000/app', '10.0.0.5'],
  ])('%s is pulled from %s', (image, registry) => {
    expect(imageRegistry(image)).toBe(registry);
  });
});

describe('egressEvidence', () => {
  function evidenceOf(images: string[], env: Record<string, string> = {}, args: string[] = []) {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  initContainers:',
      '    - name: init',
      `      image: ${images[0]}`,
      '  containers:',
      ...images.slice(1).flatMap((image, i) => [`    - name: c${i}`, `      image: ${image}`]),
      '      env:',
      ...Object.entries(env).flatMap(([name, value]) => [`        - name: ${name}`, `          value: ${JSON.stringify(value)}`]),
      `      args: ${JSON.stringify(args)}`,
      '',
    ].join('\n');
    return egressEvidence(readKubernetesYaml('p.yaml', text).workloads[0]);
  }

  it('names images from outside Alibaba Cloud, init containers included', () => {
    const evidence = evidenceOf(['busybox', 'registry.cn-hangzhou.aliyuncs.com/a/b:1']);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ kind: 'image', value: 'busybox', where: 'init container init image' });
    expect(evidence[0].span).toMatchObject({ line: 8, column: 14 });
    expect(describeEvidence(evidence[0])).toBe('init container init image busybox is pulled from docker.io, outside Alibaba Cloud');
  });

  it('skips images inside Alibaba Cloud, on private registries, or templated', () => {
    const images = [
      'registry-vpc.cn-beijing.aliyuncs.com/a/b',
      'x.cn-beijing.cr.aliyuncs.com/a/b',
      'localhost:5000/a',
      '10.1.2.3:5000/a',
      'harbor.infra.svc.cluster.local/a/b',
      '${IMAGE}',
    ];
    expect(evidenceOf(images)).toEqual([]);
  });

  it.each([
    ['https://api.github.com/repos', true],
    ['http://example.com:8080/x', true],
    ['https://8.8.8.8/dns-query', true],
    ['http://db.shop.svc.cluster.local:5432', false],
    ['http://db.shop.svc:5432', false],
    ['http://api:8080', false],
    ['http://localhost:9000', false],
    ['http://10.0.0.5', false],
    ['http://172.20.1.1/x', false],
    ['http://192.168.1.10/x', false],
    ['http://100.100.100.200/latest/meta-data', false],
    ['http://[::1]:8080/', false],
    ['https://oss-cn-hangzhou-internal.aliyuncs.com/bucket', false],
    ['https://$(PUBLIC_HOST)/callback', false],
    ['https://${HOST}/callback', false],
  ])('a URL %s is evidence: %s', (url, expected) => {
    const fromEnv = evidenceOf(['registry.cn-hangzhou.aliyuncs.com/a/b', 'registry.cn-hangzhou.aliyuncs.com/a/c'], { TARGET: url });
    expect(fromEnv.length > 0).toBe(expected);
    const fromArgs = evidenceOf(['registry.cn-hangzhou.aliyuncs.com/a/b', 'registry.cn-hangzhou.aliyuncs.com/a/c'], {}, [`--target=${url}`]);
    expect(fromArgs.length > 0).toBe(expected);
    if (expected) expect(describeEvidence(fromEnv[0])).toBe(`container c0 env TARGET calls ${url}`);
  });
});
