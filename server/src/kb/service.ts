/**
 * What other domains (the bot, the console's views, reports) use of the knowledge base. They call
 * these, never the kb tables.
 */
export { searchKb } from './index-cache.js';
export type { SearchOptions } from './index-cache.js';
export { recordGap, listGaps, gapKey } from './gaps.js';
export type { GapInput } from './gaps.js';
export { listPublicArticles, readPublicArticle } from './articles.js';
export { listCategories } from './categories.js';
export { renderMarkdown, plainText, excerptOf } from './render.js';
