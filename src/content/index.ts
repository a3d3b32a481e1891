export type { Chapter, Chunk, ChunkKind, ContentFile, SourceLocation } from './chapter.js';
export { chunkChapter, slugify } from './chunkChapter.js';
export { ContentError } from './contentError.js';
export { parseFrontMatter, type FrontMatter } from './parseFrontMatter.js';
export { parseGlossary, type GlossaryEntry } from './parseGlossary.js';
