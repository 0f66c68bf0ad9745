import type { Evidence, Workload } from '../model/index.js';

/** Hosts inside Alibaba Cloud: reaching them needs no internet egress. */
function isAlibabaCloudHost(host: string): boolean {
  return host === 'aliyuncs.com' || host.endsWith('.aliyuncs.com');
}

function isPrivateAddress(host: string): boolean {
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254);
  }
  if (host.startsWith('[') || host.includes(':')) return /^\[?(?:::1|f[cd]|fe80)/i.test(host);
  return false;
}

/** Hosts that are inside the cluster or the private network: not evidence of internet egress. */
function isInternalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return (
    h === 'localhost' ||
    !h.includes('.') ||
    /\.(?:svc|local|internal|localdomain|cluster\.local)$/.test(h) ||
    h.endsWith('.svc.cluster.local') ||
    isPrivateAddress(h) ||
    isAlibabaCloudHost(h)
  );
}

/** The registry host of an image reference: Docker Hub when the first part is not a host. */
export function imageRegistry(image: string): string {
  const slash = image.indexOf('/');
  if (slash === -1) return 'docker.io';
  const first = image.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return first.replace(/:\d+$/, '');
  return 'docker.io';
}

function isTemplated(value: string): boolean {
  return value.includes('$(') || value.includes('${') || value.includes('{{');
}

/** What shows that a workload's pods reach the internet (policy `egress: auto`). */
export function egressEvidence(workload: Workload): Evidence[] {
  const evidence: Evidence[] = [];
  for (const image of workload.images) {
    if (isTemplated(image.value) || image.value.trim() === '') continue;
    const registry = imageRegistry(image.value.trim());
    if (registry === 'docker.io' || !isInternalHost(registry)) {
      evidence.push({ kind: 'image', value: image.value, where: image.where, span: image.span });
    }
  }
  for (const url of workload.urls) {
    if (isTemplated(url.value)) continue;
    let host: string;
    try {
      host = new URL(url.value).hostname;
    } catch {
      continue;
    }
    if (host && !isInternalHost(host)) evidence.push({ kind: 'url', value: url.value, where: url.where, span: url.span });
  }
  return evidence;
}

export function describeEvidence(e: Evidence): string {
  return e.kind === 'image'
    ? `${e.where} ${e.value} is pulled from ${imageRegistry(e.value)}, outside Alibaba Cloud`
    : `${e.where} calls ${e.value}`;
}
