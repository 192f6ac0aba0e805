// People: a searchable list, one person's timeline and details, and duplicates to merge.
import { useState } from 'react'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'
import { useQuery } from '../../api/useQuery'
import { EmptyState, ErrorNotice, Loading } from '../../components/Notices'
import { formatDay } from '../../format'
import { statusLabel } from '../outreach/labels'
import { ContactPanel } from './ContactPanel'
import { Duplicates } from './Duplicates'

export function ContactsScreen() {
  const [search, setSearch] = useState('')
  const [chosen, setChosen] = useState<number | null>(null)
  const [version, setVersion] = useState(0)
  const changes = useLedgerVersion()
  const list = useQuery(
    () => api.contacts.list({ ...(search.trim() ? { search } : {}), limit: 200 }),
    [search, version, changes],
  )
  const refresh = () => setVersion((v) => v + 1)

  return (
    <>
      <header className="page-header">
        <h1>Contacts</h1>
        <p className="subtitle">
          Candidates and client contacts, with every message you exchanged.
        </p>
      </header>
      <Duplicates version={version} onChanged={refresh} />
      <div className="master-detail">
        <section className="card" aria-labelledby="people-heading">
          <div className="section-header">
            <h2 id="people-heading">People</h2>
            <input
              type="search"
              aria-label="Search contacts"
              placeholder="Search name, profile, company"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {list.state === 'loading' && <Loading what="contacts" />}
          {list.state === 'error' && <ErrorNotice error={list.error} />}
          {list.state === 'done' && list.data.total === 0 && (
            <EmptyState title={search ? 'Nobody matches' : 'No contacts yet'}>
              {search
                ? 'Try part of a name or profile URL.'
                : 'People appear here when you log or import outreach.'}
            </EmptyState>
          )}
          {list.state === 'done' && list.data.total > 0 && (
            <ul className="people" aria-label="People">
              {list.data.contacts.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`person ${chosen === c.id ? 'current' : ''}`}
                    aria-current={chosen === c.id ? 'true' : undefined}
                    onClick={() => setChosen(c.id)}
                  >
                    <span className="person-name">
                      {c.name ?? c.profileUrl?.replace('https://www.', '') ?? 'Unnamed'}
                    </span>
                    <span className="muted">
                      {[
                        c.company,
                        c.messages > 0
                          ? `${c.messages} message${c.messages === 1 ? '' : 's'}`
                          : null,
                        c.lastContactAt ? formatDay(c.lastContactAt.slice(0, 10)) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {c.status && (
                      <span className={`status status-${c.status}`}>{statusLabel[c.status]}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {list.state === 'done' && list.data.total > list.data.contacts.length && (
            <p className="muted">
              Showing {list.data.contacts.length} of {list.data.total}; search to narrow down.
            </p>
          )}
        </section>
        {chosen !== null ? (
          <ContactPanel
            key={`${chosen}-${version}-${changes}`}
            contactId={chosen}
            onChanged={refresh}
            onShow={setChosen}
          />
        ) : (
          <section className="card muted" aria-label="Contact details">
            Choose a person to see their timeline and details.
          </section>
        )}
      </div>
    </>
  )
}
