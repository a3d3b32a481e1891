import {
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIUser,
} from 'discord-api-types/v10';
import type { Place } from '../store/store.js';

/** The user who acted: the member's user in a server, the user elsewhere. */
export function userOf(interaction: APIInteraction): APIUser {
  const user = interaction.member?.user ?? interaction.user;
  if (user === undefined) throw new Error(`interaction ${interaction.id} names no user`);
  return user;
}

/** Where an interaction happened, from its context type (a server when Discord does not say). */
export function placeOf(interaction: APIInteraction): Place {
  if (interaction.context === InteractionContextType.BotDM) return 'dm';
  return interaction.context === InteractionContextType.PrivateChannel ? 'group_dm' : 'guild';
}

/** Whether the acting member has Manage Server in this server; never in a DM or group DM. */
export function canManageServer(interaction: APIInteraction): boolean {
  const permissions = interaction.guild_id === undefined ? undefined : interaction.member?.permissions;
  if (permissions === undefined || !/^\d+$/.test(permissions)) return false;
  return (BigInt(permissions) & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild;
}

/** A top-level option's value by name; undefined when absent. */
export function optionValue(
  interaction: APIChatInputApplicationCommandInteraction,
  name: string,
): APIApplicationCommandInteractionDataBasicOption['value'] | undefined {
  const option = interaction.data.options?.find((o) => o.name === name);
  return option !== undefined && 'value' in option ? option.value : undefined;
}

/** A user option's user, from the interaction's resolved data. */
export function optionUser(
  interaction: APIChatInputApplicationCommandInteraction,
  name: string,
): APIUser | null {
  const id = optionValue(interaction, name);
  return typeof id === 'string' ? (interaction.data.resolved?.users?.[id] ?? null) : null;
}
