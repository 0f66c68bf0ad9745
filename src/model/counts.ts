/**
 * Pod counts as Kubernetes takes them: `replicas`, `parallelism`, `minReplicas` and `maxReplicas` are int32 fields,
 * so a count is a whole number from 0 to 2,147,483,647. Terraform's `count` and the size of a `for_each` are held to
 * the same range (no real configuration comes near it, and it keeps every product of counts a finite number).
 */
export const MAX_COUNT = 2_147_483_647;

/**
 * The most pods one Kubernetes cluster is built to run (the upstream scalability limits: 150,000 pods). A workload
 * above it is valid but unlikely to be meant: the rules point out that the cost rests on it.
 */
export const HUGE_POD_COUNT = 150_000;

/** Why a number is not a pod count Kubernetes accepts, or undefined when it is one. */
export function countProblem(n: number): string | undefined {
  if (!Number.isFinite(n)) return 'not a finite number';
  if (!Number.isInteger(n) || n < 0) return 'not a whole number';
  if (n > MAX_COUNT) return `above ${MAX_COUNT.toLocaleString('en-US')}, the largest count Kubernetes accepts (int32)`;
  return undefined;
}
