import type { BackupFile, DoctorReport } from '../../../shared/contract'
import type { Register } from '../program'

export const registerAppCommands: Register = (program, perform) => {
  program
    .command('doctor')
    .description('show where the data lives, its schema version and an integrity check')
    .action(() =>
      perform(async ({ call }) => {
        const report = await call<DoctorReport>('app.doctor', {})
        const lines = [
          `Outreach Ledger ${report.appVersion}`,
          `Data file:   ${report.dbPath}`,
          `Backups:     ${report.backupsDir}`,
          `Schema:      ${report.schemaVersion} (this app: ${report.latestSchemaVersion})`,
          report.integrity.ok
            ? 'Integrity:   ok'
            : `Integrity:   PROBLEMS\n${report.integrity.problems.map((p) => `  - ${p}`).join('\n')}`,
        ]
        return {
          json: { ...report },
          text: lines.join('\n'),
          exitCode: report.integrity.ok ? 0 : 1,
        }
      }),
    )

  program
    .command('backup')
    .description('write a consistent copy of the ledger (default: into the backups folder)')
    .option('--out <file>', 'where to write the backup instead (must not exist yet)')
    .action((options: { out?: string }) =>
      perform(async ({ call }) => {
        const result = await call<{ file: string; bytes: number }>(
          'app.backup',
          options.out === undefined ? {} : { out: options.out },
        )
        return { json: result, text: `Backed up to ${result.file} (${result.bytes} bytes).` }
      }),
    )

  program
    .command('backups')
    .description(
      'list the backups (daily, weekly, manual, pre-migration) and the ledgers restores replaced (before-restore)',
    )
    .action(() =>
      perform(async ({ call }) => {
        const backups = await call<BackupFile[]>('app.backups', {})
        const text =
          backups.length === 0
            ? 'No backups yet. Run "backup" to make one.'
            : backups
                .map((b) => `${b.createdAt}  ${b.kind.padEnd(14)}  ${b.name}  (${b.bytes} bytes)`)
                .join('\n')
        return { json: { backups }, text }
      }),
    )
}
