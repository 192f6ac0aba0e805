// Possible duplicates, offered for a merge the user confirms (never automatic).
import { useState } from 'react'
import type { ContactSummary, DuplicatePair } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { ConfirmDialog } from '../../components/Dialog'
import { ErrorNotice } from '../../components/Notices'

const who = (c: ContactSummary) => c.name ?? c.profileUrl ?? `#${c.id}`

export function Duplicates({ version, onChanged }: { version: number; onChanged: () => void }) {
  const pairs = useQuery(() => api.contacts.duplicates({}), [version])
  const [pending, setPending] = useState<DuplicatePair | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  if (pairs.state !== 'done' || pairs.data.length === 0) return null
  return (
    <section className="card subtle" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      {error && <ErrorNotice error={error} />}
      <ul className="backup-list" aria-label="Possible duplicates">
        {pairs.data.map((pair) => (
          <li key={`${pair.a.id}-${pair.b.id}`}>
            <span>
              <strong>{who(pair.a)}</strong> and <strong>{who(pair.b)}</strong>{' '}
              <span className="muted">· {pair.reason}</span>
            </span>
            <button type="button" className="button small" onClick={() => setPending(pair)}>
              Merge…
            </button>
          </li>
        ))}
      </ul>
      {pending && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setPending(null)}
          title={`Merge ${who(pending.b)} into ${who(pending.a)}?`}
          description={`Their messages will count as one person's. ${who(pending.a)} keeps their details. You can undo this from the contact.`}
          confirmLabel="Merge"
          onConfirm={() =>
            void api.contacts.merge({ keepId: pending.a.id, mergeId: pending.b.id }).then(
              () => {
                setPending(null)
                onChanged()
              },
              (caught: unknown) => setError(toErrorInfo(caught)),
            )
          }
        />
      )}
    </section>
  )
}
