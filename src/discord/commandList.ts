import { ask, help, report, topics, type Command } from './commands/index.js';

/** Every slash command, in the order they are registered. */
export const COMMANDS: readonly Command[] = [ask, topics, help, report];

/**
 * The registration body: each command's JSON. Guild-scoped registration drops `contexts` and
 * `integration_types`, which Discord accepts only on global commands.
 */
export function commandBody(isGuild: boolean): Command['data'][] {
  return COMMANDS.map(({ data }) => {
    if (!isGuild) return data;
    const { contexts: _contexts, integration_types: _types, ...guildData } = data;
    return guildData;
  });
}
