/**
 * The knowledge-base search engine (see engine.ts for how it works and why). Pure and synchronous:
 * the KB service hands it articles and keeps it fresh; nothing here touches the database.
 */
export { KbIndex } from './engine.js';
export type { EngineHit, EngineOptions, EngineResult, IndexedArticle, SearchOptions } from './engine.js';
export { normalizeQuestion, queryLocales } from './locale.js';
