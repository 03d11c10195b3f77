// Names for the PostgreSQL adapter's prepared statements: the pg driver then parses and plans each SQL text once per
// connection instead of on every call. pg keeps named statements for the connection's lifetime, so only fixed-shape
// SQL is named: texts whose length depends on the data (IN lists, multi-row VALUES) and anything past the cap stay
// unnamed (an empty name).
const VARIABLE_SHAPE = /\bIN \(\$\d+(?:,\s*\$\d+)+\)|\)\s*,\s*\(\s*\$\d+/i;

/** prefix: each namer its own, so two namers on one pool (Prisma's adapter, the raw SQL runner) never share a name. */
export function statementNamer(maxStatements = 500, prefix = 'wm_') {
  const names = new Map<string, string>();
  return (query: { sql: string }): string => {
    const known = names.get(query.sql);
    if (known) return known;
    if (names.size >= maxStatements || VARIABLE_SHAPE.test(query.sql)) return '';
    const name = `${prefix}${names.size.toString(36)}`;
    names.set(query.sql, name);
    return name;
  };
}
