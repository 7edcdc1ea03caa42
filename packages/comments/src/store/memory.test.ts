import { storeContract } from './contract.ts';
import { MemoryStore } from './memory.ts';

storeContract('MemoryStore', () => Promise.resolve(new MemoryStore()));
