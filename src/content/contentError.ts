/** A fault in an author's content file, located by file and line so the author can fix it. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | null;

  /**
   * @param message What is wrong, prefixed with the module that found it.
   * @param file Path relative to the content folder.
   * @param line 1-based line, or null when the fault concerns the whole file.
   */
  constructor(message: string, file: string, line: number | null) {
    super(`${message} at ${file}${line === null ? '' : `:${line}`}`);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
  }
}
