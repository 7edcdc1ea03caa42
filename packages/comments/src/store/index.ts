export { FileStore, listIds } from './fs.ts';
export { MemoryStore } from './memory.ts';
export { SqliteStore, type SqliteStoreOptions } from './sqlite.ts';
export { PostgresStore, type PostgresStoreOptions } from './postgres.ts';
export {
  buildExport,
  ExportSchema,
  ExportStore,
  readExport,
  writeExportFile,
  type CommentsExport,
} from './export.ts';
export {
  chooseStore,
  inspectFolder,
  openStore,
  type OpenStore,
  type OpenStoreOptions,
  type StoreChoice,
} from './open.ts';
export { copyComments, formatSummary, summarize, type CopyReport, type StoreSummary } from './migrate.ts';
export {
  defaultStoreSpec,
  describeStore,
  parseStoreSpec,
  redact,
  StoreSpecSchema,
  type StoreSpec,
} from './spec.ts';
export { duplicateKeys } from './fingerprint.ts';
export type { CommentStore, ListFilter, SearchQuery, SearchResult } from './types.ts';
