/**
 * What apimachinery's resource.Quantity says when it cannot decode a value
 * (its UnmarshalJSON and ParseQuantity): the text of its error, or
 * undefined for a quantity it takes (`100m`, `1Gi`, `1e3`, `0.5`).
 */
export const QUANTITY_ERRORS = {
  format: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  suffix: "unable to parse quantity's suffix",
} as const;

const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** Checks a quantity as JSON carries it: a string, a number, or (refused) anything else, which Quantity reads as its raw JSON text. */
export function quantityError(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return QUANTITY_ERRORS.format;
  const text = String(value).trim();
  if (text === '') return QUANTITY_ERRORS.format;
  // The number (sign, digits, one optional fraction), then the suffix: its letters, an optional sign, digits.
  const number = /^[+-]?[0-9]*(?:\.[0-9]*)?/.exec(text)![0];
  const suffix = text.slice(number.length);
  if (!/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix)) return QUANTITY_ERRORS.format;
  if (SUFFIXES.has(suffix) || /^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return QUANTITY_ERRORS.suffix;
}
