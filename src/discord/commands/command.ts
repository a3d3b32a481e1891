import type {
  ApplicationIntegrationType,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  InteractionContextType,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../botContext.js';

/** A slash command: its registration JSON and its handlers. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** Guild (0), the bot's DMs (1) and group DMs / private channels (2); guild and user installs. */
export const EVERYWHERE: {
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} = {
  contexts: [0, 1, 2] as InteractionContextType[],
  integration_types: [0, 1] as ApplicationIntegrationType[],
};
