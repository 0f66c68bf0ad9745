import type { Count, Range, Workload } from '../model/index.js';

export type PodCount = { range: Range; unknown?: undefined } | { range?: undefined; unknown: string };

/** The count's value (or the fallback when it is not written), or why it is not known. */
function known(count: Count, fallback: number): number | string {
  if (count.unknown !== undefined) return count.what ? `${count.what}: ${count.unknown}` : count.unknown;
  return count.value ?? fallback;
}

/**
 * How many pods a workload runs at once, as a range:
 * - Pod: 1; DaemonSet: 0 (its pods never run on ECI); Job and CronJob: `parallelism` (default 1);
 * - any other template: `replicas` (default 1), or with a HorizontalPodAutoscaler `[minReplicas (default 1),
 *   maxReplicas]` (an autoscaler does not scale a workload whose `replicas` is 0);
 * - times `instances` (Terraform `count` / `for_each` size; default 1).
 * A value that cannot be read makes the count unknown, with the reason; nothing is guessed.
 */
export function podRange(workload: Workload): PodCount {
  let range: Range;
  switch (workload.kind) {
    case 'Pod':
      range = { min: 1, max: 1 };
      break;
    case 'DaemonSet':
      range = { min: 0, max: 0 };
      break;
    case 'Job':
    case 'CronJob': {
      const parallelism = known(workload.parallelism, 1);
      if (typeof parallelism === 'string') return { unknown: parallelism };
      range = { min: parallelism, max: parallelism };
      break;
    }
    default: {
      const replicas = known(workload.replicas, 1);
      const hpa = workload.autoscaler;
      if (hpa && replicas !== 0) {
        const what = `the HorizontalPodAutoscaler ${hpa.name}`;
        const min = known(hpa.min, 1);
        if (typeof min === 'string') return { unknown: `${what}: ${min}` };
        if (hpa.max.unknown !== undefined) return { unknown: `${what}: ${hpa.max.unknown}` };
        if (hpa.max.value === undefined) return { unknown: `${what} has no maxReplicas` };
        if (min > hpa.max.value) return { unknown: `${what} has minReplicas ${min} above maxReplicas ${hpa.max.value}` };
        range = { min, max: hpa.max.value };
        break;
      }
      if (typeof replicas === 'string') return { unknown: replicas };
      range = { min: replicas, max: replicas };
    }
  }
  if (workload.instances) {
    const instances = known(workload.instances, 1);
    if (typeof instances === 'string') return { unknown: instances };
    range = { min: range.min * instances, max: range.max * instances };
  }
  return { range };
}
