import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { formatNote } from './render/formatNote.js';
import { choicesReply, messageReply, type InteractionReply } from './render/interactionResponse.js';
import { COMMANDS } from './commandList.js';
import { handleComponent } from './handleComponent.js';
import type { BotContext } from './botContext.js';

/** Answered when a handler throws, and when a deferred answer fails. */
export const SOMETHING_WENT_WRONG = formatNote(
  'Something went wrong',
  'Sorry, I could not answer that. Please try again in a moment.',
);
const UNKNOWN_COMMAND = formatNote(
  'Unknown command',
  'I do not know that command (it may be from an older version). Try `/ask` or `/help`.',
);

/**
 * The one error boundary for interactions, shared by the gateway and the HTTP transport: route the
 * interaction (as Discord's API sends it) to its command or component handler and return the response;
 * any exception is logged and answered with an ephemeral "something went wrong".
 */
export async function handleInteraction(
  interaction: APIInteraction,
  context: BotContext,
): Promise<InteractionReply> {
  try {
    switch (interaction.type) {
      case InteractionType.Ping:
        return { response: { type: InteractionResponseType.Pong } };
      case InteractionType.ApplicationCommandAutocomplete: {
        const command = COMMANDS.find((c) => c.data.name === interaction.data.name);
        return choicesReply((await command?.autocomplete?.(interaction, context)) ?? []);
      }
      case InteractionType.ApplicationCommand: {
        const command = COMMANDS.find((c) => c.data.name === interaction.data.name);
        if (command === undefined || interaction.data.type !== 1) return messageReply(UNKNOWN_COMMAND);
        return await command.execute(interaction as Parameters<typeof command.execute>[0], context);
      }
      case InteractionType.MessageComponent:
        return await handleComponent(interaction, context);
      default:
        return messageReply(UNKNOWN_COMMAND);
    }
  } catch (error) {
    context.stats.failed++;
    context.logger.error('interaction failed', { kind: interaction.type, error });
    return interaction.type === InteractionType.ApplicationCommandAutocomplete
      ? choicesReply([])
      : messageReply(SOMETHING_WENT_WRONG);
  }
}
