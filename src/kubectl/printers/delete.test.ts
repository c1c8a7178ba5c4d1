import { describe, expect, it } from 'vitest';
import { notFound } from '../../cluster/api/errors';
import { lookupResource } from '../../cluster/api/resources';
import type { DeleteResult } from '../commands/delete';
import { apiError } from '../errors';
import { message } from '../messages';
import type { DeleteCommand } from '../parse/command';
import { printDelete } from './delete';

const pods = lookupResource('pods')!;
const deployments = lookupResource('deployments')!;
const namespaces = lookupResource('namespaces')!;

function result(command: Partial<DeleteCommand>, extra: Partial<DeleteResult>): DeleteResult {
  const cmd: DeleteCommand = { verb: 'delete', filenames: [], allNamespaces: false, all: false, gracePeriod: -1, force: false, wait: true, ignoreNotFound: false, dryRun: 'none', outputName: false, ...command };
  return { command: cmd, preface: [], events: [], nothingFound: false, ...extra };
}
const text = (r: DeleteResult) => printDelete(r).map((c) => c.text).join('');

describe('printDelete', () => {
  it('names the namespace of namespaced objects, as kubectl v1.34 does', () => {
    const r = result({}, {
      events: [
        { type: 'deleted', info: pods, namespace: 'default', name: 'web' },
        { type: 'deleted', info: deployments, namespace: 'prod', name: 'api' },
        { type: 'deleted', info: namespaces, name: 'dev' },
      ],
    });
    expect(text(r)).toBe('pod "web" deleted from default namespace\ndeployment.apps "api" deleted from prod namespace\nnamespace "dev" deleted\n');
  });

  it('says force deleted and dry run', () => {
    const forced = result({ force: true, gracePeriod: 0 }, { preface: [message('forceDeleteWarning')], events: [{ type: 'deleted', info: pods, namespace: 'default', name: 'web' }] });
    expect(printDelete(forced)).toEqual([
      { stream: 'stderr', text: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' },
      { stream: 'stdout', text: 'pod "web" force deleted from default namespace\n' },
    ]);
    expect(text(result({ dryRun: 'server' }, { events: [{ type: 'deleted', info: pods, namespace: 'default', name: 'web' }] }))).toBe(
      'pod "web" deleted from default namespace (server dry run)\n',
    );
  });

  it('prints -o name, No resources found, and errors last', () => {
    expect(text(result({ outputName: true }, { events: [{ type: 'deleted', info: deployments, namespace: 'default', name: 'web' }] }))).toBe('deployment.apps/web\n');
    expect(printDelete(result({ all: true }, { nothingFound: true }))).toEqual([{ stream: 'stdout', text: 'No resources found\n' }]);
    const r = result({}, { events: [{ type: 'deleted', info: pods, namespace: 'default', name: 'a' }], error: apiError(notFound(pods, 'b')) });
    expect(text(r)).toBe('pod "a" deleted from default namespace\nError from server (NotFound): pods "b" not found\n');
  });
});
