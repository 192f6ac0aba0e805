// Desktop reminders when follow-up steps fall due: at 9:00 in the user's zone on the step's day
// (or at once for overdue steps when the app starts), one notification per batch, each step
// once per run. No Electron here: the shell passes `notify`, so this runs and is tested in Node.
import type { Agenda, AgendaItem } from '../../shared/contract/sequences'
import { stepChannelNames } from '../../shared/contract/sequences'
import type { Envelope } from '../../shared/contract/errors'
import { reminderInstant } from '../sequences/clock'

export interface Reminder {
  title: string
  body: string
  steps: number[]
}

/** The hour of the day (local) a step's reminder fires. */
export const reminderHour = 9
/** How often the shell looks; reminders are a convenience, a minute late is fine. */
export const checkEveryMs = 60_000

function line(item: AgendaItem): string {
  return `${stepChannelNames[item.channel]} to ${item.contact} (${item.sequence})`
}

/** What to show now, or null: steps due by now that have not been shown this run. */
export function dueReminder(
  agenda: Agenda,
  shown: ReadonlySet<number>,
  now: Date,
  timeZone: string,
): Reminder | null {
  const nowIso = now.toISOString()
  const fresh = [...agenda.overdue, ...agenda.due].filter(
    (item) =>
      !shown.has(item.step) && reminderInstant(item.dueOn, timeZone, reminderHour) <= nowIso,
  )
  if (fresh.length === 0) return null
  const lines = fresh.slice(0, 3).map(line)
  if (fresh.length > 3) lines.push(`and ${fresh.length - 3} more`)
  return {
    title: fresh.length === 1 ? 'A follow-up is due' : `${fresh.length} follow-ups are due`,
    body: lines.join('\n'),
    steps: fresh.map((i) => i.step),
  }
}

type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>

/** Looks at the agenda every minute and calls `notify` with anything newly due. */
export class ReminderLoop {
  private readonly shown = new Set<number>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly invoke: Invoke,
    private readonly notify: (reminder: Reminder) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One look; returns what it showed (for tests and logs). */
  async check(): Promise<Reminder | null> {
    const [agenda, settings] = await Promise.all([
      this.invoke('sequences.agenda', { days: 0 }),
      this.invoke('settings.get', {}),
    ])
    // A ledger that cannot be read shows its problem in the window, not in a notification.
    if (!agenda.ok || !settings.ok) return null
    const reminder = dueReminder(
      agenda.result as Agenda,
      this.shown,
      this.now(),
      (settings.result as { timeZone: string }).timeZone,
    )
    if (!reminder) return null
    for (const step of reminder.steps) this.shown.add(step)
    this.notify(reminder)
    return reminder
  }

  start(): void {
    void this.check()
    this.timer ??= setInterval(() => void this.check(), checkEveryMs)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}

/** The arguments the login item starts the app with: no window, reminders only. */
export const atLoginArgument = '--reminders-at-login'

export function loginItemSettings(startAtLogin: boolean): {
  openAtLogin: boolean
  args: string[]
} {
  return { openAtLogin: startAtLogin, args: startAtLogin ? [atLoginArgument] : [] }
}

/**
 * Closing the last window keeps the app running (in the tray) when it was started at login or
 * the user asked for reminders at login: otherwise the reminders would stop with the window.
 */
export function keepRunningInTray(state: { startedAtLogin: boolean; startAtLogin: boolean }) {
  return state.startedAtLogin || state.startAtLogin
}

/** The tray's menu, in order; the shell maps each id to what it does. */
export const trayMenu: readonly { id: 'open' | 'quit'; label: string }[] = [
  { id: 'open', label: 'Open Outreach Ledger' },
  { id: 'quit', label: 'Quit' },
]

export const trayTooltip = 'Outreach Ledger: follow-up reminders are on'
