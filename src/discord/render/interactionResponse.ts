import {
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import type { MessageFile, MessagePayload } from './messagePayload.js';

/**
 * What a handler gives back for one interaction, whichever transport delivered it: the first response
 * (in the HTTP body, or posted to the callback route), and for a deferral the message that then edits the
 * original response.
 */
export interface InteractionReply {
  response: APIInteractionResponse;
  /** Present only when `response` is a deferral (type 5): the answer, still being produced. */
  followUp?: Promise<MessagePayload>;
  /** An edit of the original response due later (a group question's results at its deadline). */
  later?: ScheduledEdit;
  /**
   * A further message with files (a chart), sent as a follow-up once the response is delivered: files
   * travel as multipart, which the first response over HTTP cannot be. Never rejects; null sends nothing.
   */
  withFiles?: Promise<FileMessage | null>;
}

/** An edit of an interaction's original response, to make at a given time if there is still one to make. */
export interface ScheduledEdit {
  /** When (ms, on the bot's clock). */
  at: number;
  /** The new message; null when there is nothing to change any more (someone else posted it). */
  edit(): Promise<MessagePayload | null>;
}

/** A message and its files; each file is named by the message's `attachments` (ids `0`, `1`, …). */
export interface FileMessage {
  payload: MessagePayload;
  files: MessageFile[];
}

/** A new message in reply (type 4); ephemeral when the payload says so. */
export function messageReply(payload: MessagePayload): InteractionReply {
  const { files: _files, ...data } = payload;
  return { response: { type: InteractionResponseType.ChannelMessageWithSource, data } };
}

/** Replace the message the clicked component is on (type 7); its flags cannot change, its text is reset. */
export function updateReply(payload: MessagePayload): InteractionReply {
  const { flags: _flags, files: _files, ...data } = payload;
  return { response: { type: InteractionResponseType.UpdateMessage, data: { content: '', ...data } } };
}

/** "Thinking…" now (type 5), the answer later by editing the original response. */
export function deferredReply(isPrivate: boolean, followUp: Promise<MessagePayload>): InteractionReply {
  return {
    response: {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: isPrivate ? { flags: MessageFlags.Ephemeral } : {},
    },
    followUp,
  };
}

/** Autocomplete suggestions (type 8). */
export function choicesReply(choices: APIApplicationCommandOptionChoice[]): InteractionReply {
  return {
    response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } },
  };
}

/**
 * The body of `PATCH /webhooks/{app}/{token}/messages/@original`: the payload without flags (fixed at
 * deferral) and without the files, which travel beside it as multipart parts.
 */
export function editBody(payload: MessagePayload): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  const { flags: _flags, files: _files, ...body } = payload;
  return body;
}
