// Every message sent, with filters, sorting, multi-select marking and keyboard shortcuts.
import { useEffect, useRef, useState } from 'react'
import type { OutreachRow } from '../../../shared/contract'
import type { ErrorInfo } from '../../../shared/contract/errors'
import { api } from '../../api/client'
import { useLedgerVersion } from '../../api/changes'
import { toErrorInfo, useQuery } from '../../api/useQuery'
import { EmptyState, ErrorNotice, Loading, ScreenNotice } from '../../components/Notices'
import { formatDay } from '../../format'
import { EnrolDialog } from '../sequences/EnrolDialog'
import { Filters, type OutreachFilters } from './Filters'
import { OutreachTable, type SortKey } from './OutreachTable'

type Action = 'replied' | 'positive' | 'meeting' | 'hired' | 'bounced'
const actions: { action: Action; label: string; key: string }[] = [
  { action: 'replied', label: 'Mark replied', key: 'r' },
  { action: 'positive', label: 'Mark positive', key: 'p' },
  { action: 'meeting', label: 'Mark meeting', key: 'm' },
  { action: 'hired', label: 'Mark hired', key: 'h' },
  { action: 'bounced', label: 'Mark bounced', key: 'b' },
]
const pageSize = 50

export function OutreachScreen() {
  const changes = useLedgerVersion()
  const [filters, setFilters] = useState<OutreachFilters>({})
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({
    key: 'sentAt',
    direction: 'desc',
  })
  const [page, setPage] = useState(0)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [version, setVersion] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const search = useRef<HTMLInputElement>(null)

  const list = useQuery(
    () =>
      api.outreach.list({
        ...filters,
        sort: sort.key,
        direction: sort.direction,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [JSON.stringify(filters), sort.key, sort.direction, page, version, changes],
  )

  async function mark(action: Action) {
    if (selected.size === 0) return
    setError(null)
    try {
      const { changed } = await api.outreach.mark({ messageIds: [...selected], action })
      setNotice(`Marked ${changed} message${changed === 1 ? '' : 's'} ${action}.`)
      setSelected(new Set())
      setVersion((v) => v + 1)
    } catch (caught) {
      setError(toErrorInfo(caught))
    }
  }

  // Shortcuts: "/" to search; r, p, m, b to mark the selection. Not while typing.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        target.closest('input, select, textarea, [role=dialog]')
      )
        return
      if (event.key === '/') {
        event.preventDefault()
        search.current?.focus()
        return
      }
      const found = actions.find((a) => a.key === event.key)
      if (found && selected.size > 0) {
        event.preventDefault()
        void mark(found.action)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const rows: OutreachRow[] = list.state === 'done' ? list.data.rows : []
  const total = list.state === 'done' ? list.data.total : 0
  return (
    <>
      <header className="page-header">
        <h1>Outreach</h1>
        <p className="subtitle">
          Every message you sent. Select rows and press <kbd>r</kbd> replied, <kbd>p</kbd> positive,{' '}
          <kbd>m</kbd> meeting, <kbd>h</kbd> hired, <kbd>b</kbd> bounced; <kbd>/</kbd> searches;{' '}
          <kbd>Ctrl</kbd>+<kbd>K</kbd> logs a new one.
        </p>
      </header>
      <Filters
        filters={filters}
        searchRef={search}
        onChange={(next) => {
          setFilters(next)
          setPage(0)
          setSelected(new Set())
        }}
      />
      <ScreenNotice notice={notice} error={error} />
      <div className="toolbar" role="toolbar" aria-label="Selected messages">
        <span className="muted" aria-live="polite">
          {selected.size} selected
        </span>
        {actions.map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className="button"
            disabled={selected.size === 0}
            onClick={() => void mark(action)}
          >
            {label}
          </button>
        ))}
        <EnrolDialog
          contactIds={[...new Set(rows.filter((r) => selected.has(r.id)).map((r) => r.contactId))]}
          onEnrolled={(result) => {
            setNotice(`Enrolled ${result.enrolmentIds.length}. ${result.credits.message}`)
            setSelected(new Set())
          }}
          trigger={
            <button type="button" className="button" disabled={selected.size === 0}>
              Enrol in sequence
            </button>
          }
        />
      </div>
      {list.state === 'loading' && <Loading what="outreach" />}
      {list.state === 'error' && <ErrorNotice error={list.error} />}
      {list.state === 'done' && total === 0 && (
        <EmptyState
          title={
            Object.keys(filters).length > 0 ? 'Nothing matches these filters' : 'No outreach yet'
          }
        >
          {Object.keys(filters).length > 0
            ? 'Clear a filter to see more.'
            : 'Log an InMail with Ctrl+K, or import your LinkedIn history from the Import screen.'}
        </EmptyState>
      )}
      {list.state === 'done' && total > 0 && (
        <>
          <OutreachTable
            rows={rows}
            sort={sort}
            onSort={(key) => {
              setSort((s) => ({
                key,
                direction: s.key === key && s.direction === 'desc' ? 'asc' : 'desc',
              }))
              setPage(0)
            }}
            selected={selected}
            onSelect={setSelected}
          />
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              className="button small"
              disabled={page === 0}
              onClick={() => setPage((p) => p - 1)}
            >
              Previous
            </button>
            <span className="muted">
              {page * pageSize + 1}–{Math.min(total, (page + 1) * pageSize)} of {total}
              {rows[0] ? ` · newest shown ${formatDay(rows[0].sentAt.slice(0, 10))}` : ''}
            </span>
            <button
              type="button"
              className="button small"
              disabled={(page + 1) * pageSize >= total}
              onClick={() => setPage((p) => p + 1)}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </>
  )
}
