// Who is enrolled in a sequence, where each stands, and stop or resume.
import { useState } from 'react'
import type { Enrolment } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { stepChannelNames } from '../../../shared/contract/sequences'
import { api } from '../../api/client'
import { ledgerChanged, useLedgerVersion } from '../../api/changes'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ErrorNotice, Loading } from '../../components/Notices'
import { formatDay } from '../../format'

function standing(e: Enrolment): string {
  if (e.status === 'stopped' && e.stoppedBy)
    return `Stopped: ${e.stoppedBy.kind} on ${formatDay(e.stoppedBy.at.slice(0, 10))}`
  if (e.status === 'cancelled') return 'Stopped by you'
  if (e.status === 'completed') return 'Completed'
  const next = e.steps.find((s) => s.state === 'pending')
  return next ? `Next: ${stepChannelNames[next.channel]} on ${formatDay(next.dueOn)}` : 'Running'
}

export function Enrolments({ sequenceId, version }: { sequenceId: number; version: number }) {
  const changes = useLedgerVersion()
  const [local, setLocal] = useState(0)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const list = useQuery(
    () => api.sequences.enrolments({ sequenceId }),
    [sequenceId, version, changes, local],
  )

  async function act(action: 'stop' | 'resume', enrolmentId: number) {
    setError(null)
    try {
      await api.sequences[action]({ enrolmentId })
      setLocal((v) => v + 1)
      ledgerChanged()
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  return (
    <>
      <h3 className="subheading">Enrolled</h3>
      {error && <ErrorNotice error={error} />}
      {list.state === 'loading' && <Loading what="enrolments" />}
      {list.state === 'error' && <ErrorNotice error={list.error} />}
      {list.state === 'done' && list.data.length === 0 && (
        <p className="muted">Nobody yet. Enrol people here, or select rows in Outreach.</p>
      )}
      {list.state === 'done' && list.data.length > 0 && (
        <table className="table" aria-label="Enrolments">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Started</th>
              <th scope="col">Where it stands</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id}>
                <td>{e.contact}</td>
                <td className="nowrap">{formatDay(e.startOn)}</td>
                <td>{standing(e)}</td>
                <td>
                  {e.status === 'active' && (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void act('stop', e.id)}
                    >
                      Stop
                    </button>
                  )}
                  {(e.status === 'stopped' || e.status === 'cancelled') &&
                    e.steps.some((s) => s.state === 'cancelled') && (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => void act('resume', e.id)}
                      >
                        Resume
                      </button>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
