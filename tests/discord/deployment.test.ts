import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// No Docker engine runs here: these check the files' shape, not a build.
describe('compose.yaml', () => {
  const compose = parse(readFileSync(`${ROOT}compose.yaml`, 'utf8'), { merge: true }) as Json;

  it('runs two HTTP replicas on one PostgreSQL, started once it is healthy', () => {
    const http = compose.services.http;
    expect(http.command).toEqual(['node', 'dist/discord/startHttp.js']);
    expect(http.deploy.replicas).toBe(2);
    expect(http.environment.DATABASE_URL).toMatch(
      /^postgres:\/\/assistant:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/assistant$/,
    );
    expect(http.environment.DISCORD_PUBLIC_KEY).toMatch(/^\$\{DISCORD_PUBLIC_KEY/);
    expect(http.depends_on.postgres.condition).toBe('service_healthy');
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
  });

  it('puts a proxy in front that forwards to the replicas and refuses bodies the endpoint would', () => {
    const proxy = compose.services.proxy;
    const config = compose.configs[proxy.configs[0].source].content as string;
    expect(config).toContain('server http:8080;');
    expect(config).toContain('proxy_pass http://replicas;');
    expect(proxy.depends_on.http.condition).toBe('service_healthy');
    expect(config).toContain('client_max_body_size 256k;');
  });

  it('keeps the gateway bot (DMs and mentions) behind a profile', () => {
    expect(compose.services.gateway).toMatchObject({
      profiles: ['gateway'],
      command: ['node', 'dist/discord/start.js'],
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');

  it('is multi-stage, installs only runtime dependencies, and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(3);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/discord\/startHttp\.js"\]$/m);
  });
});
