/**
 * A question as it is searched, whichever shell it came from: without chat markup that names no topic
 * (user, role and channel mentions, `@everyone` and `@here`, custom emoji), without invisible format
 * characters (zero-width spaces and joiners, soft hyphens, direction marks, a byte-order mark), which
 * would split or glue words unseen, and with control characters and runs of white space as one space.
 */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/<(@[!&]?|#)\d+>/g, ' ')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/@(everyone|here)\b/gi, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}
