import type { LibraryEvents } from '../io/contentLibrary.js';
import { withoutModulePrefix } from '../runProgram.js';
import type { Logger } from './logger.js';

/** Log a path the content folder holds but that was not read: `content skipped` (a link loop, say). */
export function logSkipped(logger: Logger): NonNullable<LibraryEvents['skipped']> {
  return (skipped) => logger.warn('content skipped', { ...skipped });
}

/**
 * The content library's log lines: `content reloaded`, `content error` (the last good version still
 * answers), `content skipped`, and `content watch` (how the folder is watched, and why that changed).
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
    watching: (status) =>
      (status.state === 'watching' ? logger.info : logger.warn)('content watch', { ...status }),
  };
}
