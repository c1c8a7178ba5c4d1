/**
 * What the apiserver's JSON decoder expects at each place of a manifest,
 * as data: the decoder (api/decode.ts), the editor's JSON Schemas
 * (api/json-schema) and `kubectl explain` all read these shapes.
 */

/**
 * Leaf values as Go decodes them: `int` is an int32 and `int64` an int64
 * (Go names them in its errors); `intOrString` and `quantity` are
 * apimachinery's IntOrString and resource.Quantity, which decode
 * themselves and stop the whole decoding when they fail.
 */
export type Scalar = 'string' | 'int' | 'int64' | 'bool' | 'intOrString' | 'quantity';

export type Shape =
  | Scalar
  /** map[string]string: labels, annotations, selectors, ConfigMap data. */
  | 'map'
  /** Accepted as given (only its being a JSON object is checked). */
  | 'object'
  /** A named Go string type, such as v1.Protocol: a string, named so in errors. */
  | Named
  | { array: Shape }
  /** A map with free keys whose values have one shape, such as v1.ResourceList. */
  | MapOf
  | Fields;

export interface Named {
  scalar: 'string';
  goType: string;
}

export interface MapOf {
  map: Shape;
  goType: string;
}

export interface Fields {
  /** The Go type as Go's errors print it: `v1.ServicePort`. */
  goType: string;
  /** Where two API groups name a type alike (core's and discovery's v1.EndpointPort): the schema definition's name. */
  id?: string;
  fields: Record<string, Shape>;
  /** Set for structs decoded strictly: the fields beside `fields` that exist but whose values are accepted as given. */
  known?: string[];
}

/** A struct decoded strictly; `unchecked` names fields that exist but are not type-checked. */
export function struct(goType: string, fields: Record<string, Shape>, unchecked: string[] = []): Fields {
  return { goType, fields, known: unchecked };
}

/** A JSON array (a Go slice) of one shape. */
export function list(item: Shape): Shape {
  return { array: item };
}

/** A named Go string type: `named('v1.Protocol')`. */
export function named(goType: string): Named {
  return { scalar: 'string', goType };
}

export function isNamed(shape: Shape): shape is Named {
  return typeof shape === 'object' && 'scalar' in shape;
}

export function isMapOf(shape: Shape): shape is MapOf {
  return typeof shape === 'object' && 'map' in shape;
}

export function isFields(shape: Shape): shape is Fields {
  return typeof shape === 'object' && 'fields' in shape;
}
