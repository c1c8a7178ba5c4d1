import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../test/support/cluster-fixture';
import { createSession } from '../shell/session';
import { runTranscript } from './sim';

describe('runTranscript (podlab sim with piped input)', () => {
  it('echoes each command after "$ ", skips blank lines and comments, stops at exit', () => {
    const session = createSession(bareCluster(), { readFile: () => undefined, listDir: () => undefined });
    const input = '# a comment\n\nkubectl get pods\n  kubectl get nope  \nexit\nkubectl get pods\n';
    expect(runTranscript(session, input)).toBe(
      '$ kubectl get pods\nNo resources found in default namespace.\n$ kubectl get nope\nerror: the server doesn\'t have a resource type "nope"\n$ exit\n',
    );
  });
});
