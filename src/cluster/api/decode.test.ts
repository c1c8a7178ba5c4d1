import { describe, expect, it } from 'vitest';
import { decodeObject, inConverterOrder, unknownFieldsOf } from './decode';
import { ApiError } from './errors';
import { QUANTITY_ERRORS, quantityError } from './quantity';
import type { KubeObject } from './types';

/** The message decodeObject refuses a document with. */
function refusal(doc: unknown): string {
  try {
    decodeObject(doc);
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(doc)}`);
}

const deployment = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ...container }] } },
    ...spec,
  },
});
const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });

const DEPLOYMENT = 'Deployment in version "v1" cannot be handled as a Deployment: ';
const POD = 'Pod in version "v1" cannot be handled as a Pod: ';

describe('strict decoding, all the way down', () => {
  it('names an unknown field deep in a container with its whole path', () => {
    expect(refusal(deployment({ resources: { limts: { cpu: 1 } } }))).toBe(`${DEPLOYMENT}strict decoding error: unknown field "spec.template.spec.containers[0].resources.limts"`);
  });

  it("refuses an unknown field in a probe's handler", () => {
    expect(refusal(deployment({ readinessProbe: { httpGet: { path: '/', prot: 80 } } }))).toBe(
      `${DEPLOYMENT}strict decoding error: unknown field "spec.template.spec.containers[0].readinessProbe.httpGet.prot"`,
    );
  });

  it('refuses unknown fields in volume sources and mounts', () => {
    const doc = deployment({ volumeMounts: [{ name: 'data', mountpath: '/data' }] });
    doc.spec.template.spec = { ...doc.spec.template.spec, volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'c', itmes: [] } }] } as never;
    expect(refusal(doc)).toBe(
      `${DEPLOYMENT}strict decoding error: unknown field "spec.template.spec.containers[0].volumeMounts[0].mountpath", unknown field "spec.template.spec.volumes[1].configMap.itmes"`,
    );
  });

  it("refuses an unknown field in an env entry's valueFrom", () => {
    const env = [{ name: 'A', value: 'x' }, { name: 'NODE', valueFrom: { fieldRef: { fieldpath: 'spec.nodeName' } } }];
    expect(refusal(deployment({ env }))).toBe(`${DEPLOYMENT}strict decoding error: unknown field "spec.template.spec.containers[0].env[1].valueFrom.fieldRef.fieldpath"`);
  });

  it("refuses an unknown field in a Deployment's rollingUpdate", () => {
    expect(refusal(deployment({}, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavaliable: 0 } } }))).toBe(
      `${DEPLOYMENT}strict decoding error: unknown field "spec.strategy.rollingUpdate.maxUnavaliable"`,
    );
  });

  it('refuses unknown fields in NetworkPolicy ingress rules', () => {
    const doc = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'np' },
      spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } }, namespaceSelctor: {} }], ports: [{ port: 80, protocl: 'TCP' }] }] },
    };
    expect(refusal(doc)).toBe(
      'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingress[0].from[0].namespaceSelctor", unknown field "spec.ingress[0].ports[0].protocl"',
    );
  });

  it('lists every unknown field of an object, in the sorted order kubectl sends the keys, not the order written', () => {
    const doc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', lables: {} }, spec: { zelector: {}, ports: [{ port: 80, tragetPort: 8080 }], clusterIp: 'None' } };
    expect(refusal(doc)).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "metadata.lables", unknown field "spec.clusterIp", unknown field "spec.ports[0].tragetPort", unknown field "spec.zelector"',
    );
  });

  it('decodes status as strictly as spec, and knows NetworkPolicy has none', () => {
    expect(refusal({ ...pod({}), status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, stat: {} }] } })).toBe(
      `${POD}strict decoding error: unknown field "status.containerStatuses[0].stat"`,
    );
    expect(refusal({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: {} }, status: {} })).toBe(
      'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "status"',
    );
  });

  it('stops listing at 100 unknown fields, as sigs.k8s.io/json does', () => {
    const extra = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`x${String(i).padStart(3, '0')}`, 1]));
    const unknown = unknownFieldsOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', ...extra } } as unknown as KubeObject);
    expect(unknown).toHaveLength(100);
    expect(unknown[99]).toBe('metadata.x099');
  });

  it('lists unknown fields for the patch handler sorted by their text', () => {
    expect(inConverterOrder(['spec.portsX', 'spec.ports[0].a', 'metadata.b'])).toEqual(['metadata.b', 'spec.portsX', 'spec.ports[0].a']);
  });

  it('accepts the deep fields real manifests use', () => {
    const doc = deployment(
      {
        env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, { name: 'K', valueFrom: { configMapKeyRef: { name: 'c', key: 'k', optional: true } } }],
        envFrom: [{ configMapRef: { name: 'c' }, prefix: 'C_' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, 'nvidia.com/gpu': '1' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 'http', httpHeaders: [{ name: 'X', value: 'y' }] }, failureThreshold: 3, terminationGracePeriodSeconds: 5 },
        startupProbe: { grpc: { port: 9090, service: 'svc' } },
        lifecycle: { preStop: { sleep: { seconds: 5 } }, stopSignal: 'SIGTERM' },
        securityContext: { capabilities: { add: ['NET_ADMIN'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        restartPolicy: 'Always',
        restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
      },
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } },
    );
    doc.spec.template.spec = {
      ...doc.spec.template.spec,
      tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }],
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } } }] } },
      volumes: [{ name: 'p', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }, { downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels' } }] } }] } }, { name: 'e', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }],
    } as never;
    expect(() => decodeObject(doc)).not.toThrow();
  });
});

describe('wrong types deeper down', () => {
  it("names the innermost struct and the field's Go path, without indices", () => {
    expect(refusal(deployment({ readinessProbe: { httpGet: { path: 5 } } }))).toBe(
      `${DEPLOYMENT}json: cannot unmarshal number into Go struct field HTTPGetAction.spec.template.spec.containers.readinessProbe.httpGet.path of type string`,
    );
  });

  it('names named string types and int64 as Go prints them', () => {
    expect(refusal(pod({ containers: [{ name: 'c', ports: [{ containerPort: 80, protocol: 6 }] }] }))).toBe(
      `${POD}json: cannot unmarshal number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol`,
    );
    expect(refusal(pod({ terminationGracePeriodSeconds: '30' }))).toBe(`${POD}json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64`);
    expect(refusal(pod({ tolerations: [{ key: 'k', tolerationSeconds: 1.5 }] }))).toBe(
      `${POD}json: cannot unmarshal number 1.5 into Go struct field Toleration.spec.tolerations.tolerationSeconds of type int64`,
    );
  });

  it('names a struct a scalar was written for', () => {
    expect(refusal(deployment({}, { strategy: { rollingUpdate: 'yes' } }))).toBe(
      `${DEPLOYMENT}json: cannot unmarshal string into Go struct field DeploymentStrategy.spec.strategy.rollingUpdate of type v1.RollingUpdateDeployment`,
    );
  });

  it('names the map field, not the key, for a label that is not a string', () => {
    expect(refusal({ ...pod({}), metadata: { name: 'p', labels: { app: 'a', version: 2 } } })).toBe(
      `${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`,
    );
  });

  it("reports IntOrString's own decoding error, with the field added, even after a wrong type", () => {
    expect(refusal(deployment({ image: 5, livenessProbe: { tcpSocket: { port: true } } }))).toBe(
      `${DEPLOYMENT}json: cannot unmarshal bool into Go struct field TCPSocketAction.spec.template.spec.containers.livenessProbe.tcpSocket.port of type int32`,
    );
  });

  it("reports Quantity's error on its own, and before unknown fields", () => {
    expect(refusal(deployment({ resources: { limits: { memory: '1Gb' } }, bogus: 1 }))).toBe(`${DEPLOYMENT}${QUANTITY_ERRORS.format}`);
    expect(refusal(deployment({ resources: { requests: { cpu: '1ki' } } }))).toBe(`${DEPLOYMENT}unable to parse quantity's suffix`);
  });

  it('reports a wrong type before unknown fields', () => {
    expect(refusal(deployment({ bogus: 1 }, { replicas: '3' }))).toBe(`${DEPLOYMENT}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`);
  });
});

describe('null in lists and maps', () => {
  it("decodes as the element's zero value, as Go does, leaving null fields and the input alone", () => {
    const doc = { ...pod({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', null], ports: [null], resources: { limits: { cpu: null } } }], nodeSelector: null }), metadata: { name: 'p', labels: { a: null, b: 'x' } } };
    const decoded = decodeObject(doc) as unknown as typeof doc;
    expect(decoded.metadata.labels).toEqual({ a: '', b: 'x' });
    expect(decoded.spec.containers[0]).toEqual({ name: 'c', image: 'busybox', command: ['sleep', ''], ports: [{}], resources: { limits: { cpu: '0' } } });
    expect((decoded.spec as Record<string, unknown>).nodeSelector).toBeNull();
    expect(doc.metadata.labels.a).toBeNull();
  });

  it('returns the very object when there is no null to fill', () => {
    const doc = deployment({ command: ['sleep', '1'] });
    expect(decodeObject(doc)).toBe(doc);
  });
});

describe('quantityError', () => {
  it.each([['100m'], ['1Gi'], [' 2 '], ['1.5'], ['1e3'], ['1E+3'], ['0'], [0.25], [512], ['-'], [null]])('takes %j', (q) => {
    expect(quantityError(q)).toBeUndefined();
  });
  it.each([['1Gb', 'format'], ['', 'format'], ['abc', 'format'], [true, 'format'], [{}, 'format'], ['1.2.3', 'format'], ['1ki', 'suffix'], ['1e', 'suffix'], ['5mi', 'suffix']] as const)(
    'refuses %j',
    (q, kind) => {
      expect(quantityError(q)).toBe(QUANTITY_ERRORS[kind]);
    },
  );
});
