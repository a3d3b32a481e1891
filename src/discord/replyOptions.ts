import type { InteractionReplyOptions, InteractionUpdateOptions, MessageReplyOptions } from 'discord.js';
import type { MessagePayload } from './render/messagePayload.js';

/** discord.js options for an interaction reply: the payload as is, allowed mentions included. */
export function toReplyOptions(payload: MessagePayload): InteractionReplyOptions {
  return {
    content: payload.content,
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: allowedMentions(payload),
    ...(payload.flags === undefined ? {} : { flags: payload.flags }),
  } as InteractionReplyOptions;
}

/** discord.js options for updating a component's message in place (flags cannot change). */
export function toUpdateOptions(payload: MessagePayload): InteractionUpdateOptions {
  return {
    content: payload.content ?? '',
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: allowedMentions(payload),
  } as InteractionUpdateOptions;
}

/** discord.js options for replying to a plain message: never pings, not even the replied-to author. */
export function toMessageOptions(payload: MessagePayload): MessageReplyOptions {
  return {
    content: payload.content,
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { ...allowedMentions(payload), repliedUser: false },
  } as MessageReplyOptions;
}

/** Nobody may be pinged but the users the payload names (the `for:` classmate). */
function allowedMentions(payload: MessagePayload): { parse: []; users?: string[] } {
  const users = payload.allowed_mentions.users ?? [];
  return users.length === 0 ? { parse: [] } : { parse: [], users: [...users] };
}
