import type { MessageReplyOptions } from 'discord.js';
import type { MessagePayload } from './render/messagePayload.js';

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
