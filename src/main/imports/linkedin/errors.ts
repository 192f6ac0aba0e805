// Why an export as a whole could not be read. Row-level problems never throw: they become
// rejected rows and the rest of the file still imports.

export type LinkedInExportErrorCode =
  | 'NOT_FOUND'
  | 'EMPTY_FILE'
  | 'NO_MESSAGES'
  | 'NOT_CSV'
  | 'MISSING_COLUMNS'
  | 'UNTERMINATED_QUOTE'
  | 'BROKEN_QUOTES'
  | 'RECORD_TOO_LARGE'
  | 'ME_NOT_FOUND'
  | 'INVALID_ME'

export class LinkedInExportError extends Error {
  readonly code: LinkedInExportErrorCode

  constructor(code: LinkedInExportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'LinkedInExportError'
    this.code = code
  }
}

/** The error an aborted read rejects with: `name` is 'AbortError', as for fetch and streams. */
export function abortError(signal: AbortSignal): Error {
  const error = new Error('The import was cancelled before it finished.', { cause: signal.reason })
  error.name = 'AbortError'
  return error
}
