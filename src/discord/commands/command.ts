import {
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  type APIChatInputApplicationCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { InteractionReply } from '../render/interactionResponse.js';
import type { BotContext } from '../botContext.js';

/**
 * A slash command: its registration JSON and its handlers. Handlers take the interaction as Discord's API
 * sends it and return the response, so the gateway bot and the HTTP endpoint share them.
 */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(
    interaction: APIChatInputApplicationCommandInteraction,
    context: BotContext,
  ): Promise<InteractionReply>;
  autocomplete?(
    interaction: APIApplicationCommandAutocompleteInteraction,
    context: BotContext,
  ): Promise<APIApplicationCommandOptionChoice[]>;
}

/** Guild channels, the bot's DMs and group DMs (private channels); installed to a guild or by a user. */
export const EVERYWHERE: {
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} = {
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};
