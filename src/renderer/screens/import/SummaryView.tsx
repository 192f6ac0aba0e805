import type { ImportSummary } from '../../../shared/contract'

export function SummaryView({
  summary,
  dryRun = false,
}: {
  summary: ImportSummary
  dryRun?: boolean
}) {
  const facts: [string, number][] = [
    ['InMails', summary.inmails],
    ['Other messages', summary.messages],
    ['Follow-ups', summary.followups],
    ['Responses', summary.responses],
    ['Credits refunded', summary.refunds],
    ['Meetings', summary.meetings],
    ['New contacts', summary.contacts],
    ['Already imported', summary.duplicates],
  ]
  const skipped = Object.entries(summary.skipped).filter(([, n]) => n > 0)
  return (
    <div className="import-summary" aria-label={dryRun ? 'Would import' : 'Imported'}>
      <dl className="summary-grid">
        {facts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {summary.flagged > 0 && (
        <p className="notice warning" role="note">
          {summary.flagged} InMails have no credit the ledger knows of (sent before the seat's start
          date or beyond its balance). They count in your analytics; reconcile or give the seat an
          opening balance to clear the warning.
        </p>
      )}
      {skipped.length > 0 && (
        <p className="muted">
          Skipped: {skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}.
        </p>
      )}
      {summary.rejected.length > 0 && (
        <details className="rejected">
          <summary>
            {summary.rejected.length} row{summary.rejected.length === 1 ? '' : 's'} could not be
            read (the rest {dryRun ? 'will import' : 'was imported'})
          </summary>
          <ul aria-label="Rows that could not be read">
            {summary.rejected.slice(0, 100).map((r) => (
              <li key={`${r.line}-${r.reason}`}>
                Line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
