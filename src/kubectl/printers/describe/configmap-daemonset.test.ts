import { describe, expect, it } from 'vitest';
import type { ConfigMap, DaemonSet, NetworkPolicy } from '../../../cluster/api/types';
import { NOW, obj } from '../objects.fixture';
import { describeConfigMap } from './configmap';
import { smartLabel } from './generic';
import { describeNetworkPolicy } from './networkpolicy';
import { webPod } from './describe.fixture';
import { describeDaemonSet } from './workloads';

describe('describe: ConfigMap and DaemonSet', () => {
  it('prints each data key over a dashed line, binary keys by size', () => {
    const cm = obj<ConfigMap>('ConfigMap', 'settings', { data: { 'b.txt': 'two\n', a: 'one' }, binaryData: { logo: 'iVBORw0=' } });
    expect(describeConfigMap(cm, [], NOW)).toBe(`Name:         settings
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
a:
----
one

b.txt:
----
two



BinaryData
====
logo: 5 bytes

Events:  <none>
`);
  });

  it('prints the scheduling counts outside the aligned block, then the pod template', () => {
    const ds = obj<DaemonSet>('DaemonSet', 'agent', {
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }], tolerations: [{ operator: 'Exists' }] } },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    });
    expect(describeDaemonSet(ds, [webPod], undefined, NOW)).toBe(`Name:           agent
Namespace:      default
Selector:       app=agent
Node-Selector:  <none>
Labels:         <none>
Annotations:    <none>
Desired Number of Nodes Scheduled: 3
Current Number of Nodes Scheduled: 3
Number of Nodes Scheduled with Up-to-date Pods: 3
Number of Nodes Scheduled with Available Pods: 2
Number of Nodes Misscheduled: 0
Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=agent
  Containers:
   agent:
    Image:         busybox:1.36
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     op=Exists
`);
  });
});

describe('describe: NetworkPolicy', () => {
  it('prints the selected pods and each rule, as the kubernetes.io example shows', () => {
    const np = obj<NetworkPolicy>('NetworkPolicy', 'test-network-policy', {
      spec: {
        podSelector: { matchLabels: { role: 'db' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }, { namespaceSelector: { matchLabels: { project: 'myproject' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }],
            ports: [{ protocol: 'TCP', port: 6379 }],
          },
        ],
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
      },
    });
    expect(describeNetworkPolicy(np)).toBe(`Name:         test-network-policy
Namespace:    default
Created on:   2026-01-05 08:55:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     role=db
  Allowing ingress traffic:
    To Port: 6379/TCP
    From:
      IPBlock:
        CIDR: 172.17.0.0/16
        Except: 172.17.1.0/24
    From:
      NamespaceSelector: project=myproject
    From:
      PodSelector: role=frontend
  Allowing egress traffic:
    To Port: 5978/TCP
    To:
      IPBlock:
        CIDR: 10.0.0.0/24
        Except: 
  Policy Types: Ingress, Egress
`);
  });
});

describe('describe: the generic describer', () => {
  it('labels fields as smartLabelFor does', () => {
    expect(['apiVersion', 'involvedObject', 'uid', 'firstTimestamp', 'reportingComponent', 'podIPs', 'x-y', 'k8s.io/name'].map(smartLabel)).toEqual([
      'API Version',
      'Involved Object',
      'UID',
      'First Timestamp',
      'Reporting Component',
      'Pod I Ps',
      'X - Y',
      'k8s.io/name',
    ]);
  });
});
