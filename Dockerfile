# syntax=docker/dockerfile:1
# The dashboard as a container: Next's standalone output on a slim Node image, run as a non-root
# user. Not built or run on the machines this repository is developed on (no Docker there): what is
# checked there is the same standalone server started with `node server.js` (test/shutdown.test.ts,
# test/ready.test.ts). See README, "Container".

# 1. dependencies, from the lockfile only (cached until it changes)
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts

# 2. the build: .next/standalone holds server.js and only the node_modules it uses.
# --build-arg BASE_PATH=/admin builds for a base path (Next fixes it when building; README, "Under a
# path"): the output is then in .next-base/admin, named by lib/base-path.mjs, and D says where.
FROM node:22-bookworm-slim AS build
WORKDIR /app
ARG BASE_PATH=""
ENV NEXT_TELEMETRY_DISABLED=1 BASE_PATH=$BASE_PATH
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build \
 && D=$(node --input-type=module -e 'import { distDirFor, parseBasePath } from "./lib/base-path.mjs"; console.log(distDirFor(parseBasePath(process.env.BASE_PATH)))') \
 && cp -r "$D/static" "$D/standalone/$D/static" \
 && if [ -d public ]; then cp -r public "$D/standalone/public"; fi \
 && echo "$D" > "$D/standalone/.distdir" \
 && mv "$D/standalone" /standalone

# 3. what runs: no sources, no dev dependencies, no compiler
FROM node:22-bookworm-slim AS run
WORKDIR /app
# HOSTNAME: listen on every interface of the container (Next reads it). NEXT_MANUAL_SIG_HANDLE: the
# dashboard's own graceful shutdown handles SIGTERM (lib/shutdown.ts), bounded by SHUTDOWN_TIMEOUT_MS.
# BASE_PATH: the one the image was built for (the server checks BETTER_AUTH_URL's path against it).
ARG BASE_PATH=""
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 NEXT_MANUAL_SIG_HANDLE=1 BASE_PATH=$BASE_PATH
# Code owned by root, read-only for the server's user; only Next's cache directory is writable.
COPY --from=build /standalone ./
RUN D=$(cat .distdir) && mkdir -p "$D/cache" && chown node:node "$D/cache"
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+(process.env.BASE_PATH||'').replace(/\/+$/,'')+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# docker stop sends SIGTERM; give it more than SHUTDOWN_TIMEOUT_MS (10 s): docker stop -t 15
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
