import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../test/support/cluster-fixture';
import { createSession, runLine } from './session';

const session = () => createSession(bareCluster(), { readFile: () => undefined, listDir: () => undefined });

describe('runLine', () => {
  it('runs kubectl and its alias k', () => {
    const s = session();
    expect(runLine('kubectl get pods', s)).toEqual({ output: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(runLine("k get 'pod' nope", s)).toEqual({ output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });

  it('lets virtual time pass with sleep', () => {
    const s = session();
    const before = s.cluster.clock.now();
    expect(runLine('sleep 90', s)).toEqual({ output: '', exitCode: 0 });
    expect(s.cluster.clock.now() - before).toBe(90_000);
    expect(runLine('sleep', s).exitCode).toBe(1);
  });

  it('does nothing for blank lines and comments, and ends on exit', () => {
    expect(runLine('   ', session())).toEqual({ output: '', exitCode: 0 });
    expect(runLine('# kubectl delete pods --all', session())).toEqual({ output: '', exitCode: 0 });
    expect(runLine('exit', session())).toEqual({ output: '', exitCode: 0, exit: true });
  });

  it('answers like bash for unknown commands and unterminated quotes', () => {
    expect(runLine('curl http://web', session())).toEqual({ output: 'bash: curl: command not found\n', exitCode: 127 });
    expect(runLine("echo 'oops", session())).toEqual({ output: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 });
  });
});
