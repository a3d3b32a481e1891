import { MessageFlags } from 'discord-api-types/v10';
import type { KnowledgeIndex } from '../../search/buildIndex.js';
import type { MessagePayload } from './messagePayload.js';
import { COLOR_BROWSE } from './formatTopics.js';

/** How to ask, with examples drawn from the chapters' own feature titles. */
export function formatHelp(index: KnowledgeIndex): MessagePayload {
  const features = [...index.chunks.values()].filter((chunk) => chunk.kind === 'feature');
  const examples = [0, Math.floor(features.length / 3), Math.floor((2 * features.length) / 3)]
    .map((i) => features[i])
    .filter((chunk) => chunk !== undefined)
    .map((chunk) => `• \`/ask ${`${chunk.feature} ${chunk.service ?? ''}`.trim().toLowerCase()}\``);
  const description = [
    'I answer questions from the course chapters, quoting the section that answers them.',
    '',
    '**Ask**',
    '`/ask question:` your question. Short is fine; typos and acronyms are too.',
    ...examples,
    '',
    '**Options**',
    '`private: True` — only you see the answer.',
    '`for: @classmate` — address the answer to someone.',
    '',
    '**Elsewhere**',
    'Send me a direct message, or mention me in a channel with your question.',
    '`/topics` lists everything the chapters cover.',
  ].join('\n');
  return {
    embeds: [{ title: 'How to ask', description, color: COLOR_BROWSE }],
    components: [],
    allowed_mentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  };
}
