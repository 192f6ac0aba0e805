import type { DomainHandlers } from '../handler-types'
import { markDone, resumeEnrolment, skipStep, snoozeStep, stopEnrolment } from './actions'
import { agenda } from './agenda'
import { exportCalendar } from './calendar'
import {
  archiveSequence,
  copySequence,
  getSequence,
  listSequences,
  saveSequence,
} from './definitions'
import { enrol, previewCredits } from './enrol'
import { listEnrolments } from './enrolments'
import { reminderSettings, setReminderSettings } from './reminder-settings'
import { sequenceRunsInPeriod } from './report'

export const sequencesHandlers: DomainHandlers<'sequences'> = {
  list: ({ includeArchived }, { ledger }) => listSequences(ledger, includeArchived),
  get: ({ sequenceId }, { ledger }) => getSequence(ledger, sequenceId),
  save: (input, { ledger }) => saveSequence(ledger, input),
  copy: ({ sequenceId, name }, { ledger }) => copySequence(ledger, sequenceId, name),
  archive: ({ sequenceId }, { ledger }) => archiveSequence(ledger, sequenceId),
  creditsAhead: (input, { ledger }) => previewCredits(ledger, input),
  enrol: (input, { ledger }) => enrol(ledger, input),
  enrolments: (input, { ledger }) => listEnrolments(ledger, input),
  agenda: (input, { ledger }) => agenda(ledger, input),
  done: (input, { ledger }) => markDone(ledger, input),
  skip: ({ stepId }, { ledger }) => skipStep(ledger, stepId),
  snooze: (input, { ledger }) => snoozeStep(ledger, input),
  resume: ({ enrolmentId }, { ledger }) => resumeEnrolment(ledger, enrolmentId),
  stop: ({ enrolmentId }, { ledger }) => stopEnrolment(ledger, enrolmentId),
  exportIcs: (input, { ledger }) => exportCalendar(ledger, input),
  reminders: (_input, { ledger }) => reminderSettings(ledger),
  setReminders: (input, { ledger }) => setReminderSettings(ledger, input),
  report: (input, { ledger }) => sequenceRunsInPeriod(ledger, input),
}
