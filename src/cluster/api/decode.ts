import { badRequest } from './errors';
import { quantityError } from './quantity';
import { isKnownKind, lookupResource } from './resources';
import { KINDS } from './shapes/kinds';
import { type Fields, isFields, isMapOf, isNamed, type Shape } from './shapes/shape';
import type { KubeObject } from './types';
import { withZeroValues } from './zero-values';

export type { Fields, Shape } from './shapes/shape';

/**
 * Turns one parsed manifest document into a typed object, failing as the
 * apiserver's JSON decoder (sigs.k8s.io/json) fails:
 *
 * - a value of the wrong type: `Service in version "v1" cannot be handled
 *   as a Service: json: cannot unmarshal bool into Go struct field
 *   Service.spec of type v1.ServiceSpec` (the first one met);
 * - a value IntOrString or Quantity cannot read, which stops decoding
 *   there and wins over any wrong type met before;
 * - otherwise, with strict decoding, every unknown field anywhere in the
 *   object: `strict decoding error: unknown field "spec.ports[0].tragetPort",
 *   unknown field "spec.selectr"`, at most 100 of them.
 *
 * The decoder meets the fields in the order kubectl sends them: kubectl
 * marshals the manifest as a Go map, so each object's keys are sorted.
 */

/** The decoder's shape of each kind: the JSON Schemas the editor uses are generated from these (api/json-schema). */
export const DECODE_SHAPES: Readonly<Record<string, Fields>> = KINDS;

/** sigs.k8s.io/json keeps at most this many strict decoding errors. */
const MAX_UNKNOWN = 100;
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

/**
 * Where the decoder is, as a chain of steps back to the root. Go's error
 * context (innermost struct, dotted field names) and the strict path (with
 * indices and map keys) are worked out from it only when an error names
 * them: most manifests decode cleanly, and a path string per field would
 * cost more than the walk.
 */
class At {
  constructor(
    readonly parent: At | undefined,
    /** A struct field's name or a map key (a string), or an array index. */
    readonly step: string | number,
    /** A struct field, which Go's field names include; map keys and indices they do not. */
    readonly isField: boolean,
    /** The innermost Go struct holding the field: `ServicePort`. */
    readonly struct: string,
  ) {}

  static root(goType: string): At {
    return new At(undefined, '', false, goType);
  }

  /** `spec.ports[0].port`, as strict decoding names a field. */
  get path(): string {
    if (!this.parent) return '';
    const above = this.parent.path;
    if (typeof this.step === 'number') return `${above}[${this.step}]`;
    return this.isField && !above ? this.step : `${above}.${this.step}`;
  }

  /** `spec.ports.port`, as Go's UnmarshalTypeError names a field. */
  get field(): string {
    if (!this.parent) return '';
    const above = this.parent.field;
    if (!this.isField) return above;
    return above ? `${above}.${String(this.step)}` : String(this.step);
  }
}

/** An error of a type that decodes itself (IntOrString, Quantity): it ends the decoding at once. */
class Stop {
  constructor(readonly message: string) {}
}

class Decoding {
  typeError: string | undefined;
  readonly unknown: string[] = [];

  /** Go keeps the first wrong type it meets and goes on decoding. */
  wrongType(value: unknown, shape: Shape, at: At, goType = goTypeOf(shape)): void {
    this.typeError ??= `json: cannot unmarshal ${goValue(value, shape)} into Go struct field ${at.struct}.${at.field} of type ${goType}`;
  }

  walk(value: unknown, shape: Shape, at: At): void {
    // Go decodes null into any field as its zero value.
    if (value === null || value === undefined) return;
    if (typeof shape === 'string') return this.scalar(value, shape, at);
    if (isNamed(shape)) {
      if (typeof value !== 'string') this.wrongType(value, shape, at);
      return;
    }
    if ('array' in shape) {
      if (!Array.isArray(value)) return this.wrongType(value, shape, at);
      for (let i = 0; i < value.length; i++) this.walk(value[i], shape.array, new At(at, i, false, at.struct));
      return;
    }
    if (jsonType(value) !== 'object') return this.wrongType(value, shape, at);
    const object = value as Record<string, unknown>;
    if (isMapOf(shape)) {
      for (const key of sortedKeys(object)) this.walk(object[key], shape.map, new At(at, key, false, at.struct));
      return;
    }
    this.struct(object, shape, at);
  }

  private struct(object: Record<string, unknown>, shape: Fields, at: At): void {
    // Go names the innermost struct holding the field, then the whole path: ServicePort.spec.ports.port.
    const holder = shape.goType.startsWith('v1.') ? shape.goType.slice(3) : shape.goType;
    for (const key of sortedKeys(object)) {
      const sub = Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
      if (sub !== undefined) this.walk(object[key], sub, new At(at, key, true, holder));
      else if (shape.known && !shape.known.includes(key) && this.unknown.length < MAX_UNKNOWN) this.unknown.push(new At(at, key, true, holder).path);
    }
  }

  private scalar(value: unknown, shape: Exclude<Shape, object>, at: At): void {
    switch (shape) {
      case 'string':
        if (typeof value !== 'string') this.wrongType(value, shape, at);
        return;
      case 'int':
      case 'int64':
        if (!isInteger(value, shape === 'int' ? INT32 : INT64)) this.wrongType(value, shape, at);
        return;
      case 'bool':
        if (typeof value !== 'boolean') this.wrongType(value, shape, at);
        return;
      case 'object':
        if (jsonType(value) !== 'object') this.wrongType(value, shape, at);
        return;
      case 'map':
        if (jsonType(value) !== 'object') return this.wrongType(value, shape, at);
        // A map's values are Go strings (Go names the map field, not the key); null is decoded as "".
        for (const key of sortedKeys(value as Record<string, unknown>)) {
          const item = (value as Record<string, unknown>)[key];
          if (item !== null && typeof item !== 'string') this.wrongType(item, 'string', at);
        }
        return;
      case 'intOrString':
        // IntOrString decodes a non-string with encoding/json into its int32; the outer decoder adds the field.
        if (typeof value !== 'string' && !isInteger(value, INT32)) throw new Stop(`json: cannot unmarshal ${goValue(value, 'int')} into Go struct field ${at.struct}.${at.field} of type int32`);
        return;
      case 'quantity': {
        const problem = quantityError(value);
        if (problem) throw new Stop(problem);
        return;
      }
    }
  }
}

/** An object's keys as kubectl sends them (a Go map marshals sorted); the default sort compares UTF-16 code units, as `<` does. */
function sortedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort();
}

function isInteger(value: unknown, limit: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= -limit && value < limit;
}

/** Go's name for what a JSON value is: `string`, `number`, `bool`, `array`, `object`. */
function jsonType(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

/** The value as Go's UnmarshalTypeError names it: a number going into an integer is named with its text, `number 1.5`. */
function goValue(value: unknown, shape: Shape): string {
  if (typeof value === 'number' && (shape === 'int' || shape === 'int64')) return `number ${String(value)}`;
  return jsonType(value);
}

function goTypeOf(shape: Shape): string {
  if (typeof shape === 'string') {
    const names: Record<typeof shape, string> = {
      object: 'map[string]interface {}',
      string: 'string',
      int: 'int32',
      int64: 'int64',
      bool: 'bool',
      map: 'map[string]string',
      intOrString: 'intstr.IntOrString',
      quantity: 'resource.Quantity',
    };
    return names[shape];
  }
  if ('array' in shape) return `[]${goTypeOf(shape.array)}`;
  return shape.goType;
}

/** Walks a whole object: the error that ends decoding, if any, and the unknown fields' paths. */
function decode(obj: KubeObject, shape: Fields): { problem?: string; unknown: string[] } {
  const d = new Decoding();
  try {
    d.walk(obj, shape, At.root(shape.goType));
  } catch (e) {
    if (e instanceof Stop) return { problem: e.message, unknown: [] };
    throw e;
  }
  return { problem: d.typeError, unknown: d.unknown };
}

/**
 * Decodes a manifest; `strict: false` skips the unknown-field check, for
 * `kubectl apply` on an existing object, whose unknown fields the patch
 * handler reports in its own words (see unknownFieldsOf).
 */
export function decodeObject(raw: unknown, { strict = true }: { strict?: boolean } = {}): KubeObject {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('Object is not a map');
  const obj = raw as KubeObject;
  for (const field of ['apiVersion', 'kind'] as const) {
    const value: unknown = obj[field];
    if (value !== undefined && typeof value !== 'string') throw badRequest(`json: cannot unmarshal ${jsonType(value)} into Go struct field .${field} of type string`);
  }
  const kind = String(obj.kind);
  if (!isKnownKind(kind)) throw badRequest(`no kind "${kind}" is registered for version "${String(obj.apiVersion)}"`);
  const info = lookupResource(kind)!;
  const shape = KINDS[kind];
  // Listed for `kubectl get` (events), but not a kind the simulation stores from manifests.
  if (!shape) throw badRequest(`${kind} objects cannot be created from a manifest in this simulated cluster`);
  const version = info.group ? `${info.group}/${info.version}` : info.version;
  const { problem, unknown } = decode(obj, shape);
  const prefix = `${kind} in version "${version.split('/').pop()}" cannot be handled as a ${kind}`;
  if (problem) throw badRequest(`${prefix}: ${problem}`);
  if (strict && unknown.length > 0) throw badRequest(`${prefix}: ${strictDecodingError(unknown)}`);
  // Go decodes a missing or null struct as its zero value; validation then names what is required.
  const decoded = withZeroValues(obj, shape);
  if ('spec' in shape.fields && (decoded.spec === null || decoded.spec === undefined)) return { ...decoded, spec: {} };
  return decoded;
}

/** The paths of the fields a decoded manifest has that its kind does not, in the order the decoder meets them. */
export function unknownFieldsOf(obj: KubeObject): string[] {
  const shape = KINDS[obj.kind];
  return shape ? decode(obj, shape).unknown : [];
}

/**
 * The same paths as the patch handler lists them: its converter
 * (runtime.DefaultUnstructuredConverter) sorts its errors by their text.
 */
export function inConverterOrder(paths: readonly string[]): string[] {
  const text = (p: string) => `unknown field "${p}"`;
  return [...paths].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

/** `strict decoding error: unknown field "a", unknown field "b"` */
export function strictDecodingError(fields: readonly string[]): string {
  return `strict decoding error: ${fields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`;
}
