// The renderer's one typed client. In the desktop app it calls the preload's window.api; in
// browser mode it calls the local HTTP bridge with the session token from the page address.
import { contract, type Api, type EnvelopeApi } from '../../shared/contract'
import { mapContract } from '../../shared/contract/channel'
import { AppError, isErrorInfo, type Envelope } from '../../shared/contract/errors'
import { ledgerFoundDamaged } from './damage-signal'

const tokenKey = 'outreach-ledger-token'

type Send = (input: unknown) => Promise<Envelope<unknown>>

/** Reads the token from `#token=…` once, keeps it for this tab, and clears it from the address. */
function sessionToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(tokenKey)
}

function httpTransport(): (name: string) => Send {
  const token = sessionToken()
  return (name) => async (input) => {
    let response: Response
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return {
        ok: false,
        error: {
          code: 'DATABASE_UNAVAILABLE',
          message: 'Outreach Ledger is not running. Start it again with "npm run web".',
        },
      }
    }
    const body: unknown = await response.json().catch(() => null)
    if (typeof body === 'object' && body !== null && 'ok' in body) return body as Envelope<unknown>
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The app answered with HTTP ${response.status}.` },
    }
  }
}

function unwrap(envelope: Envelope<unknown>): unknown {
  if (envelope.ok) return envelope.result
  const { error } = envelope
  // The app switches to its recovery screen, whichever screen asked.
  if (isErrorInfo(error) && error.code === 'DATABASE_DAMAGED') ledgerFoundDamaged()
  if (isErrorInfo(error)) throw new AppError(error.code, error.message, error.details)
  throw new AppError('INTERNAL', 'The app sent an answer this window does not understand.')
}

/** The preload's function for a channel name ("seats.add" is window.api.seats.add). */
function desktopTransport(desktop: EnvelopeApi): (name: string) => Send {
  const byDomain = desktop as unknown as Record<string, Record<string, Send>>
  return (name) => {
    const [domain = '', method = ''] = name.split('.')
    const send = byDomain[domain]?.[method]
    if (!send) throw new AppError('UNKNOWN_CHANNEL', `The desktop app has no channel "${name}".`)
    return send
  }
}

function createApi(): Api {
  const send = window.api ? desktopTransport(window.api) : httpTransport()
  return mapContract(contract, (name) => {
    const call = send(name)
    return async (input: unknown) => unwrap(await call(input))
  }) as unknown as Api
}

export const api: Api = createApi()
export { AppError }
