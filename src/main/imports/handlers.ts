import { AppError } from '../../shared/contract/errors'
import type { DomainHandlers } from '../handler-types'
import { previewCsv } from './csv'
import { listImports, previewImport, runImport, undoImport } from './service'

export const importsHandlers: DomainHandlers<'imports'> = {
  preview: (input, { ledger }) => previewImport(ledger, input),
  previewCsv: async ({ path }) => {
    try {
      return await previewCsv(path)
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT')
        throw new AppError('NOT_FOUND', `Nothing was found at ${path}. Check the path of the file.`)
      if (error instanceof Error) throw new AppError('VALIDATION_FAILED', error.message)
      throw error
    }
  },
  run: ({ source, dryRun }, { ledger }) => runImport(ledger, source, { dryRun }),
  start: (input, { ledger, backend }) => backend.importJobs.start(ledger, input),
  progress: ({ jobId }, { backend }) => backend.importJobs.progress(jobId),
  cancel: ({ jobId }, { backend }) => backend.importJobs.cancel(jobId),
  list: (_input, { ledger }) => listImports(ledger),
  undo: ({ importId }, { ledger }) => undoImport(ledger, importId, () => undefined),
}
