/**
 * The question in a Discord message or option, without Discord markup that carries no topic: user, role
 * and channel mentions, `@everyone`/`@here`, and custom emoji.
 */
export function questionText(raw: string): string {
  return raw
    .replace(/<(@[!&]?|#)\d+>/g, ' ')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/@(everyone|here)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
