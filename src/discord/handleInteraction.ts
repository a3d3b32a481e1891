import type { Interaction } from 'discord.js';
import { formatNote } from './render/formatNote.js';
import { COMMANDS } from './commandList.js';
import { handleComponent } from './handleComponent.js';
import type { BotContext } from './botContext.js';
import { toReplyOptions } from './replyOptions.js';

const SOMETHING_WENT_WRONG = formatNote(
  'Something went wrong',
  'Sorry, I could not answer that. Please try again in a moment.',
);
const UNKNOWN_COMMAND = formatNote(
  'Unknown command',
  'I do not know that command (it may be from an older version). Try `/ask` or `/help`.',
);

/**
 * The one error boundary for interactions: route to the command or component handler; any exception is
 * logged and answered with an ephemeral "something went wrong", and the bot keeps running.
 */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const command = COMMANDS.find((c) => c.data.name === interaction.commandName);
      await (command?.autocomplete?.(interaction, context) ?? interaction.respond([]));
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = COMMANDS.find((c) => c.data.name === interaction.commandName);
      if (command === undefined) await interaction.reply(toReplyOptions(UNKNOWN_COMMAND));
      else await command.execute(interaction, context);
      return;
    }
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      await handleComponent(interaction, context);
      return;
    }
    if (interaction.isRepliable()) await interaction.reply(toReplyOptions(UNKNOWN_COMMAND));
  } catch (error) {
    context.stats.failed++;
    context.logger.error('interaction failed', { kind: interaction.type, error });
    if (!interaction.isRepliable()) return;
    try {
      const options = toReplyOptions(SOMETHING_WENT_WRONG);
      if (interaction.replied || interaction.deferred) await interaction.followUp(options);
      else await interaction.reply(options);
    } catch (notice) {
      context.logger.error('error notice failed', { error: notice });
    }
  }
}
