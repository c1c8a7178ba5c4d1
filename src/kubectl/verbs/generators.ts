import type { ConfigMap, Container, Deployment, KubeObject, Namespace, Pod, Service, ServicePort, ServiceType } from '../../cluster/api/types';

/**
 * The objects kubectl's generators build (create deployment|service|
 * namespace|configmap, run), before the apiserver defaults them. Only
 * what kubectl itself sets: the server fills in the rest.
 */
const meta = (name: string, namespace: string | undefined, labels?: Record<string, string>) =>
  ({ name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) }) as KubeObject['metadata'];

/** create_deployment.go: the container is named after the image (`registry/nginx:1.27` -> `nginx`). */
export function containerNameFor(image: string): string {
  let name = image.split('/').at(-1)!;
  name = name.split('@')[0]!.split(':')[0]!;
  // sanitizeAndUniquify: underscores are not allowed in container names.
  return name.replace(/_/g, '-');
}

export interface DeploymentSpecArgs {
  name: string;
  namespace?: string;
  images: string[];
  replicas: number;
  port?: number;
}

export function deploymentFor(a: DeploymentSpecArgs): Deployment {
  const labels = { app: a.name };
  const containers: Container[] = a.images.map((image) => ({
    name: containerNameFor(image),
    image,
    ...(a.port !== undefined && a.port >= 0 ? { ports: [{ containerPort: a.port }] } : {}),
  }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(a.name, a.namespace, labels),
    spec: { replicas: a.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
  } as Deployment;
}

/** `--tcp=80:8080`: port 80 to target 8080, named `80-8080`; `--tcp=80` targets 80. */
export function servicePortsFor(specs: string[], nodePort: number | undefined): ServicePort[] | string {
  const ports: ServicePort[] = [];
  for (const spec of specs) {
    const [port, target, extra] = spec.split(':');
    if (extra !== undefined || !/^\d+$/.test(port ?? '') || (target !== undefined && !/^\d+$/.test(target))) return spec;
    const targetPort = target === undefined ? Number(port) : Number(target);
    ports.push({
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port: Number(port),
      targetPort,
      ...(nodePort !== undefined && nodePort > 0 ? { nodePort } : {}),
    });
  }
  return ports;
}

export function serviceFor(name: string, namespace: string | undefined, type: ServiceType, ports: ServicePort[], clusterIP?: string): Service {
  const labels = { app: name };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, namespace, labels),
    spec: { ports, selector: labels, type, ...(clusterIP ? { clusterIP } : {}) },
  } as Service;
}

export function namespaceFor(name: string): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined) } as Namespace;
}

export function configMapFor(name: string, namespace: string | undefined, data: Record<string, string>): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, namespace), ...(Object.keys(data).length > 0 ? { data } : {}) } as ConfigMap;
}

export interface RunArgs {
  name: string;
  namespace?: string;
  image: string;
  labels?: Record<string, string>;
  port?: number;
  env: { name: string; value: string }[];
  args: string[];
  command: boolean;
  restart: 'Always' | 'OnFailure' | 'Never';
}

/** kubectl run: a pod labelled `run=NAME`, its one container named after the pod. */
export function podFor(a: RunArgs): Pod {
  const container: Container = { name: a.name, image: a.image };
  if (a.args.length > 0) {
    if (a.command) container.command = a.args;
    else container.args = a.args;
  }
  if (a.env.length > 0) container.env = a.env;
  if (a.port !== undefined && a.port >= 0) container.ports = [{ containerPort: a.port }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(a.name, a.namespace, a.labels ?? { run: a.name }),
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: a.restart },
  } as Pod;
}
