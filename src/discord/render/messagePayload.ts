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
  /** Attached files' metadata; `id` is the index into `files`. */
  attachments?: { id: string; filename: string; description?: string }[];
  /**
   * Files to upload with the message (sent as multipart `files[n]` beside `payload_json`); only webhook
   * edits carry them, so a reply with files is always deferred.
   */
  files?: MessageFile[];
}

/** A file attached to a message. */
export interface MessageFile {
  name: string;
  data: Uint8Array;
  contentType: string;
}
