export { buildIndex, type KnowledgeIndex } from './buildIndex.js';
export { defaultRankingOptions, type RankingOptions } from './rankingOptions.js';
export { indexContent } from './indexContent.js';
export { searchChunks, type Hit, type SearchResult } from './searchChunks.js';
export { judgeVerdict, type Verdict } from './verdict.js';
export type { Service } from './services.js';
export { validateContent, type Problem, type ValidationReport } from './validateContent.js';
