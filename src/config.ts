import { Cron } from 'croner';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the bot reads from the environment, validated once at start. */
export interface Config {
  /** Bot token; null where only the CLI or a dry run needs the config. */
  token: string | null;
  /** Application id; needed to register commands. */
  clientId: string | null;
  /** Register commands to this guild only (instant) instead of globally. */
  guildId: string | null;
  /** REST base URL; the gateway is discovered through it. */
  apiUrl: string;
  contentDir: string;
  /** Where the chapters are published, for links to sections. */
  siteUrl: string | null;
  /** Questions a user may ask per cooldown window. */
  cooldownQuestions: number;
  cooldownSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Shard count for `npm run start:sharded`: a number or "auto". */
  shards: number | 'auto';
  /** Seconds between stats log lines (answers, heap); 0 for none. */
  statsSeconds: number;
  /** SQLite file for questions and feedback (when `databaseUrl` is null). */
  databasePath: string;
  /** PostgreSQL URL shared by every instance; null for the SQLite file. */
  databaseUrl: string | null;
  /** Ed25519 public key (hex) that signs HTTP interactions; needed by `npm run start:http`. */
  publicKey: string | null;
  /** Port of the HTTP interactions endpoint. */
  port: number;
  /** Days questions and feedback are kept; older rows are purged at start. */
  retentionDays: number;
  /** Added to the bot's clock (ms): lets tests see what a student sees days later. 0 in production. */
  clockOffsetMs: number;
  /** Minutes after a miss in which a student's pick of a section confirms their question for it. */
  confirmMinutes: number;
  /** The channel the weekly digest is posted to; null for no digest. */
  digestChannelId: string | null;
  /** When the digest is posted: a cron pattern (croner syntax), read in `digestTimezone`. */
  digestCron: string;
  /** The IANA time zone `digestCron` is read in. */
  digestTimezone: string;
  /** File the built index is saved to and started from (`INDEX_CACHE`); null when `off`. */
  indexCache: string | null;
}

/**
 * What the config is loaded for: starting the gateway bot needs a token, the HTTP endpoint the public key,
 * deploying the application id.
 */
export type ConfigPurpose = 'cli' | 'start' | 'http' | 'deploy' | 'dry-run';

/** A missing or malformed environment variable; the message names it and the fix. */
class ConfigError extends Error {
  override name = 'ConfigError';
}

const ASK_HINT = '(`npm run ask -- "question"` works without any of this)';
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits');
const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** Where the built index is saved unless `INDEX_CACHE` says otherwise. */
const DEFAULT_INDEX_CACHE = 'data/index-cache.bin';

const schema = z.object({
  DISCORD_TOKEN: z
    .string()
    .refine((v) => v.trim() === v, 'has spaces or a line break around it; remove them')
    .refine((v) => !/^["'`].*["'`]$/.test(v), 'is wrapped in quotes; paste the bare token')
    .refine(
      (v) => /^[A-Za-z0-9._-]{20,}$/.test(v),
      'does not look like a bot token (Developer Portal → Bot → Reset Token)',
    )
    .optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL such as https://discord.com/api')
    .default('https://discord.com/api'),
  CONTENT_DIR: z.string().default('content'),
  SITE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL')
    .optional(),
  COOLDOWN_QUESTIONS: z.coerce.number().int().min(1).max(1000).default(5),
  COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DATABASE_PATH: z.string().default('data/assistant.db'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'must be a postgres:// URL such as postgres://user:password@host:5432/db',
    )
    .optional(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (Developer Portal → General Information → Public Key)')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  CONFIRM_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  DIGEST_CHANNEL_ID: snowflake.optional(),
  DIGEST_CRON: z
    .string()
    .trim()
    .default('0 9 * * 1')
    .refine(isCronPattern, 'must be a cron pattern such as "0 9 * * 1" (minute hour day month weekday)'),
  DIGEST_TZ: z
    .string()
    .trim()
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as UTC or Europe/Berlin'),
  STATS_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  TEST_CLOCK_OFFSET_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_650 * 86_400_000)
    .default(0),
  INDEX_CACHE: z.string().default(DEFAULT_INDEX_CACHE),
  BOT_SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)]).default('auto'),
});

/**
 * Read and validate the environment once.
 *
 * @param env The environment (`process.env` after dotenv).
 * @param purpose Which variables are required: `start` needs DISCORD_TOKEN, `deploy` DISCORD_CLIENT_ID
 *   and DISCORD_TOKEN.
 * @throws ConfigError naming the first bad variable and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv, purpose: ConfigPurpose = 'cli'): Config {
  const input = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, optional(env[key])]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} ${issue.message}; set it in .env (see .env.example) ${ASK_HINT}`);
  }
  const values = parsed.data;
  const require = (
    name: 'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DISCORD_PUBLIC_KEY',
    what: string,
  ): void => {
    if (values[name] === undefined) {
      throw new ConfigError(`${name} is missing: ${what}; set it in .env (see .env.example) ${ASK_HINT}`);
    }
  };
  if (purpose === 'start' || purpose === 'deploy') {
    require('DISCORD_TOKEN', 'copy the bot token from the Developer Portal (your application → Bot)');
  }
  if (purpose === 'http') {
    require('DISCORD_PUBLIC_KEY', 'copy the Public Key from the Developer Portal (General Information)');
  }
  if (purpose === 'deploy') {
    require('DISCORD_CLIENT_ID', 'copy the Application ID from the Developer Portal (General Information)');
  }
  return {
    token: values.DISCORD_TOKEN ?? null,
    clientId: values.DISCORD_CLIENT_ID ?? null,
    guildId: values.DISCORD_GUILD_ID ?? null,
    apiUrl: values.DISCORD_API_URL.replace(/\/+$/, ''),
    contentDir: resolve(values.CONTENT_DIR),
    siteUrl: values.SITE_URL ?? null,
    cooldownQuestions: values.COOLDOWN_QUESTIONS,
    cooldownSeconds: values.COOLDOWN_SECONDS,
    logLevel: values.LOG_LEVEL,
    shards: values.BOT_SHARDS,
    statsSeconds: values.STATS_SECONDS,
    databasePath: values.DATABASE_PATH === ':memory:' ? ':memory:' : resolve(values.DATABASE_PATH),
    databaseUrl: values.DATABASE_URL ?? null,
    publicKey: values.DISCORD_PUBLIC_KEY ?? null,
    port: values.PORT,
    retentionDays: values.RETENTION_DAYS,
    clockOffsetMs: values.TEST_CLOCK_OFFSET_MS,
    confirmMinutes: values.CONFIRM_MINUTES,
    digestChannelId: values.DIGEST_CHANNEL_ID ?? null,
    digestCron: values.DIGEST_CRON,
    digestTimezone: values.DIGEST_TZ,
    indexCache: indexCachePath(values.INDEX_CACHE),
  };
}

/** The content folder alone, for the CLI: `CONTENT_DIR`, or `content` in the working directory. */
export function loadContentDir(env: NodeJS.ProcessEnv): string {
  const dir = optional(env.CONTENT_DIR);
  return resolve(dir ?? 'content');
}

/** The saved index's file alone, for the CLI: `INDEX_CACHE` (`off` for none), or `data/index-cache.bin`. */
export function loadIndexCache(env: NodeJS.ProcessEnv): string | null {
  return indexCachePath(optional(env.INDEX_CACHE) ?? DEFAULT_INDEX_CACHE);
}

function indexCachePath(value: string): string | null {
  return value.trim().toLowerCase() === 'off' ? null : resolve(value);
}

/** Values never to print: the bot token and the password in `DATABASE_URL`. */
export function configSecrets(config: Config): (string | null)[] {
  let password: string | null = null;
  try {
    password =
      config.databaseUrl === null ? null : decodeURIComponent(new URL(config.databaseUrl).password) || null;
  } catch {
    password = null;
  }
  return [config.token, password];
}

/** Whether croner reads a pattern. */
function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Whether the runtime knows an IANA time zone. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
