import {
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIEmbed,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord-api-types/v10';
import type { KnowledgeIndex } from '../../search/buildIndex.js';
import { chunkRef, encodeCustomId } from './customId.js';
import { DISCORD_LIMITS, truncate } from './discordText.js';
import { button, buttonRows } from './buttons.js';
import type { MessagePayload } from './messagePayload.js';

/** Services per topics page: one select menu each, leaving one action row for paging buttons. */
const SERVICES_PER_PAGE = 4;
/** Embed colour of browsing and help messages. */
export const COLOR_BROWSE = 0x57f287;

/**
 * The topics browser: what the chapters cover, a page of services with their features, and one select
 * menu per service that shows the chosen feature.
 *
 * @param index The knowledge index.
 * @param page 0-based page of services.
 */
export function formatTopics(index: KnowledgeIndex, page = 0): MessagePayload {
  const pages = Math.max(1, Math.ceil(index.services.length / SERVICES_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const services = index.services.slice(current * SERVICES_PER_PAGE, (current + 1) * SERVICES_PER_PAGE);
  const chapters = index.chapters.map((chapter) => {
    const features = chapter.chunks.filter((chunk) => chunk.kind === 'feature').length;
    const count = index.services.filter((service) => service.chapter === chapter.title).length;
    return `**${chapter.number === null ? '' : `${chapter.number} `}${chapter.title}** — ${count} services, ${features} features`;
  });
  const embed: APIEmbed = {
    title: 'What the chapters cover',
    description: truncate(
      `${chapters.join('\n')}\n\nPick a topic below to read it, or ask with \`/ask\`.`,
      DISCORD_LIMITS.embedDescription,
    ),
    color: COLOR_BROWSE,
    fields: services.map((service) => {
      const features = service.chunkIds
        .map((id) => index.chunks.get(id)!)
        .filter((chunk) => chunk.kind === 'feature')
        .map((chunk) => chunk.feature);
      return {
        name: truncate(service.title, DISCORD_LIMITS.fieldName),
        value: truncate(features.join(' · ') || 'Overview only', DISCORD_LIMITS.fieldValue),
      };
    }),
    ...(pages > 1 ? { footer: { text: `Page ${current + 1} of ${pages}` } } : {}),
  };
  const menus = services.map((service, i): APIActionRowComponent<APIStringSelectComponent> => ({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: `${encodeCustomId({ kind: 'topic' })}:${i}`,
        placeholder: truncate(`${service.title}…`, 150),
        options: service.chunkIds.slice(0, DISCORD_LIMITS.selectOptions).map((id): APISelectMenuOption => {
          const chunk = index.chunks.get(id)!;
          return {
            label: truncate(chunk.feature ?? 'Overview', DISCORD_LIMITS.selectLabel),
            value: chunkRef(id),
            description: truncate(
              chunk.text.replace(/\s+/g, ' ') || chunk.service || chunk.chapter,
              DISCORD_LIMITS.selectDescription,
            ),
          };
        }),
      },
    ],
  }));
  const nav = [
    ...(current > 0 ? [button('Previous', encodeCustomId({ kind: 'topics', page: current - 1 }))] : []),
    ...(current + 1 < pages ? [button('Next', encodeCustomId({ kind: 'topics', page: current + 1 }))] : []),
  ];
  return {
    embeds: [embed],
    components: [...menus, ...buttonRows(nav)],
    allowed_mentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}
