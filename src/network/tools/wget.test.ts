import { describe, expect, it } from 'vitest';
import { networkCluster } from '../network.fixture';
import { runNetworkTool } from './index';
import type { ToolContext } from './tool';

const busybox = (): ToolContext => ({ cluster: networkCluster(), from: { kind: 'pod', namespace: 'default', name: 'client' }, image: 'busybox:1.36' });

/** The Host each echo pod logged (http-echo's access log names it). */
function loggedHosts(ctx: ToolContext): string[] {
  const pods = ctx.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'echo');
  return pods.flatMap((p) => ctx.cluster.containerLog(p.metadata.uid, p.spec.containers[0]!.name)).filter((l) => l.includes('"Wget"')).map((l) => l.split(' ')[2]!);
}

describe('BusyBox wget and the URL\'s port', () => {
  it('sends the host with its port as the URL writes it, and names it so', () => {
    const ctx = busybox();
    const r = runNetworkTool('wget', ['-O-', 'http://echo:5678/'], ctx);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('hello from echo\n');
    expect(r.stderr).toMatch(/^Connecting to echo:5678 \(10\.244\.\d+\.\d+:5678\)\nwriting to stdout\n/);
    expect(loggedHosts(ctx)).toEqual(['echo:5678']);
  });

  it('keeps even the default port when written, and sends the bare host when not', () => {
    const ctx = busybox();
    expect(runNetworkTool('wget', ['-q', '-O-', 'http://web:80/'], ctx).exitCode).toBe(0);
    expect(runNetworkTool('wget', ['-O-', 'web'], ctx).stderr).toMatch(/^Connecting to web \(10\.\d+\.\d+\.\d+:80\)\n/);
    expect(runNetworkTool('wget', ['-O-', 'http://web:80/'], ctx).stderr).toMatch(/^Connecting to web:80 \(10\.\d+\.\d+\.\d+:80\)\n/);
  });

  it('names the host with its port in bad address', () => {
    expect(runNetworkTool('wget', ['-qO-', 'http://nosuch:8080/'], busybox())).toEqual({ stdout: '', stderr: "wget: bad address 'nosuch:8080'\n", exitCode: 1 });
  });
});
