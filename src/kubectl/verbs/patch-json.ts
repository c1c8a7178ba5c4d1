import { deepClone } from '../../cluster/util/clone';

/**
 * RFC 6902 JSON Patch (`kubectl patch --type=json`), applied as the
 * apiserver's library (gopkg.in/evanphx/json-patch.v4) applies it: ops in
 * order, all or nothing; paths are RFC 6901 pointers (`~1` is `/`, `~0` is
 * `~`); `-` appends to an array; negative array indices count from the end;
 * `replace` of a missing member of an existing object adds it (v4 does not
 * check objects); `test` compares values structurally.
 *
 * A failure carries the library's own text: kubectl prints it for
 * `--dry-run=client`, which patches locally; the apiserver does not send it
 * (kubectl then prints only that the request is invalid).
 */

type Json = unknown;
type JsonObject = Record<string, Json>;

export type JsonPatchResult = { ok: true; value: Json } | { ok: false; reason: string };

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The server's strict decoding of the patch into `[]jsonPatchOp`
 * (`op`, `path`, `from` strings; any `value`): Go's encoding/json error text
 * for a patch of the wrong shape, or undefined when it decodes.
 */
export function jsonPatchDecodeError(patch: Json): string | undefined {
  if (patch === null) return undefined;
  if (!Array.isArray(patch)) return `json: cannot unmarshal ${goKind(patch)} into Go value of type []handlers.jsonPatchOp`;
  for (const op of patch) {
    if (op === null) continue;
    if (!isObject(op)) return `json: cannot unmarshal ${goKind(op)} into Go value of type handlers.jsonPatchOp`;
    for (const field of ['op', 'path', 'from'] as const) {
      const v = op[field];
      if (v !== undefined && v !== null && typeof v !== 'string') return `json: cannot unmarshal ${goKind(v)} into Go struct field jsonPatchOp.${field} of type string`;
    }
  }
  return undefined;
}

/** kubectl's own decoding for --dry-run=client (jsonpatch.DecodePatch into `[]map[string]*json.RawMessage`). */
export function jsonPatchClientDecodeError(patch: Json): string | undefined {
  if (patch === null) return undefined;
  if (!Array.isArray(patch)) return `json: cannot unmarshal ${goKind(patch)} into Go value of type jsonpatch.Patch`;
  const bad = patch.find((op) => op !== null && !isObject(op));
  return bad === undefined ? undefined : `json: cannot unmarshal ${goKind(bad)} into Go value of type jsonpatch.Operation`;
}

/** encoding/json's name for a JSON value's kind in UnmarshalTypeError. */
function goKind(v: Json): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** Applies the ops to a copy of `doc`. `patch` must have passed jsonPatchDecodeError. */
export function applyJsonPatch(doc: Json, patch: Json): JsonPatchResult {
  const root = { doc: deepClone(doc) };
  for (const raw of (patch ?? []) as (JsonObject | null)[]) {
    const op = raw ?? {};
    const failure = applyOp(root, op);
    if (failure !== undefined) return { ok: false, reason: failure };
  }
  return { ok: true, value: root.doc };
}

/** The container holding the pointer's last token, and that token decoded; undefined when a step is missing. */
function locate(doc: Json, path: string): { parent: JsonObject | Json[]; key: string } | undefined {
  const tokens = path.split('/');
  if (tokens.length < 2 || tokens[0] !== '') return undefined;
  let at: Json = doc;
  for (const token of tokens.slice(1, -1).map(decodeToken)) {
    if (Array.isArray(at)) {
      const i = arrayIndex(at, token, false);
      if (i === undefined) return undefined;
      at = at[i];
    } else if (isObject(at)) {
      if (!Object.hasOwn(at, token)) return undefined;
      at = at[token];
    } else return undefined;
  }
  if (!Array.isArray(at) && !isObject(at)) return undefined;
  return { parent: at, key: decodeToken(tokens.at(-1)!) };
}

const decodeToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** An index into `array` (for `add`, one past the end too); negative ones count from the end. */
function arrayIndex(array: Json[], token: string, forAdd: boolean): number | undefined {
  if (!/^[+-]?\d+$/.test(token)) return undefined;
  let i = Number(token);
  const size = forAdd ? array.length + 1 : array.length;
  if (i < 0) i += size;
  return i >= 0 && i < size ? i : undefined;
}

function get(parent: JsonObject | Json[], key: string): { found: boolean; value?: Json } {
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, key, false);
    return i === undefined ? { found: false } : { found: true, value: parent[i] };
  }
  return Object.hasOwn(parent, key) ? { found: true, value: parent[key] } : { found: false };
}

function add(parent: JsonObject | Json[], key: string, value: Json): boolean {
  if (!Array.isArray(parent)) {
    setMember(parent, key, value);
    return true;
  }
  if (key === '-') {
    parent.push(value);
    return true;
  }
  const i = arrayIndex(parent, key, true);
  if (i === undefined) return false;
  parent.splice(i, 0, value);
  return true;
}

function remove(parent: JsonObject | Json[], key: string): boolean {
  if (!Array.isArray(parent)) {
    if (!Object.hasOwn(parent, key)) return false;
    delete parent[key];
    return true;
  }
  const i = arrayIndex(parent, key, false);
  if (i === undefined) return false;
  parent.splice(i, 1);
  return true;
}

/** Sets a member as data, `__proto__` included. */
function setMember(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const TEST_FAILED = 'test failed';

/** Why an array token fails, in v4's words (partialArray's add/get/remove). */
function indexProblem(token: string, forAdd: boolean): string {
  if (!/^[+-]?\d+$/.test(token)) {
    const atoi = `strconv.Atoi: parsing ${JSON.stringify(token)}: invalid syntax`;
    return forAdd ? `value was not a proper array index: '${token}': ${atoi}` : atoi;
  }
  return `Unable to access invalid index: ${Number(token)}: ${INVALID_INDEX}`;
}

/** One operation, in place; the library's error text (pkg/errors' `message: cause`) when it fails. */
function applyOp(root: { doc: Json }, op: JsonObject): string | undefined {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const path = typeof op.path === 'string' ? op.path : undefined;
  const value = deepClone(op.value ?? null);
  const noPath = `operation missing path field: ${MISSING}`;
  switch (kind) {
    case 'add': {
      if (path === undefined) return `add operation failed to decode path: ${MISSING}`;
      const at = locate(root.doc, path);
      if (!at) return `add operation does not apply: doc is missing path: "${path}": ${MISSING}`;
      return add(at.parent, at.key, value) ? undefined : `error in add for path: '${path}': ${indexProblem(at.key, true)}`;
    }
    case 'remove': {
      if (path === undefined) return `remove operation failed to decode path: ${MISSING}`;
      const at = locate(root.doc, path);
      if (!at) return `remove operation does not apply: doc is missing path: "${path}": ${MISSING}`;
      if (remove(at.parent, at.key)) return undefined;
      return `error in remove for path: '${path}': ${Array.isArray(at.parent) ? indexProblem(at.key, false) : `Unable to remove nonexistent key: ${at.key}: ${MISSING}`}`;
    }
    case 'replace': {
      if (path === undefined) return `replace operation failed to decode path: ${noPath}`;
      if (path === '') {
        // v4 wraps a nil error here, so a value that is neither object nor array changes nothing and fails nothing.
        if (typeof value === 'object' && value !== null) root.doc = value;
        return undefined;
      }
      const at = locate(root.doc, path);
      if (!at) return `replace operation does not apply: doc is missing path: ${path}: ${MISSING}`;
      if (!Array.isArray(at.parent)) {
        setMember(at.parent, at.key, value);
        return undefined;
      }
      const i = arrayIndex(at.parent, at.key, false);
      if (i === undefined) return `replace operation does not apply: doc is missing key: ${path}: ${MISSING}`;
      at.parent[i] = value;
      return undefined;
    }
    case 'move':
    case 'copy': {
      const from = typeof op.from === 'string' ? op.from : undefined;
      if (from === undefined) return `${kind} operation failed to decode from: operation, missing from field: ${MISSING}`;
      const source = locate(root.doc, from);
      if (!source) return `${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
      const got = get(source.parent, source.key);
      const where = kind === 'move' ? `error in move for path: '${source.key}'` : `error in copy for from: '${from}'`;
      if (Array.isArray(source.parent) && !got.found) return `${where}: ${indexProblem(source.key, false)}`;
      if (kind === 'move' && !remove(source.parent, source.key)) return `${where}: Unable to remove nonexistent key: ${source.key}: ${MISSING}`;
      if (path === undefined) return `${kind} operation failed to decode path: ${kind === 'move' ? noPath : MISSING}`;
      const target = locate(root.doc, path);
      if (!target) return `${kind} operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
      const moved = kind === 'copy' ? deepClone(got.value ?? null) : (got.value ?? null);
      if (add(target.parent, target.key, moved)) return undefined;
      const problem = indexProblem(target.key, true);
      return kind === 'move' ? `error in move for path: '${path}': ${problem}` : `error while adding value during copy: ${problem}`;
    }
    case 'test': {
      if (path === undefined) return `test operation failed to decode path: ${noPath}`;
      const failed = `testing value ${path} failed: ${TEST_FAILED}`;
      if (path === '') return equal(root.doc, value) ? undefined : failed;
      const at = locate(root.doc, path);
      if (!at) return `test operation does not apply: is missing path: ${path}: ${MISSING}`;
      const got = get(at.parent, at.key);
      if (Array.isArray(at.parent) && !got.found) return `error in test for path: '${path}': ${indexProblem(at.key, false)}`;
      // A missing member passes only a test without a value.
      if (!got.found) return op.value === undefined ? undefined : failed;
      if (op.value === undefined) return failed;
      return equal(got.value, value) ? undefined : failed;
    }
    default:
      return `Unexpected kind: ${kind}`;
  }
}

/** Structural equality of JSON values (object member order aside). */
function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
}
