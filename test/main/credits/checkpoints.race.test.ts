// Another program on the same file (the CLI, browser mode) commits a backdated InMail while the
// app's first balance replays every event to save its checkpoint: the checkpoint must not count
// that row as covered. The replay is wrapped only to commit at that moment (it still runs whole).
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type * as Replay from '../../../src/main/credits/engine/replay'
import type { Balance } from '../../../src/shared/contract'
import { call, openBackend, openWithSeat, tempDir } from '../../helpers/ledger'

const during: { commit: (() => Promise<unknown>) | null } = { commit: null }
vi.mock('../../../src/main/credits/engine/replay', async (original) => {
  const replay = await original<typeof Replay>()
  return {
    ...replay,
    replayWithStart: (...args: Parameters<typeof replay.replayWithStart>) => {
      const result = replay.replayWithStart(...args)
      void during.commit?.()
      during.commit = null
      return result
    },
  }
})

const person = (i: number) => ({ profileUrl: `https://www.linkedin.com/in/person-${i}` })

describe('a checkpoint saved while another program writes', () => {
  it('sends a row committed meanwhile to a full replay, never leaves it out', async () => {
    const dbPath = join(tempDir(), 'ledger.sqlite')
    const { backend, seat } = await openWithSeat({ dbPath, seat: { startedOn: '2025-09-01' } })
    for (let i = 1; i <= 20; i++) {
      const at = `2026-01-${String(i).padStart(2, '0')}T10:00:00Z`
      await call(backend, 'credits.send', { seatId: seat.id, to: person(i), at })
    }
    backend.close()

    const app = await openBackend(dbPath)
    const other = await openBackend(dbPath)
    // Dated before the checkpoint's day (2026-02-08), committed while it is being made.
    during.commit = () =>
      call(other, 'credits.send', { seatId: seat.id, to: person(900), at: '2026-01-25T10:00:00Z' })
    await call(app, 'credits.balance', { seatId: seat.id })
    expect(during.commit).toBeNull()
    other.close()
    app.close()

    const again = await openBackend(dbPath)
    const today = await call<Balance>(again, 'credits.balance', { seatId: seat.id })
    const replayed = await call<Balance>(again, 'credits.balance', {
      seatId: seat.id,
      at: '2026-03-10T23:59:59.999Z',
    })
    expect(today.pendingRefunds.map((p) => p.contact)).toContain('linkedin.com/in/person-900')
    expect(today).toEqual(replayed)
  })
})
