import { badRequest } from './errors';
import { isKnownKind, lookupResource } from './resources';
import type { KubeObject } from './types';

/**
 * Turns one parsed manifest document into a typed object, failing as the
 * apiserver's JSON decoder does when a field has the wrong type:
 * `Service in version "v1" cannot be handled as a Service: json: cannot
 * unmarshal bool into Go struct field Service.spec of type v1.ServiceSpec`.
 * Unknown fields are refused as the apiserver's strict decoding refuses
 * them, in metadata, the workload, Service, pod and container specs; deeper
 * structures (probes' handlers, volumes, affinity) are accepted as given.
 */

export type Shape = 'object' | 'string' | 'int' | 'bool' | 'map' | 'intOrString' | { array: Shape | Fields } | Fields;
export interface Fields {
  goType: string;
  fields: Record<string, Shape>;
  /** Set for structs decoded strictly: every field the API type has, typed above or accepted as is. */
  known?: string[];
}

const labels: Shape = 'map';
const meta: Fields = {
  goType: 'v1.ObjectMeta',
  fields: { name: 'string', generateName: 'string', namespace: 'string', labels, annotations: 'map', ownerReferences: { array: 'object' } },
  known: ['selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'finalizers', 'managedFields'],
};
const containerPort: Fields = { goType: 'v1.ContainerPort', fields: { name: 'string', containerPort: 'int', protocol: 'string', hostPort: 'int' }, known: ['hostIP'] };
const probe: Fields = { goType: 'v1.Probe', fields: { initialDelaySeconds: 'int', periodSeconds: 'int', timeoutSeconds: 'int', httpGet: 'object', tcpSocket: 'object', exec: 'object' } };
const container: Fields = {
  goType: 'v1.Container',
  fields: {
    name: 'string',
    image: 'string',
    command: { array: 'string' },
    args: { array: 'string' },
    ports: { array: containerPort },
    env: { array: 'object' },
    readinessProbe: probe,
    livenessProbe: probe,
    startupProbe: probe,
    resources: 'object',
    imagePullPolicy: 'string',
  },
  known: ['workingDir', 'envFrom', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'],
};
const podSpec: Fields = {
  goType: 'v1.PodSpec',
  fields: {
    containers: { array: container },
    initContainers: { array: container },
    restartPolicy: 'string',
    nodeName: 'string',
    nodeSelector: 'map',
    hostNetwork: 'bool',
    hostname: 'string',
    subdomain: 'string',
    terminationGracePeriodSeconds: 'int',
    tolerations: { array: 'object' },
    dnsPolicy: 'string',
    volumes: { array: 'object' },
  },
  known: [
    'ephemeralContainers', 'activeDeadlineSeconds', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'hostPID', 'hostIPC',
    'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'affinity', 'schedulerName', 'hostAliases', 'priorityClassName', 'priority',
    'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
    'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources', 'hostnameOverride',
  ],
};
const selector: Fields = { goType: 'v1.LabelSelector', fields: { matchLabels: 'map', matchExpressions: { array: 'object' } }, known: [] };
const template: Fields = { goType: 'v1.PodTemplateSpec', fields: { metadata: meta, spec: podSpec }, known: [] };
const WORKLOAD_FIELDS: Record<string, string[]> = {
  'v1.DeploymentSpec': ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
  'v1.ReplicaSetSpec': ['replicas', 'minReadySeconds', 'selector', 'template'],
  'v1.DaemonSetSpec': ['selector', 'template', 'updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'],
};
const workloadSpec = (goType: string): Fields => {
  const all: Record<string, Shape> = { replicas: 'int', selector, template, minReadySeconds: 'int', strategy: 'object', updateStrategy: 'object', revisionHistoryLimit: 'int', paused: 'bool', progressDeadlineSeconds: 'int' };
  return { goType, fields: Object.fromEntries(WORKLOAD_FIELDS[goType]!.map((f) => [f, all[f]!])), known: [] };
};
const servicePort: Fields = {
  goType: 'v1.ServicePort',
  fields: { name: 'string', protocol: 'string', port: 'int', targetPort: 'intOrString', nodePort: 'int' },
  known: ['appProtocol'],
};
const serviceSpec: Fields = {
  goType: 'v1.ServiceSpec',
  fields: {
    type: 'string',
    selector: 'map',
    ports: { array: servicePort },
    clusterIP: 'string',
    clusterIPs: { array: 'string' },
    externalName: 'string',
    externalIPs: { array: 'string' },
    sessionAffinity: 'string',
    publishNotReadyAddresses: 'bool',
    externalTrafficPolicy: 'string',
    internalTrafficPolicy: 'string',
  },
  known: [
    'loadBalancerIP', 'loadBalancerSourceRanges', 'healthCheckNodePort', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy',
    'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'trafficDistribution',
  ],
};

const TOP = ['apiVersion', 'kind', 'status'];
const KINDS: Record<string, Fields> = {
  Pod: { goType: 'Pod', fields: { metadata: meta, spec: podSpec }, known: TOP },
  Deployment: { goType: 'Deployment', fields: { metadata: meta, spec: workloadSpec('v1.DeploymentSpec') }, known: TOP },
  ReplicaSet: { goType: 'ReplicaSet', fields: { metadata: meta, spec: workloadSpec('v1.ReplicaSetSpec') }, known: TOP },
  DaemonSet: { goType: 'DaemonSet', fields: { metadata: meta, spec: workloadSpec('v1.DaemonSetSpec') }, known: TOP },
  Service: { goType: 'Service', fields: { metadata: meta, spec: serviceSpec }, known: TOP },
  ConfigMap: { goType: 'ConfigMap', fields: { metadata: meta, data: 'map', binaryData: 'map', immutable: 'bool' }, known: ['apiVersion', 'kind'] },
  Namespace: { goType: 'Namespace', fields: { metadata: meta, spec: 'object' }, known: TOP },
  Node: { goType: 'Node', fields: { metadata: meta, spec: 'object' }, known: TOP },
  Endpoints: { goType: 'Endpoints', fields: { metadata: meta, subsets: { array: 'object' } }, known: ['apiVersion', 'kind'] },
  EndpointSlice: { goType: 'EndpointSlice', fields: { metadata: meta, addressType: 'string', endpoints: { array: 'object' }, ports: { array: 'object' } }, known: ['apiVersion', 'kind'] },
  NetworkPolicy: { goType: 'NetworkPolicy', fields: { metadata: meta, spec: 'object' }, known: TOP },
};

/** The decoder's shape of each kind: the JSON Schemas the editor uses are generated from these (api/json-schema). */
export const DECODE_SHAPES: Readonly<Record<string, Fields>> = KINDS;

/**
 * Strict decoding (kubectl's default --validate=strict): the paths of
 * fields the API types do not have, as `spec.ports[0].targetport`.
 */
function unknownFields(value: unknown, shape: Shape, path: string, out: string[]): void {
  if (value === null || typeof value !== 'object' || typeof shape === 'string') return;
  if ('array' in shape) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, shape.array, `${path}[${i}]`, out));
    return;
  }
  if (Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    const sub = Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
    if (sub !== undefined) unknownFields(child, sub, childPath, out);
    else if (shape.known && !shape.known.includes(key)) out.push(childPath);
  }
}

/** Go's name for what a JSON value is: `string`, `number`, `bool`, `array`, `object`. */
function jsonType(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

function goTypeOf(shape: Shape): string {
  if (typeof shape === 'string') {
    return { object: 'map[string]interface {}', string: 'string', int: 'int32', bool: 'bool', map: 'map[string]string', intOrString: 'intstr.IntOrString' }[shape];
  }
  if ('array' in shape) return `[]${goTypeOf(shape.array)}`;
  return shape.goType;
}

function check(value: unknown, shape: Shape, structName: string, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const fail = () => `json: cannot unmarshal ${jsonType(value)} into Go struct field ${structName}.${path} of type ${goTypeOf(shape)}`;
  if (typeof shape === 'string') {
    switch (shape) {
      case 'string':
        return typeof value === 'string' ? undefined : fail();
      case 'int':
        return typeof value === 'number' && Number.isInteger(value) ? undefined : fail();
      case 'bool':
        return typeof value === 'boolean' ? undefined : fail();
      case 'intOrString':
        return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)) ? undefined : fail();
      case 'object':
        return jsonType(value) === 'object' ? undefined : fail();
      case 'map':
        if (jsonType(value) !== 'object') return fail();
        for (const [k, v] of Object.entries(value as object)) {
          if (typeof v !== 'string') return `json: cannot unmarshal ${jsonType(v)} into Go struct field ${structName}.${path} of type string`.replace(`${path} of`, `${path}.${k} of`);
        }
        return undefined;
    }
  }
  if ('array' in shape) {
    if (!Array.isArray(value)) return fail();
    for (const item of value) {
      const e = check(item, shape.array, structName, path);
      if (e) return e;
    }
    return undefined;
  }
  if (jsonType(value) !== 'object') return fail();
  // Go names the innermost struct holding the field, then the whole path: ServicePort.spec.ports.port.
  const holder = shape.goType.replace(/^v1\./, '');
  for (const [field, sub] of Object.entries(shape.fields)) {
    const e = check((value as Record<string, unknown>)[field], sub, holder, path ? `${path}.${field}` : field);
    if (e) return e;
  }
  return undefined;
}

/**
 * Decodes a manifest; `strict: false` skips the unknown-field check, for
 * `kubectl apply` on an existing object, whose unknown fields the patch
 * handler reports in its own words (see unknownFieldsOf).
 */
export function decodeObject(raw: unknown, { strict = true }: { strict?: boolean } = {}): KubeObject {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('Object is not a map');
  const obj = raw as KubeObject;
  for (const field of ['apiVersion', 'kind'] as const) {
    const value: unknown = obj[field];
    if (value !== undefined && typeof value !== 'string') throw badRequest(`json: cannot unmarshal ${jsonType(value)} into Go struct field .${field} of type string`);
  }
  const kind = String(obj.kind);
  if (!isKnownKind(kind)) throw badRequest(`no kind "${kind}" is registered for version "${String(obj.apiVersion)}"`);
  const info = lookupResource(kind)!;
  const shape = KINDS[kind];
  // Listed for `kubectl get` (events), but not a kind the simulation stores from manifests.
  if (!shape) throw badRequest(`${kind} objects cannot be created from a manifest in this simulated cluster`);
  const version = info.group ? `${info.group}/${info.version}` : info.version;
  const problem = check(obj, shape, kind, '');
  const prefix = `${kind} in version "${version.split('/').pop()}" cannot be handled as a ${kind}`;
  if (problem) throw badRequest(`${prefix}: ${problem}`);
  const unknown = strict ? unknownFieldsOf(obj) : [];
  if (unknown.length > 0) throw badRequest(`${prefix}: ${strictDecodingError(unknown)}`);
  // Go decodes a missing or null struct as its zero value; validation then names what is required.
  if ('spec' in shape.fields && (obj.spec === null || obj.spec === undefined)) return { ...obj, spec: {} };
  return obj;
}

/** The paths of the fields a decoded manifest has that its kind does not, in the order the decoder meets them. */
export function unknownFieldsOf(obj: KubeObject): string[] {
  const shape = KINDS[obj.kind];
  const out: string[] = [];
  if (shape) unknownFields(obj, shape, '', out);
  return out;
}

/** `strict decoding error: unknown field "a", unknown field "b"` */
export function strictDecodingError(fields: string[]): string {
  return `strict decoding error: ${fields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`;
}
