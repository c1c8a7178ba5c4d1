import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../cluster/api/types';
import { daemonSetPrinter } from './daemonsets';
import { NOW, obj } from './objects.fixture';

describe('daemonset printer (printDaemonSet)', () => {
  it('prints a DaemonSet with its node selector', () => {
    const d = obj<DaemonSet>('DaemonSet', 'kube-proxy', {
      spec: { selector: { matchLabels: { 'k8s-app': 'kube-proxy' } }, template: { spec: { containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }], nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 3, updatedNumberScheduled: 4, numberAvailable: 3, numberMisscheduled: 0 },
    });
    expect(daemonSetPrinter.headers(false)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
    expect(daemonSetPrinter.row(d, NOW, true)).toEqual(['kube-proxy', '4', '4', '3', '4', '3', 'kubernetes.io/os=linux', '5m', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.34.0', 'k8s-app=kube-proxy']);
  });
});
