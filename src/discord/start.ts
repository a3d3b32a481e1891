import { config as loadDotenv } from 'dotenv';
import { runProgram } from '../runProgram.js';
import { configSecrets, loadConfig } from '../config.js';
import { startBot } from './startBot.js';
import { startServices } from './botServices.js';
import { createLogger } from './logger.js';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

loadDotenv({ quiet: true });
const token = process.env.DISCORD_TOKEN ?? null;

runProgram(
  async () => {
    const config = loadConfig(process.env, 'start');
    const logger = createLogger(config.logLevel, undefined, configSecrets(config));
    const services = await startServices(config, logger);
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
    process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
    const bot = await startBot({
      config,
      index: () => services.library.current(),
      logger,
      store: services.store,
    });
    const shutdown = (signal: string): void => {
      logger.info('shutting down', { signal });
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
      void bot
        .stop()
        .then(() => services.close())
        .finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  },
  () => [token, process.env.DATABASE_URL ?? null],
);
