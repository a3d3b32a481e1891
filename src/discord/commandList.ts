import { ask } from './commands/ask.js';
import type { Command } from './commands/command.js';
import { help } from './commands/help.js';
import { progress } from './commands/progress.js';
import { quiz } from './commands/quiz.js';
import { report } from './commands/report.js';
import { review } from './commands/review.js';
import { topics } from './commands/topics.js';

/** Every slash command, in the order they are registered. */
export const COMMANDS: readonly Command[] = [ask, topics, quiz, review, progress, help, report];

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
