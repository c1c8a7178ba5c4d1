import type { Container, ContainerState, ContainerStatus, PodSpec, PodTemplateSpec, Probe } from '../../../cluster/api/types';
import { annotationsMultiline, labelsMultiline, rfc1123z, tolerationsMultiline } from './common';
import type { DescribeWriter } from './tabwriter';

type Volume = NonNullable<PodSpec['volumes']>[number];

/** describeContainerPorts / HostPorts: `80/TCP (http), 443/TCP`. */
function portsText(c: Container, host: boolean): string {
  return (c.ports ?? [])
    .map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`)
    .join(', ');
}

/** DescribeProbe: `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    // url.URL{Scheme, Host: JoinHostPort(host, port), Path}.String()
    const host = g.host?.includes(':') ? `[${g.host}]` : (g.host ?? '');
    const path = g.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '';
    return `http-get ${(g.scheme ?? 'HTTP').toLowerCase()}://${host}:${g.port}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeStatus: one container state with its details at level 3. */
function describeState(w: DescribeWriter, title: string, state: ContainerState | Partial<{ terminated: unknown }>): void {
  if ('running' in state && state.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if ('waiting' in state && state.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if ('terminated' in state && state.terminated) {
    const t = state.terminated as Extract<ContainerState, { terminated: unknown }>['terminated'];
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

function describeResources(w: DescribeWriter, resources: Container['resources'], level: number): void {
  for (const [title, list] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${list![n]}\n`);
  }
}

/** What a pod's `fieldRef` env var resolves to (EnvValueRetriever); a template resolves nothing. */
export type FieldResolver = (fieldPath: string) => string;

function describeEnv(w: DescribeWriter, c: Container, resolve?: FieldResolver): void {
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const from = e.valueFrom as Record<string, Record<string, unknown> | undefined>;
    if (from.fieldRef) {
      const path = String(from.fieldRef.fieldPath ?? '');
      w.write(3, `${e.name}:\t${resolve ? resolve(path) : ''} (${String(from.fieldRef.apiVersion ?? 'v1')}:${String(from.fieldRef.fieldPath ?? '')})\n`);
    } else if (from.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${String(from.resourceFieldRef.resource ?? '')})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${String(r.key)}' in secret '${String(r.name)}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${String(r.key)}' of config map '${String(r.name)}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
}

/** describeContainers: each container's image, ports, command, state, probes, environment and mounts. */
export function describeContainers(w: DescribeWriter, label: string, containers: readonly Container[], statuses: readonly ContainerStatus[] | undefined, space = '', resolve?: FieldResolver): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID}\n`);
    const ports = portsText(c, false);
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portsText(c, true);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const s of item.split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState.terminated) describeState(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c.resources, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probeText(c.startupProbe)}\n`);
    describeEnv(w, c, resolve);
    describeMounts(w, c);
  }
}

/** describeVolumes: the kinds of volume this cluster's pods use; others print `<unknown>` as kubectl does. */
export function describeVolumes(w: DescribeWriter, volumes: readonly Volume[] | undefined, space = ''): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    const src = v as Record<string, Record<string, unknown> | undefined>;
    if (src.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${String(src.hostPath.path ?? '')}\n    HostPathType:\t${String(src.hostPath.type ?? '<none>')}\n`);
    } else if (src.emptyDir) {
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${String(src.emptyDir.medium ?? '')}\n    SizeLimit:\t${String(src.emptyDir.sizeLimit ?? '<unset>')}\n`);
    } else if (src.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${String(src.secret.secretName ?? '')}\n    Optional:\t${src.secret.optional === true}\n`);
    } else if (src.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${String(src.configMap.name ?? '')}\n    Optional:\t${src.configMap.optional === true}\n`);
    } else if (src.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of (src.projected.sources ?? []) as Record<string, Record<string, unknown> | undefined>[]) {
        if (s.secret) w.write(2, `SecretName:\t${String(s.secret.name ?? '')}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${String(s.configMap.name ?? '')}\n    Optional:\t${s.configMap.optional === true}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${String(s.serviceAccountToken.expirationSeconds ?? 0)}\n`);
      }
    } else if (src.persistentVolumeClaim) {
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${String(src.persistentVolumeClaim.claimName ?? '')}\n    ReadOnly:\t${src.persistentVolumeClaim.readOnly === true}\n`);
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/** DescribePodTemplate: the template of a Deployment, ReplicaSet or DaemonSet. */
export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.write(0, 'Pod Template:\n');
  labelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) annotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (typeof spec.priorityClassName === 'string' && spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  labelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
