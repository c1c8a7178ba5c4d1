import { describe, expect, it } from 'vitest';
import { badRequest, fieldError, invalid, notFound } from '../../cluster/api/errors';
import { lookupResource } from '../../cluster/api/resources';
import { apiError, clientError, type KubectlError } from '../errors';
import { message } from '../messages';
import { renderError } from './errors';

const services = lookupResource('services')!;
const pods = lookupResource('pods')!;
const badPort = fieldError.invalid('spec.ports[0].port', 0, 'must be between 1 and 65535, inclusive');
const badTarget = fieldError.invalid('spec.ports[0].targetPort', 70000, 'must be between 1 and 65535, inclusive');

describe('renderError (checkErr)', () => {
  it('prefixes a client error with "error: "', () => {
    expect(renderError(clientError(message('pathMissing', 'web.yaml')))).toBe('error: the path "web.yaml" does not exist\n');
  });

  it('prints an apiserver error with its reason, and the file it came from', () => {
    expect(renderError(apiError(notFound(pods, 'x')))).toBe('Error from server (NotFound): pods "x" not found\n');
    const strict = badRequest('Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"');
    expect(renderError(apiError(strict, { verb: 'creating', file: 'svc.yaml' }))).toBe(
      'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"\n',
    );
  });

  it('rebuilds a lone Invalid error from its causes, losing the file name', () => {
    expect(renderError(apiError(invalid(services, 'web', [badPort]), { verb: 'creating', file: 'svc.yaml' }))).toBe(
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    );
    expect(renderError(apiError(invalid(services, 'web', [badPort, badTarget])))).toBe(
      'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
    );
  });

  it('prints each error of an aggregate on its line, Invalid ones with their source', () => {
    const agg: KubectlError = {
      type: 'aggregate',
      errors: [apiError(invalid(services, 'a', [badPort]), { verb: 'creating', file: 'f.yaml' }), apiError(notFound(pods, 'b'))],
    };
    expect(renderError(agg)).toBe(
      'Error from server (Invalid): error when creating "f.yaml": Service "a" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' +
        'Error from server (NotFound): pods "b" not found\n',
    );
  });

  it('unwraps an aggregate of one, prints client errors raw among several, and nested ones in brackets', () => {
    expect(renderError({ type: 'aggregate', errors: [clientError(message('pathMissing', 'a'))] })).toBe('error: the path "a" does not exist\n');
    const build: KubectlError = { type: 'aggregate', errors: [clientError(message('validationFailed', 'a.yaml', ['kind not set'])), clientError(message('validationFailed', 'b.yaml', ['apiVersion not set', 'kind not set']))] };
    expect(renderError({ type: 'aggregate', errors: [build, apiError(notFound(pods, 'x'))] })).toBe(
      '[error validating "a.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false, ' +
        'error validating "b.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false]\n' +
        'Error from server (NotFound): pods "x" not found\n',
    );
  });

  it('does not add a second newline to a message that ends with one', () => {
    expect(renderError(clientError(message('unknownCommand', 'gt', ['get', 'set'])))).toBe('error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n');
  });
});
