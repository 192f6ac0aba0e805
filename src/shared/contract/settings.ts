// App settings kept in the ledger file.
import * as z from 'zod'
import { channel } from './channel'

export interface Settings {
  /** IANA time zone that decides which calendar day an instant falls on. */
  timeZone: string
}

export const settings = {
  get: channel<Settings>()(z.object({}).strict().default({})),
  update: channel<Settings>()(
    z.object({
      timeZone: z
        .string({ error: 'Give a time zone name like Europe/Berlin.' })
        .trim()
        .min(1, { error: 'Give a time zone name like Europe/Berlin.' })
        .max(64)
        .optional(),
    }),
  ),
}
