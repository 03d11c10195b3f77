// npm run mcp:output-schemas — writes mcp/output-schemas.generated.json: for every procedure that is an MCP tool or
// resource, the JSON Schema of what it answers, derived by the TypeScript checker from the router's own output type
// (inferRouterOutputs<AppRouter>, i.e. after JSON serialization: dates are strings). Procedures declare no zod output
// validators, and adding 160 hand-kept ones would duplicate types the compiler already knows; this is the one
// mechanism. mcp/output-schemas.test.ts fails when the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GENERATED_FILE = path.join(root, 'mcp/output-schemas.generated.json');

type Schema = Record<string, unknown>;
/** Marks a type JSON.stringify leaves out (undefined, functions): the property becomes optional or disappears. */
const OMITTED = Symbol('omitted');

function converter(checker: ts.TypeChecker) {
  const stack: ts.Type[] = [];

  function union(parts: Schema[]): Schema {
    const unique: Schema[] = [];
    for (const p of parts) if (!unique.some((u) => JSON.stringify(u) === JSON.stringify(p))) unique.push(p);
    // true | false (how TypeScript spells boolean) and literal sets collapse into a type or an enum.
    const bools = unique.filter((u) => u.type === 'boolean');
    let rest = unique.filter((u) => u.type !== 'boolean');
    if (bools.length) rest = [{ type: 'boolean' }, ...rest];
    const plain = rest.every((u) => Object.keys(u).length === 1 && typeof u.type === 'string');
    if (plain && rest.length > 1) return { type: rest.map((u) => u.type) };
    const consts = rest.filter((u) => 'const' in u);
    if (consts.length === rest.length && rest.length > 1) return { enum: consts.map((c) => c.const) };
    return rest.length === 1 ? rest[0] : { anyOf: rest };
  }

  function convert(type: ts.Type): Schema | typeof OMITTED {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never | ts.TypeFlags.ESSymbolLike)) return OMITTED;
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isStringLiteral()) return { type: 'string', const: type.value };
    if (type.isNumberLiteral()) return { type: 'number', const: type.value };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (f & ts.TypeFlags.EnumLiteral && type.isUnion()) return convert(checker.getBaseTypeOfLiteralType(type));
    if (type.isUnion()) {
      const parts = type.types.map(convert).filter((s): s is Schema => s !== OMITTED);
      return parts.length ? union(parts) : OMITTED;
    }
    if (stack.includes(type)) return {};
    stack.push(type);
    try {
      return convertObject(type);
    } finally {
      stack.pop();
    }
  }

  function convertObject(type: ts.Type): Schema | typeof OMITTED {
    if (type.getCallSignatures().length) return OMITTED;
    const name = type.getSymbol()?.getName();
    if (name === 'Date') return { type: 'string' };
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => {
        const s = convert(t);
        return s === OMITTED ? { type: 'null' } : s;
      });
      // Tuples as an array of their element types (prefixItems is draft 2020-12 only, array-form items draft-07 only).
      return { type: 'array', items: items.length ? union(items) : {}, minItems: items.length, maxItems: items.length };
    }
    if (checker.isArrayType(type) || checker.isArrayLikeType(type)) {
      const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      const items = element ? convert(element) : {};
      return { type: 'array', items: items === OMITTED ? { type: 'null' } : items };
    }
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const propType = checker.getTypeOfSymbol(prop);
      const schema = convert(propType);
      if (schema === OMITTED) continue;
      properties[prop.getName()] = schema;
      const mayBeMissing =
        (prop.flags & ts.SymbolFlags.Optional) !== 0 ||
        (propType.isUnion() && propType.types.some((t) => t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
      if (!mayBeMissing) required.push(prop.getName());
    }
    const schema: Schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number));
    if (index) {
      const values = convert(index.type);
      schema.additionalProperties = values === OMITTED ? {} : values;
    }
    return schema;
  }

  return (type: ts.Type): Schema => {
    const s = convert(type);
    return s === OMITTED ? { type: 'null' } : s;
  };
}

/** Output schemas for the given dotted procedure paths, in a stable order. */
export function generateOutputSchemas(paths: string[]): Record<string, Schema> {
  const probe = path.join(root, 'mcp/.output-schemas-probe.ts');
  fs.writeFileSync(
    probe,
    "import type { inferRouterOutputs } from '@trpc/server';\nimport type { AppRouter } from '~/trpc/root';\nexport type Outputs = inferRouterOutputs<AppRouter>;\n",
  );
  try {
    const configPath = path.join(root, 'tsconfig.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
    const program = ts.createProgram({ rootNames: [probe], options: config.options });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(probe);
    const alias = source?.statements.find(ts.isTypeAliasDeclaration);
    if (!alias) throw new Error('probe file did not parse');
    const outputs = checker.getTypeAtLocation(alias.name);
    const toSchema = converter(checker);
    const result: Record<string, Schema> = {};
    for (const p of [...paths].sort()) {
      let type: ts.Type | undefined = outputs;
      for (const key of p.split('.')) {
        const prop: ts.Symbol | undefined = type && checker.getPropertyOfType(type, key);
        type = prop ? checker.getTypeOfSymbol(prop) : undefined;
      }
      if (!type) throw new Error(`no output type for procedure ${p}`);
      result[p] = toSchema(type);
    }
    return result;
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

export async function mcpProcedurePaths(): Promise<string[]> {
  const [{ appRouter }, { buildRegistry }] = await Promise.all([import('~/trpc/root'), import('./registry')]);
  const registry = buildRegistry(appRouter);
  return [...new Set([...registry.tools.map((t) => t.path), ...registry.resources.map((r) => r.path)])];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const schemas = generateOutputSchemas(await mcpProcedurePaths());
  fs.writeFileSync(GENERATED_FILE, `${JSON.stringify(schemas, null, 1)}\n`);
  console.log(`wrote ${Object.keys(schemas).length} output schemas to ${path.relative(root, GENERATED_FILE)}`);
}
