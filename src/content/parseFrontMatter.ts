import matter from 'gray-matter';
import { ContentError } from './contentError.js';

/** What the chunker uses from a chapter's front matter; every other key is ignored. */
export interface FrontMatter {
  title: string | null;
  number: string | null;
  weight: number | null;
  /** Glossary entries declared by the chapter itself: canonical term → aliases. */
  glossary: Record<string, string[]>;
}

/** A chapter split into its front matter and its markdown body. */
export interface ParsedFile {
  frontMatter: FrontMatter;
  body: string;
  /** Number of file lines before the body's first line, to turn body lines into file lines. */
  bodyLineOffset: number;
}

interface YamlMark {
  line?: number;
}

/**
 * Split a chapter into front matter and body with gray-matter.
 *
 * Unknown or odd values (an R-markdown `date` such as "`r Sys.Date()`") are ignored, never an error;
 * YAML that does not parse is a ContentError naming the line.
 *
 * @param text The whole file.
 * @param file Path relative to the content folder, for error messages.
 */
export function parseFrontMatter(text: string, file: string): ParsedFile {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options, even empty ones, keeps gray-matter from caching every file it has seen.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: YamlMark }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // The YAML buffer starts right after the opening `---`, on the file's first line.
    const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
    throw new ContentError(`parseFrontMatter: invalid front matter YAML (${reason})`, file, line);
  }
  const data: Record<string, unknown> = isRecord(parsed.data) ? parsed.data : {};
  const prefix = text.slice(0, text.length - parsed.content.length);
  return {
    frontMatter: {
      title: readTitle(data.title),
      number: readNumber(data.pre),
      weight: typeof data.weight === 'number' && Number.isFinite(data.weight) ? data.weight : null,
      glossary: readGlossary(data.glossary),
    },
    body: parsed.content,
    bodyLineOffset: countNewlines(prefix),
  };
}

function readTitle(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const title = stripHtml(String(value));
  return title === '' ? null : title;
}

/** `pre` holds HTML such as `<b> 1.4 </b>`; the chapter number is its text. */
function readNumber(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const number = stripHtml(String(value));
  return number === '' ? null : number;
}

function readGlossary(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) return {};
  const glossary: Record<string, string[]> = {};
  for (const [term, aliases] of Object.entries(value)) {
    const list = Array.isArray(aliases) ? aliases : [aliases];
    glossary[term] = list.filter((alias): alias is string => typeof alias === 'string');
  }
  return glossary;
}

function stripHtml(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
