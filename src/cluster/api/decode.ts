import { badRequest } from './errors';
import { isKnownKind, lookupResource } from './resources';
import type { KubeObject } from './types';

/**
 * Turns one parsed manifest document into a typed object, failing as the
 * apiserver's JSON decoder does when a field has the wrong type:
 * `Service in version "v1" cannot be handled as a Service: json: cannot
 * unmarshal bool into Go struct field Service.spec of type v1.ServiceSpec`.
 * It checks the shapes the cluster relies on; unknown fields are not yet
 * refused (strict decoding is not modelled).
 */

type Shape = 'object' | 'string' | 'int' | 'bool' | 'map' | 'intOrString' | { array: Shape | Fields } | Fields;
interface Fields {
  goType: string;
  fields: Record<string, Shape>;
}

const labels: Shape = 'map';
const meta: Fields = {
  goType: 'v1.ObjectMeta',
  fields: { name: 'string', generateName: 'string', namespace: 'string', labels, annotations: 'map', ownerReferences: { array: 'object' } },
};
const containerPort: Fields = { goType: 'v1.ContainerPort', fields: { name: 'string', containerPort: 'int', protocol: 'string', hostPort: 'int' } };
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
};
const selector: Fields = { goType: 'v1.LabelSelector', fields: { matchLabels: 'map', matchExpressions: { array: 'object' } } };
const template: Fields = { goType: 'v1.PodTemplateSpec', fields: { metadata: meta, spec: podSpec } };
const workloadSpec = (goType: string): Fields => ({
  goType,
  fields: { replicas: 'int', selector, template, minReadySeconds: 'int', strategy: 'object', updateStrategy: 'object', revisionHistoryLimit: 'int' },
});
const servicePort: Fields = { goType: 'v1.ServicePort', fields: { name: 'string', protocol: 'string', port: 'int', targetPort: 'intOrString', nodePort: 'int' } };
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
};

const KINDS: Record<string, Fields> = {
  Pod: { goType: 'Pod', fields: { metadata: meta, spec: podSpec } },
  Deployment: { goType: 'Deployment', fields: { metadata: meta, spec: workloadSpec('v1.DeploymentSpec') } },
  ReplicaSet: { goType: 'ReplicaSet', fields: { metadata: meta, spec: workloadSpec('v1.ReplicaSetSpec') } },
  DaemonSet: { goType: 'DaemonSet', fields: { metadata: meta, spec: workloadSpec('v1.DaemonSetSpec') } },
  Service: { goType: 'Service', fields: { metadata: meta, spec: serviceSpec } },
  ConfigMap: { goType: 'ConfigMap', fields: { metadata: meta, data: 'map', binaryData: 'map', immutable: 'bool' } },
  Namespace: { goType: 'Namespace', fields: { metadata: meta, spec: 'object' } },
  Node: { goType: 'Node', fields: { metadata: meta, spec: 'object' } },
  Endpoints: { goType: 'Endpoints', fields: { metadata: meta, subsets: { array: 'object' } } },
  EndpointSlice: { goType: 'EndpointSlice', fields: { metadata: meta, addressType: 'string', endpoints: { array: 'object' }, ports: { array: 'object' } } },
  NetworkPolicy: { goType: 'NetworkPolicy', fields: { metadata: meta, spec: 'object' } },
};

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
  for (const [field, sub] of Object.entries(shape.fields)) {
    const e = check((value as Record<string, unknown>)[field], sub, structName, path ? `${path}.${field}` : field);
    if (e) return e;
  }
  return undefined;
}

export function decodeObject(raw: unknown): KubeObject {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('Object is not a map');
  const obj = raw as KubeObject;
  const kind = String(obj.kind);
  if (!isKnownKind(kind)) throw badRequest(`no kind "${kind}" is registered for version "${String(obj.apiVersion)}"`);
  const info = lookupResource(kind)!;
  const shape = KINDS[kind]!;
  const version = info.group ? `${info.group}/${info.version}` : info.version;
  const problem = check(obj, shape, kind, '');
  if (problem) throw badRequest(`${kind} in version "${version.split('/').pop()}" cannot be handled as a ${kind}: ${problem}`);
  // Go decodes a missing or null struct as its zero value; validation then names what is required.
  if ('spec' in shape.fields && (obj.spec === null || obj.spec === undefined)) return { ...obj, spec: {} };
  return obj;
}
