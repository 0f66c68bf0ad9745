/** The scan facts stage alone: autoscalers linked to their targets, and what the rules know of the whole scan. */
import { gatherScanFacts, linkAutoscalers } from '../../src/engine/scan-facts.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import { makeConfig } from '../helpers/lint.js';

const deployment = (name: string, namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  replicas: 2\n  template:\n    spec: {}\n`;
const hpa = (target: string, namespace: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${target}-hpa\n  namespace: ${namespace}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}\n  minReplicas: 3\n  maxReplicas: 9\n`;

describe('linkAutoscalers', () => {
  it('an HPA gives its target in the same namespace a replica range; one in another namespace does not', () => {
    const reads = [readKubernetesYaml('k8s/web.yaml', `${deployment('web', 'shop')}---\n${deployment('api', 'shop')}`), readKubernetesYaml('k8s/hpa.yaml', `${hpa('web', 'shop')}---\n${hpa('api', 'other')}`)];
    const workloads = reads.flatMap((r) => r.workloads);
    linkAutoscalers(reads, workloads);
    expect(workloads.find((w) => w.name === 'web')?.autoscaler).toMatchObject({ min: { value: 3 }, max: { value: 9 }, file: 'k8s/hpa.yaml', name: 'web-hpa' });
    expect(workloads.find((w) => w.name === 'api')?.autoscaler).toBeUndefined();
  });
});

describe('gatherScanFacts', () => {
  const reads = [readKubernetesYaml('k8s/ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a}\n')];

  it('the namespaces by name, the config, and the base\'s workloads only with a base', () => {
    const config = makeConfig();
    const facts = gatherScanFacts(config, reads, undefined);
    expect(facts.config).toBe(config);
    expect([...facts.namespaces.keys()]).toEqual(['shop']);
    expect(facts).not.toHaveProperty('base');
    const withBase = gatherScanFacts(config, reads, { workloads: [] });
    expect(withBase.base).toEqual({ workloads: [] });
  });
});
