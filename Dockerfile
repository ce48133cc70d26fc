# The production image: built once without any configuration, configured by the environment at start.
# Not built or run in this project's CI (no container runtime there); the tests prove the standalone artifact
# (.next/standalone) this image copies. Targets:
#   docker build -t tofaktor .                      the server (runs as the unprivileged `node` user)
#   docker build --target tools -t tofaktor-tools . npm run db:migrate / npm run records:prune
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
# No secret and no origin in the build: an empty environment, as `npm test` checks.
RUN env -i PATH="$PATH" HOME=/tmp NEXT_TELEMETRY_DISABLED=1 npm run build

# The maintenance steps need the TypeScript sources and dev tooling (tsx); keep them out of the server image.
FROM build AS tools
USER node
ENTRYPOINT ["npm", "run", "--silent"]
CMD ["db:migrate"]

FROM node:20-bookworm-slim AS server
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build --chown=root:root /app/.next/standalone ./
# Only the embedded database (one instance, no DATABASE_URL) writes here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# SIGTERM goes straight to Node (exec form), which drains requests in flight before it exits.
CMD ["node", "start.cjs"]
