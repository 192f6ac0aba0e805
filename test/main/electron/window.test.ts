import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { bindIpc, isOwnRendererUrl, mainWindowOptions } from '../../../src/main/electron/window'
import { channelNames } from '../../../src/main/handlers'
import { contentSecurityPolicy } from '../../../src/main/security'

describe('the desktop window', () => {
  it('runs the renderer isolated, sandboxed and without Node', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs')
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('has a CSP that allows scripts and connections from its own origin only', () => {
    expect(contentSecurityPolicy).toContain("default-src 'self'")
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/)
    expect(contentSecurityPolicy).toContain("connect-src 'self'")
    expect(contentSecurityPolicy).toContain("object-src 'none'")
  })

  it('trusts only frames showing our own renderer', () => {
    const file = 'file:///app/out/renderer/index.html'
    expect(isOwnRendererUrl('file:///app/out/renderer/index.html#/settings', file)).toBe(true)
    expect(isOwnRendererUrl('file:///tmp/evil.html', file)).toBe(false)
    expect(isOwnRendererUrl('https://evil.example/', file)).toBe(false)
    expect(isOwnRendererUrl(undefined, file)).toBe(false)
    expect(isOwnRendererUrl('not a url', file)).toBe(false)
    const dev = 'http://localhost:5173/'
    expect(isOwnRendererUrl('http://localhost:5173/#/credits', dev)).toBe(true)
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false)
  })
})

describe('IPC binding', () => {
  function bind(trusted: boolean) {
    const listeners = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>()
    const calls: string[] = []
    bindIpc(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      channelNames,
      async (channel) => {
        calls.push(channel)
        return { ok: true, result: channel }
      },
      () => trusted,
    )
    return { listeners, calls }
  }

  it('registers one handler per contract channel', () => {
    const { listeners } = bind(true)
    expect([...listeners.keys()].sort()).toEqual([...channelNames].sort())
    expect(channelNames).toContain('seats.add')
    expect(channelNames).toContain('app.status')
  })

  it('answers a foreign sender with FORBIDDEN_SENDER and never calls a service', async () => {
    const { listeners, calls } = bind(false)
    const reply = await listeners.get('seats.add')!({} as IpcMainInvokeEvent, { name: 'x' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(calls).toEqual([])
  })

  it('passes a trusted call through to the handler map', async () => {
    const { listeners, calls } = bind(true)
    await listeners.get('seats.list')!({} as IpcMainInvokeEvent, {})
    expect(calls).toEqual(['seats.list'])
  })
})
