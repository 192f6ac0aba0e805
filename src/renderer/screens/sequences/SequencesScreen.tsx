// Follow-up sequences: the two built-in plans to copy, the user's own to edit, and who is
// enrolled in each.
import { useState } from 'react'
import type { Enrolled, Sequence } from '../../../shared/contract'
import { stepChannelNames } from '../../../shared/contract/sequences'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice, Loading, ScreenNotice } from '../../components/Notices'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { EnrolDialog } from './EnrolDialog'
import { Enrolments } from './Enrolments'
import { SequenceEditor } from './SequenceEditor'
import { conditionLabel, weekdaysLabel } from './labels'
import './sequences.css'

function summary(s: Sequence): string {
  const days = s.steps.map((step) => step.dayOffset).join('/')
  return `${s.steps.length} steps on days ${days} · ${weekdaysLabel(s.preferredWeekdays)}${s.businessDays ? ' · working days' : ''}`
}

function ReadOnly({ sequence }: { sequence: Sequence }) {
  return (
    <>
      <p className="muted">
        Sends on {weekdaysLabel(sequence.preferredWeekdays)}
        {sequence.businessDays ? ', counting working days' : ''}; stops at once on{' '}
        {sequence.stopOn === 'meeting' ? 'a meeting booked' : 'any response'}.
      </p>
      <ol className="sequence-steps" aria-label="Steps">
        {sequence.steps.map((step) => (
          <li key={step.position}>
            <span className="day-chip">Day {step.dayOffset}</span>
            <span>
              <strong>{stepChannelNames[step.channel]}</strong>
              {step.condition !== 'always' && (
                <span className="muted"> — {conditionLabel(step.condition)}</span>
              )}
              {step.exit && <span className="badge">exit</span>}
              {step.note && <span className="muted"> · {step.note}</span>}
              {step.template && <span className="muted"> · template {step.template}</span>}
            </span>
          </li>
        ))}
      </ol>
    </>
  )
}

export function SequencesScreen() {
  const [version, setVersion] = useState(0)
  const [selectedId, setSelectedId] = useState<number | 'new' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const list = useQuery(() => api.sequences.list({}), [version])
  const sequences = list.state === 'done' ? list.data : []
  const selected =
    selectedId === 'new'
      ? null
      : (sequences.find((s) => s.id === selectedId) ?? sequences[0] ?? null)

  async function copy(sequence: Sequence) {
    setError(null)
    setNotice(null)
    try {
      const made = await api.sequences.copy({ sequenceId: sequence.id })
      setNotice(`Copied to "${made.name}": edit it below.`)
      setSelectedId(made.id)
      setVersion((v) => v + 1)
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  async function archive(sequence: Sequence) {
    setError(null)
    setNotice(null)
    try {
      await api.sequences.archive({ sequenceId: sequence.id })
      setNotice(`Archived "${sequence.name}". Enrolments already running go on.`)
      setSelectedId(null)
      setVersion((v) => v + 1)
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  const enrolled = (result: Enrolled) => {
    setNotice(
      [
        `Enrolled ${result.enrolmentIds.length}.`,
        ...result.added.map((a) => `Added ${a.contact} as a new contact.`),
        result.credits.message,
      ].join(' '),
    )
    setVersion((v) => v + 1)
  }

  return (
    <>
      <header className="page-header with-actions">
        <div>
          <h1>Sequences</h1>
          <p className="subtitle">
            Follow-up plans across channels. Any response stops an enrolment at once; the agenda in
            Today shows what is due.
          </p>
        </div>
        <button
          type="button"
          className="button primary nowrap"
          onClick={() => {
            setSelectedId('new')
            setNotice(null)
            setError(null)
          }}
        >
          New sequence
        </button>
      </header>
      <ScreenNotice notice={notice} error={error} />
      <div className="master-detail sequences-layout">
        <section className="card" aria-labelledby="sequences-heading">
          <h2 id="sequences-heading">Your sequences</h2>
          {list.state === 'loading' && <Loading what="sequences" />}
          {list.state === 'error' && <ErrorNotice error={list.error} />}
          <ul className="people" aria-label="Sequences">
            {sequences.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={`person ${selected?.id === s.id && selectedId !== 'new' ? 'current' : ''}`}
                  onClick={() => {
                    setSelectedId(s.id)
                    setNotice(null)
                  }}
                >
                  <span className="person-name">
                    {s.name}
                    {s.builtin && <span className="badge">built in</span>}
                  </span>
                  <span className="muted">{s.active} running</span>
                  <span className="muted">{summary(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-label="Sequence">
          {selectedId === 'new' ? (
            <>
              <h2>New sequence</h2>
              <SequenceEditor
                key="new"
                sequence={null}
                onSave={() => setNotice(null)}
                onSaved={(saved) => {
                  setSelectedId(saved.id)
                  setVersion((v) => v + 1)
                }}
              />
            </>
          ) : selected ? (
            <>
              <div className="section-header">
                <h2>{selected.name}</h2>
                <div className="toolbar">
                  <EnrolDialog
                    key={selected.id}
                    sequenceId={selected.id}
                    onEnrolled={enrolled}
                    trigger={
                      <button type="button" className="button primary">
                        Enrol people
                      </button>
                    }
                  />
                  {selected.builtin ? (
                    <button type="button" className="button" onClick={() => void copy(selected)}>
                      Copy to edit
                    </button>
                  ) : (
                    <button type="button" className="button" onClick={() => void archive(selected)}>
                      Archive
                    </button>
                  )}
                </div>
              </div>
              {selected.builtin ? (
                <ReadOnly sequence={selected} />
              ) : (
                <SequenceEditor
                  key={selected.id}
                  sequence={selected}
                  onSave={() => setNotice(null)}
                  onSaved={() => setVersion((v) => v + 1)}
                />
              )}
              <Enrolments sequenceId={selected.id} version={version} />
            </>
          ) : (
            <p className="muted">Choose a sequence.</p>
          )}
        </section>
      </div>
    </>
  )
}
