import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import { formatNote } from '../render/formatNote.js';
import { formatReportMessage } from '../render/formatReportMessage.js';
import { buildReport } from '../../store/buildReport.js';
import { DAY_MS } from '../../store/questionStore.js';
import { replyInTime } from '../replyInTime.js';
import type { Command } from './command.js';

/**
 * Manage Server: only organisers see and run /report (members can be granted it in server settings).
 * Sent as a number: Discord's OpenAPI schema types this field as an integer, though discord-api-types
 * says string.
 */
const MANAGE_GUILD = Number(PermissionFlagsBits.ManageGuild) as unknown as string;

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
    const days = interaction.options.getInteger('days') ?? 7;
    await replyInTime(
      interaction,
      async () => {
        if (context.store === null) {
          return formatNote(
            'No report',
            'Question storage is off or unavailable; check DATABASE_PATH and the logs.',
          );
        }
        const now = Date.now();
        return formatReportMessage(
          buildReport(context.store.db, now - days * DAY_MS, await context.index(), now),
          days,
        );
      },
      true,
    );
  },
};
