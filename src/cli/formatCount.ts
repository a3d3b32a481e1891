/**
 * A count with its noun in the right number: "1 chapter", "2 chapters", "0 errors".
 *
 * @param plural The plural when it is not the singular plus "s" ("glossary entries").
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
