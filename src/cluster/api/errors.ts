import { qualifiedResource, type ResourceInfo } from './resources';

/**
 * Errors the simulated apiserver returns, shaped like apimachinery's
 * metav1.Status so kubectl can print them as it prints a real server's
 * (`Error from server (NotFound): pods "x" not found`, `The Service "web"
 * is invalid: ...`). Texts follow k8s.io/apimachinery/pkg/api/errors and
 * pkg/util/validation/field.
 */

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError';

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTypeInvalid';

/** One cause of an Invalid error, as field.Error carries it. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value, printed as field.Error prints it; undefined when the type omits it. */
  value?: unknown;
  detail?: string;
  /** For NotSupported: the values that would have been accepted. */
  supported?: string[];
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { reason: FieldErrorType; message: string; field: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// ------------------------------------------------------------ field errors

export const fieldError = {
  required: (field: string, detail?: string): FieldError => ({ type: 'FieldValueRequired', field, detail }),
  invalid: (field: string, value: unknown, detail?: string): FieldError => ({ type: 'FieldValueInvalid', field, value, detail }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    value,
    supported,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, value }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail }),
  tooLong: (field: string, value: unknown, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    value,
    detail: `may not be more than ${max} bytes`,
  }),
};

const typeText: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTypeInvalid: 'Invalid value',
};

/**
 * Go's encoding/json as json.Marshal writes a value: compact, `<`, `>`
 * and `&` escaped as \u003c, \u003e and \u0026, object keys in the order
 * given (callers pass maps with their keys sorted, as Go sorts map keys,
 * and structs in field order).
 */
export function goJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${goJson(k)}:${goJson(v)}`).join(',')}}`;
}

/**
 * How field.Error prints its BadValue in v1.34 (apimachinery v0.34,
 * pkg/util/validation/field/errors.go, ErrorBody): int64, int32, float and
 * bool values with %v, strings quoted with %q, and everything else, maps,
 * slices and structs, as json.Marshal writes it (`{"app":"web"}`,
 * `["10.96.0.10"]`). Up to v1.33 that last case was Go's %#v
 * (`map[string]string{"app":"web"}`).
 */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goJson(value);
}

/** The text after the field path: `Invalid value: 0: must be between 1 and 65535, inclusive`. */
export function fieldErrorBody(e: FieldError): string {
  let s = typeText[e.type];
  const showsValue = e.type === 'FieldValueInvalid' || e.type === 'FieldValueNotSupported' || e.type === 'FieldValueDuplicate' || e.type === 'FieldValueTypeInvalid';
  if (showsValue) s += `: ${formatValue(e.value)}`;
  if (e.type === 'FieldValueNotSupported' && e.supported) {
    s += `: supported values: ${e.supported.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.type === 'FieldValueTooLong' && e.detail) {
    s += `: ${e.detail}`;
  } else if (e.detail) {
    s += `: ${e.detail}`;
  }
  return s;
}

/** `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive` */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

// ------------------------------------------------------------ status errors

export function notFound(info: ResourceInfo, name: string): ApiError {
  return new ApiError('NotFound', 404, `${qualifiedResource(info)} ${JSON.stringify(name)} not found`, {
    name,
    group: info.group,
    kind: info.plural,
  });
}

export function alreadyExists(info: ResourceInfo, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${qualifiedResource(info)} ${JSON.stringify(name)} already exists`, {
    name,
    group: info.group,
    kind: info.plural,
  });
}

/** `Service "web" is invalid: <errors>`; with several errors they are bracketed as an aggregate. */
export function invalid(info: ResourceInfo, name: string, errors: FieldError[]): ApiError {
  const qualifiedKind = info.group ? `${info.kind}.${info.group}` : info.kind;
  const texts = errors.map(formatFieldError);
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new ApiError('Invalid', 422, `${qualifiedKind} ${JSON.stringify(name)} is invalid: ${aggregate}`, {
    name,
    group: info.group,
    kind: info.kind,
    causes: errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
  });
}

/**
 * A JSON patch operation that failed on the server: NewGenericServerResponse
 * for 422 keeps its generic text and drops the library's reason (handlers/patch.go).
 */
export function jsonPatchFailed(): ApiError {
  return new ApiError('Invalid', 422, 'the server rejected our request due to an error in our request', {});
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', 400, message);
}

export function conflict(info: ResourceInfo, name: string, detail: string): ApiError {
  return new ApiError(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${qualifiedResource(info)} ${JSON.stringify(name)}: ${detail}`,
    { name, group: info.group, kind: info.plural },
  );
}

export function forbidden(message: string): ApiError {
  return new ApiError('Forbidden', 403, message);
}
