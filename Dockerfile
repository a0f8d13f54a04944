# Parley's production image: the built elements and the bundled server (server/dist/main.js) on
# plain Node 20, running as a non-root user, with a health check. docs/deployment.md walks through it.
#
#   docker build -t parley .
#   docker run -p 3000:3000 -e PARLEY_ADMIN_EMAIL=you@example.com -e PARLEY_ADMIN_PASSWORD=... parley

# ---- build: install everything, build the elements, the loader and the server bundle ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/client/package.json packages/client/
COPY packages/elements/package.json packages/elements/
COPY packages/embed/package.json packages/embed/
COPY packages/protocol/package.json packages/protocol/
COPY server/package.json server/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build
# Only the server's production dependencies, with a real node_modules (no workspace links).
RUN pnpm --filter @parley/server deploy --prod --legacy /out/server \
 && cp -r server/dist server/drizzle /out/server/ \
 && cp -r dist demo /out/

# ---- run: what production needs and nothing else ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    PARLEY_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /out/ /app/
# PGlite's folder when DATABASE_URL is unset (a single-process deployment); unused with PostgreSQL.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# /health/ready is 200 while the process serves and its database answers (server/src/health); nginx
# in the compose file waits for it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server/dist/main.js"]
