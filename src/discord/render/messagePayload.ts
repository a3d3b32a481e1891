import type {
  APIActionRowComponent,
  APIAllowedMentions,
  APIComponentInMessageActionRow,
  APIEmbed,
  MessageFlags,
} from 'discord-api-types/v10';

/** A message as Discord's API receives it: for interaction replies, webhook edits and channel messages. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: APIAllowedMentions;
  /** `MessageFlags.Ephemeral`: only the asker sees it; interaction replies only. */
  flags?: MessageFlags;
}
