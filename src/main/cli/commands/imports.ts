import { readFileSync } from 'node:fs'
import type { ImportRecord, ImportSummary } from '../../../shared/contract'
import { CliFailure, type Register } from '../program'
import { seatByName } from './seats'

function describe(summary: ImportSummary, dryRun: boolean): string {
  const skipped = Object.entries(summary.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`)
  const lines = [
    `${dryRun ? 'Would import' : 'Imported'}: ${summary.inmails} InMails, ${summary.messages} other messages, ${summary.followups} follow-ups, ${summary.responses} responses (${summary.refunds} refunded), ${summary.meetings} meetings, ${summary.contacts} new contacts.`,
    `Already in the ledger: ${summary.duplicates}.`,
  ]
  if (summary.flagged > 0)
    lines.push(
      `! ${summary.flagged} InMails have no credit the ledger knows of (sent before the seat's start or beyond its balance): they count for analytics; reconcile or set an opening balance to clear the warning.`,
    )
  if (skipped.length > 0) lines.push(`Skipped: ${skipped.join(', ')}.`)
  if (summary.rejected.length > 0) {
    lines.push(`Could not read ${summary.rejected.length} rows:`)
    for (const r of summary.rejected.slice(0, 20)) lines.push(`  line ${r.line}: ${r.reason}`)
    if (summary.rejected.length > 20)
      lines.push(`  … and ${summary.rejected.length - 20} more (see --json)`)
  }
  return lines.join('\n')
}

export const registerImportCommands: Register = (program, perform) => {
  const importCommand = program.command('import').description('import outreach history')

  importCommand
    .command('linkedin')
    .description(
      "import LinkedIn's data export (a folder with messages.csv, or messages.csv itself)",
    )
    .argument('<path>', 'the export folder or its messages.csv')
    .requiredOption('--seat <name>', 'the seat the InMails were sent from')
    .option('--me <profile-url>', 'your own profile URL (default: the most frequent sender)')
    .option('--dry-run', 'show what would be imported; write nothing')
    .action((path: string, o: { seat: string; me?: string; dryRun?: boolean }) =>
      perform(async (ctx) => {
        const seat = await seatByName(ctx, o.seat)
        const result = await ctx.call<{
          importId: number | null
          summary: ImportSummary
          me: { profileUrl: string; detected: boolean } | null
        }>('imports.run', {
          source: { kind: 'linkedin', path, seatId: seat.id, ...(o.me ? { me: o.me } : {}) },
          dryRun: o.dryRun === true,
        })
        const who = result.me
          ? `You are ${result.me.profileUrl}${result.me.detected ? ' (detected; pass --me to change)' : ''}.\n`
          : ''
        const undo = result.importId ? `\nUndo with: imports undo ${result.importId}` : ''
        return {
          json: { ...result.summary, importId: result.importId, me: result.me },
          text: `${who}${describe(result.summary, o.dryRun === true)}${undo}`,
        }
      }),
    )

  importCommand
    .command('csv')
    .description('import a spreadsheet of outreach, with a column mapping')
    .argument('<file>', 'the CSV file')
    .requiredOption('--seat <name>', 'the seat the InMails were sent from')
    .requiredOption('--map <mapping.json>', 'which column holds what (see the README)')
    .option('--dry-run', 'show what would be imported; write nothing')
    .action((file: string, o: { seat: string; map: string; dryRun?: boolean }) =>
      perform(async (ctx) => {
        let mapping: unknown
        try {
          mapping = JSON.parse(readFileSync(o.map, 'utf8'))
        } catch (error) {
          throw new CliFailure({
            code: 'VALIDATION_FAILED',
            message: `Could not read the mapping ${o.map}: ${(error as Error).message}`,
          })
        }
        const seat = await seatByName(ctx, o.seat)
        const result = await ctx.call<{ importId: number | null; summary: ImportSummary }>(
          'imports.run',
          {
            source: { kind: 'csv', path: file, seatId: seat.id, mapping },
            dryRun: o.dryRun === true,
          },
        )
        const undo = result.importId ? `\nUndo with: imports undo ${result.importId}` : ''
        return {
          json: { ...result.summary, importId: result.importId },
          text: `${describe(result.summary, o.dryRun === true)}${undo}`,
        }
      }),
    )

  const imports = program.command('imports').description('list and undo imports')
  imports
    .command('list')
    .description('every import, newest first')
    .action(() =>
      perform(async ({ call }) => {
        const list = await call<ImportRecord[]>('imports.list', {})
        const text =
          list.length === 0
            ? 'No imports yet.'
            : list
                .map(
                  (i) =>
                    `#${i.id}  ${i.createdAt.slice(0, 16).replace('T', ' ')}  ${i.kind.padEnd(8)} ${i.source}  → ${i.seat ?? '-'}  ${i.summary.inmails} InMails, ${i.summary.messages} messages, ${i.summary.responses} responses${i.undoneAt ? '  [undone]' : ''}`,
                )
                .join('\n')
        return { json: { imports: list }, text }
      }),
    )
  imports
    .command('undo')
    .description('undo an import as a whole')
    .argument('<id>', 'the import number')
    .action((id: string) =>
      perform(async ({ call }) => {
        const record = await call<ImportRecord>('imports.undo', { importId: Number(id) })
        return { json: { import: record }, text: `Undid import #${record.id} (${record.source}).` }
      }),
    )
}
