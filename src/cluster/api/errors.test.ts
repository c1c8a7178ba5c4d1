import { describe, expect, it } from 'vitest';
import { fieldError, formatFieldError, goJson } from './errors';

/**
 * field.Error's text as apimachinery v0.34 (Kubernetes v1.34) renders it,
 * pkg/util/validation/field/errors.go ErrorBody: simple types with %v,
 * strings with %q, anything else through json.Marshal (v0.33 and before
 * used %#v there).
 */
describe('field error values, as v1.34 prints them', () => {
  it('prints numbers and bools bare and strings quoted', () => {
    expect(formatFieldError(fieldError.invalid('spec.ports[0].port', 0, 'must be between 1 and 65535, inclusive'))).toBe(
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(formatFieldError(fieldError.invalid('spec.paused', true, 'x'))).toBe('spec.paused: Invalid value: true: x');
    expect(formatFieldError(fieldError.invalid('metadata.name', 'Web_1', 'bad'))).toBe('metadata.name: Invalid value: "Web_1": bad');
    expect(formatFieldError(fieldError.notSupported('spec.type', 'Foo', ['ClusterIP', 'NodePort']))).toBe(
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "NodePort"',
    );
  });

  it('prints maps, slices and structs as json.Marshal writes them, nil as null', () => {
    expect(formatFieldError(fieldError.invalid('spec.template.metadata.labels', { app: 'api' }, '`selector` does not match template `labels`'))).toBe(
      'spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    );
    expect(formatFieldError(fieldError.invalid('spec.clusterIPs', ['10.96.0.50'], 'failed'))).toBe('spec.clusterIPs: Invalid value: ["10.96.0.50"]: failed');
    expect(formatFieldError(fieldError.invalid('spec.selector', { matchLabels: { app: 'web2' } }, 'field is immutable'))).toBe(
      'spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
    );
    expect(formatFieldError(fieldError.invalid('spec.x', null, 'y'))).toBe('spec.x: Invalid value: null: y');
  });

  it('escapes what encoding/json escapes and keeps the given key order', () => {
    expect(goJson({ b: 'a<b>&c', a: [1, 2.5, null] })).toBe('{"b":"a\\u003cb\\u003e\\u0026c","a":[1,2.5,null]}');
    expect(goJson({})).toBe('{}');
  });
});
