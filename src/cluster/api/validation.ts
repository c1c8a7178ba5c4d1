import { fieldError, type FieldError } from './errors';
import type { Container, DaemonSet, Deployment, KubeObject, PodSpec, ReplicaSet, Service } from './types';

/**
 * The apiserver's validation for the checks learners meet most, with the
 * texts of k8s.io/apimachinery/pkg/util/validation and
 * pkg/apis/core/validation. (Strict decoding of unknown fields and the
 * full per-field validation are not modelled yet.)
 */

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

function validateName(obj: KubeObject): FieldError[] {
  const name = obj.metadata?.name;
  if (!name) return [fieldError.required('metadata.name', 'name or generateName is required')];
  if (obj.kind === 'Service') {
    if (!DNS1035_LABEL.test(name) || name.length > 63) return [fieldError.invalid('metadata.name', name, DNS1035_MSG)];
  } else if (obj.kind === 'Namespace') {
    if (!DNS1123_LABEL.test(name) || name.length > 63) return [fieldError.invalid('metadata.name', name, LABEL_MSG)];
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    return [fieldError.invalid('metadata.name', name, SUBDOMAIN_MSG)];
  }
  return [];
}

function validateContainers(spec: PodSpec | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const containers: Container[] = Array.isArray(spec?.containers) ? spec!.containers : [];
  if (containers.length === 0) errors.push(fieldError.required(`${path}.containers`));
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}.containers[${i}]`;
    if (!c.name) errors.push(fieldError.required(`${p}.name`));
    else if (!DNS1123_LABEL.test(c.name)) errors.push(fieldError.invalid(`${p}.name`, c.name, LABEL_MSG));
    else if (seen.has(c.name)) errors.push(fieldError.duplicate(`${p}.name`, c.name));
    seen.add(c.name);
    if (!c.image) errors.push(fieldError.required(`${p}.image`));
    (c.ports ?? []).forEach((port, j) => {
      // Go's zero port (missing, or null) is a missing one.
      if (port.containerPort === undefined || port.containerPort === null || port.containerPort === 0) errors.push(fieldError.required(`${p}.ports[${j}].containerPort`));
      else if (!Number.isInteger(port.containerPort) || port.containerPort < 1 || port.containerPort > 65535) {
        errors.push(fieldError.invalid(`${p}.ports[${j}].containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'));
      }
    });
  });
  return errors;
}

/** A map as Go marshals it: keys sorted. */
function sortedMap(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]!]));
}

function validateWorkload(obj: Deployment | ReplicaSet | DaemonSet): FieldError[] {
  const errors: FieldError[] = [];
  const spec = obj.spec;
  const selector = spec?.selector;
  if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) {
    errors.push(fieldError.required('spec.selector'));
  } else {
    const labels = spec.template?.metadata?.labels ?? {};
    const matches = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    if (!matches) errors.push(fieldError.invalid('spec.template.metadata.labels', sortedMap(labels), '`selector` does not match template `labels`'));
  }
  const replicas = (spec as { replicas?: number }).replicas;
  if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 0)) {
    errors.push(fieldError.invalid('spec.replicas', replicas, 'must be greater than or equal to 0'));
  }
  errors.push(...validateContainers(spec?.template?.spec, 'spec.template.spec'));
  return errors;
}

function validateService(svc: Service, old: Service | undefined): FieldError[] {
  // On a type change the registry drops the nodePorts the old type had (dropTypeDependentFields).
  const inherited = new Set((old?.spec.ports ?? []).map((p) => p.nodePort));
  const errors: FieldError[] = [];
  const spec = svc.spec;
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  if (spec.type && !types.includes(spec.type)) errors.push(fieldError.notSupported('spec.type', spec.type, types));
  const ports = spec.ports ?? [];
  if (ports.length === 0 && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') errors.push(fieldError.required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errors.push(fieldError.required(`${path}.name`));
    if (p.name) {
      if (names.has(p.name)) errors.push(fieldError.duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errors.push(fieldError.invalid(`${path}.port`, p.port, 'must be between 1 and 65535, inclusive'));
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) {
      errors.push(fieldError.invalid(`${path}.targetPort`, p.targetPort, 'must be between 1 and 65535, inclusive'));
    }
    if (!['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errors.push(fieldError.notSupported(`${path}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    if (p.nodePort !== undefined && !inherited.has(p.nodePort) && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
      errors.push(fieldError.forbidden(`${path}.nodePort`, 'may not be used when `type` is \'ClusterIP\''));
    }
  });
  if (spec.type === 'ExternalName' && !spec.externalName) errors.push(fieldError.required('spec.externalName'));
  if (spec.clusterIP === 'None' && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
    errors.push(fieldError.invalid('spec.clusterIPs[0]', 'None', 'may not be set to \'None\' for LoadBalancer services'.replace('LoadBalancer', spec.type)));
  }
  return errors;
}

/** A metav1.LabelSelector as json.Marshal writes it: fields in struct order, empty ones omitted. */
function selectorValue(sel: Deployment['spec']['selector'] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Object.keys(sel?.matchLabels ?? {}).length > 0) out.matchLabels = sortedMap(sel!.matchLabels!);
  if ((sel?.matchExpressions ?? []).length > 0) out.matchExpressions = sel!.matchExpressions;
  return out;
}

/**
 * ValidateServiceStatusUpdate's ValidateLoadBalancerStatus (v1.34): ingress
 * only on LoadBalancer Services; each ip a valid IP (IsValidIPForLegacyField
 * with StrictIPCIDRValidation on, addresses already stored allowed as they
 * are) with an ipMode of VIP or Proxy; each hostname a DNS name, not an IP.
 */
function validateServiceStatus(svc: Service, old: Service): FieldError[] {
  const errors: FieldError[] = [];
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  const path = 'status.loadBalancer.ingress';
  if (ingress.length > 0 && svc.spec.type !== 'LoadBalancer') return [fieldError.forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'")];
  const existing = new Set((old.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip) => ip));
  ingress.forEach((ing, i) => {
    const at = `${path}[${i}]`;
    const ip = ing.ip ?? '';
    if (ip !== '' && !existing.has(ip)) errors.push(...ipErrors(`${at}.ip`, ip));
    if (ing.ipMode === undefined) {
      if (ip !== '') errors.push(fieldError.required(`${at}.ipMode`, 'must be specified when `ip` is set'));
    } else if (ip === '') errors.push(fieldError.forbidden(`${at}.ipMode`, 'may not be specified when `ip` is not set'));
    else if (!['Proxy', 'VIP'].includes(ing.ipMode)) errors.push(fieldError.notSupported(`${at}.ipMode`, ing.ipMode, ['Proxy', 'VIP']));
    const hostname = ing.hostname ?? '';
    if (hostname !== '') {
      if (!DNS1123_SUBDOMAIN.test(hostname)) errors.push(fieldError.invalid(`${at}.hostname`, hostname, SUBDOMAIN_MSG));
      if (parseIPv4Sloppy(hostname) !== undefined || isIPv6(hostname)) errors.push(fieldError.invalid(`${at}.hostname`, hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errors;
}

/** IsValidIPForLegacyField with strict validation (k8s.io/apimachinery/pkg/api/validation/ip.go). */
function ipErrors(field: string, value: string): FieldError[] {
  if (isIPv6(value)) return /^::ffff:\d/i.test(value) ? [fieldError.invalid(field, value, 'must not be an IPv4-mapped IPv6 address')] : [];
  const octets = parseIPv4Sloppy(value);
  if (octets === undefined) return [fieldError.invalid(field, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  if (value.split('.').some((o) => o.length > 1 && o.startsWith('0'))) return [fieldError.invalid(field, value, 'must not have leading 0s')];
  return [];
}

/** Go's netutils.ParseIPSloppy for dotted IPv4: four decimal octets (leading zeros allowed), each at most 255. */
function parseIPv4Sloppy(value: string): number[] | undefined {
  const parts = value.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

/** A textual IPv6 address, as net.ParseIP takes it (hex groups, one `::`, an optional dotted IPv4 tail). */
function isIPv6(value: string): boolean {
  if (!value.includes(':') || !/^[0-9a-fA-F:.]+$/.test(value)) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = 0;
  for (const [i, g] of groups.entries()) {
    if (g.includes('.')) {
      if (i !== groups.length - 1 || parseIPv4Sloppy(g) === undefined) return false;
      count += 2;
    } else if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
    else count += 1;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Field errors for a write to an object's /status subresource. */
export function validateStatus(obj: KubeObject, old: KubeObject): FieldError[] {
  return obj.kind === 'Service' ? validateServiceStatus(obj as Service, old as Service) : [];
}

/** Field errors for a create (old undefined) or an update. */
export function validateObject(obj: KubeObject, _old?: KubeObject): FieldError[] {
  const errors = validateName(obj);
  switch (obj.kind) {
    case 'Pod':
      errors.push(...validateContainers((obj as { spec?: PodSpec }).spec, 'spec'));
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet': {
      errors.push(...validateWorkload(obj as Deployment));
      const before = (_old as Deployment | undefined)?.spec?.selector;
      const after = (obj as Deployment).spec?.selector;
      if (before && JSON.stringify(sortedSelector(before)) !== JSON.stringify(sortedSelector(after))) {
        errors.push(fieldError.invalid('spec.selector', selectorValue(after), 'field is immutable'));
      }
      break;
    }
    case 'Service':
      errors.push(...validateService(obj as Service, _old as Service | undefined));
      break;
  }
  return errors;
}

function sortedSelector(sel: Deployment['spec']['selector'] | undefined): unknown {
  const labels = sel?.matchLabels ?? {};
  return { l: Object.keys(labels).sort().map((k) => [k, labels[k]]), e: sel?.matchExpressions ?? [] };
}
