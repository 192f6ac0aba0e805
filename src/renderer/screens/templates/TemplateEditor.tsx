import { useState, type FormEvent } from 'react'
import type { TemplateSummary } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import {
  channelNames,
  checkTemplate,
  mergeFields,
  templateChannels,
  words,
  type TemplateChannel,
} from '../../../shared/domain/templates'
import { api } from '../../api/client'
import { toErrorInfo } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'

const levelLabel = { limit: 'Must fix', advice: 'Advice', good: 'Good' } as const

export function TemplateEditor({
  template,
  onSaved,
}: {
  template: TemplateSummary | null
  onSaved: (saved: TemplateSummary) => void
}) {
  const [name, setName] = useState(template?.name ?? '')
  const [channel, setChannel] = useState<TemplateChannel>(template?.channel ?? 'inmail')
  const [subject, setSubject] = useState(template?.subject ?? '')
  const [body, setBody] = useState(template?.body ?? '')
  const [error, setError] = useState<ErrorInfo | null>(null)
  const findings = checkTemplate({ channel, subject, body })
  const hasSubject = channel === 'inmail' || channel === 'email'

  async function save(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const saved = template
        ? await api.templates.update({
            templateId: template.id,
            name,
            subject: hasSubject ? subject : null,
            body,
          })
        : await api.templates.add({ name, channel, subject: hasSubject ? subject : null, body })
      onSaved(saved)
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  return (
    <section className="card" aria-label="Template editor">
      <form
        className="form"
        onSubmit={save}
        noValidate
        aria-label={template ? `Edit ${template.name}` : 'New template'}
      >
        <h2>{template ? `${template.name} (version ${template.version})` : 'New template'}</h2>
        {error && <ErrorNotice error={error} />}
        <label htmlFor="template-name">Name</label>
        <input id="template-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="template-channel">Channel</label>
        <select
          id="template-channel"
          value={channel}
          disabled={template !== null}
          onChange={(e) => setChannel(e.target.value as TemplateChannel)}
        >
          {templateChannels.map((c) => (
            <option key={c} value={c}>
              {channelNames[c]}
            </option>
          ))}
        </select>
        {hasSubject && (
          <>
            <label htmlFor="template-subject">Subject</label>
            <input
              id="template-subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </>
        )}
        <label htmlFor="template-body">Message</label>
        <textarea
          id="template-body"
          rows={9}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <p className="hint" data-testid="template-counts">
          {body.length} characters · {words(body)} words · merge fields:{' '}
          {Object.keys(mergeFields)
            .map((f) => `{${f}}`)
            .join(' ')}
        </p>
        <ul className="findings" aria-label="Checks">
          {findings.map((f) => (
            <li key={f.code} className={`finding-${f.level}`} data-code={f.code}>
              <strong>{levelLabel[f.level]}:</strong> {f.message}
            </li>
          ))}
        </ul>
        {template && template.sends > 0 && (
          <p className="muted">
            Saving a changed text starts version {template.version + 1}; replies are counted per
            template.
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button primary">
            {template ? 'Save' : 'Create template'}
          </button>
        </div>
      </form>
    </section>
  )
}
