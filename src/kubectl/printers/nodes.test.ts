import { describe, expect, it } from 'vitest';
import type { Node } from '../../cluster/api/types';
import { nodePrinter } from './nodes';
import { NOW, obj } from './objects.fixture';

function node(name: string, labels: Record<string, string>, ready: 'True' | 'False' | undefined, unschedulable = false): Node {
  return obj<Node>('Node', name, {
    metadata: { namespace: undefined, labels },
    spec: { unschedulable },
    status: {
      conditions: ready ? [{ type: 'Ready', status: ready }] : [],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: name }],
      nodeInfo: { architecture: 'amd64', kubeletVersion: 'v1.34.0', containerRuntimeVersion: 'containerd://2.1.3', kernelVersion: '6.8.0-60-generic', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)' },
    },
  });
}

describe('node printer (printNode)', () => {
  it('prints status, roles and version; wide adds addresses and node info', () => {
    const n = node('control-plane', { 'node-role.kubernetes.io/control-plane': '' }, 'True');
    expect(nodePrinter.row(n, NOW, true)).toEqual([
      'control-plane', 'Ready', 'control-plane', '5m', 'v1.34.0', '172.18.0.3', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0-60-generic', 'containerd://2.1.3',
    ]);
  });

  it('says NotReady, Unknown without a Ready condition, and SchedulingDisabled when cordoned', () => {
    expect(nodePrinter.row(node('w', {}, 'False'), NOW, false)[1]).toBe('NotReady');
    expect(nodePrinter.row(node('w', {}, undefined), NOW, false)[1]).toBe('Unknown');
    expect(nodePrinter.row(node('w', {}, 'True', true), NOW, false)[1]).toBe('Ready,SchedulingDisabled');
  });

  it('collects roles from both label forms, sorted; <none> without', () => {
    const n = node('w', { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': '' }, 'True');
    expect(nodePrinter.row(n, NOW, false)[2]).toBe('edge,worker');
    expect(nodePrinter.row(node('w', {}, 'True'), NOW, false)[2]).toBe('<none>');
  });
});
