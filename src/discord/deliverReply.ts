import type { REST } from 'discord.js';
import { Routes, type APIInteraction } from 'discord-api-types/v10';
import {
  editBody,
  type FileMessage,
  type InteractionReply,
  type ScheduledEdit,
} from './render/interactionResponse.js';
import type { MessagePayload } from './render/messagePayload.js';
import type { BotContext } from './botContext.js';
import { SOMETHING_WENT_WRONG } from './handleInteraction.js';

/**
 * After a deferral, wait for the answer and edit the original response with it
 * (`PATCH /webhooks/{application}/{token}/messages/@original`, authorised by the interaction token). A
 * failed answer is logged and the edit says "something went wrong".
 */
async function editOriginal(
  rest: REST,
  interaction: APIInteraction,
  followUp: Promise<MessagePayload>,
  context: BotContext,
): Promise<void> {
  let payload: MessagePayload;
  try {
    payload = await followUp;
  } catch (error) {
    context.stats.failed++;
    context.logger.error('interaction failed', { kind: interaction.type, error });
    payload = SOMETHING_WENT_WRONG;
  }
  await patchOriginal(rest, interaction, payload);
}

/** Edit the original response (its files, if any, as multipart `files[n]`). */
async function patchOriginal(
  rest: REST,
  interaction: APIInteraction,
  payload: MessagePayload,
): Promise<void> {
  await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), {
    body: editBody(payload),
    ...(payload.files === undefined
      ? {}
      : { files: payload.files.map(({ name, data, contentType }) => ({ name, data, contentType })) }),
    auth: false,
  });
}

/**
 * Make a scheduled edit of the original response when it is due (a timer in this process: if the process
 * stops first, whoever acts on the message next makes it instead). Failures are logged.
 */
export function scheduleEdit(
  rest: REST,
  interaction: APIInteraction,
  later: ScheduledEdit,
  context: BotContext,
): void {
  const timer = setTimeout(
    () => {
      void later
        .edit()
        .then((payload) => (payload === null ? undefined : patchOriginal(rest, interaction, payload)))
        .catch((error: unknown) => {
          context.stats.failed++;
          context.logger.error('scheduled edit failed', { error });
        });
    },
    Math.max(0, later.at - context.now()),
  );
  timer.unref();
}

/**
 * After the first response: edit a deferral with its answer, then send the reply's files, if any, as an
 * ephemeral-when-private follow-up (`POST /webhooks/{application}/{token}`, multipart). Both transports
 * call it. Failures reject; the caller logs them.
 */
export async function deliverAfterResponse(
  rest: REST,
  interaction: APIInteraction,
  reply: InteractionReply,
  context: BotContext,
): Promise<void> {
  if (reply.followUp !== undefined) await editOriginal(rest, interaction, reply.followUp, context);
  const message = reply.withFiles === undefined ? null : await reply.withFiles;
  if (message !== null) await sendFiles(rest, interaction, message);
}

/** A follow-up message with files: each named in `attachments` by its index. */
async function sendFiles(rest: REST, interaction: APIInteraction, message: FileMessage): Promise<void> {
  await rest.post(Routes.webhook(interaction.application_id, interaction.token), {
    body: {
      ...message.payload,
      attachments: message.files.map((file, i) => ({ id: String(i), filename: file.name })),
    },
    files: message.files.map((file) => ({ name: file.name, data: file.data, contentType: file.contentType })),
    auth: false,
  });
}

/**
 * The gateway transport's delivery: post the first response to the interaction's callback route, then,
 * for a deferral, edit it with the answer. Failures are logged; the bot keeps running.
 */
export async function deliverOverRest(
  rest: REST,
  interaction: APIInteraction,
  reply: InteractionReply,
  context: BotContext,
): Promise<void> {
  try {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: reply.response,
      auth: false,
    });
    if (reply.later !== undefined) scheduleEdit(rest, interaction, reply.later, context);
    await deliverAfterResponse(rest, interaction, reply, context);
  } catch (error) {
    context.stats.failed++;
    context.logger.error('interaction failed', { kind: interaction.type, error });
  }
}
