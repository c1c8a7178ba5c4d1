import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../cluster/api/types';
import { ago, NOW, obj, terminated, waiting } from '../objects.fixture';
import { probeText } from './containers';
import { describePod } from './pod';
import { endpointSliceText } from './service';
import { webSlice } from './describe.fixture';

describe('describe: containers, states and probes', () => {
  it('prints a pending pod with no node, a waiting container and a last termination', () => {
    const pod = obj<Pod>('Pod', 'crash', {
      spec: {
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c'],
            args: ['exit 1'],
            ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }, { containerPort: 9090, protocol: 'TCP' }],
            resources: { limits: { memory: '128Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
      status: {
        phase: 'Pending',
        containerStatuses: [
          waiting('app', 'CrashLoopBackOff', {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(40), finishedAt: ago(39) } },
          }),
        ],
      },
    });
    expect(describePod(pod, [], NOW)).toBe(`Name:         crash
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  app:
    Container ID:  
    Image:         busybox:1.36
    Image ID:      
    Ports:         8080/TCP (http), 9090/TCP
    Host Ports:    0/TCP (http), 0/TCP
    Command:
      sh
      -c
    Args:
      exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Mon, 05 Jan 2026 08:59:20 +0000
      Finished:     Mon, 05 Jan 2026 08:59:21 +0000
    Ready:          False
    Restart Count:  3
    Limits:
      memory:  128Mi
    Requests:
      cpu:        100m
      memory:     64Mi
    Environment:  <none>
    Mounts:
      /data from data (rw)
Volumes:
  data:
    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:      
    SizeLimit:   <unset>
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`);
  });

  it('prints a terminated container with its exit code and times', () => {
    const pod = obj<Pod>('Pod', 'job', {
      spec: { containers: [{ name: 'task', image: 'busybox:1.36' }], nodeName: 'worker-2' },
      status: { phase: 'Succeeded', hostIP: '172.18.0.4', containerStatuses: [terminated('task', 0, 'Completed', { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(20), finishedAt: ago(10) } } })] },
    });
    const text = describePod(pod, undefined, NOW);
    expect(text).toContain('    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n      Started:      Mon, 05 Jan 2026 08:59:40 +0000\n      Finished:     Mon, 05 Jan 2026 08:59:50 +0000\n');
    expect(text).toContain('Node:         worker-2/172.18.0.4\n');
    // --show-events=false: no Events section at all.
    expect(text).not.toContain('Events');
  });

  it('words probes as DescribeProbe does', () => {
    const attrs = { initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
    expect(probeText({ tcpSocket: { port: 6379 }, ...attrs })).toBe('tcp-socket :6379 delay=5s timeout=1s period=10s #success=1 #failure=3');
    expect(probeText({ exec: { command: ['cat', '/tmp/healthy'] }, ...attrs })).toBe('exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3');
    expect(probeText({ httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS' }, ...attrs })).toBe('http-get https://:http/healthz delay=5s timeout=1s period=10s #success=1 #failure=3');
  });

  it('lists the ready endpoints of a service port, three then + N more...', () => {
    const ready = (ip: string) => ({ addresses: [ip], conditions: { ready: true } });
    const many = { ...webSlice, endpoints: ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.3.2', '10.244.3.3'].map(ready) };
    expect(endpointSliceText([many], 'http')).toBe('10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080 + 2 more...');
    expect(endpointSliceText([webSlice], 'http')).toBe('10.244.1.5:8080');
    expect(endpointSliceText([webSlice], 'other')).toBe('');
    expect(endpointSliceText([], 'http')).toBe('<none>');
  });
});
