import type { EnvelopeApi } from '../shared/contract'

declare global {
  interface Window {
    /** Present in the desktop app (set by the preload); absent in browser mode. */
    api?: EnvelopeApi
  }
}

export {}
