import type { RefObject } from 'react'
import { outreachStatuses, type OutreachChannel } from '../../../shared/contract/outreach'
import { ChannelFilter } from '../../components/ChannelFilter'
import { SeatFilter } from '../../components/SeatFilter'
import { statusLabel } from './labels'

export interface OutreachFilters {
  seatId?: number
  channel?: OutreachChannel
  status?: (typeof outreachStatuses)[number]
  template?: string
  role?: string
  from?: string
  to?: string
  search?: string
}

/** Sets one filter; an empty value removes it, so the object only names what is set. */
function set<K extends keyof OutreachFilters>(
  filters: OutreachFilters,
  key: K,
  value: OutreachFilters[K] | '',
): OutreachFilters {
  const next: OutreachFilters = { ...filters, [key]: value }
  return Object.fromEntries(
    Object.entries(next).filter(([, v]) => v !== '' && v !== undefined),
  ) as OutreachFilters
}

export function Filters({
  filters,
  onChange,
  searchRef,
}: {
  filters: OutreachFilters
  onChange: (f: OutreachFilters) => void
  searchRef: RefObject<HTMLInputElement | null>
}) {
  return (
    <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search
        <input
          ref={searchRef}
          type="search"
          value={filters.search ?? ''}
          placeholder="Name or profile"
          onChange={(e) => onChange(set(filters, 'search', e.target.value))}
        />
      </label>
      <label>
        Seat
        <SeatFilter
          includeArchived
          value={filters.seatId}
          onChange={(seatId) => onChange(set(filters, 'seatId', seatId ?? ''))}
        />
      </label>
      <label>
        Channel
        <ChannelFilter
          value={filters.channel}
          onChange={(channel) => onChange(set(filters, 'channel', channel ?? ''))}
        />
      </label>
      <label>
        Status
        <select
          value={filters.status ?? ''}
          onChange={(e) =>
            onChange(set(filters, 'status', e.target.value as OutreachFilters['status'] | ''))
          }
        >
          <option value="">Any status</option>
          {outreachStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Template
        <input
          value={filters.template ?? ''}
          onChange={(e) => onChange(set(filters, 'template', e.target.value))}
        />
      </label>
      <label>
        Role
        <input
          value={filters.role ?? ''}
          onChange={(e) => onChange(set(filters, 'role', e.target.value))}
        />
      </label>
      <label>
        From
        <input
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => onChange(set(filters, 'from', e.target.value))}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={filters.to ?? ''}
          onChange={(e) => onChange(set(filters, 'to', e.target.value))}
        />
      </label>
    </form>
  )
}
