// One of the import's threads hit its memory ceiling (thread.ts, records-thread.ts,
// items-thread.ts): the import stops and nothing is written.
import { AppError } from '../../shared/contract/errors'

export function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

export function importTooLarge(): AppError {
  return new AppError(
    'IMPORT_TOO_LARGE',
    'The import needed more memory than it may use, so it stopped; nothing was written. Split the file into smaller files and import them one after another.',
  )
}
