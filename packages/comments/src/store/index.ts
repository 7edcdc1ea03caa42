export { FileStore, listIds } from './fs.ts';
export { MemoryStore } from './memory.ts';
export { duplicateKeys } from './fingerprint.ts';
export type { CommentStore, ListFilter } from './types.ts';
