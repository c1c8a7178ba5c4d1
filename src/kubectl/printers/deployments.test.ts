import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../cluster/api/types';
import { deploymentPrinter } from './deployments';
import { NOW, obj } from './objects.fixture';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'log', image: 'busybox:1.36' }] } };

describe('deployment printer (printDeployment)', () => {
  it('prints a Deployment: READY ready/desired, containers and images joined, the selector', () => {
    const d = obj<Deployment>('Deployment', 'web', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, template },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    });
    expect(deploymentPrinter.headers(true)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(deploymentPrinter.row(d, NOW, true)).toEqual(['web', '2/3', '3', '2', '5m', 'nginx,log', 'nginx:1.27,busybox:1.36', 'app=web,tier in (back,front)']);
  });
});
