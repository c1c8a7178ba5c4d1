import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECODE_SHAPES, decodeObject, type Fields, type Shape } from '../decode';
import { isMapOf, isNamed } from '../shapes/shape';
import { manifestJsonSchema, SCHEMA_KINDS, VALUE_HINTS, type JsonSchema } from './manifest-schema';

const schema = manifestJsonSchema();
const validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
const definitions = schema.definitions as Record<string, JsonSchema>;

function decoderAccepts(doc: unknown): boolean {
  try {
    decodeObject(doc);
    return true;
  } catch {
    return false;
  }
}

function base(kind: string, rest: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1', kind, metadata: { name: 'web' }, ...rest };
}

describe('manifestJsonSchema', () => {
  it('has one definition per kind the cluster serves, each fixed by its kind', () => {
    for (const kind of SCHEMA_KINDS) {
      const def = definitions[kind]!;
      expect((def.properties as Record<string, JsonSchema>).kind).toMatchObject({ const: kind });
      expect(def.required).toEqual(['kind']);
    }
    expect((schema.anyOf as unknown[]).length).toBe(SCHEMA_KINDS.length);
  });

  it('offers each kind its apiVersion for completion', () => {
    const props = (k: string) => definitions[k]!.properties as Record<string, JsonSchema>;
    expect(props('Deployment').apiVersion!.examples).toEqual(['apps/v1']);
    expect(props('EndpointSlice').apiVersion!.examples).toEqual(['discovery.k8s.io/v1']);
    expect(props('NetworkPolicy').apiVersion!.examples).toEqual(['networking.k8s.io/v1']);
    expect(props('Pod').apiVersion!.examples).toEqual(['v1']);
  });

  it('lists exactly the fields the decoder knows on strictly decoded structs', () => {
    const visit = (shape: Shape): void => {
      if (typeof shape === 'string' || isNamed(shape)) return;
      if ('array' in shape) return visit(shape.array);
      if (isMapOf(shape)) return visit(shape.map);
      const def = definitions[shape.id ?? shape.goType]!;
      const names = Object.keys(def.properties as object).sort();
      expect(names).toEqual([...new Set([...Object.keys(shape.fields), ...(shape.known ?? [])])].sort());
      expect(def.additionalProperties).toBe(shape.known === undefined);
      Object.values(shape.fields).forEach(visit);
    };
    for (const kind of SCHEMA_KINDS) visit(DECODE_SHAPES[kind]!);
  });

  it('names a real field with every value hint', () => {
    for (const key of Object.keys(VALUE_HINTS)) {
      const dot = key.lastIndexOf('.');
      const props = definitions[key.slice(0, dot)]?.properties as Record<string, JsonSchema> | undefined;
      expect(props?.[key.slice(dot + 1)]?.examples, key).toEqual(VALUE_HINTS[key]);
    }
  });

  it('refuses what the decoder refuses and takes what it takes (examples)', () => {
    const cases: [unknown, boolean][] = [
      [base('Service', { spec: { ports: [{ port: 80, targetport: 8080 }] } }), false],
      [base('Service', { spec: { ports: [{ port: 80, targetPort: 'http' }] } }), true],
      [base('Service', { spec: true }), false],
      [base('Service', { spec: { ports: [{ port: '80' }] } }), false],
      [base('Service', { spec: { selector: { app: 1 } } }), false],
      [base('Service', { spec: { selector: null } }), true],
      [base('Pod', { spec: { containers: [{ name: 'c', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, extra: 1 } }] } }), false],
      [base('Pod', { spec: { containers: [{ name: 'c', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 'http' } } }] } }), true],
      [base('Pod', { spec: { containers: [{ name: 'c', resources: { limits: { cpu: '500m', memory: 1024 } } }] } }), true],
      [base('Pod', { spec: { containers: [{ name: 'c', resources: { limits: { memory: '1Gb' } } }] } }), false],
      [base('Pod', { spec: { containers: [{ name: 'c', resources: { limts: {} } }] } }), false],
      [base('Pod', { spec: { containers: [{ name: 'c', imagePullSecret: 'x' }] } }), false],
      [base('Pod', { spec: { affinity: { anything: [1, 2] } } }), false],
      [base('Pod', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } } }), true],
      [base('Deployment', { spec: { replicas: 1.5 } }), false],
      [base('Deployment', { spec: { updateStrategy: {} } }), false],
      [base('ConfigMap', { data: { a: 'b' }, status: {} }), false],
      [base('Secret', {}), false],
      [{ apiVersion: 'v1', metadata: { name: 'x' } }, false],
      [base('Namespace', { metadata: { name: 'x', uid: 5, labelz: {} } }), false],
    ];
    for (const [doc, accepted] of cases) {
      expect(decoderAccepts(doc), JSON.stringify(doc)).toBe(accepted);
      expect(validate(doc), JSON.stringify(doc)).toBe(accepted);
    }
  });

  it('agrees with the decoder on random manifests', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMA_KINDS).chain((kind) => manifestOf(kind)), (doc) => {
        expect(validate(doc)).toBe(decoderAccepts(doc));
      }),
      { numRuns: 3000 },
    );
  });

  it('draws random manifests of both outcomes, so the agreement above means something', () => {
    const docs = fc.sample(fc.constantFrom(...SCHEMA_KINDS).chain((kind) => manifestOf(kind)), { numRuns: 500, seed: 7 });
    const accepted = docs.filter(decoderAccepts).length;
    expect(accepted).toBeGreaterThan(50);
    expect(docs.length - accepted).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------- random manifests from the decoder's shapes

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 70000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 4 }),
  fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer()), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('a', 'b'), fc.oneof(fc.string({ maxLength: 2 }), fc.integer(), fc.constant(null)), { maxKeys: 2 }),
);

/** Mostly well-typed values, sometimes a wrong type or a misspelt field, so both answers occur. */
function valueOf(shape: Shape): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 80, arbitrary: wellTyped(shape) }, { weight: 1, arbitrary: anyJson });
}

function wellTyped(shape: Shape): fc.Arbitrary<unknown> {
  if (typeof shape === 'string') {
    switch (shape) {
      case 'string':
        return fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null));
      case 'int':
      case 'int64':
        return fc.integer({ min: -1, max: 70000 });
      case 'quantity':
        return fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.constantFrom('100m', '1Gi', '0.5', '1e3', '1Gb', 'x', ''));
      case 'bool':
        return fc.boolean();
      case 'object':
        return fc.dictionary(fc.string({ maxLength: 3 }), anyJson, { maxKeys: 2 });
      case 'map':
        return fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 });
      case 'intOrString':
        return fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.string({ maxLength: 4 }));
    }
  }
  if (isNamed(shape)) return fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null));
  if (isMapOf(shape)) return fc.dictionary(fc.string({ maxLength: 3 }), valueOf(shape.map), { maxKeys: 2 });
  if ('array' in shape) return fc.array(fc.oneof({ weight: 8, arbitrary: valueOf(shape.array) }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 2 });
  return structOf(shape);
}

function structOf(fields: Fields): fc.Arbitrary<Record<string, unknown>> {
  const typed = Object.fromEntries(Object.entries(fields.fields).map(([k, s]) => [k, valueOf(s)]));
  const known = Object.fromEntries((fields.known ?? []).map((k) => [k, anyJson]));
  return fc
    .tuple(
      fc.record({ ...known, ...typed }, { requiredKeys: [] }),
      fc.oneof({ weight: 40, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('bogus', 'targetport', 'Name', 'imagePullSecret') }),
      anyJson,
    )
    .map(([record, extra, extraValue]) => (extra === null ? record : { ...record, [extra]: extraValue }));
}

function manifestOf(kind: string): fc.Arbitrary<Record<string, unknown>> {
  return structOf(DECODE_SHAPES[kind]!).map((doc) => ({ ...doc, kind }));
}
