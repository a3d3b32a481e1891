import { REST } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { runProgram } from '../runProgram.js';
import { configSecrets, loadConfig } from '../config.js';
import { createBotContext } from './botContext.js';
import { startServices } from './botServices.js';
import { createInteractionServer } from './httpInteractions.js';
import { createLogger } from './logger.js';
import { publicKeyFromHex } from './verifySignature.js';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

loadDotenv({ quiet: true });

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
    const services = await startServices(config, logger);
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
    process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
    const context = createBotContext({
      config,
      index: () => services.library.current(),
      logger,
      store: services.store,
    });
    const rest = new REST({ api: config.apiUrl });
    const { server, settled } = createInteractionServer(context, { publicKey, rest });
    const shutdown = (signal: string): void => {
      logger.info('shutting down', { signal });
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
      server.close();
      server.closeIdleConnections();
      void settled()
        .then(() => services.close())
        .finally(() => process.exit(0));
    };
    // Before `listening` is logged: whoever waits for that line may signal at once.
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, resolve);
    });
    const address = server.address();
    logger.info('listening', {
      port: typeof address === 'object' && address !== null ? address.port : config.port,
    });
  },
  () => [process.env.DATABASE_URL ?? null],
);
