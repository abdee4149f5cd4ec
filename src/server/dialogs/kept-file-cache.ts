import { LRUCache } from 'lru-cache';
import type { BotExtras } from '../../domain/cb-export';
import type { BotDialogs } from './dialog-model';

/*
 * Per-process state: the parsed kept files of the bots this server read last, by bot and version. Every
 * save of a bot's dialogs bumps its version, so an entry is never stale, whichever server made the save: a
 * read asks the database for the version first (one small row) and parses the file only when no entry has
 * it. Reads of one bot at one version that arrive together share one parse.
 */

export interface KeptFile {
  extras: BotExtras | null;
  dialogs: BotDialogs;
  /** Whether its dialog lists are kept apart (bot_dialog_items) or still inside the whole stored file. */
  apart: boolean;
  /** Characters of stored JSON it was read from: what the cache counts against its bound. */
  bytes: number;
}

/**
 * Stored JSON the cache holds, in characters: about four of the largest bots a bot may be (5,000 dialogs,
 * 7 MB each); parsed, an entry takes some 3 to 4 times its text in memory.
 */
const DEFAULT_KEPT_FILE_CACHE_MB = 32;

export type KeptFileCache = LRUCache<string, KeptFile, () => Promise<KeptFile>>;

export function createKeptFileCache(megabytes = DEFAULT_KEPT_FILE_CACHE_MB): KeptFileCache {
  return new LRUCache<string, KeptFile, () => Promise<KeptFile>>({
    maxSize: Math.max(1, megabytes) * 1024 * 1024,
    sizeCalculation: (file) => Math.max(1, file.bytes),
    fetchMethod: (_key, _stale, { context }) => context(),
  });
}
