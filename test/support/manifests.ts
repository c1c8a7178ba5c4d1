/** Manifests the tests and benchmarks build, written once. */

/** A Deployment of `replicas` pods labelled app=<name>, one container named `main`. */
export function deploymentManifest(name: string, replicas: number, image = 'nginx:1.27', container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image, ...container }] } },
    },
  };
}
