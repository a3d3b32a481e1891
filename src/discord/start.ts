import { runProgram } from '../runProgram.js';
import { configSecrets, loadConfig } from '../config.js';
import { startBot } from './startBot.js';
import { startServices } from './botServices.js';
import { createLogger } from './logger.js';
import { handleShutdown } from './shutdown.js';

/** The gateway bot (`npm start`): every command, button and autocomplete, plus DMs and @mentions. */
runProgram(
  async () => {
    const config = loadConfig(process.env, 'start');
    const logger = createLogger(config.logLevel, undefined, configSecrets(config));
    // First, so a signal during start-up stops the program too.
    const shutdown = handleShutdown(logger);
    const services = await startServices(config, logger);
    shutdown.add(() => services.close());
    const bot = await startBot({
      config,
      index: () => services.library.current(),
      logger,
      store: services.store,
    });
    shutdown.add(() => bot.stop());
  },
  () => [process.env.DATABASE_URL ?? null],
);
