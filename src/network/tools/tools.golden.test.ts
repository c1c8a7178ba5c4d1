import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster/cluster';
import { networkCluster } from '../network.fixture';
import { runTrace } from '../connect/trace-format';
import { runNetworkTool } from './index';
import type { ToolContext } from './tool';

/**
 * Golden transcripts of the tools: each file is a session, `$ command`
 * then stdout, `[stderr]` and stderr when there is any, and `[exit N]`.
 * `UPDATE_GOLDEN=1 npx vitest run src/network/tools` rewrites them; review the diff.
 */

const dir = fileURLToPath(new URL('./__golden__/', import.meta.url));

type Where = 'busybox' | 'busybox-1.28' | 'netshoot' | 'agnhost-db' | 'nginx' | 'node';

function contextFor(cluster: Cluster, where: Where): ToolContext {
  switch (where) {
    case 'busybox':
      return { cluster, from: { kind: 'pod', namespace: 'default', name: 'client' }, image: 'busybox:1.36' };
    case 'busybox-1.28':
      return { cluster, from: { kind: 'pod', namespace: 'default', name: 'client' }, image: 'busybox:1.28' };
    case 'netshoot':
      return { cluster, from: { kind: 'pod', namespace: 'default', name: 'shoot' }, image: 'nicolaka/netshoot' };
    case 'agnhost-db':
      return { cluster, from: { kind: 'pod', namespace: 'default', name: 'db-0' }, image: 'registry.k8s.io/e2e-test-images/agnhost:2.53' };
    case 'nginx': {
      const web = cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!;
      return { cluster, from: { kind: 'pod', namespace: 'default', name: web.metadata.name }, image: 'nginx:1.27.5' };
    }
    case 'node':
      return { cluster, from: { kind: 'node', name: 'worker-1' }, image: '' };
  }
}

function session(cluster: Cluster, where: Where, lines: string[]): string {
  const ctx = contextFor(cluster, where);
  const f = ctx.from;
  let out = `# in ${f.kind === 'pod' ? `pod ${f.name} (${ctx.image})` : f.kind === 'node' ? `node ${f.name}` : 'the workstation'}\n`;
  for (const line of lines) {
    const [cmd, ...args] = line.split(' ');
    const r = cmd === 'podlab' ? runTrace(args.slice(1), cluster) : runNetworkTool(cmd!, args, ctx);
    out += `$ ${line}\n${r.stdout}`;
    if (r.stderr) out += `[stderr]\n${r.stderr}`;
    out += `[exit ${r.exitCode}]\n`;
  }
  return out;
}

function golden(name: string, text: string): void {
  const path = `${dir}${name}.txt`;
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

/** Each session starts from the same fresh cluster, so one session's random draws never shift another's. */
const fresh = () => networkCluster();

describe('tool transcripts', { timeout: 30_000 }, () => {
  it('nslookup, BusyBox: each record type, NXDOMAIN, PTR', () => {
    golden(
      'nslookup-busybox',
      session(fresh(), 'busybox', [
        'nslookup web.default.svc.cluster.local',
        'nslookup web',
        'nslookup kubernetes.default',
        'nslookup echo.default.svc.cluster.local',
        'nslookup db-0.db.default.svc.cluster.local',
        'nslookup ext.default.svc.cluster.local',
        'nslookup 10-244-1-7.default.pod.cluster.local',
        'nslookup -type=srv _http._tcp.web.default.svc.cluster.local',
        'nslookup 10.96.0.1',
        'nslookup nosuch.default.svc.cluster.local',
        'nslookup web.default.svc.cluster.local kube-dns.kube-system.svc.cluster.local',
        'nslookup web nosuch-server',
        'nslookup -type=AAAA web.default.svc.cluster.local',
        'nslookup',
      ]),
    );
  });

  it('nslookup, BusyBox 1.28 (getaddrinfo and the search list; the kubernetes.io debugging pages use it)', () => {
    golden(
      'nslookup-busybox-1.28',
      session(fresh(), 'busybox-1.28', [
        'nslookup web',
        'nslookup kubernetes.default',
        'nslookup web.default.svc.cluster.local',
        'nslookup db.default',
        'nslookup 10.96.0.1',
        'nslookup nosuch',
        'nslookup web 10.96.0.10',
        'nslookup web nosuch-server',
        'nslookup -type=srv web',
        'nslookup',
      ]),
    );
  });

  it('nslookup (bind), dig and host in netshoot', () => {
    golden(
      'dns-netshoot',
      session(fresh(), 'netshoot', [
        'nslookup web',
        'nslookup kubernetes.default',
        'nslookup ext',
        'nslookup nosuch',
        'dig web.default.svc.cluster.local',
        'dig +short web.default.svc.cluster.local',
        'dig +short +search echo',
        'dig +short web',
        'dig nosuch.default.svc.cluster.local',
        'dig +short SRV _http._tcp.echo.default.svc.cluster.local',
        'dig -x 10.96.0.10 +short',
        'host web',
        'host ext',
        'host 10.96.0.10',
        'host nosuch',
        'nslookup -type=AAAA web',
        'nslookup default.svc.cluster.local',
        'nslookup -type=A empty',
        'nslookup -type=SRV web',
        'host -t AAAA web',
        'host -t A web',
        'dig +short AAAA web.default.svc.cluster.local',
      ]),
    );
  });

  it('curl, wget, ping and nc: answered, refused, timed out, unresolved', () => {
    golden(
      'traffic-busybox',
      session(fresh(), 'busybox', [
        'wget -qO- http://echo:5678',
        'wget -O- web',
        'wget -qO- http://web/nope',
        'wget -qO- empty',
        'wget -T 2 -qO- web:81',
        'wget -qO- nosuch',
        'wget -qO- http://db-0.db:8080/hostname',
        'ping -c 3 db-0.db',
        'ping -c 2 web',
        'ping -c 1 nosuch',
        'ping -c 1 127.0.0.1',
        'nc -zv web 80',
        'nc -zv empty 80',
        'nc -zv -w 2 web 81',
        'curl web',
      ]),
    );
    golden(
      'traffic-netshoot',
      session(fresh(), 'netshoot', [
        'curl -s web',
        'curl -sI web',
        'curl -s http://db-0.db:8080/clientip',
        'curl -s http://db-0.db:8080/echo?msg=hi',
        'curl -v http://echo:5678/',
        'curl empty',
        'curl -m 5 web:81',
        'curl --connect-timeout 2 10.244.200.9',
        'curl -sS nosuch',
        'curl -s nosuch',
        'curl -sf http://web/nope',
        'curl -s -o /dev/null -w %{http_code}\\n web',
        'curl -s -o /dev/null -w %{http_code}\\n http://web/nope',
        'curl -s -o /dev/null -w %{http_code}\\n empty',
        'ping -c 2 web.default.svc.cluster.local',
        'ping -c 1 web',
        'ping -c 1 db-0.db',
        'nc -zv web 80',
        'nc -zv empty 80',
      ]),
    );
  });

  it('files and identity: resolv.conf, hosts, hostname, ip, env', () => {
    golden('identity-busybox', session(fresh(), 'busybox', ['cat /etc/resolv.conf', 'cat /etc/hosts', 'cat /etc/shadow', 'hostname', 'hostname -i', 'ip addr', 'ip route', 'env']));
    golden('identity-db', session(fresh(), 'agnhost-db', ['cat /etc/hosts', 'hostname', 'hostname -f', 'nslookup web']));
    golden('identity-node', session(fresh(), 'node', ['cat /etc/resolv.conf', 'hostname', 'hostname -i', 'ip route', 'ping -c 1 db-0.db.default.svc.cluster.local', 'nslookup worker-2', 'ping -c 1 worker-2']));
    golden('tools-missing', session(fresh(), 'nginx', ['nslookup web', 'cat /etc/nothing', 'hostname -i', 'hostname -I']));
  });

  it('podlab trace', () => {
    golden('trace', session(fresh(), 'busybox', ['podlab trace client web', 'podlab trace client web:81', 'podlab trace client empty', 'podlab trace client nosuch', 'podlab trace outside 172.18.0.4:30080', 'podlab trace node/worker-1 10.96.0.1:443', 'podlab trace --icmp client db-0.db', 'podlab trace ghost web']));
  });

  it('with CoreDNS gone, every lookup times out', () => {
    const down = networkCluster(11);
    down.api.delete('Deployment', 'kube-system', 'coredns');
    down.advance(60_000);
    golden('dns-down', session(down, 'busybox', ['nslookup web', 'wget -qO- web', 'podlab trace client web']) + session(down, 'netshoot', ['nslookup web', 'dig web', 'host web', 'curl web', 'curl -m 3 web']));
  });
});
