import { REST } from 'discord.js';
import { runProgram } from '../runProgram.js';
import { configSecrets, loadConfig } from '../config.js';
import { createBotContext } from './botContext.js';
import { scheduleDigest } from './digest.js';
import { startServices } from './botServices.js';
import { createInteractionServer } from './httpInteractions.js';
import { createLogger } from './logger.js';
import { handleShutdown } from './shutdown.js';
import { publicKeyFromHex } from './verifySignature.js';

/**
 * The HTTP interactions endpoint (`npm run start:http`): commands, buttons and autocomplete through the
 * same handlers as the gateway bot, no gateway connection, so any number of instances can run behind a
 * load balancer (with `DATABASE_URL` they share one state). DMs and @mentions need the gateway bot.
 */
runProgram(
  async () => {
    const config = loadConfig(process.env, 'http');
    const logger = createLogger(config.logLevel, undefined, configSecrets(config));
    const publicKey = publicKeyFromHex(config.publicKey!);
    // First, so a signal during start-up stops the program too.
    const shutdown = handleShutdown(logger);
    const services = await startServices(config, logger);
    shutdown.add(() => services.close());
    const context = createBotContext({
      config,
      index: () => services.library.current(),
      logger,
      store: services.store,
    });
    const rest = new REST({ api: config.apiUrl });
    const { server, settled } = createInteractionServer(context, { publicKey, rest });
    // Closed first (added last): stop taking requests, finish the ones under way, then the services.
    shutdown.add(async () => {
      server.close();
      server.closeIdleConnections();
      await settled();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, resolve);
    });
    // The digest needs the bot token to post; instances sharing the store claim each period once.
    if (config.digestChannelId !== null && config.token !== null) {
      const digest = scheduleDigest(
        context,
        new REST({ api: config.apiUrl }).setToken(config.token),
        config.digestChannelId,
      );
      shutdown.add(() => digest.stop());
    } else if (config.digestChannelId !== null) {
      logger.warn('DIGEST_CHANNEL_ID is set but DISCORD_TOKEN is not; this instance posts no digest');
    }
    const address = server.address();
    logger.info('listening', {
      port: typeof address === 'object' && address !== null ? address.port : config.port,
    });
  },
  () => [process.env.DATABASE_URL ?? null],
);
