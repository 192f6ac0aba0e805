// Follow-up sequences run in the period: the sequences work's own summary, as it counts them.
import type { SequenceRun } from '../../shared/contract/sequences'
import type { Ledger } from '../ledger'
import { sequenceRunsInPeriod } from '../sequences/report'

export function sequenceRuns(ledger: Ledger, from: string, to: string): SequenceRun[] {
  return sequenceRunsInPeriod(ledger, { from, to }).sequences
}
