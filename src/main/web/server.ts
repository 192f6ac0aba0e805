// Browser mode: the built renderer and the handler map over HTTP, on 127.0.0.1 only, behind a
// per-run token. Requests with another Host header are refused (DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Envelope, ErrorInfo } from '../../shared/contract/errors'
import type { Backend } from '../backend'
import { contentSecurityPolicy } from '../security'

const maxBodyBytes = 1024 * 1024

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

const statusFor: Partial<Record<ErrorInfo['code'], number>> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNKNOWN_CHANNEL: 404,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  HOST_NOT_ALLOWED: 403,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
}

export interface WebServerOptions {
  backend: Backend
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
  /**
   * Called once the page and the files it names (its script, preloads and styles) have been
   * sent, or at the first request to the API if that comes first: from then on the browser
   * parses and runs the scripts, and the server is free until the page asks for data.
   */
  onPageSent?: () => void
}

export interface WebServer {
  url: string
  port: number
  token: string
  close: () => Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : (statusFor[envelope.error.code] ?? 422)
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8')
}

function sendError(res: ServerResponse, error: ErrorInfo): void {
  sendEnvelope(res, { ok: false, error })
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  options: { backend: Backend; token: string },
): Promise<void> {
  if (!tokenMatches(req.headers.authorization, options.token))
    return sendError(res, {
      code: 'UNAUTHORIZED',
      message:
        'This request has no valid session token. Open the address that "npm run web" printed.',
    })
  if (req.method !== 'POST')
    return sendError(res, { code: 'NOT_FOUND', message: 'Channels are called with POST.' })
  const body = await readBody(req)
  if (body === null)
    return sendError(res, {
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request is larger than 1 MB and was not read.',
    })
  let input: unknown
  try {
    input = body.trim() === '' ? undefined : JSON.parse(body)
  } catch {
    return sendError(res, { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' })
  }
  sendEnvelope(res, await options.backend.invoke(channel, input))
}

/** The files index.html names ("assets/index-….js"), which the browser fetches as it parses it. */
function filesOfPage(rendererDir: string): Set<string> {
  let html: string
  try {
    html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  } catch {
    return new Set()
  }
  const names = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]!)
  return new Set([join(rendererDir, 'index.html'), ...names.map((name) => join(rendererDir, name))])
}

/** Calls `sent` once each of `files` has been sent, or when told to `finish`; once. */
function pageWatch(files: Set<string>, sent: (() => void) | undefined) {
  let done = sent === undefined
  const finish = (): void => {
    if (done) return
    done = true
    sent!()
  }
  return {
    served: (file: string): void => {
      files.delete(file)
      if (files.size === 0) finish()
    },
    finish,
  }
}

async function serveStatic(
  res: ServerResponse,
  rendererDir: string,
  path: string,
  served: (file: string) => void,
): Promise<void> {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return send(res, 404, 'Not found', 'text/plain; charset=utf-8')
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const file = join(rendererDir, relative === '' ? 'index.html' : relative)
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir)
    return send(res, 404, 'Not found', 'text/plain; charset=utf-8')
  try {
    const content = await readFile(file)
    res.once('finish', () => served(file))
    send(res, 200, content, mimeTypes[extname(file)] ?? 'application/octet-stream')
  } catch {
    // Unknown paths get the app itself, which routes on the client.
    if (extname(file) === '') {
      const index = join(rendererDir, 'index.html')
      const content = await readFile(index)
      res.once('finish', () => served(index))
      return send(res, 200, content, mimeTypes['.html']!)
    }
    send(res, 404, 'Not found', 'text/plain; charset=utf-8')
  }
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererDir = normalize(options.rendererDir)
  let allowedHosts: Set<string> = new Set()
  const page = pageWatch(filesOfPage(rendererDir), options.onPageSent)

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHosts.has(req.headers.host ?? ''))
        return sendError(res, {
          code: 'HOST_NOT_ALLOWED',
          message: 'Outreach Ledger only answers requests addressed to 127.0.0.1 or localhost.',
        })
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (pathname.startsWith('/api/')) {
        page.finish()
        return serveApi(req, res, pathname.slice('/api/'.length), {
          backend: options.backend,
          token,
        })
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8')
      return serveStatic(res, rendererDir, pathname, page.served)
    })().catch((error: unknown) => {
      console.error('[outreach-ledger] web request failed:', error)
      if (!res.headersSent)
        sendError(res, { code: 'INTERNAL', message: 'Something went wrong; please try again.' })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
