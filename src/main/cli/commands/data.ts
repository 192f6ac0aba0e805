// Your data out and back in: the JSON export, importing one, and restoring a backup.
import { basename } from 'node:path'
import type { ExportResult, ImportDataResult, RestoreResult } from '../../../shared/contract'
import type { Register } from '../program'

const rowsText = (rows: Record<string, number>): string =>
  Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `  ${table}: ${n}`)
    .join('\n')

export const registerDataCommands: Register = (program, perform) => {
  program
    .command('export')
    .description('write every table of the ledger to one JSON file (schema-versioned)')
    .option(
      '--out <file>',
      'where to write it (must not exist yet; default: exports/ beside the data file)',
    )
    .action((options: { out?: string }) =>
      perform(async ({ call }) => {
        const result = await call<ExportResult>(
          'data.export',
          options.out === undefined ? {} : { out: options.out },
        )
        return {
          json: { ...result },
          text: `Exported to ${result.file} (${result.bytes} bytes, schema ${result.schemaVersion}).\n${rowsText(result.rows)}`,
        }
      }),
    )

  program
    .command('import-data')
    .description('load a JSON export into an empty ledger (older exports are upgraded)')
    .argument('<file>', 'a file written by "export"')
    .action((file: string) =>
      perform(async ({ call }) => {
        const result = await call<ImportDataResult>('data.import', { file })
        return {
          json: { ...result },
          text: `Imported ${result.file} (schema ${result.schemaVersion}).\n${rowsText(result.rows)}`,
        }
      }),
    )

  program
    .command('restore')
    .description(
      'replace the ledger with a backup from the backups folder; the current file is kept aside (close the app first)',
    )
    .requiredOption(
      '--backup <name>',
      'the backup\'s file name, as "backups" lists it (a before-restore file undoes a restore)',
    )
    .action((options: { backup: string }) =>
      perform(async ({ call }) => {
        const result = await call<RestoreResult>('data.restore', { backup: options.backup })
        const undo = basename(result.keptAside)
        return {
          json: { ...result },
          text: `Restored ${result.restored}.\nThe ledger it replaced is kept at ${result.keptAside}.\nTo undo: restore --backup ${undo}`,
        }
      }),
    )
}
