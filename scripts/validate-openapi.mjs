// Validates docs/openapi.yaml against the OpenAPI 3.1 specification (its JSON Schema plus the checks the
// schema cannot express: duplicate operation ids, unresolvable $refs...). Exits 1 on any error so CI fails.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { parse } from 'yaml';

const NAME = 'docs/openapi.yaml';
const file = fileURLToPath(new URL(`../${NAME}`, import.meta.url));

async function main() {
  // Parsed here rather than handed over as a path: a YAML syntax error then names its line and column.
  let definition;
  try {
    definition = parse(await readFile(file, 'utf8'), { prettyErrors: true });
  } catch (error) {
    console.error(`${NAME}: not readable YAML\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  // The validator accepts any OpenAPI or Swagger version; the project promises 3.1.
  if (typeof definition?.openapi !== 'string' || !definition.openapi.startsWith('3.1.')) {
    console.error(`${NAME}: expected "openapi: 3.1.x", found ${JSON.stringify(definition?.openapi)}`);
    return 1;
  }

  // Checked before `validate()`, which dereferences the definition in place.
  const schemaProblems = checkSchemas(definition);
  const result = await validate(definition);
  if (!result.valid) {
    console.error(`${NAME}: invalid\n${compileErrors(result)}`);
    return 1;
  }
  if (schemaProblems.length > 0) {
    console.error(`${NAME}: invalid\n${schemaProblems.join('\n')}`);
    return 1;
  }
  if (result.warnings.length > 0) console.warn(compileErrors(result));
  console.log(`${NAME}: valid OpenAPI 3.1`);
  return 0;
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'not', 'additionalProperties', 'if', 'then', 'else'];

/**
 * The OpenAPI 3.1 meta-schema accepts any JSON Schema keyword value inside a Schema Object, so `type: bool`
 * or a `required` member that is not among the `properties` pass it. Both are typos a backend developer
 * would implement faithfully: catch them here.
 */
function checkSchemas(definition) {
  const problems = [];
  const visit = (schema, where) => {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
    const types = schema.type === undefined ? [] : [schema.type].flat();
    for (const type of types)
      if (!JSON_TYPES.has(type)) problems.push(`${where}: unknown type ${JSON.stringify(type)}`);
    if (Array.isArray(schema.required) && schema.properties) {
      for (const name of schema.required) {
        if (!(name in schema.properties)) problems.push(`${where}: required "${name}" is not among the properties`);
      }
    }
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      visit(property, `${where}.properties.${name}`);
    for (const key of SUBSCHEMA_LISTS)
      (schema[key] ?? []).forEach((item, index) => visit(item, `${where}.${key}[${index}]`));
    for (const key of SUBSCHEMAS) visit(schema[key], `${where}.${key}`);
  };
  const findSchemas = (node, where) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      // Examples are data, not definitions: a `schema` member inside one is not a Schema Object.
      if (key === 'example' || key === 'examples' || key === 'value') continue;
      if (key === 'schema') visit(value, `${where}.schema`);
      else findSchemas(value, `${where}.${key}`);
    }
  };
  for (const [name, schema] of Object.entries(definition.components?.schemas ?? {})) {
    visit(schema, `components.schemas.${name}`);
  }
  findSchemas(definition.paths, 'paths');
  findSchemas(definition.components?.parameters, 'components.parameters');
  findSchemas(definition.components?.headers, 'components.headers');
  findSchemas(definition.components?.responses, 'components.responses');
  return problems;
}

process.exitCode = await main();
