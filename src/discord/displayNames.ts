import type { APIInteraction } from 'discord-api-types/v10';
import type { BotContext } from './botContext.js';
import { userOf } from './interactionFields.js';

/** Shown for a student whose name cannot be had now (HTTP mode has no token to fetch it with). */
const NAME_UNAVAILABLE = 'a classmate';

/** The name the acting user shows in this interaction: server nickname, global name or username. */
export function payloadName(interaction: APIInteraction): string {
  const user = userOf(interaction);
  return interaction.member?.nick ?? user.global_name ?? user.username;
}

/**
 * Names for user ids, fetched now and never stored: the acting user's from the interaction itself; others
 * through the gateway transport's REST client (a server member's nickname or global name); otherwise
 * `NAME_UNAVAILABLE`.
 *
 * @param interaction The interaction being handled; null for a timer's edit.
 * @param guildId The server.
 * @param userIds Who to name.
 */
export async function displayNames(
  context: BotContext,
  interaction: APIInteraction | null,
  guildId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const actor = interaction === null ? null : userOf(interaction).id;
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(userIds)].map(async (userId) => {
      let name: string | null = userId === actor ? payloadName(interaction!) : null;
      if (name === null && context.displayName !== undefined) {
        try {
          name = await context.displayName(guildId, userId);
        } catch (error) {
          context.logger.warn('name unavailable', { error });
        }
      }
      names.set(userId, name ?? NAME_UNAVAILABLE);
    }),
  );
  return names;
}
