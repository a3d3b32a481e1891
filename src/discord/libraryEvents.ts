import type { LibraryEvents } from '../io/contentLibrary.js';
import { withoutModulePrefix } from '../runProgram.js';
import type { Logger } from './logger.js';

/** Log a path the content folder holds but that was not read: `content skipped` (a link loop, say). */
export function logSkipped(logger: Logger): NonNullable<LibraryEvents['skipped']> {
  return (skipped) => logger.warn('content skipped', { ...skipped });
}

/**
 * Log what became of the saved index: `index cache` (loaded, saved, or built because it was missing or
 * stale), as a warning when the file was damaged or could not be written.
 */
export function logCache(logger: Logger): NonNullable<LibraryEvents['cache']> {
  return (event) => {
    if (event.kind === 'built') {
      const damaged = event.miss.reason === 'corrupt';
      (damaged ? logger.warn : logger.info)(
        damaged ? 'index cache ignored; rebuilt' : 'index cache unused; built',
        {
          path: event.path,
          ...event.miss,
        },
      );
    } else if (event.kind === 'saveFailed') {
      logger.warn('index cache not saved', { path: event.path, message: event.message });
    } else {
      logger.info(`index cache ${event.kind}`, { path: event.path });
    }
  };
}

/**
 * The content library's log lines: `content reloaded`, `content error` (the last good version still
 * answers), `content skipped`, `index cache` (see `logCache`) and `content watch` (how the folder is watched, and why that changed).
 */
export function libraryEvents(logger: Logger): LibraryEvents {
  return {
    reloaded: (info) => logger.info('content reloaded', info),
    failed: (info) =>
      logger.error('content error; still answering from the last good version', {
        ...info,
        message: withoutModulePrefix(info.message),
      }),
    skipped: logSkipped(logger),
    cache: logCache(logger),
    watching: (status) =>
      (status.state === 'watching' ? logger.info : logger.warn)('content watch', { ...status }),
  };
}
