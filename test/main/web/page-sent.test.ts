// Browser mode reads the seats' balances while the browser parses the page's scripts: it is told
// when the page and every file it names have been sent (or at the first call, if sooner), and
// the reading leaves the ledger file as it was.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { warmUp } from '../../../src/main/web/warm-up'
import { holdsSeat } from '../../../src/main/credits/cache'
import type { Seat } from '../../../src/shared/contract'
import { call, openBackend, tempDir } from '../../helpers/ledger'
import { checkpointSeats, userRows } from '../../helpers/rows'

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const page = `<!doctype html><title>Outreach Ledger</title>
<script type="module" crossorigin src="./assets/index-1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/shared-2.js">
<link rel="stylesheet" crossorigin href="./assets/index-3.css">`

async function start() {
  const backend = await openBackend()
  const rendererDir = join(tempDir(), 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), page)
  for (const name of ['index-1.js', 'shared-2.js', 'index-3.css', 'later-4.js'])
    writeFileSync(join(rendererDir, 'assets', name), `/* ${name} */`)
  const sent: string[] = []
  server = await startWebServer({
    backend,
    rendererDir,
    token: 'test-token',
    onPageSent: () => sent.push('page sent'),
  })
  const base = `http://127.0.0.1:${server.port}`
  const get = (path: string) => fetch(base + path).then((r) => r.text())
  const api = (channel: string) =>
    fetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token' },
      body: '{}',
    }).then((r) => r.json() as Promise<unknown>)
  return { backend, sent, get, api }
}

describe('the page sent', () => {
  it('is told once, when the page and every file it names have gone out', async () => {
    const { sent, get } = await start()
    await get('/')
    await get('/assets/index-1.js')
    await get('/assets/shared-2.js')
    expect(sent).toEqual([])
    await get('/assets/index-3.css')
    await expect.poll(() => sent).toEqual(['page sent'])
    // Screens loaded later, or the page again, tell nothing more.
    await get('/assets/later-4.js')
    await get('/')
    expect(sent).toEqual(['page sent'])
  })

  it('is told at the first call to the API if that comes first', async () => {
    const { sent, get, api } = await start()
    await get('/')
    await api('app.status')
    expect(sent).toEqual(['page sent'])
  })
})

describe('reading the balances ahead', () => {
  it("reads every seat, and writes nothing of the user's", async () => {
    const backend = await openBackend()
    const ids: number[] = []
    for (const name of ['Work', 'Second']) {
      const seat = await call<Seat>(backend, 'seats.add', {
        name,
        planId: 'recruiter-lite',
        startedOn: '2026-01-05',
      })
      ids.push(seat.id)
    }
    const before = userRows(backend.paths.dbPath)
    await warmUp(backend)
    expect(ids.map((id) => holdsSeat(backend.ledger, id))).toEqual([true, true])
    expect(userRows(backend.paths.dbPath)).toEqual(before)
    // Only what the balances are derived from: each seat's credit checkpoint.
    expect(checkpointSeats(backend.paths.dbPath)).toEqual(ids)
  })
})
