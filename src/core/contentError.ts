/** A problem in a content file, located precisely enough for an author (or the Problems panel) to jump to it. */
export interface ContentError {
  readonly file: string;
  /** 1-based line number in `file`. */
  readonly line: number;
  readonly message: string;
}

export function formatContentError(e: ContentError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

/** Thrown inside a single file's parser; the loader turns it into a ContentError and moves on. */
export class ContentParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
