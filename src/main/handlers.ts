// The handler map: the contract's channels bound to services, validated at the door.
import type * as z from 'zod'
import { contract } from '../shared/contract'
import { channelName } from '../shared/contract/channel'
import { AppError, type Envelope, type ErrorInfo } from '../shared/contract/errors'
import { analyticsHandlers } from './analytics/handlers'
import { appHandlers } from './app/handlers'
import type { HandlerContext, Handlers } from './handler-types'
import { contactsHandlers } from './contacts/handlers'
import { creditsHandlers } from './credits/handlers'
import { dataHandlers } from './data/handlers'
import { importsHandlers } from './imports/handlers'
import { outreachHandlers } from './outreach/handlers'
import { reportsHandlers } from './reports/handlers'
import { rolesHandlers } from './roles/service'
import { templatesHandlers } from './templates/service'
import { seatsHandlers } from './seats/handlers'
import { sequencesHandlers } from './sequences/handlers'
import { settingsHandlers } from './settings/handlers'

export const handlers: Handlers = {
  app: appHandlers,
  seats: seatsHandlers,
  credits: creditsHandlers,
  settings: settingsHandlers,
  contacts: contactsHandlers,
  roles: rolesHandlers,
  templates: templatesHandlers,
  outreach: outreachHandlers,
  imports: importsHandlers,
  analytics: analyticsHandlers,
  reports: reportsHandlers,
  data: dataHandlers,
  sequences: sequencesHandlers,
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const first = issues[0]
  if (!first) return 'The request was not valid.'
  return first.message
}

interface Route {
  input: z.ZodType
  run: (input: unknown, ctx: HandlerContext) => unknown
}

// A Map, not object lookups, so names like "__proto__" or "app.constructor" find nothing.
const routes = new Map<string, Route>()
for (const [domain, channels] of Object.entries(contract)) {
  const domainHandlers = (handlers as unknown as Record<string, Record<string, Route['run']>>)[
    domain
  ]
  for (const [method, { input }] of Object.entries(channels)) {
    const run = domainHandlers?.[method]
    if (run) routes.set(channelName(domain, method), { input, run })
  }
}

export const channelNames: readonly string[] = [...routes.keys()]

/** Looks up a channel by name ("seats.add"), validates its input and runs its handler. */
export async function dispatch(
  name: string,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Envelope<unknown>> {
  const route = routes.get(name)
  if (!route)
    return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${name}".` })

  const parsed = route.input.safeParse(rawInput === null ? undefined : rawInput)
  if (!parsed.success)
    return fail({
      code: 'VALIDATION_FAILED',
      message: describeIssues(parsed.error.issues),
      details: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    })

  try {
    return { ok: true, result: await route.run(parsed.data, ctx) }
  } catch (error) {
    if (error instanceof AppError) return fail(error.toInfo())
    // A damaged page met while reading or writing: the ledger closes and says so.
    const damaged = ctx.backend.damagedByError(error)
    if (damaged) return fail(damaged.toInfo())
    console.error(`[outreach-ledger] ${name} failed:`, error)
    return fail({
      code: 'INTERNAL',
      message: 'Something went wrong inside Outreach Ledger; nothing was saved. Please try again.',
    })
  }
}

function fail(error: ErrorInfo): Envelope<never> {
  return { ok: false, error }
}
