// Words for sequences on screen.
import type { SequenceStep } from '../../../shared/contract'
import { weekdayNames, type Weekday } from '../../../shared/domain/schedule'

export function conditionLabel(condition: SequenceStep['condition']): string {
  if (condition === 'not-connected') return 'only if the connection request was not accepted'
  if (condition === 'connected') return 'only if they accepted the connection request'
  return ''
}

export function weekdaysLabel(days: readonly Weekday[]): string {
  if (days.length === 0) return 'any day'
  return days.map((d) => weekdayNames[d].slice(0, 3)).join(', ')
}
