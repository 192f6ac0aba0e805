// The one error shape that crosses every boundary (IPC, HTTP, CLI).

export const errorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHORIZED',
  'HOST_NOT_ALLOWED',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'SEAT_NOT_FOUND',
  'SEAT_NAME_TAKEN',
  'SEAT_ARCHIVED',
  'SEAT_CANCELLED',
  'NO_CREDITS',
  'NO_OUTREACH',
  'AMBIGUOUS_CONTACT',
  'AMBIGUOUS_SEAT',
  'BEFORE_SEAT_STARTED',
  'DATABASE_DAMAGED',
  'DATABASE_TOO_NEW',
  'DATABASE_UNAVAILABLE',
  'BACKUP_FAILED',
  'BACKUP_NOT_FOUND',
  'NOT_DAMAGED',
  'BACKUP_DAMAGED',
  'LEDGER_IN_USE',
  'LEDGER_NOT_EMPTY',
  'EXPORT_INVALID',
  'EXPORT_TOO_NEW',
  'EXPORT_FAILED',
  'DISK_FULL',
  'IMPORT_TOO_LARGE',
  'USAGE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorInfo {
  code: ErrorCode
  /** A sentence the user can act on. */
  message: string
  details?: unknown
}

export type Envelope<R> = { ok: true; result: R } | { ok: false; error: ErrorInfo }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  if (typeof value !== 'object' || value === null) return false
  const { code, message } = value as Record<string, unknown>
  return (
    typeof code === 'string' &&
    (errorCodes as readonly string[]).includes(code) &&
    typeof message === 'string'
  )
}
