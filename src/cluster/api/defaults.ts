import type { ClusterConfig } from '../config';
import type { Container, DaemonSet, Deployment, KubeObject, Namespace, NetworkPolicy, Pod, PodSpec, Probe, ReplicaSet, Service } from './types';

/**
 * The apiserver's defaulting (pkg/apis/core/v1/defaults.go,
 * pkg/apis/apps/v1/defaults.go), applied in place on create and update, so
 * `kubectl get -o yaml` shows what a real cluster would have filled in.
 */
export function applyDefaults(obj: KubeObject, _config: ClusterConfig): void {
  switch (obj.kind) {
    case 'Pod':
      defaultPodSpec((obj as Pod).spec);
      break;
    case 'Deployment': {
      const d = obj as Deployment;
      d.spec.replicas ??= 1;
      d.spec.strategy ??= { type: 'RollingUpdate' };
      if ((d.spec.strategy.type ?? 'RollingUpdate') === 'RollingUpdate') {
        d.spec.strategy.type = 'RollingUpdate';
        d.spec.strategy.rollingUpdate = { maxSurge: '25%', maxUnavailable: '25%', ...d.spec.strategy.rollingUpdate };
      }
      d.spec.revisionHistoryLimit ??= 10;
      d.spec.progressDeadlineSeconds ??= 600;
      defaultTemplate(d.spec.template);
      break;
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      rs.spec.replicas ??= 1;
      defaultTemplate(rs.spec.template);
      break;
    }
    case 'DaemonSet': {
      const ds = obj as DaemonSet;
      ds.spec.updateStrategy ??= { type: 'RollingUpdate' };
      if (ds.spec.updateStrategy.type === 'RollingUpdate' || !ds.spec.updateStrategy.type) {
        ds.spec.updateStrategy.type = 'RollingUpdate';
        ds.spec.updateStrategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 1, ...ds.spec.updateStrategy.rollingUpdate };
      }
      ds.spec.revisionHistoryLimit ??= 10;
      defaultTemplate(ds.spec.template);
      break;
    }
    case 'Service':
      defaultService(obj as Service);
      break;
    case 'Namespace': {
      // The namespace strategy's PrepareForCreate: a new namespace is Active and finalized by `kubernetes`.
      const ns = obj as Namespace;
      ns.spec = { finalizers: ['kubernetes'], ...ns.spec };
      ns.status = { phase: 'Active', ...ns.status };
      break;
    }
    case 'NetworkPolicy': {
      const np = obj as NetworkPolicy;
      np.spec.policyTypes ??= np.spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
      break;
    }
  }
}

function defaultTemplate(template: { metadata?: object; spec: PodSpec } | undefined): void {
  if (!template?.spec) return;
  template.metadata ??= {};
  defaultPodSpec(template.spec, false);
}

/**
 * SetDefaults_PodSpec, for pods and pod templates alike; a pod itself also
 * gets enableServiceLinks (SetDefaults_Pod) and what the Priority
 * admission plugin adds, which templates never see (the ServiceAccount
 * and DefaultTolerationSeconds plugins are in apiserver/admission.ts).
 */
function defaultPodSpec(spec: PodSpec | undefined, isPod = true): void {
  if (!spec) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  if (isPod) {
    spec.enableServiceLinks ??= true;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
    spec.priority ??= 0;
  }
  // The v1 conversion: the deprecated serviceAccount is an alias that the real field wins over and is copied back from.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
  // Two loops rather than one over a joined copy: this runs for every pod created.
  for (const c of spec.containers ?? NO_CONTAINERS) defaultContainer(c);
  for (const c of spec.initContainers ?? NO_CONTAINERS) defaultContainer(c);
}

const NO_CONTAINERS: readonly Container[] = [];

/**
 * Defaults one container in place. What lies deeper (ports, probes) is
 * copied before it is filled in, and left alone when it needs nothing: a
 * new pod's containers share those with its template.
 */
function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image ?? '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (c.ports?.some((p) => p.protocol == null)) c.ports = c.ports.map((p) => (p.protocol == null ? { ...p, protocol: 'TCP' } : p));
  if (c.livenessProbe) c.livenessProbe = defaultedProbe(c.livenessProbe);
  if (c.readinessProbe) c.readinessProbe = defaultedProbe(c.readinessProbe);
  if (c.startupProbe) c.startupProbe = defaultedProbe(c.startupProbe);
}

/** Always for the latest tag (named or implied), else IfNotPresent; an image by digest has no tag. */
function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const tag = image.includes('@') ? 'digest' : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The probe with its defaults: itself when it has them all, else a copy with them filled in. */
function defaultedProbe(probe: Probe): Probe {
  const complete =
    probe.timeoutSeconds != null &&
    probe.periodSeconds != null &&
    probe.successThreshold != null &&
    probe.failureThreshold != null &&
    (!probe.httpGet || (probe.httpGet.path != null && probe.httpGet.scheme != null));
  if (complete) return probe;
  const out = { ...probe };
  out.timeoutSeconds ??= 1;
  out.periodSeconds ??= 10;
  out.successThreshold ??= 1;
  out.failureThreshold ??= 3;
  if (out.httpGet) {
    out.httpGet = { ...out.httpGet };
    out.httpGet.path ??= '/';
    out.httpGet.scheme ??= 'HTTP';
  }
  return out;
}

function defaultService(svc: Service): void {
  // The strategy resets status to ServiceStatus{}, whose LoadBalancer struct is never omitted: `status: {loadBalancer: {}}`.
  svc.status ??= {};
  svc.status.loadBalancer ??= {};
  const spec = svc.spec;
  spec.type ??= 'ClusterIP';
  if (spec.type === 'ExternalName') return;
  spec.sessionAffinity ??= 'None';
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    // SetDefaults_Service (LoadBalancerIPMode, GA in v1.32): an ingress ip without a mode is a VIP.
    for (const ing of svc.status.loadBalancer.ingress ?? []) if (ing.ip && ing.ipMode === undefined) ing.ipMode = 'VIP';
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
}
