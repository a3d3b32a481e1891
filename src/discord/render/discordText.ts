/** Discord's limits on what a message may hold (characters unless named otherwise). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  actionRows: 5,
  buttonsPerRow: 5,
} as const;

/**
 * Cut text to at most `max` characters at a word boundary, ending with "…" when anything was cut.
 *
 * @param text Any text.
 * @param max The limit, at least 1.
 */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = chars.slice(0, max - 1).join('');
  const space = room.search(/\s\S*$/);
  // Cut at the last space unless that throws away more than half of the room.
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s.,;:]+$/, '')}…`;
}

/** Options of `escapeMarkdown`. */
export interface EscapeOptions {
  /** Keep line breaks (chapter text); by default they become spaces, so user text stays on one line. */
  keepLineBreaks: boolean;
}

const defaultEscapeOptions: EscapeOptions = { keepLineBreaks: false };

/**
 * The one escaper: make text inert in a Discord message. Markdown can neither format it nor break the
 * layout, links do not unfurl, and mentions (`@everyone`, `<@id>`, `<@&id>`, `<#id>`) show as plain text
 * instead of pinging. Discord drops the backslashes when it renders, so escaped text reads as written.
 *
 * @param text Any text: a student's question, chapter text, a heading trail.
 * @param options Merged over `{ keepLineBreaks: false }`.
 */
export function escapeMarkdown(text: string, options: Partial<EscapeOptions> = {}): string {
  const { keepLineBreaks } = { ...defaultEscapeOptions, ...options };
  const escaped = text
    .replace(/[\\*_~`|>#\-[\]()]/g, (char) => `\\${char}`)
    .replace(/<(@[!&]?|#)/g, '<\u200b$1')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/:\/\//g, ':\u200b//');
  return keepLineBreaks ? escaped : escaped.replace(/\r?\n+/g, ' ');
}

/** Sum of the embed characters Discord counts towards its 6000 total. */
export function embedLength(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}): number {
  const length = (text: string | undefined): number => (text === undefined ? 0 : [...text].length);
  return (
    length(embed.title) +
    length(embed.description) +
    length(embed.footer?.text) +
    length(embed.author?.name) +
    (embed.fields ?? []).reduce((sum, field) => sum + length(field.name) + length(field.value), 0)
  );
}
