import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../test/support/cluster-fixture';
import { completeLine } from './complete';
import { createSession, runLine } from './session';

function session() {
  return createSession(bootCluster(), { readFile: () => undefined, listDir: () => undefined });
}

describe('completeLine', () => {
  it('completes command names, then kubectl subcommands, types and names', () => {
    const s = session();
    expect(completeLine('kub', s)).toEqual({ from: 0, candidates: ['kubectl'] });
    expect(completeLine('kubectl ge', s).candidates).toEqual(['get']);
    expect(completeLine('k get nod', s)).toEqual({ from: 6, candidates: ['nodes'] });
    expect(completeLine('kubectl get nodes work', s).candidates).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(completeLine('kubectl get pods -n kube-system core', s).candidates.every((n) => n.startsWith('coredns-'))).toBe(true);
    expect(completeLine('kubectl get pods | gr', s)).toEqual({ from: 19, candidates: ['grep'] });
  });

  it('offers the image\'s programs inside a container', () => {
    const s = session();
    runLine('kubectl run tmp -it --rm --image=busybox:1.36 --restart=Never -- sh', s);
    expect(completeLine('nsl', s).candidates).toEqual(['nslookup']);
    expect(completeLine('kubectl g', s).candidates).toEqual([]);
  });
});
