// Imports run on a thread of their own (imports/thread.ts): while one writes, the app answers
// reads and the import's progress, and a write waits for the import instead of failing on
// SQLite's lock; an import that needs more memory than its thread may have stops, writing nothing.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import { startImportThread } from '../../../src/main/imports/thread'
import type { ImportJob, ImportRecord, Seat } from '../../../src/shared/contract'
import { generateExport } from '../../../bench/export-file'
import { call, eventCount, openWithSeat, tempDir } from '../../helpers/ledger'

const now = () => new Date('2026-03-10T12:00:00.000Z')
let folder = ''

beforeAll(async () => {
  // Big enough that writing takes a good part of a second.
  folder = join(tempDir(), 'export')
  await generateExport(folder, { seed: 7, messages: 20_000, from: '2025-01-01', to: '2025-12-31' })
})

const progress = (backend: Backend, jobId: string) =>
  call<ImportJob>(backend, 'imports.progress', { jobId })

async function until(backend: Backend, jobId: string, states: ImportJob['state'][]) {
  for (let i = 0; i < 3000; i++) {
    const job = await progress(backend, jobId)
    if (states.includes(job.state)) return job
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`the job never reached ${states.join(' or ')}`)
}

describe('an import on its own thread', () => {
  it('leaves reads answered while it writes, and a write waits for it to commit', async () => {
    const { backend, seat } = await openWithSeat({ now, seat: { startedOn: '2024-12-01' } })
    const { jobId } = await call<{ jobId: string }>(backend, 'imports.start', {
      kind: 'linkedin',
      path: folder,
      seatId: seat.id,
    })
    await until(backend, jobId, ['writing'])
    // Answered from the ledger as it was, while the import's transaction is open.
    const seats = await call<Seat[]>(backend, 'seats.list', {})
    expect(seats.map((s) => s.name)).toEqual([seat.name])
    expect(await call<ImportRecord[]>(backend, 'imports.list', {})).toEqual([])
    expect((await progress(backend, jobId)).state).toBe('writing')
    // Too late to cancel: it goes on writing.
    expect((await call<ImportJob>(backend, 'imports.cancel', { jobId })).state).toBe('writing')

    const before = eventCount(backend)
    await call(backend, 'credits.purchase', {
      seatId: seat.id,
      at: '2026-03-01',
      credits: 10,
      priceCents: 1000,
    })
    // The purchase waited for the import to commit, and both are in.
    const done = await progress(backend, jobId)
    expect(done).toMatchObject({ state: 'done', summary: { inmails: expect.any(Number) } })
    expect(done.state === 'done' && done.summary.inmails).toBeGreaterThan(1000)
    expect(eventCount(backend)).toBeGreaterThan(before + 1000)
    expect(await call<ImportRecord[]>(backend, 'imports.list', {})).toHaveLength(1)
  })

  it('stops with IMPORT_TOO_LARGE when it needs more memory than it may have, writing nothing', async () => {
    const { backend, seat } = await openWithSeat({ now, seat: { startedOn: '2024-12-01' } })
    const before = eventCount(backend)
    const thread = startImportThread(
      backend.ledger,
      'write',
      { kind: 'linkedin', path: folder, seatId: seat.id, overrides: {} },
      { resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } },
    )
    await expect(thread.result).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      message: expect.stringMatching(/nothing was written/),
    })
    expect(eventCount(backend)).toBe(before)
    expect(await call<ImportRecord[]>(backend, 'imports.list', {})).toEqual([])
  })
})
