# The study assistant as a container image: `docker build -t study-assistant .`
# Runs the HTTP interactions endpoint by default; `node dist/discord/start.js` runs the gateway bot instead.

# ---- build: compile TypeScript with the dev dependencies ------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when it can and compiles from source when it cannot: keep a
# C++ toolchain in the build stages so both work.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# No scripts yet: `prepare` builds, and the sources are not here yet.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime dependencies only --------------------------------------------------------------------------
FROM build AS deps
RUN rm -rf node_modules \
  && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3

# ---- runtime: no toolchain, no dev dependencies, not root ------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080 CONTENT_DIR=/app/content DATABASE_PATH=/app/data/assistant.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY content ./content
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
CMD ["node", "dist/discord/startHttp.js"]
