// Today: follow-up steps due today and overdue, grouped by channel, and what comes in the next
// 14 days; plus the calendar export.
import { useState } from 'react'
import type { AgendaItem } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { stepChannelNames, stepChannels } from '../../../shared/contract/sequences'
import { weekdayNames, weekdayOf } from '../../../shared/domain/schedule'
import { api } from '../../api/client'
import { ledgerChanged, useLedgerVersion } from '../../api/changes'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { EmptyState, ErrorNotice, Loading, ScreenNotice } from '../../components/Notices'
import { formatDay } from '../../format'
import { hrefFor } from '../../router'
import { AgendaItemCard, type StepAction } from './AgendaItemCard'
import { ReminderSetting } from './ReminderSetting'
import './sequences.css'

/** Groups by channel, the group with the oldest step first (items arrive soonest first). */
function byChannel(items: AgendaItem[]) {
  return stepChannels
    .map((channel) => ({ channel, items: items.filter((i) => i.channel === channel) }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => a.items[0]!.dueOn.localeCompare(b.items[0]!.dueOn))
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function AgendaScreen() {
  const changes = useLedgerVersion()
  const [version, setVersion] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)
  // What the user should know about what was just done (a snooze onto a day it does not send).
  const [warning, setWarning] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const agenda = useQuery(() => api.sequences.agenda({ days: 14 }), [version, changes])

  async function act(item: AgendaItem, action: StepAction) {
    setError(null)
    setWarning(null)
    try {
      if (action.kind === 'done') {
        const r = await api.sequences.done({ stepId: item.step })
        setNotice(
          [
            `Logged ${stepChannelNames[item.channel]} to ${item.contact}${r.creditSpent ? ' (1 credit spent)' : ''}.`,
            r.enrolment.status === 'completed' ? `${item.sequence} is complete for them.` : '',
            ...r.warnings.map((w) => w.message),
          ]
            .filter(Boolean)
            .join(' '),
        )
      } else if (action.kind === 'skip') {
        await api.sequences.skip({ stepId: item.step })
        setNotice(`Skipped ${stepChannelNames[item.channel]} to ${item.contact}.`)
      } else {
        const moved = await api.sequences.snooze({
          stepId: item.step,
          ...('to' in action ? { to: action.to } : { days: action.days }),
        })
        const step = moved.steps.find((s) => s.id === item.step)
        const later = moved.steps.filter(
          (s) => s.position > item.position && s.state === 'pending',
        ).length
        setNotice(
          `Snoozed ${item.contact} to ${step ? `${weekdayNames[weekdayOf(step.dueOn)].slice(0, 3)} ${formatDay(step.dueOn)}` : 'a later day'}${later > 0 ? `; the ${later} later step${later === 1 ? '' : 's'} moved with it` : ''}.`,
        )
        setWarning(moved.warnings.map((w) => w.message).join(' ') || null)
      }
      setVersion((v) => v + 1)
      ledgerChanged()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  async function exportCalendar() {
    setError(null)
    setWarning(null)
    try {
      const { ics, events, cancelled } = await api.sequences.exportIcs({})
      download('outreach-follow-ups.ics', ics)
      setNotice(
        `Exported ${events} step${events === 1 ? '' : 's'}${cancelled > 0 ? ` and ${cancelled} ended one${cancelled === 1 ? '' : 's'} (as cancelled)` : ''}. Importing the file again updates the same events.`,
      )
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  return (
    <>
      <header className="page-header with-actions">
        <div>
          <h1>Today</h1>
          <p className="subtitle">
            {agenda.state === 'done' ? `${formatDay(agenda.data.today)}. ` : ''}Follow-ups due,
            grouped by channel. Focus a step and press <kbd>d</kbd> done, <kbd>s</kbd> skip,{' '}
            <kbd>z</kbd> snooze a day.
          </p>
        </div>
        <button
          type="button"
          className="button nowrap"
          onClick={() => void exportCalendar()}
          title="Download an .ics file; importing it again updates the same events"
        >
          Export calendar (.ics)
        </button>
      </header>
      <ScreenNotice notice={notice} error={error} />
      {warning && (
        <p className="notice warning" role="status" data-testid="warning">
          {warning}
        </p>
      )}
      {agenda.state === 'loading' && <Loading what="the agenda" />}
      {agenda.state === 'error' && <ErrorNotice error={agenda.error} />}
      {agenda.state === 'done' && (
        <>
          {agenda.data.due.length + agenda.data.overdue.length === 0 ? (
            <div className="agenda-empty">
              <EmptyState
                title="Nothing due today"
                action={
                  <a className="button" href={hrefFor('sequences')}>
                    Open sequences
                  </a>
                }
              >
                {agenda.data.upcoming.length > 0
                  ? `The next step is on ${formatDay(agenda.data.upcoming[0]!.dueOn)}.`
                  : 'Enrol people in a sequence and their follow-ups appear here on the day.'}
              </EmptyState>
            </div>
          ) : (
            [
              { title: 'Overdue', items: agenda.data.overdue },
              { title: 'Due today', items: agenda.data.due },
            ]
              .filter((s) => s.items.length > 0)
              .map((section) => (
                <section key={section.title} className="card" aria-label={section.title}>
                  <h2>
                    {section.title} <span className="badge">{section.items.length}</span>
                  </h2>
                  {byChannel(section.items).map((group) => (
                    <div key={group.channel} className="agenda-group">
                      <h3 className="subheading">
                        {stepChannelNames[group.channel]}{' '}
                        <span className="muted">({group.items.length})</span>
                      </h3>
                      <ul
                        className="agenda-items"
                        aria-label={`${section.title}: ${stepChannelNames[group.channel]}`}
                      >
                        {group.items.map((item) => (
                          <AgendaItemCard
                            key={item.step}
                            item={item}
                            today={agenda.data.today}
                            onAction={(i, a) => void act(i, a)}
                          />
                        ))}
                      </ul>
                    </div>
                  ))}
                </section>
              ))
          )}
          <section className="card" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">Next 14 days</h2>
            {agenda.data.upcoming.length === 0 ? (
              <p className="muted">Nothing planned.</p>
            ) : (
              <table className="table upcoming-table" aria-label="Upcoming steps">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Channel</th>
                    <th scope="col">Person</th>
                    <th scope="col">Sequence</th>
                  </tr>
                </thead>
                <tbody>
                  {agenda.data.upcoming.map((item) => (
                    <tr key={item.step}>
                      <td>{formatDay(item.dueOn)}</td>
                      <td>{stepChannelNames[item.channel]}</td>
                      <td>{item.contact}</td>
                      <td>
                        {item.sequence}, step {item.position} of {item.stepCount}
                        {item.waitsFor !== null && (
                          <span className="muted"> · after step {item.waitsFor} is done</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card subtle reminders-card" aria-label="Reminders">
            <ReminderSetting />
          </section>
        </>
      )}
    </>
  )
}
