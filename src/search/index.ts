export { buildIndex, FIELD_BOOSTS, type KnowledgeIndex } from './buildIndex.js';
export { indexContent } from './indexContent.js';
export {
  defaultSearchOptions,
  searchChunks,
  type Hit,
  type SearchOptions,
  type SearchResult,
} from './searchChunks.js';
export type { Service } from './services.js';
export { validateContent, type Problem, type ValidationReport } from './validateContent.js';
