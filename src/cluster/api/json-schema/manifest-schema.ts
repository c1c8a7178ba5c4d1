import { DECODE_SHAPES, type Fields, type Shape } from '../decode';
import { isMapOf, isNamed } from '../shapes/shape';
import { apiVersionOf, resourceForKind } from '../resources';
import type { KindName } from '../types';

/**
 * JSON Schemas (draft-07) for the manifests the simulated apiserver decodes,
 * generated from the decoder's own shapes (api/decode.ts) so the editor's
 * squiggles and the cluster's `strict decoding error`s never disagree: a
 * document is schema-valid exactly when `decodeObject` accepts its shape.
 * Semantic validation (names, port ranges, selectors) stays in
 * validation.ts; the schema only offers its allowed values as `examples`,
 * which feed completion without rejecting anything.
 */

export type JsonSchema = { [keyword: string]: unknown };

/** The kinds a learner can write a manifest for, in the order the editor offers them. */
export const SCHEMA_KINDS = [
  'Namespace', 'Node', 'Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'NetworkPolicy',
] as const satisfies readonly KindName[];

/**
 * Values validation.ts and the API types allow, offered as completions
 * (`goType.field` → values). Hints only: the decoder takes any string here.
 */
export const VALUE_HINTS: Readonly<Record<string, readonly string[]>> = {
  'v1.ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'v1.ServiceSpec.sessionAffinity': ['None', 'ClientIP'],
  'v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'v1.ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'v1.ContainerPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'v1.Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'v1.PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'v1.PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'EndpointSlice.addressType': ['IPv4', 'IPv6', 'FQDN'],
  'v1.DeploymentStrategy.type': ['RollingUpdate', 'Recreate'],
  'v1.DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'v1.LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'v1.Toleration.operator': ['Exists', 'Equal'],
  'v1.Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'v1.NetworkPolicyPort.protocol': ['TCP', 'UDP', 'SCTP'],
};

/** resource.Quantity's grammar (api/quantity.ts) as one pattern; a pattern constrains strings only. */
const QUANTITY_PATTERN = '^\\s*(?=\\S)[+-]?[0-9]*(\\.[0-9]*)?([numkMGTPE]|[KMGTPE]i|[eE][-+]?[0-9]+)?\\s*$';

const NOT_MODELLED = 'Accepted as given; the simulation does not type-check this field.';

/** Go decodes JSON null into any field as its zero value, so every field also allows null. */
function nullable(type: string): string[] {
  return [type, 'null'];
}

class SchemaBuilder {
  readonly definitions: Record<string, JsonSchema> = {};
  private readonly named = new Map<Fields, string>();

  /** A struct becomes a definition named by its Go type, referenced wherever it recurs. */
  ref(fields: Fields, extra: JsonSchema = {}): JsonSchema {
    let name = this.named.get(fields);
    if (name === undefined) {
      name = fields.id ?? fields.goType;
      if (name in this.definitions) throw new Error(`two decoder shapes share the Go type ${name}`);
      this.named.set(fields, name);
      this.definitions[name] = {}; // reserve the name before recursing
      this.definitions[name] = { ...this.struct(fields), ...extra };
    }
    return { $ref: `#/definitions/${name}` };
  }

  value(shape: Shape, hint?: readonly string[]): JsonSchema {
    if (typeof shape === 'string') {
      switch (shape) {
        case 'string':
          return hint ? { type: nullable('string'), examples: [...hint] } : { type: nullable('string') };
        case 'int':
          return { type: nullable('integer'), minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };
        case 'int64':
          return { type: nullable('integer'), minimum: -(2 ** 63), maximum: 2 ** 63 - 1 };
        case 'quantity':
          // What resource.Quantity parses: a number, or `100m`, `1.5Gi`, `1e3` (spaces around allowed).
          return { type: ['string', 'number', 'null'], pattern: QUANTITY_PATTERN };
        case 'bool':
          return { type: nullable('boolean') };
        case 'object':
          return { type: nullable('object'), description: NOT_MODELLED };
        case 'map':
          // A map's values are Go strings (null decodes as "").
          return { type: nullable('object'), additionalProperties: { type: nullable('string') } };
        case 'intOrString':
          return { type: ['integer', 'string', 'null'], minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };
      }
    }
    if (isNamed(shape)) return hint ? { type: nullable('string'), examples: [...hint] } : { type: nullable('string') };
    if (isMapOf(shape)) return { type: nullable('object'), additionalProperties: this.value(shape.map) };
    if ('array' in shape) return { type: nullable('array'), items: this.value(shape.array) };
    return { anyOf: [this.ref(shape), { type: 'null' }] };
  }

  private struct(fields: Fields): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    for (const name of fields.known ?? []) properties[name] = { description: NOT_MODELLED };
    for (const [name, shape] of Object.entries(fields.fields)) properties[name] = this.value(shape, VALUE_HINTS[`${fields.goType}.${name}`]);
    // Structs without a `known` list are decoded leniently: extra fields pass.
    return { type: 'object', title: fields.goType, properties, additionalProperties: fields.known === undefined };
  }
}

function kindSchema(builder: SchemaBuilder, kind: (typeof SCHEMA_KINDS)[number]): JsonSchema {
  const shape = DECODE_SHAPES[kind];
  if (!shape) throw new Error(`the decoder has no shape for ${kind}`);
  const apiVersion = apiVersionOf(resourceForKind(kind));
  const ref = builder.ref(shape);
  const def = builder.definitions[shape.goType]!;
  const properties = def.properties as Record<string, JsonSchema>;
  properties.kind = { const: kind, description: `${kind} (${apiVersion})` };
  // The decoder refuses a non-string apiVersion as Go's TypeMeta does; any string is for validation to judge.
  properties.apiVersion = { ...properties.apiVersion, type: 'string', examples: [apiVersion], default: apiVersion };
  def.required = ['kind'];
  return ref;
}

/**
 * One schema for any manifest document: `anyOf` the kinds, each told apart
 * by its `kind` constant (a document without a known kind is refused, as
 * the apiserver refuses it). Fresh object on each call.
 */
export function manifestJsonSchema(): JsonSchema {
  const builder = new SchemaBuilder();
  const kinds = SCHEMA_KINDS.map((k) => kindSchema(builder, k));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Podlab manifest',
    description: 'A Kubernetes object this simulated cluster serves.',
    anyOf: kinds,
    definitions: builder.definitions,
  };
}
