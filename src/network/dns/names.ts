/**
 * DNS names of the cluster, one pure function each, as the Kubernetes DNS
 * specification (kubernetes/dns docs/specification.md) and CoreDNS's
 * kubernetes plugin build them. Names carry no trailing dot.
 */

/** Lower case, no trailing dot: how names are compared. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** `<svc>.<ns>.svc.<zone>`: a Service's A (or CNAME) record. */
export function serviceName(service: string, namespace: string, zone: string): string {
  return `${service}.${namespace}.svc.${zone}`;
}

/** `<hostname>.<svc>.<ns>.svc.<zone>`: one endpoint of a headless Service. */
export function endpointName(hostname: string, service: string, namespace: string, zone: string): string {
  return `${hostname}.${serviceName(service, namespace, zone)}`;
}

/** `_<port>._<proto>.<svc>.<ns>.svc.<zone>`: the SRV record of a named Service port. */
export function srvName(portName: string, protocol: string, service: string, namespace: string, zone: string): string {
  return `_${portName}._${protocol.toLowerCase()}.${serviceName(service, namespace, zone)}`;
}

/** `10-244-1-5`: an IPv4 address as a DNS label (pod records, endpoints without hostname). */
export function dashedIP(ip: string): string {
  return ip.replaceAll('.', '-');
}

/** `<a-b-c-d>.<ns>.pod.<zone>`: the pod A record the spec keeps for kube-dns compatibility. */
export function podIPName(ip: string, namespace: string, zone: string): string {
  return `${dashedIP(ip)}.${namespace}.pod.${zone}`;
}

/** `d.c.b.a.in-addr.arpa`: the PTR name of an IPv4 address. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The IPv4 address a `d.c.b.a.in-addr.arpa` name stands for, if it is one. */
export function addressOfReverseName(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/.exec(canonicalName(name));
  if (!m) return undefined;
  const ip = [m[4], m[3], m[2], m[1]].join('.');
  return isIPv4(ip) ? ip : undefined;
}

/** `10-244-1-5` back to `10.244.1.5`, if the label is a dashed IPv4 address. */
export function addressOfDashedLabel(label: string): string | undefined {
  const ip = label.replaceAll('-', '.');
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(ip) && isIPv4(ip) ? ip : undefined;
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}
