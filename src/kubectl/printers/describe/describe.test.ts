import { describe, expect, it } from 'vitest';
import { NOW } from '../objects.fixture';
import * as f from './describe.fixture';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import { describeDeployment, describeReplicaSet } from './workloads';

const ref = { kind: 'Pod', name: f.webPod.metadata.name, uid: f.webPod.metadata.uid };
const podEvents = [
  f.event(ref, 'Normal', 'Scheduled', 'Successfully assigned default/web to worker-1', 'default-scheduler', 300),
  f.event(ref, 'Warning', 'Unhealthy', 'Readiness probe failed: connection refused', 'kubelet', 250, 30, 4),
];

describe('kubectl describe printers (describe.go, v1.34)', () => {
  it("a pod: kubectl's field order, IPs block, container state and probe, conditions with their trailing space, tolerations, and events with repeats", () => {
    expect(describePod(f.webPod, podEvents, NOW)).toBe(`Name:             web-7d4b9c6f5-x2x9z
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-1/172.18.0.3
Start Time:       Mon, 05 Jan 2026 08:55:00 +0000
Labels:           app=web
                  pod-template-hash=7d4b9c6f5
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-7d4b9c6f5
Containers:
  nginx:
    Container ID:   containerd://abc123
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:0f1e
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 05 Jan 2026 08:56:40 +0000
    Ready:          True
    Restart Count:  0
    Readiness:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      MODE:    demo
      POD_IP:  10.244.1.5 (v1:status.podIP)
    Mounts:    <none>
Conditions:
  Type              Status
  Initialized       True 
  Ready             True 
  ContainersReady   True 
  PodScheduled      True 
Volumes:            <none>
QoS Class:          BestEffort
Node-Selectors:     <none>
Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                    node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                  From               Message
  ----     ------     ----                 ----               -------
  Normal   Scheduled  5m                   default-scheduler  Successfully assigned default/web to worker-1
  Warning  Unhealthy  30s (x4 over 4m10s)  kubelet            Readiness probe failed: connection refused
`);
  });

  it("a NodePort Service: ports with node ports and the ready endpoints of its slices", () => {
    expect(describeService(f.webService, [f.webSlice], [], NOW)).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.12.34
IPs:                      10.96.12.34
Port:                     http  80/TCP
TargetPort:               8080/TCP
NodePort:                 http  30080/TCP
Endpoints:                10.244.1.5:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it("a Deployment: replicas, strategy, pod template, conditions, ReplicaSets; events left out with --show-events=false", () => {
    expect(describeDeployment(f.webDeployment, f.webReplicaSet, [], undefined, NOW)).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 05 Jan 2026 08:55:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7d4b9c6f5 (2/2 replicas created)
`);
  });

  it("a ReplicaSet: its controller and the phases of the pods it controls", () => {
    expect(describeReplicaSet(f.webReplicaSet, [f.webPod], [], NOW)).toBe(`Name:           web-7d4b9c6f5
Namespace:      default
Selector:       app=web,pod-template-hash=7d4b9c6f5
Labels:         app=web
                pod-template-hash=7d4b9c6f5
Annotations:    <none>
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`);
  });

  it("Endpoints: each subset with a blank line after it", () => {
    expect(describeEndpoints(f.webEndpoints, [], NOW)).toBe(`Name:         web
Namespace:    default
Labels:       app=web
Annotations:  <none>
Subsets:
  Addresses:          10.244.1.5
  NotReadyAddresses:  10.244.2.6
  Ports:
    Name  Port  Protocol
    ----  ----  --------
    http  8080  TCP

Events:  <none>
`);
  });

  it("an EndpointSlice: ports table and each endpoint's conditions", () => {
    expect(describeEndpointSlice(f.webSlice, [], NOW)).toBe(`Name:         web-abcde
Namespace:    default
Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=web
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name  Port  Protocol
  ----  ----  --------
  http  8080  TCP
Endpoints:
  - Addresses:  10.244.1.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/web-1
    NodeName:   worker-1
    Zone:       <unset>
  - Addresses:  10.244.2.6
    Conditions:
      Ready:    false
    Hostname:   <unset>
    TargetRef:  Pod/web-2
    NodeName:   worker-2
    Zone:       <unset>
Events:         <none>
`);
  });

  it("a Namespace, with no quota and no LimitRange", () => {
    expect(describeNamespace(f.shopNamespace)).toBe(`Name:         shop
Labels:       kubernetes.io/metadata.name=shop
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });

  it("a Node: lease, conditions, capacity in canonical quantities, system info and the pods on it", () => {
    expect(describeNode(f.worker, [f.webPod], [], NOW)).toBe(`Name:               worker-1
Roles:              <none>
Labels:             kubernetes.io/hostname=worker-1
                    kubernetes.io/os=linux
Annotations:        <none>
CreationTimestamp:  Mon, 05 Jan 2026 08:55:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  worker-1
  AcquireTime:     <unset>
  RenewTime:       Mon, 05 Jan 2026 09:00:00 +0000
Conditions:
  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
  ----    ------  -----------------                 ------------------                ------         -------
  Ready   True    Mon, 05 Jan 2026 08:55:00 +0000   Mon, 05 Jan 2026 08:00:00 +0000   KubeletReady   kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    worker-1
Capacity:
  cpu:     2
  memory:  7947Mi
  pods:    110
Allocatable:
  cpu:     2
  memory:  7947Mi
  pods:    110
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             6.8.0-60-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.3
  Kubelet Version:            v1.34.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/worker-1
Non-terminated Pods:          (1 in total)
  Namespace                   Name                   CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                   ------------  ----------  ---------------  -------------  ---
  default                     web-7d4b9c6f5-x2x9z    0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
Events:              <none>
`);
  });
});
