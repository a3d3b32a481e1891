import { ButtonStyle, MessageFlags, type APIAllowedMentions, type APIEmbed } from 'discord-api-types/v10';
import type { Chunk } from '../../content/chapter.js';
import type { Answer } from '../../answer/answer.js';
import type { KnowledgeIndex } from '../../search/buildIndex.js';
import { readingStep } from '../../study/readingOrder.js';
import { browseButtons } from './browseButtons.js';
import { button, buttonRows } from './buttons.js';
import { chunkRef, encodeCustomId } from './customId.js';
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './discordText.js';
import { COLOR_NOTE } from './formatNote.js';
import type { MessagePayload } from './messagePayload.js';

/** Options of `formatAnswer`. */
export interface FormatOptions {
  /** Which hit (0-based) the message shows in full. */
  page: number;
  /** The asker's user id, for "More results" and "did you mean" buttons; null in plain-message replies. */
  askerId: string | null;
  /** A classmate the answer is addressed to: the one user the message may ping. */
  forUserId: string | null;
  /** Answer ephemerally. */
  isPrivate: boolean;
  /** Where chapters are published, for links to sections; null for no links. */
  siteUrl: string | null;
  /** The stored question's id: answers then carry Helpful / Not helpful buttons. Null for none. */
  questionId: number | null;
  /** The question as the student typed it, echoed back escaped; null echoes what was searched. */
  echo: string | null;
  /** The index the answer came from: the section shown gets ◀ Previous · Up · Next ▶; null for none. */
  index: KnowledgeIndex | null;
}

/**
 * Defaults of `formatAnswer`.
 * @public Every `defaultX` is exported so callers can read what they override (STYLE.md).
 */
export const defaultFormatOptions: FormatOptions = {
  page: 0,
  askerId: null,
  forUserId: null,
  isPrivate: false,
  siteUrl: null,
  questionId: null,
  echo: null,
  index: null,
};

/** Longest explanation shown in an embed; longer ones are cut at a word boundary. */
const ANSWER_TEXT_MAX = 1800;
/** How many following hits the "Up next" field previews. */
const UP_NEXT_COUNT = 3;
/** Longest question echoed above an answer; a pasted exam stem is cut with "…". */
const QUESTION_ECHO_MAX = 300;
const COLOR_ANSWER = 0x5865f2;
const COLOR_CLOSEST = 0xe67e22;
/** The line above a `closest` answer: the subject is in the chapters, the detail asked is not. */
export const CLOSEST_NOTE = '*The chapters do not cover this detail; this is the closest section.*';

/**
 * Render an answer as a Discord message: the hit at `page` as an embed with its heading trail, source and
 * link, the next hits compactly, a "More results" button while hits remain and browse buttons; or "not
 * covered" with "did you mean" buttons.
 */
export function formatAnswer(answer: Answer, options: Partial<FormatOptions> = {}): MessagePayload {
  const settings = { ...defaultFormatOptions, ...options };
  const content = contentLines(settings.echo ?? answer.query, settings.forUserId);
  const base = {
    ...(content === '' ? {} : { content }),
    allowed_mentions: allowedMentions(settings.forUserId),
    ...(settings.isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
  };
  if (answer.kind === 'noMatch') {
    const askerId = settings.askerId ?? '0';
    const description =
      answer.reason === 'empty'
        ? `Ask about anything in the chapters, for example \`/ask ${example(answer.suggestions)}\`.`
        : `I couldn't find a clear answer to that in the chapters.`;
    return {
      ...base,
      embeds: [
        {
          title: answer.reason === 'empty' ? 'What would you like to know?' : 'Not covered in the chapters',
          description: `${description}\n\n**Did you mean…**`,
          color: COLOR_NOTE,
        },
      ],
      components: buttonRows(
        answer.suggestions.map((suggestion) =>
          button(
            truncate(suggestion.label, DISCORD_LIMITS.buttonLabel),
            encodeCustomId({ kind: 'pick', askerId, ref: chunkRef(suggestion.id) }),
          ),
        ),
      ),
    };
  }
  const page = Math.min(Math.max(0, settings.page), answer.hits.length - 1);
  const chunk = answer.hits[page]!.chunk;
  const upNext = answer.hits.slice(page + 1, page + 1 + UP_NEXT_COUNT);
  const embed: APIEmbed = {
    author: {
      name: truncate(chunk.headings.slice(0, -1).join(' › ') || chunk.chapter, DISCORD_LIMITS.authorName),
    },
    title: truncate(chunk.headings.at(-1) ?? chunk.chapter, DISCORD_LIMITS.embedTitle),
    description: truncate(
      (answer.verdict === 'closest' ? `${CLOSEST_NOTE}\n\n` : '') +
        (escapeMarkdown(chunk.text, { keepLineBreaks: true }) || '(no text)'),
      ANSWER_TEXT_MAX,
    ),
    color: answer.verdict === 'closest' ? COLOR_CLOSEST : COLOR_ANSWER,
    footer: {
      text: truncate(
        `${chunk.source.file}:${chunk.source.line}` +
          (answer.hits.length > 1 ? ` · result ${page + 1} of ${answer.hits.length}` : ''),
        DISCORD_LIMITS.footer,
      ),
    },
  };
  const url = settings.siteUrl === null ? null : chunkUrl(chunk, settings.siteUrl);
  if (url !== null) embed.url = url;
  if (upNext.length > 0) {
    const lines = upNext.map(({ chunk: next }, offset) => {
      const where = next.feature === null ? next.chapter : (next.service ?? next.chapter);
      return `**${page + offset + 2}.** ${escapeMarkdown(next.headings.at(-1) ?? next.chapter)} — ${escapeMarkdown(where)}`;
    });
    embed.fields = [{ name: 'Up next', value: truncate(lines.join('\n'), DISCORD_LIMITS.fieldValue) }];
  }
  const hasMore = page + 1 < answer.hits.length && settings.askerId !== null;
  const more = hasMore
    ? [
        button(
          'More results',
          encodeCustomId({
            kind: 'more',
            page: page + 1,
            askerId: settings.askerId!,
            questionId: settings.questionId ?? 0,
            question: answer.query,
          }),
          ButtonStyle.Primary,
        ),
      ]
    : [];
  const feedback =
    settings.questionId === null
      ? []
      : [true, false].map((isHelpful) =>
          button(
            isHelpful ? 'Helpful' : 'Not helpful',
            encodeCustomId({
              kind: 'feedback',
              isHelpful,
              questionId: settings.questionId!,
              ref: chunkRef(chunk.id),
            }),
          ),
        );
  // Their own row: with More results and the feedback pair, two rows of Discord's five.
  const browse =
    settings.index === null
      ? []
      : browseButtons(readingStep(settings.index, chunk.id), settings.askerId ?? '0');
  return {
    ...base,
    embeds: [embed],
    components: [...buttonRows([...more, ...feedback]), ...buttonRows(browse)],
  };
}

/** Link to a chunk's section: SITE_URL + chapter path + heading anchor. */
export function chunkUrl(chunk: Chunk, siteUrl: string): string | null {
  if (!/^https?:\/\//.test(siteUrl)) return null;
  const path = chunk.source.file.replace(/\.md$/i, '').split('/').map(encodeURIComponent).join('/');
  return `${siteUrl.replace(/\/+$/, '')}/${path}/${chunk.anchor === '' ? '' : `#${chunk.anchor}`}`;
}

/** An example question from what the chapters cover: the first suggestion's title, in lower case. */
function example(suggestions: readonly { label: string }[]): string {
  const label = suggestions[0]?.label.split(' › ').at(-1);
  // It sits in a code span, where Discord shows escapes literally: only a backtick could break out.
  return label === undefined ? 'your question' : label.toLowerCase().replace(/`/g, "'");
}

function contentLines(query: string, forUserId: string | null): string {
  const lines: string[] = [];
  if (forUserId !== null) lines.push(`Answer for <@${forUserId}>`);
  if (query.trim() !== '') lines.push(`**Q:** ${truncate(escapeMarkdown(query.trim()), QUESTION_ECHO_MAX)}`);
  return truncate(lines.join('\n'), DISCORD_LIMITS.content);
}

function allowedMentions(forUserId: string | null): APIAllowedMentions {
  return forUserId === null ? { parse: [] } : { parse: [], users: [forUserId] };
}
