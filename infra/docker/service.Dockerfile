# syntax=docker/dockerfile:1.7
#
# One image recipe for every Konsey service.
#
#   docker build -f infra/docker/service.Dockerfile \
#     --build-arg SERVICE=elections --build-arg PORT=4002 -t konsey/elections .
#
# Build context: the repository root. The matching ignore file is
# infra/docker/service.Dockerfile.dockerignore (BuildKit picks it up because it
# sits next to this file and carries its name).
#
# Stages:
#   base     node + pinned npm (lockfile was written by npm 11)
#   pruner   `turbo prune @konsey/$SERVICE --docker`: only the service and the
#            workspace packages it depends on, with a pruned package-lock.json
#   builder  full install (dev deps included) + `turbo run build`
#            (build runs `prisma generate` through the `generate` task)
#   deps     production-only install of the same pruned lockfile
#   runtime  node_modules from `deps` + build outputs from `builder`, non-root

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------
FROM base AS pruner
ARG TURBO_VERSION=2.11.11
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build-arg SERVICE is required (membership|elections|motions|notifications)" >&2; exit 1; }
RUN npm install -g "turbo@${TURBO_VERSION}" && npm cache clean --force
COPY . .
# out/json: package.json files + pruned package-lock.json
# out/full: sources of the pruned workspaces + root package.json + turbo.json
RUN turbo prune "@konsey/${SERVICE}" --docker --out-dir /app/out

# ---------------------------------------------------------------------------
FROM base AS builder
ARG SERVICE
# Prisma `generate` only checks that the schema-engine file exists, so an
# offline build works; engines are never needed at build time.
ENV PRISMA_SCHEMA_ENGINE_BINARY=/usr/bin/env \
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
# 1) dependencies only (cached until a package.json or the lockfile changes)
COPY --from=pruner /app/out/json/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci
# 2) sources, then build the service and everything it depends on
COPY --from=pruner /app/out/full/ ./
# turbo prune does not copy root-level config that is not a workspace
COPY tsconfig.base.json ./
RUN npx turbo run build --filter="@konsey/${SERVICE}..."
# 3) collect what the runtime needs from every pruned workspace:
#    package.json (workspace links resolve through it), dist/, and Prisma's
#    generated/ client and prisma/ (schema + SQL migrations) when present.
RUN set -eu; mkdir -p /deploy; \
    for dir in packages/* services/*; do \
      [ -f "$dir/package.json" ] || continue; \
      mkdir -p "/deploy/$dir"; \
      cp "$dir/package.json" "/deploy/$dir/"; \
      for sub in dist generated prisma; do \
        if [ -e "$dir/$sub" ]; then cp -R "$dir/$sub" "/deploy/$dir/"; fi; \
      done; \
    done; \
    test -f "/deploy/services/${SERVICE}/dist/main.js" \
      || { echo "services/${SERVICE}/dist/main.js was not built" >&2; exit 1; }

# ---------------------------------------------------------------------------
FROM base AS deps
ENV PRISMA_SCHEMA_ENGINE_BINARY=/usr/bin/env \
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1
COPY --from=pruner /app/out/json/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
RUN test -n "${PORT}" || { echo "build-arg PORT is required (membership 4001, elections 4002, motions 4003, notifications 4004)" >&2; exit 1; }
ENV NODE_ENV=production \
    KONSEY_SERVICE=${SERVICE} \
    PORT=${PORT} \
    KONSEY_PROCESS=all \
    DATA_DIR=/var/lib/konsey \
    LOG_LEVEL=info \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# Writable data folder owned by the unprivileged `node` user (uid 1000). A named
# volume mounted here inherits this ownership on first use. (No VOLUME line, so
# replicas that do not mount it do not leave anonymous volumes behind.)
RUN mkdir -p /var/lib/konsey && chown node:node /var/lib/konsey
WORKDIR /app
COPY --from=deps --chown=root:root /app/ ./
COPY --from=builder --chown=root:root /deploy/ ./
WORKDIR /app/services/${SERVICE}
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "./dist/instrument.js", "./dist/main.js"]
