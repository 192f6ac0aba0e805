import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { openBackend, seatCount, tempDir } from '../../helpers/ledger'

let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start() {
  const backend = await openBackend()
  const root = tempDir()
  const rendererDir = join(root, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(root, 'secret.txt'), 'secret')
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Outreach Ledger</title>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  server = await startWebServer({ backend, rendererDir, token: 'test-token' })
  return { backend, server }
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so tests can send any Host header and path. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const auth = { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' }
const addWork = JSON.stringify({ name: 'Work', planId: 'recruiter-lite', startedOn: '2026-01-05' })

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', async () => {
    const { server } = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=test-token$/)
  })

  it('runs a channel for a request with the token', async () => {
    const { server, backend } = await start()
    const reply = await send(server.port, '/api/seats.add', {
      method: 'POST',
      headers: auth,
      body: addWork,
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      result: { name: 'Work', planName: 'Recruiter Lite' },
    })
    expect(seatCount(backend)).toBe(1)
  })

  it('answers 401 without the token or with a wrong one, and writes nothing', async () => {
    const { server, backend } = await start()
    const attempts: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      { Authorization: 'Bearer wrong-token', 'Content-Type': 'application/json' },
      { Authorization: 'Bearer test-token-but-longer' },
    ]
    for (const headers of attempts) {
      const reply = await send(server.port, '/api/seats.add', {
        method: 'POST',
        headers,
        body: addWork,
      })
      expect(reply.status).toBe(401)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    }
    expect(seatCount(backend)).toBe(0)
  })

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { server, backend } = await start()
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1:1']) {
      const api = await send(server.port, '/api/seats.add', {
        method: 'POST',
        headers: { ...auth, Host: host },
        body: addWork,
      })
      expect(api.status).toBe(403)
      expect(JSON.parse(api.body).error.code).toBe('HOST_NOT_ALLOWED')
      expect((await send(server.port, '/', { headers: { Host: host } })).status).toBe(403)
    }
    expect(
      (await send(server.port, '/', { headers: { Host: `localhost:${server.port}` } })).status,
    ).toBe(200)
    expect(seatCount(backend)).toBe(0)
  })

  it('gives each kind of bad request its own error code', async () => {
    const { server, backend } = await start()
    const post = (path: string, body: string | Buffer) =>
      send(server.port, path, { method: 'POST', headers: auth, body })
    const cases: [Promise<Reply>, number, string][] = [
      [post('/api/seats.add', '{"name": '), 400, 'INVALID_JSON'],
      [post('/api/seats.add', '{"name": "x"}'), 400, 'VALIDATION_FAILED'],
      [post('/api/seats.add', '[1,2,3]'), 400, 'VALIDATION_FAILED'],
      [post('/api/seats.drop', '{}'), 404, 'UNKNOWN_CHANNEL'],
      [post('/api/__proto__', '{}'), 404, 'UNKNOWN_CHANNEL'],
      [post('/api/seats.add', Buffer.alloc(2 * 1024 * 1024, 0x20)), 413, 'PAYLOAD_TOO_LARGE'],
      [send(server.port, '/api/seats.list', { headers: auth }), 404, 'NOT_FOUND'],
    ]
    for (const [reply, status, code] of cases) {
      const { status: got, body } = await reply
      expect({ got, code: JSON.parse(body).error.code }).toEqual({ got: status, code })
    }
    expect(seatCount(backend)).toBe(0)
  })

  it('serves the app with a strict Content-Security-Policy', async () => {
    const { server } = await start()
    const page = await send(server.port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Outreach Ledger</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const script = await send(server.port, '/assets/app.js')
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    // Client-side routes get the app.
    expect((await send(server.port, '/settings')).body).toContain('<title>')
  })

  it('never serves a file outside the renderer folder', async () => {
    const { server } = await start()
    for (const path of [
      '/%E0%A4%A',
      '/../secret.txt',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/../../secret.txt',
    ]) {
      const reply = await send(server.port, path)
      expect(reply.body, path).not.toContain('secret')
      expect(reply.body, path).not.toContain('root:')
      expect(reply.status, path).toBeLessThan(500)
    }
  })
})
