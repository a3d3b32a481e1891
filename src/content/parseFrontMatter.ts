import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
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

/** The opening fence: `---`, optionally followed by a language (`---yaml`, `---js`). */
const OPENING_FENCE = /^---[ \t]*([^\s-][^\s]*)?[ \t]*$/;
/** The closing fence; YAML's document-end marker `...` closes too. */
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;
const YAML_LANGUAGE = /^ya?ml$/i;
/** Most YAML aliases a front matter may expand: enough for any real header, too few for a billion laughs. */
const MAX_ALIAS_COUNT = 50;

const EMPTY: FrontMatter = { title: null, number: null, weight: null, glossary: {} };

/**
 * Split a chapter into front matter and body. Only YAML is read, with the `yaml` package's safe core
 * schema: content is data and never runs code, so a `---js` fence (which gray-matter would evaluate) is a
 * ContentError, as are an unclosed fence, YAML that does not parse and a `weight` that is not a number.
 * Unknown or odd values (an R-markdown `date` such as "`r Sys.Date()`") are ignored.
 *
 * @param text The whole file.
 * @param file Path relative to the content folder, for error messages.
 */
export function parseFrontMatter(text: string, file: string): ParsedFile {
  const lines = text.split('\n');
  const opening = OPENING_FENCE.exec(lines[0]!.replace(/\r$/, ''));
  if (opening === null) return { frontMatter: EMPTY, body: text, bodyLineOffset: 0 };
  const language = opening[1];
  if (language !== undefined && !YAML_LANGUAGE.test(language)) {
    throw new ContentError(
      `parseFrontMatter: front matter fenced as "${language}" is not allowed; only YAML front matter ` +
        '(a plain "---" fence) is read, and content never runs code',
      file,
      1,
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line.replace(/\r$/, '')));
  if (close < 0) {
    throw new ContentError(
      'parseFrontMatter: front matter opened with "---" is never closed; end it with a line of "---"',
      file,
      1,
    );
  }
  const yamlText = lines.slice(1, close).join('\n');
  return {
    frontMatter: readFrontMatter(yamlText, file),
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
  };
}

/** Parse the YAML between the fences; its first line is the file's line 2. */
function readFrontMatter(yamlText: string, file: string): FrontMatter {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;
  const error = document.errors[0];
  if (error !== undefined) {
    const line = error.linePos === undefined ? 1 : error.linePos[0].line + 1;
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ContentError(`parseFrontMatter: invalid front matter YAML (${reason})`, file, line);
  }
  if (document.contents === null) return EMPTY;
  if (!isMap(document.contents)) {
    throw new ContentError('parseFrontMatter: front matter must be a mapping of "key: value" lines', file, 2);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new ContentError(
      `parseFrontMatter: invalid front matter YAML (${(cause as Error).message})`,
      file,
      2,
    );
  }
  const values: Record<string, unknown> = isRecord(data) ? data : {};
  const weightPair = document.contents.items.find(
    (pair) => isScalar(pair.key) && pair.key.value === 'weight',
  );
  return {
    title: readText(values.title),
    number: readText(values.pre),
    weight: readWeight(values.weight, file, lineOf(weightPair?.value?.range?.[0])),
    glossary: readGlossary(values.glossary),
  };
}

/** `weight` orders chapters; a value that is not a number is a mistake worth naming, not a silent last place. */
function readWeight(value: unknown, file: string, line: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ContentError(
    `parseFrontMatter: weight must be a number (it orders chapters), got ${JSON.stringify(value)}`,
    file,
    line,
  );
}

/** `title` and `pre` may hold HTML such as `<b> 1.4 </b>`; their value is the text. */
function readText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = stripHtml(String(value));
  return text === '' ? null : text;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
