// The whole IPC contract: every channel the renderer, the browser bridge and the CLI may call.
import type { Api as ApiOf, EnvelopeApi as EnvelopeApiOf } from './channel'
import { app } from './app'
import { seats } from './seats'

export const contract = { app, seats }

export type AppContract = typeof contract
export type Api = ApiOf<AppContract>
export type EnvelopeApi = EnvelopeApiOf<AppContract>

export type { AppStatus, BackupFile, DoctorReport } from './app'
export type { Seat, SeatTerms } from './seats'
export * from './errors'
