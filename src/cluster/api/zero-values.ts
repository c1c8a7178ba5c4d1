import { isFields, isMapOf, isNamed, type Shape } from './shapes/shape';

/**
 * The object as Go holds it once decoded, where JSON null stands in a list
 * or a map: Go decodes null there as the element's zero value (`""`, `0`,
 * `false`, an empty struct), so `command: [sleep, null]` becomes
 * `[sleep, ""]` and `labels: {a: null}` becomes `{a: ""}`. Null fields of
 * a struct stay null (Go's zero value, which the API omits). Returns the
 * value itself where nothing changes.
 */
export function withZeroValues<T>(value: T, shape: Shape): T {
  return fill(value, shape) as T;
}

function fill(value: unknown, shape: Shape): unknown {
  if (value === null || typeof value !== 'object' || isNamed(shape) || (typeof shape === 'string' && shape !== 'map')) return value;
  if (typeof shape === 'object' && 'array' in shape) {
    if (!Array.isArray(value)) return value;
    // Copied only once something in it changes: most manifests hold no nulls.
    let items: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = item === null ? zeroOf(shape.array) : fill(item, shape.array);
      if (next !== item) (items ??= value.slice())[i] = next;
    }
    return items ?? value;
  }
  if (Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const item = object[key];
    let next: unknown;
    if (shape === 'map') next = item === null ? '' : item;
    else if (isMapOf(shape)) next = item === null ? zeroOf(shape.map) : fill(item, shape.map);
    else {
      const sub = isFields(shape) && Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
      next = sub === undefined ? item : fill(item, sub);
    }
    // defineProperty, not assignment: a `__proto__` key is data here, never the prototype.
    if (next !== item) Object.defineProperty((copy ??= { ...object }), key, { value: next, writable: true, enumerable: true, configurable: true });
  }
  return copy ?? value;
}

/** Go's zero value of a shape, as the API prints it. */
function zeroOf(shape: Shape): unknown {
  if (isNamed(shape)) return '';
  if (typeof shape === 'object') return 'array' in shape ? [] : {};
  switch (shape) {
    case 'string':
      return '';
    case 'int':
    case 'int64':
    case 'intOrString':
      return 0;
    case 'bool':
      return false;
    case 'quantity':
      return '0';
    case 'map':
    case 'object':
      return {};
  }
}
