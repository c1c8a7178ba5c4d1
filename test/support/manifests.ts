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

/** `web.yaml` as a learner writes it: an nginx Deployment of `replicas` pods and its Service on port 80. */
export function webYaml(replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{ containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;
}
