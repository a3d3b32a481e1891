import { REST, Routes } from 'discord.js';
import { parseArgs } from 'node:util';
import { runProgram } from '../runProgram.js';
import { loadConfig } from '../config.js';
import { commandBody } from './commandList.js';

runProgram(async () => {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
  const isDryRun = values['dry-run'];
  const config = loadConfig(process.env, isDryRun ? 'dry-run' : 'deploy');
  const body = commandBody(config.guildId !== null);
  if (isDryRun) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const rest = new REST({ api: config.apiUrl }).setToken(config.token!);
  const route =
    config.guildId === null
      ? Routes.applicationCommands(config.clientId!)
      : Routes.applicationGuildCommands(config.clientId!, config.guildId);
  await rest.put(route, { body });
  const where =
    config.guildId === null ? 'globally (may take up to an hour to appear)' : `to guild ${config.guildId}`;
  process.stdout.write(
    `Registered ${body.length} commands ${where}: ${body.map((c) => `/${c.name}`).join(', ')}\n`,
  );
  return 0;
});
