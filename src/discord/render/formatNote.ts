import { MessageFlags } from 'discord-api-types/v10';
import { DISCORD_LIMITS, truncate } from './discordText.js';
import type { MessagePayload } from './messagePayload.js';

/** Embed colour of notes and of "not covered". */
export const COLOR_NOTE = 0xfee75c;

/** The message every user-facing note uses: one embed, nothing pings. */
export function formatNote(title: string, description: string, isPrivate = true): MessagePayload {
  return {
    embeds: [
      {
        title,
        description: truncate(description, DISCORD_LIMITS.embedDescription),
        color: COLOR_NOTE,
      },
    ],
    components: [],
    allowed_mentions: { parse: [] },
    ...(isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
  };
}
