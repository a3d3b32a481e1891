import {
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Partials,
  Routes,
  type APIGuildMember,
  type APIInteraction,
  type ClientOptions,
} from 'discord.js';
import type { Config } from '../config.js';
import type { KnowledgeIndex } from '../search/buildIndex.js';
import type { Store } from '../store/store.js';
import { createBotContext, type BotContext } from './botContext.js';
import { deliverOverRest } from './deliverReply.js';
import { scheduleDigest } from './digest.js';
import { handleInteraction } from './handleInteraction.js';
import type { Logger } from './logger.js';
import { handleMessage } from './handleMessage.js';
import { reachDiscord, type RetryOptions } from './reachDiscord.js';

/** A running bot. */
export interface Bot {
  client: Client;
  context: BotContext;
  /** Log out and close the gateway. */
  stop(): Promise<void>;
}

/** Options of `startBot`. */
export interface BotOptions {
  config: Config;
  /** The index to answer from, read at each question so a reload swaps it whole. */
  index: () => KnowledgeIndex | Promise<KnowledgeIndex>;
  logger: Logger;
  /** Question and feedback storage; null for none. */
  store?: Store | null;
  /** Extra discord.js client options (tests shorten timeouts). */
  clientOptions?: Partial<ClientOptions>;
  /** How often to try logging in while Discord cannot be reached. */
  retry?: Partial<RetryOptions>;
}

/**
 * The gateway transport: create the discord.js client, wire the handlers and log in. Intents: Guilds, GuildMessages and
 * DirectMessages with the DM channel partial; not the privileged MessageContent intent, since Discord
 * delivers the content of DMs and of messages that mention the bot without it.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, logger } = options;
  if (config.token === null) throw new Error('startBot: DISCORD_TOKEN is required');
  const context = createBotContext({ config, index: options.index, logger, store: options.store ?? null });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    ...options.clientOptions,
    rest: {
      api: config.apiUrl,
      // Called whenever a request waits on a rate limit, Discord's 429 included (the rateLimited event
      // misses those); returning false waits and retries instead of failing the request.
      rejectOnRateLimit: (limit) => {
        logger.warn('rate limited', {
          route: limit.route,
          retry_after_ms: limit.retryAfter,
          global: limit.global,
          scope: limit.scope,
        });
        return false;
      },
      ...options.clientOptions?.rest,
    },
  });
  // Names for leaderboards and group results, fetched when shown (one member each, no privileged intent).
  context.displayName = async (guildId, userId) => {
    const member = (await client.rest.get(Routes.guildMember(guildId, userId))) as APIGuildMember;
    return member.nick ?? member.user.global_name ?? member.user.username;
  };
  // Interactions are handled as Discord's API sends them, by the handlers the HTTP endpoint uses too.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    void handleInteraction(interaction, context).then((reply) =>
      deliverOverRest(client.rest, interaction, reply, context),
    );
  });
  client.on(Events.MessageCreate, (message) => void handleMessage(message, context));
  client.once(Events.ClientReady, (ready) => logger.info('ready', { guilds: ready.guilds.cache.size }));
  client.on(Events.Error, (error) => logger.error('client error', { error }));
  // Discord gave up on this session for good (a revoked token, intents no longer allowed).
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error('gateway lost; not reconnecting', { code: event.code, shard }),
  );
  client.on(Events.ShardResume, (shard) => logger.info('gateway resumed', { shard }));
  try {
    await reachDiscord(() => client.login(config.token!), config.apiUrl, logger, options.retry);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/authentication failed|invalid token|TokenInvalid/i.test(reason)) {
      throw new Error(
        `Discord rejected DISCORD_TOKEN (${reason}); reset the token in the Developer Portal (Bot → Reset Token) and update .env`,
      );
    }
    throw error;
  }
  // Every close, with its code; discord.js itself reconnects or resumes (then `gateway resumed`).
  for (const shard of client.ws.shards.values()) {
    shard.on('close', (event: { code: number }) =>
      logger.warn('gateway closed', { code: event.code, shard: shard.id }),
    );
  }
  const digest =
    config.digestChannelId === null ? null : scheduleDigest(context, client.rest, config.digestChannelId);
  const statsTimer =
    config.statsSeconds > 0
      ? setInterval(() => {
          // With --expose-gc the figure is live data, not garbage waiting for collection.
          (globalThis as { gc?: () => void }).gc?.();
          const memory = process.memoryUsage();
          logger.info('stats', {
            ...context.stats,
            heap_mb: Math.round((memory.heapUsed / 2 ** 20) * 10) / 10,
            rss_mb: Math.round((memory.rss / 2 ** 20) * 10) / 10,
          });
        }, config.statsSeconds * 1000).unref()
      : null;
  return {
    client,
    context,
    async stop() {
      if (statsTimer !== null) clearInterval(statsTimer);
      digest?.stop();
      await client.destroy();
    },
  };
}
