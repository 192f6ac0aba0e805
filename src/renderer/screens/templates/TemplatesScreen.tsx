// Templates per channel, each with its own reply rate, and an editor with a live checker.
import { useState } from 'react'
import type { TemplateSummary } from '../../../shared/contract'
import { channelNames } from '../../../shared/domain/templates'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { EmptyState, ErrorNotice, Loading } from '../../components/Notices'
import { TemplateEditor } from './TemplateEditor'

function rate(t: TemplateSummary): string {
  if (t.replyRate === null || !t.interval) return 'not sent yet'
  const pct = (n: number) => `${Math.round(n * 100)}%`
  const small = t.sends < 30 ? ' — small sample, not yet meaningful' : ''
  return `${pct(t.replyRate)} replies of ${t.sends} sent (95% interval ${pct(t.interval.low)}–${pct(t.interval.high)})${small}`
}

export function TemplatesScreen() {
  const [version, setVersion] = useState(0)
  const [editing, setEditing] = useState<TemplateSummary | 'new' | null>(null)
  const list = useQuery(() => api.templates.list({}), [version])

  return (
    <>
      <header className="page-header with-actions">
        <div>
          <h1>Templates</h1>
          <p className="subtitle">
            Messages you reuse, checked against LinkedIn's limits and what earns replies.
          </p>
        </div>
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          New template
        </button>
      </header>
      <div className="master-detail">
        <section className="card" aria-labelledby="templates-heading">
          <h2 id="templates-heading">Your templates</h2>
          {list.state === 'loading' && <Loading what="templates" />}
          {list.state === 'error' && <ErrorNotice error={list.error} />}
          {list.state === 'done' && list.data.length === 0 && (
            <EmptyState title="No templates yet">
              Write the InMail you send most often; the checker helps keep it short and specific.
            </EmptyState>
          )}
          {list.state === 'done' && list.data.length > 0 && (
            <ul className="people" aria-label="Templates">
              {list.data.map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    className={`person ${editing !== 'new' && editing?.id === t.id ? 'current' : ''}`}
                    onClick={() => setEditing(t)}
                  >
                    <span className="person-name">
                      {t.name} <span className="badge">{channelNames[t.channel]}</span>{' '}
                      <span className="badge">v{t.version}</span>
                    </span>
                    <span className="muted" data-testid="template-rate">
                      {rate(t)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {editing ? (
          <TemplateEditor
            key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
            template={editing === 'new' ? null : editing}
            onSaved={(saved) => {
              setEditing(saved)
              setVersion((v) => v + 1)
            }}
          />
        ) : (
          <section className="card muted" aria-label="Template editor">
            Choose a template to edit it, or write a new one.
          </section>
        )}
      </div>
    </>
  )
}
