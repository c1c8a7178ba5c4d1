import { describe, expect, it } from 'vitest';
import { NOW, service } from './objects.fixture';
import { servicePrinter } from './services';

describe('service printer (printService)', () => {
  it('prints a ClusterIP service, with its selector when wide', () => {
    const s = service('web', { type: 'ClusterIP', clusterIP: '10.96.12.7', clusterIPs: ['10.96.12.7'], selector: { app: 'web', tier: 'front' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] });
    expect(servicePrinter.headers(true)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(servicePrinter.row(s, NOW, true)).toEqual(['web', 'ClusterIP', '10.96.12.7', '<none>', '80/TCP', '5m', 'app=web,tier=front']);
  });

  it('prints node ports as port:nodePort/protocol', () => {
    const s = service('np', { type: 'NodePort', clusterIPs: ['10.96.1.1'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, nodePort: 30053, protocol: 'UDP' }] });
    expect(servicePrinter.row(s, NOW, false)).toEqual(['np', 'NodePort', '10.96.1.1', '<none>', '80:30080/TCP,53:30053/UDP', '5m']);
  });

  it('shows <pending> for a LoadBalancer without ingress, and the ingress once there is one', () => {
    const spec = { type: 'LoadBalancer' as const, clusterIPs: ['10.96.1.2'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' as const }] };
    expect(servicePrinter.row(service('lb', spec), NOW, false)[3]).toBe('<pending>');
    const ready = service('lb', spec, { loadBalancer: { ingress: [{ ip: '172.18.0.200' }, { ip: '172.18.0.100' }] } });
    expect(servicePrinter.row(ready, NOW, true)[3]).toBe('172.18.0.100,172.18.0.200');
    // Without -o wide the ingress list is cut to sixteen characters.
    expect(servicePrinter.row(ready, NOW, false)[3]).toBe('172.18.0.100,...');
  });

  it('prints external IPs of a ClusterIP service', () => {
    const s = service('ext', { type: 'ClusterIP', clusterIPs: ['10.96.1.3'], externalIPs: ['192.0.2.10'], ports: [{ port: 80, protocol: 'TCP' }] });
    expect(servicePrinter.row(s, NOW, false)[3]).toBe('192.0.2.10');
  });

  it('prints None for a headless service and the name for an ExternalName one', () => {
    const headless = service('db', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' }, ports: [{ port: 5432, protocol: 'TCP' }] });
    expect(servicePrinter.row(headless, NOW, false)).toEqual(['db', 'ClusterIP', 'None', '<none>', '5432/TCP', '5m']);
    const external = service('search', { type: 'ExternalName', externalName: 'example.com' });
    expect(servicePrinter.row(external, NOW, true)).toEqual(['search', 'ExternalName', '<none>', 'example.com', '<none>', '5m', '<none>']);
  });
});
