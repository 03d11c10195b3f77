#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema at a git revision
# (default HEAD) to the working-tree prisma/schema.prisma. Prisma 7's CLI needs a schema-engine binary that cannot be
# downloaded here, so this uses Prisma 6.19's wasm engine in a throw-away tool folder (docs/decisions/002-migrations.md).
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh NAME [BASE_REV]}
base=${2:-HEAD}
root=$(git rev-parse --show-toplevel)
tool=${WAYMARK_MIGRATION_TOOL_DIR:-/tmp/waymark-migration-tool}
if [ ! -d "$tool/node_modules/prisma" ]; then
  mkdir -p "$tool" && cd "$tool"
  [ -f package.json ] || npm init -y >/dev/null
  npm install --no-audit --no-fund prisma@6.19.3 @prisma/client@6.19.3 pglite-prisma-adapter@0.6.1 @electric-sql/pglite@0.5.16 >/dev/null
  cat > prisma.config.ts <<'CFG'
import { defineConfig } from 'prisma/config';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PGlite } from '@electric-sql/pglite';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'to.prisma',
  adapter: async () => new PrismaPGlite(new PGlite()),
} as any);
CFG
fi
cd "$tool"
to_v6() {
  sed -e 's/provider = "postgresql"/provider = "postgresql"\n  url = "postgresql:\/\/localhost\/placeholder"/' \
      -e '/^generator client {/,/^}/c\generator client {\n  provider = "prisma-client-js"\n  engineType = "client"\n}'
}
(cd "$root" && git show "$base:prisma/schema.prisma") | to_v6 > from.prisma
to_v6 < "$root/prisma/schema.prisma" > to.prisma
dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
