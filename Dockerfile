# syntax=docker/dockerfile:1
# Waymark as a container: `docker build -t waymark .`, then see docs/deploy.md (volume, APP_URL, DATABASE_URL).
# Build stage: all dependencies, the build, and the runtime layout (scripts/docker-layout.js, which reads the list in
# scripts/docker-runtime-files.txt). Runtime stage: that layout only, run as an unprivileged user.

FROM node:20-bookworm-slim AS build
WORKDIR /src
# Dependencies first (a layer that survives source edits). The postinstall step generates the Prisma client from
# prisma/schema.prisma, so the schema and the script come along.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && node scripts/docker-layout.js /out

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WAYMARK_ROOT=/app
# Waymark and its embedded PostgreSQL run as this unprivileged user, which owns /data (database, uploads).
RUN groupadd --system --gid 10001 waymark \
 && useradd --system --uid 10001 --gid waymark --home-dir /data --shell /usr/sbin/nologin waymark \
 && mkdir -p /data && chown waymark:waymark /data && chmod 0700 /data
WORKDIR /app
# Owned by root, read-only for the server.
COPY --from=build /out/ /app/
USER waymark
VOLUME ["/data"]
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "build/server.js"]
