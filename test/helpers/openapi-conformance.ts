/**
 * Checks one HTTP answer against its operation in docs/openapi.yaml: the status is listed (or a default),
 * the content type is the documented one, the documented headers are there and the body validates
 * against the documented schema. Shared by the mock backend's test and the real server's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { parse } from 'yaml';

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
}

const DOCUMENT_ID = 'https://sel-widgets.invalid/openapi.json';
const openapi = parse(readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8')) as OpenApiDocument;

// `strict: false`: the OpenAPI document holds keywords that are not JSON Schema (`openapi`, `paths`, `example`).
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under Node's ESM loader its function is the default export's `default`.
// The cast holds under both module settings that compile this file (the root's and the server's).
type AddFormats = (instance: Ajv2020) => unknown;
const addFormats =
  (addFormatsPlugin as unknown as { default?: AddFormats }).default ?? (addFormatsPlugin as unknown as AddFormats);
addFormats(ajv);
ajv.addSchema({ ...openapi, $id: DOCUMENT_ID });

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function resolveResponse(response: ResponseObject): { object: ResponseObject; pointer: string } | undefined {
  if (!response.$ref) return undefined;
  const name = response.$ref.replace('#/components/responses/', '');
  const object = openapi.components.responses[name];
  assert.ok(object, `unresolvable ${response.$ref}`);
  return { object, pointer: `/components/responses/${escapePointer(name)}` };
}

/** Checks one answer of the mock against its operation in the document. */
export async function assertConforms(path: string, method: string, response: Response): Promise<void> {
  const operation = openapi.paths[path]?.[method.toLowerCase()];
  assert.ok(operation, `${method} ${path} is not in docs/openapi.yaml`);
  const status = String(response.status);
  const key = status in operation.responses ? status : 'default';
  const listed = operation.responses[key];
  assert.ok(listed, `${method} ${path} answered ${status}, which the document does not list (and has no default)`);
  const resolved = resolveResponse(listed);
  const object = resolved?.object ?? listed;
  const pointer =
    resolved?.pointer ?? `/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${escapePointer(key)}`;

  const body = await response.text();
  const documentedTypes = Object.keys(object.content ?? {});
  if (documentedTypes.length === 0) {
    assert.equal(body, '', `${method} ${path} ${status} must have no body`);
    return;
  }
  const contentType = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
  assert.ok(
    documentedTypes.includes(contentType),
    `${method} ${path} ${status}: Content-Type ${contentType} is not one of ${documentedTypes.join(', ')}`,
  );
  for (const header of Object.keys(object.headers ?? {})) {
    assert.ok(response.headers.has(header), `${method} ${path} ${status}: the documented ${header} header is missing`);
  }
  const validate = ajv.compile({
    $ref: `${DOCUMENT_ID}#${pointer}/content/${escapePointer(contentType)}/schema`,
  });
  const parsed = JSON.parse(body) as unknown;
  assert.ok(
    validate(parsed),
    `${method} ${path} ${status}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${body}`,
  );
}
