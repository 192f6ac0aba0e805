// The whole IPC contract: every channel the renderer, the browser bridge and the CLI may call.
import type { Api as ApiOf, EnvelopeApi as EnvelopeApiOf } from './channel'
import { analytics } from './analytics'
import { app } from './app'
import { credits } from './credits'
import { data } from './data'
import { seats } from './seats'
import { imports } from './imports'
import { outreach } from './outreach'
import { reports } from './reports'
import { settings } from './settings'
import { sequences } from './sequences'
import { contacts, roles, templates } from './workspace'

export const contract = {
  app,
  seats,
  credits,
  settings,
  contacts,
  roles,
  templates,
  outreach,
  imports,
  analytics,
  reports,
  data,
  sequences,
}

export type AppContract = typeof contract
export type Api = ApiOf<AppContract>
export type EnvelopeApi = EnvelopeApiOf<AppContract>

export type { AppStatus, BackupFile, BackupKind, DoctorReport } from './app'
export type { ExportDocument, ExportResult, ImportDataResult, RestoreResult } from './data'
export type { Seat, SeatTerms } from './seats'
export type { Balance, CostSummary, Reconciled, Responded, Sent, TimelinePoint } from './credits'
export type { Settings } from './settings'
export * from './errors'
export type {
  ContactDetail,
  ContactSummary,
  DuplicatePair,
  OutreachStatus,
  Role,
  TemplateSummary,
  TimelineItem,
} from './workspace'
export type { OutreachChannel, OutreachRow } from './outreach'
export type {
  CsvPreview,
  ImportJob,
  ImportPreview,
  ImportRecord,
  ImportSummary,
  PreviewRow,
} from './imports'
export type {
  Comparison,
  Funnel,
  FunnelCost,
  FunnelGroup,
  GroupBy,
  Metrics,
  Rate,
  RecruiterRuleStatus,
  TrendPoint,
} from './analytics'
export type {
  Agenda,
  AgendaItem,
  CreditsAhead,
  DoneResult,
  Enrolled,
  Enrolment,
  EnrolmentStep,
  LeftOut,
  ReminderSettings,
  Sequence,
  SequenceReport,
  SequenceRun,
  SequenceStep,
  Snoozed,
  StepChannel,
} from './sequences'
export type { Report, ReportExport, ReportFormat, PaperSize, SeatStatement } from './reports'
