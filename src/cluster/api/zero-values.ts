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
    const items = value.map((item) => (item === null ? zeroOf(shape.array) : fill(item, shape.array)));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const next = entries.map(([key, item]): [string, unknown] => {
    if (shape === 'map') return [key, item === null ? '' : item];
    if (isMapOf(shape)) return [key, item === null ? zeroOf(shape.map) : fill(item, shape.map)];
    const sub = isFields(shape) && Object.prototype.hasOwnProperty.call(shape.fields, key) ? shape.fields[key] : undefined;
    return [key, sub === undefined ? item : fill(item, sub)];
  });
  return next.some(([, item], i) => item !== entries[i]![1]) ? Object.fromEntries(next) : value;
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
