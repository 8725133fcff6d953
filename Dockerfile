# vigie image: the same build the README's quick start does (npm ci compiles through `prepare`).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY config ./config
COPY test ./test
COPY bench ./bench
COPY scripts ./scripts
RUN npm ci && npm prune --omit=dev
ENV NODE_ENV=production VIGIE_HTTP_HOST=0.0.0.0
USER node
ENTRYPOINT ["node", "bin/vigie.js"]
CMD ["start"]
