import { describe, expect, it } from 'vitest';
import { commandsOf } from './run-buttons';

describe('commandsOf', () => {
  it('takes each command line, without prompts, comments or blank lines', () => {
    expect(commandsOf('# apply it\n$ kubectl apply -f web.yaml\n\n  sleep 5  \nkubectl get pods -o wide\n')).toEqual([
      'kubectl apply -f web.yaml',
      'sleep 5',
      'kubectl get pods -o wide',
    ]);
  });
});
