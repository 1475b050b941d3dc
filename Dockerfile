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

# 2. the build: .next/standalone holds server.js and only the node_modules it uses
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build \
 && cp -r .next/static .next/standalone/.next/static \
 && if [ -d public ]; then cp -r public .next/standalone/public; fi

# 3. what runs: no sources, no dev dependencies, no compiler
FROM node:22-bookworm-slim AS run
WORKDIR /app
# HOSTNAME: listen on every interface of the container (Next reads it). NEXT_MANUAL_SIG_HANDLE: the
# dashboard's own graceful shutdown handles SIGTERM (lib/shutdown.ts), bounded by SHUTDOWN_TIMEOUT_MS.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 NEXT_MANUAL_SIG_HANDLE=1
# Code owned by root, read-only for the server's user; only Next's cache directory is writable.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# docker stop sends SIGTERM; give it more than SHUTDOWN_TIMEOUT_MS (10 s): docker stop -t 15
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
