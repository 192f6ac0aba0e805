// The report as a page on screen: the PDF's sections from the same model (shared/reports), so
// what the preview shows is what prints. Long parts (a seat's entries) fold away.
import type { Report } from '../../../shared/contract'
import * as model from '../../../shared/reports/sections'
import { instantText, rateText, whole } from '../../../shared/reports/words'

function Table({ table }: { table: model.SectionTable }) {
  return (
    <>
      <table className="table report-table" aria-label={table.label}>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.align === 'right' ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={table.columns[i]?.align === 'right' ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.caption && <p className="muted report-note">{table.caption}</p>}
    </>
  )
}

function BlockView({ block }: { block: model.Block }) {
  switch (block.kind) {
    case 'text':
      return block.tone === 'strong' ? (
        <p>
          <strong>{block.text}</strong>
        </p>
      ) : (
        <p className={block.tone === 'muted' ? 'muted report-note' : undefined}>{block.text}</p>
      )
    case 'table':
      return <Table table={block.table} />
    case 'details':
      return (
        <details className="report-details">
          <summary>{block.summary}</summary>
          {block.blocks.map((b, i) => (
            <BlockView key={i} block={b} />
          ))}
        </details>
      )
  }
}

function ReplyTime({ report }: { report: Report }) {
  const facts = model.replyTimeFacts(report)
  return (
    <section aria-labelledby="report-reply-time">
      <h3 id="report-reply-time">Time to first reply</h3>
      {facts === null ? (
        <p className="muted">No replies to outreach sent in this period yet.</p>
      ) : (
        <dl className="facts report-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

export function ReportPreview({ report }: { report: Report }) {
  const f = report.funnel
  const warnings = model.warningsText(report)
  return (
    <article className="report-page" aria-label="Report preview">
      <header className="report-head">
        <h2>Outreach report</h2>
        <p className="report-period">
          {report.period.label} · {report.scope.label}
        </p>
        <p className="muted">{model.scopeSentence(report)}</p>
      </header>

      <dl className="report-tiles" aria-label="Key figures">
        {model.keyFigures(report).map((tile) => (
          <div className="report-tile" key={tile.label}>
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
            {tile.note && <small className="report-tile-note">{tile.note}</small>}
            <span>
              <strong>{tile.change}</strong> vs {model.versus(report)}
            </span>
          </div>
        ))}
      </dl>

      <section aria-labelledby="report-funnel">
        <h3 id="report-funnel">Funnel</h3>
        {f.delivered === 0 ? (
          <p className="muted">Nothing was sent in this period.</p>
        ) : (
          <>
            <ul className="report-funnel">
              {model.funnelStages(report).map((s) => (
                <li key={s.label}>
                  <span className="report-funnel-label">{s.label}</span>
                  <span className="report-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(0.5, (100 * s.n) / f.delivered)}%` }} />
                  </span>
                  <span className="report-funnel-value">
                    {whole(s.n)}
                    {s.rate && <span className="muted"> · {rateText(s.rate)}</span>}
                  </span>
                </li>
              ))}
            </ul>
            <p className="muted report-note">{model.funnelNote(report)}</p>
          </>
        )}
      </section>

      {model.reportSections(report).map((section) => (
        // Keyed by scope too: another scope's report starts with its parts folded.
        <div key={`${report.scope.label}:${section.id}`}>
          <section aria-labelledby={`report-${section.id}`}>
            <h3 id={`report-${section.id}`}>{section.heading}</h3>
            {section.blocks.map((b, i) => (
              <BlockView key={i} block={b} />
            ))}
          </section>
          {section.id === 'change' && <ReplyTime report={report} />}
        </div>
      ))}

      <section aria-labelledby="report-warnings">
        <h3 id="report-warnings">{warnings.heading}</h3>
        {report.warnings.length === 0 ? (
          <p className="muted">{warnings.none}</p>
        ) : (
          <ul className="warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.seat}:</strong> {w.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="report-foot muted">
        Generated {instantText(report.generatedAt, report.timeZone)} · period {report.period.from}{' '}
        to {report.period.to}
      </footer>
    </article>
  )
}
