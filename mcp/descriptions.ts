// A tool's description as an agent reads it: what it does (meta.mcp.description, written by the area), then three
// generated parts — what it returns (from its outputSchema), which scope it needs (meta.scope, meta.addon) and one
// example argument set (meta.mcp.example, or built from its inputSchema). Generated so 150 tools cannot drift from
// their metadata; mcp/descriptions.test.ts checks every description and that each example fits its inputSchema.
import type { RequiredScope } from '~/auth/scopes';
import type { AddonId } from '~/domain/addons';

type Schema = Record<string, unknown>;

/**
 * Upper bound on a whole description. Agents put every tool's description into their context on each turn (150 tools
 * × 1,200 characters ≈ 45,000 tokens at most, far below that in practice); the longest hand-written part is ~700.
 */
export const MAX_DESCRIPTION_CHARS = 1200;
export const RETURNS_LABEL = 'Returns: ';
export const SCOPE_LABEL = 'Scope: ';
export const EXAMPLE_LABEL = 'Example arguments: ';

const MAX_RETURNS_CHARS = 220;

/** What the scope requirement means for a token. */
export function scopeText(scope: RequiredScope, addon?: AddonId) {
  let text: string;
  if (scope === 'none') text = 'none (any token of the user)';
  else if (scope === 'trips:any') text = 'any trips:* scope (trips:read, trips:write, trips:delete or trips:share)';
  else if (scope.endsWith(':read') && scope !== 'trips:read' && scope !== 'geo:read' && scope !== 'weather:read')
    text = `${scope} (or ${scope.replace(/:read$/, ':write')})`;
  else if (scope === 'trips:read') text = 'trips:read (or any other trips:* scope)';
  else text = scope;
  return addon ? `${text}; only while an administrator has the ${addon} addon turned on` : text;
}

/** A compact picture of a JSON Schema's shape: {trips: [{id, title, …}]}. */
export function shapeText(schema: Schema | undefined, depth = 0): string {
  if (!schema) return 'JSON';
  if (Array.isArray(schema.anyOf)) {
    const parts = (schema.anyOf as Schema[]).map((s) => shapeText(s, depth));
    return [...new Set(parts)].join(' | ');
  }
  const type = schema.type;
  if (Array.isArray(type)) return type.join(' | ');
  if (type === 'array') return `[${shapeText(schema.items as Schema | undefined, depth)}]`;
  if (type === 'object') {
    const keys = Object.keys((schema.properties as Record<string, Schema> | undefined) ?? {});
    if (!keys.length) return schema.anyOf ? 'object' : '{…}';
    if (depth >= 1) return `{${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}}`;
    const props = schema.properties as Record<string, Schema>;
    const shown = keys.slice(0, 8).map((k) => {
      const child = props[k];
      return child.type === 'object' || child.type === 'array' ? `${k}: ${shapeText(child, depth + 1)}` : k;
    });
    return `{${shown.join(', ')}${keys.length > 8 ? ', …' : ''}}`;
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  return typeof type === 'string' ? type : 'JSON';
}

function returnsText(outputSchema: Schema | undefined) {
  // A non-object answer is sent as {result: …}; say so plainly.
  const text = shapeText(outputSchema);
  return text.length > MAX_RETURNS_CHARS ? `${text.slice(0, MAX_RETURNS_CHARS - 2)}…}` : text;
}

const STRING_EXAMPLES: Array<[RegExp, string]> = [
  [/^currency$/i, 'EUR'],
  [/^iata$/i, 'LIS'],
  [/^regionCode$/i, 'PT-11'],
  [/^(country|countryCode|region)$/i, 'PT'],
  [/color$/i, '#2a9d8f'],
  [/time$/i, '09:30'],
  [/dates?$/i, '2027-05-01'],
  [/url$/i, 'https://example.com/lisbon'],
  [/(email|identifier)$/i, 'ana@example.com'],
  [/emoji$/i, '👍'],
  [/(amount|price)$/i, '42.10'],
  [/rate$/i, '1.08'],
  [/fileName$/i, 'lisbon.gpx'],
  [/(question)$/i, 'Where shall we eat?'],
  [/(text|content|note|description|body)$/i, 'Bring cash for the tram.'],
  [/password$/i, 'correct horse battery'],
  [/(username)$/i, 'ana'],
];

const NUMBER_EXAMPLES: Array<[RegExp, number]> = [
  [/^lat$/i, 38.7139],
  [/^lng$/i, -9.1394],
  [/year$/i, 2027],
  [/(index|position)$/i, 0],
  [/(Id|id)$/, 12],
];

function clamp(value: number, schema: Schema) {
  let v = value;
  if (typeof schema.minimum === 'number') v = Math.max(v, schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) v = schema.exclusiveMinimum + 1;
  if (typeof schema.maximum === 'number') v = Math.min(v, schema.maximum);
  if (schema.type === 'integer') v = Math.round(v);
  return v;
}

/** A plausible value for the property `name` of this schema (only required fields of objects are filled in). */
export function exampleValue(name: string, schema: Schema): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as Schema[];
    // A named string example (an amount as "42.10") wins over the first branch.
    const preferred = STRING_EXAMPLES.some(([re]) => re.test(name)) ? branches.find((b) => b.type === 'string') : undefined;
    return exampleValue(name, preferred ?? branches.find((b) => b.type !== 'null') ?? branches[0]);
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
      const out: Record<string, unknown> = {};
      for (const key of (schema.required as string[] | undefined) ?? []) if (props[key]) out[key] = exampleValue(key, props[key]);
      return out;
    }
    case 'array': {
      const singular = name.replace(/ies$/, 'y').replace(/s$/, '');
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      const items = (schema.items as Schema | undefined) ?? {};
      return Array.from({ length: count }, (_, i) => {
        const value = exampleValue(singular, items);
        return typeof value === 'number' && /id$/i.test(singular) ? value + i : typeof value === 'string' && count > 1 ? `${value} ${i + 1}` : value;
      });
    }
    case 'integer':
    case 'number':
      return clamp(NUMBER_EXAMPLES.find(([re]) => re.test(name))?.[1] ?? 2, schema);
    case 'boolean':
      return true;
    case 'string': {
      const found = STRING_EXAMPLES.find(([re]) => re.test(name))?.[1];
      const value = found ?? (schema.format === 'email' ? 'ana@example.com' : 'Lisbon');
      return typeof schema.maxLength === 'number' ? value.slice(0, schema.maxLength) : value;
    }
    default:
      return null;
  }
}

export interface DescribedTool {
  description: string;
  scope: RequiredScope;
  addon?: AddonId;
  example?: Record<string, unknown>;
  inputSchema: Schema;
  outputSchema?: Schema;
}

/** The example argument set a description shows: the area's own, or one built from the input schema. */
export function exampleArguments(tool: Pick<DescribedTool, 'example' | 'inputSchema'>) {
  return tool.example ?? (exampleValue('', tool.inputSchema) as Record<string, unknown>);
}

export function toolDescription(tool: DescribedTool) {
  return [
    tool.description.trim(),
    `${RETURNS_LABEL}${returnsText(tool.outputSchema)}`,
    `${SCOPE_LABEL}${scopeText(tool.scope, tool.addon)}`,
    `${EXAMPLE_LABEL}${JSON.stringify(exampleArguments(tool))}`,
  ].join('\n');
}
