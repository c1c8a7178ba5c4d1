import { describe, expect, it } from 'vitest';
import { invalid, fieldError } from '../../cluster/api/errors';
import { lookupResource } from '../../cluster/api/resources';
import type { WriteResult } from '../commands/apply';
import { apiError } from '../errors';
import { message } from '../messages';
import type { WriteCommand } from '../parse/command';
import { obj } from './objects.fixture';
import { printWrite } from './write';

const deployments = lookupResource('deployments')!;
const services = lookupResource('services')!;
const deploy = obj('Deployment', 'web', {});
const svc = obj('Service', 'web', {});

function result(command: Partial<WriteCommand>, events: WriteResult['events'], error?: WriteResult['error']): WriteResult {
  return { command: { verb: 'apply', filenames: ['web.yaml'], dryRun: 'none', output: '', ...command }, events, ...(error ? { error } : {}) };
}
const text = (r: WriteResult) => printWrite(r).map((c) => c.text).join('');

describe('printWrite', () => {
  it('prints kind[.group]/name and what happened, one line per object', () => {
    const r = result({}, [
      { type: 'written', info: deployments, object: deploy, operation: 'created' },
      { type: 'written', info: services, object: svc, operation: 'unchanged' },
    ]);
    expect(text(r)).toBe('deployment.apps/web created\nservice/web unchanged\n');
  });

  it('marks dry runs', () => {
    expect(text(result({ dryRun: 'client' }, [{ type: 'written', info: services, object: svc, operation: 'configured' }]))).toBe('service/web configured (dry run)\n');
    expect(text(result({ dryRun: 'server' }, [{ type: 'written', info: services, object: svc, operation: 'created' }]))).toBe('service/web created (server dry run)\n');
  });

  it('prints -o name without the operation, and separates YAML documents with ---', () => {
    const two: WriteResult['events'] = [
      { type: 'written', info: deployments, object: deploy, operation: 'created' },
      { type: 'written', info: services, object: svc, operation: 'created' },
    ];
    expect(text(result({ output: 'name' }, two))).toBe('deployment.apps/web\nservice/web\n');
    expect(text(result({ output: 'yaml' }, two)).split('\n').filter((l) => l === '---')).toHaveLength(1);
  });

  it('prints warnings where they happened', () => {
    const chunks = printWrite(result({}, [{ type: 'warning', message: message('missingLastApplied', 'services/web') }, { type: 'written', info: services, object: svc, operation: 'configured' }]));
    expect(chunks.map((c) => c.stream)).toEqual(['stderr', 'stdout']);
    expect(chunks[0]!.text).toBe(
      'Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
  });

  it('prints the error after what went through', () => {
    const bad = apiError(invalid(services, 'db', [fieldError.invalid('spec.ports[0].port', 0, 'must be between 1 and 65535, inclusive')]), { verb: 'creating', file: 'web.yaml' });
    const chunks = printWrite(result({}, [{ type: 'written', info: deployments, object: deploy, operation: 'created' }], bad));
    expect(chunks).toEqual([
      { stream: 'stdout', text: 'deployment.apps/web created\n' },
      { stream: 'stderr', text: 'The Service "db" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' },
    ]);
  });
});
