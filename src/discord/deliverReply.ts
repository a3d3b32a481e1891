import type { REST } from 'discord.js';
import { Routes, type APIInteraction } from 'discord-api-types/v10';
import { editBody, type InteractionReply, type ScheduledEdit } from './render/interactionResponse.js';
import type { MessagePayload } from './render/messagePayload.js';
import type { BotContext } from './botContext.js';
import { SOMETHING_WENT_WRONG } from './handleInteraction.js';

/**
 * After a deferral, wait for the answer and edit the original response with it
 * (`PATCH /webhooks/{application}/{token}/messages/@original`, authorised by the interaction token). A
 * failed answer is logged and the edit says "something went wrong".
 */
export async function editOriginal(
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
    if (reply.followUp !== undefined) await editOriginal(rest, interaction, reply.followUp, context);
  } catch (error) {
    context.stats.failed++;
    context.logger.error('interaction failed', { kind: interaction.type, error });
  }
}
