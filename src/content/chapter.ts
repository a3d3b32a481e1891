/** What a chunk explains: the chapter's introduction, a service's overview or one feature. */
export type ChunkKind = 'introduction' | 'overview' | 'feature';

/** Where a chunk comes from: a file relative to the content folder and a 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One answerable piece of a chapter: a feature explanation, a service overview or an introduction. */
export interface Chunk {
  /** Stable id from slugs, unique across files: `networking-service/aws-direct-connect/global-reach`. */
  id: string;
  kind: ChunkKind;
  /** Chapter title, e.g. "Networking Service". */
  chapter: string;
  /** Service heading without a trailing colon; null for the introduction. */
  service: string | null;
  /** Feature title; null for an overview or the introduction. */
  feature: string | null;
  /** Heading trail: chapter title, then the headings above the chunk, then the feature title. */
  headings: string[];
  /** Plain-text explanation, without labels, image URLs or markdown syntax. */
  text: string;
  /** Slug of the nearest heading, for links to the published chapter. */
  anchor: string;
  source: SourceLocation;
}

/** A chapter's metadata and its chunks, in reading order. */
export interface Chapter {
  /** Path relative to the content folder, with forward slashes: `aws/networking-service.md`. */
  file: string;
  /** Path-derived slug that prefixes every chunk id of the chapter: `aws/networking-service`. */
  slug: string;
  title: string;
  /** Chapter number from front matter `pre` (HTML stripped), e.g. "1.4"; null when absent. */
  number: string | null;
  /** Sort order from front matter `weight`; chapters without one sort last. */
  weight: number | null;
  chunks: Chunk[];
  /** Glossary entries the chapter declares in its front matter (`glossary: {term: [aliases]}`). */
  glossary: { term: string; aliases: string[] }[];
}

/** A markdown file as read from disk, before parsing. */
export interface ContentFile {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  text: string;
}
