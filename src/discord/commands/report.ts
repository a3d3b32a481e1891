import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { reportChartSpec } from '../../chart/reportChart.js';
import { renderChartPng } from '../../chart/renderChart.js';
import { formatNote } from '../render/formatNote.js';
import { formatReportMessage } from '../render/formatReportMessage.js';
import { messageReply, type FileMessage } from '../render/interactionResponse.js';
import { buildReport } from '../../store/buildReport.js';
import type { Report } from '../../store/report.js';
import { DAY_MS } from '../../store/store.js';
import { canManageServer, optionValue } from '../interactionFields.js';
import { replyInTime } from '../replyInTime.js';
import type { Command } from './command.js';

/**
 * Manage Server: only organisers see and run /report (members can be granted it in server settings).
 * Sent as a number: Discord's OpenAPI schema types this field as an integer, though discord-api-types
 * says string.
 */
const MANAGE_GUILD = Number(PermissionFlagsBits.ManageGuild) as unknown as string;

const ORGANISERS_ONLY = formatNote(
  'Organisers only',
  'The report is for members with Manage Server, in a server. Ask an organiser.',
);

/** `/report`: the organisers' report, privately, to members with Manage Server. */
export const report: Command = {
  data: {
    name: 'report',
    description: 'What students asked and what the chapters answered badly (organisers only)',
    default_member_permissions: MANAGE_GUILD,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'days',
        description: 'How many days back (default 7)',
        required: false,
        min_value: 1,
        max_value: 365,
      },
    ],
  },
  async execute(interaction, context) {
    // Discord's default permission can be changed by any admin, and DMs have none: check here too.
    if (!canManageServer(interaction)) return messageReply(ORGANISERS_ONLY);
    const value = optionValue(interaction, 'days');
    const days = typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 1), 365) : 7;
    const { store } = context;
    if (store === null) {
      return messageReply(
        formatNote(
          'No report',
          'Question storage is off or unavailable; check DATABASE_PATH or DATABASE_URL and the logs.',
        ),
      );
    }
    const now = Date.now();
    const built = Promise.resolve().then(async () =>
      buildReport(store, now - days * DAY_MS, await context.index(), now),
    );
    const reply = await replyInTime(async () => formatReportMessage(await built, days), true);
    // The chart follows as a second private message: an image is a multipart upload.
    const withFiles = built.then(chartMessage).catch((error: unknown) => {
      context.logger.error('report chart not drawn', { error });
      return null;
    });
    return { ...reply, withFiles };
  },
};

/** The report's chart as a private message with the PNG attached. */
async function chartMessage(report: Report): Promise<FileMessage> {
  const image = await renderChartPng(reportChartSpec(report));
  return {
    payload: {
      embeds: [{ title: 'Report chart', image: { url: 'attachment://report.png' }, color: 0x5865f2 }],
      components: [],
      allowed_mentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    },
    files: [{ name: 'report.png', contentType: 'image/png', data: image.png }],
  };
}
