// Edits one of the user's sequences: the steps (day, channel, template, note, condition, exit)
// and the options (working days only, preferred weekdays, what stops it).
import { Fragment, useState, type FormEvent } from 'react'
import type { Sequence, TemplateSummary } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import {
  stepChannelNames,
  stepChannels,
  type StepChannel,
  type StepCondition,
  type StopCondition,
} from '../../../shared/contract/sequences'
import { weekdayNames, type Weekday } from '../../../shared/domain/schedule'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice } from '../../components/Notices'

interface DraftStep {
  key: number
  dayOffset: string
  channel: StepChannel
  templateId: number | null
  note: string
  condition: StepCondition
  exit: boolean
}

const allWeekdays: Weekday[] = [1, 2, 3, 4, 5, 6, 7]
let nextKey = 1

function draftOf(sequence: Sequence | null): DraftStep[] {
  if (!sequence)
    return [
      {
        key: nextKey++,
        dayOffset: '0',
        channel: 'inmail',
        templateId: null,
        note: '',
        condition: 'always',
        exit: true,
      },
    ]
  return sequence.steps.map((s) => ({
    key: nextKey++,
    dayOffset: String(s.dayOffset),
    channel: s.channel,
    templateId: s.templateId,
    note: s.note ?? '',
    condition: s.condition,
    exit: s.exit,
  }))
}

/** Templates whose channel fits the step (a connection request uses a connection note). */
function fits(template: TemplateSummary, channel: StepChannel): boolean {
  if (channel === 'connection-request') return template.channel === 'connection-note'
  if (channel === 'call' || channel === 'task') return false
  return template.channel === channel
}

export function SequenceEditor({
  sequence,
  onSaved,
  onSave,
}: {
  sequence: Sequence | null
  onSaved: (saved: Sequence) => void
  /** Called as a save starts: the screen clears what it said about the action before. */
  onSave?: () => void
}) {
  const templates = useQuery(() => api.templates.list({}), [])
  const [name, setName] = useState(sequence?.name ?? '')
  const [businessDays, setBusinessDays] = useState(sequence?.businessDays ?? false)
  const [weekdays, setWeekdays] = useState<Weekday[]>(sequence?.preferredWeekdays ?? [2, 3, 4])
  const [stopOn, setStopOn] = useState<StopCondition>(sequence?.stopOn ?? 'any-response')
  const [steps, setSteps] = useState<DraftStep[]>(() => draftOf(sequence))
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [saved, setSaved] = useState(false)

  const change = (key: number, patch: Partial<DraftStep>) => {
    setSaved(false)
    setSteps((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)))
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setSaved(false)
    onSave?.()
    try {
      const result = await api.sequences.save({
        ...(sequence ? { sequenceId: sequence.id } : {}),
        name,
        businessDays,
        preferredWeekdays: weekdays,
        stopOn,
        steps: steps.map((s) => ({
          // Left as typed when it is not a number, so the ledger explains what to fix.
          dayOffset:
            s.dayOffset.trim() === '' || Number.isNaN(Number(s.dayOffset))
              ? (s.dayOffset as unknown as number)
              : Number(s.dayOffset),
          channel: s.channel,
          templateId: s.templateId,
          note: s.note,
          condition: s.condition,
          exit: s.exit,
        })),
      })
      setSaved(true)
      onSaved(result)
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  const templateList = templates.state === 'done' ? templates.data : []
  return (
    <form
      className="form"
      onSubmit={save}
      noValidate
      aria-label={sequence ? `Edit ${sequence.name}` : 'New sequence'}
    >
      {error && <ErrorNotice error={error} />}
      {saved && (
        <p className="notice success" role="status">
          Saved. People already enrolled keep the steps they started with.
        </p>
      )}
      <label htmlFor="sequence-name">Name</label>
      <input id="sequence-name" value={name} onChange={(e) => setName(e.target.value)} />
      <div className="sequence-options">
        <fieldset className="segmented-fieldset">
          <legend>Send on</legend>
          <div className="weekday-picker segmented">
            {allWeekdays.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={weekdays.includes(d)}
                  onChange={(e) =>
                    setWeekdays((list) =>
                      e.target.checked ? [...list, d].sort() : list.filter((x) => x !== d),
                    )
                  }
                />
                <span aria-label={weekdayNames[d]}>{weekdayNames[d].slice(0, 3)}</span>
              </label>
            ))}
          </div>
          <p className="hint">None ticked: any day. The seeds advise Tuesday to Thursday.</p>
        </fieldset>
        <div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={businessDays}
              onChange={(e) => setBusinessDays(e.target.checked)}
            />
            Count days as working days (Monday–Friday)
          </label>
          <label htmlFor="sequence-stop">Stop when</label>
          <select
            id="sequence-stop"
            value={stopOn}
            onChange={(e) => setStopOn(e.target.value as StopCondition)}
          >
            <option value="any-response">Any response (recommended)</option>
            <option value="meeting">A meeting is booked</option>
          </select>
        </div>
      </div>
      <div className="steps-scroll">
        <table className="table steps-table" aria-label="Steps">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Channel</th>
              <th scope="col">Template</th>
              <th scope="col">Only if</th>
              <th scope="col">Exit</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <Fragment key={s.key}>
                <tr className="step-row">
                  <td>
                    <input
                      type="number"
                      min={0}
                      aria-label={`Step ${i + 1} day`}
                      value={s.dayOffset}
                      onChange={(e) => change(s.key, { dayOffset: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Step ${i + 1} channel`}
                      value={s.channel}
                      onChange={(e) =>
                        change(s.key, { channel: e.target.value as StepChannel, templateId: null })
                      }
                    >
                      {stepChannels.map((c) => (
                        <option key={c} value={c}>
                          {stepChannelNames[c]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Step ${i + 1} template`}
                      value={s.templateId ?? ''}
                      onChange={(e) =>
                        change(s.key, {
                          templateId: e.target.value === '' ? null : Number(e.target.value),
                        })
                      }
                    >
                      <option value="">None</option>
                      {templateList
                        .filter((t) => fits(t, s.channel) || t.id === s.templateId)
                        .map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Step ${i + 1} condition`}
                      value={s.condition}
                      onChange={(e) =>
                        change(s.key, { condition: e.target.value as StepCondition })
                      }
                    >
                      <option value="always">Always</option>
                      <option value="not-connected">Not connected</option>
                      <option value="connected">Connected</option>
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Step ${i + 1} ends the sequence`}
                      checked={s.exit}
                      onChange={(e) => change(s.key, { exit: e.target.checked })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Remove step ${i + 1}`}
                      disabled={steps.length === 1}
                      onClick={() => setSteps((list) => list.filter((x) => x.key !== s.key))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
                <tr className="note-row">
                  <td colSpan={6}>
                    <textarea
                      rows={2}
                      maxLength={500}
                      aria-label={`Step ${i + 1} note`}
                      placeholder={`Note for step ${i + 1}: what to say or check on the day`}
                      value={s.note}
                      onChange={(e) => change(s.key, { note: e.target.value })}
                    />
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => {
            const last = steps.at(-1)
            setSteps((list) => [
              ...list,
              {
                key: nextKey++,
                dayOffset: String(Number(last?.dayOffset ?? 0) + 3),
                channel: last?.channel ?? 'inmail',
                templateId: null,
                note: '',
                condition: 'always',
                exit: false,
              },
            ])
          }}
        >
          Add step
        </button>
        <span className="toolbar-gap" />
        <button type="submit" className="button primary">
          Save sequence
        </button>
      </div>
    </form>
  )
}
