import type { EnvelopeApi } from '../shared/contract'
import type { DesktopApi } from '../shared/contract/desktop'

declare global {
  interface Window {
    /** Present in the desktop app (set by the preload); absent in browser mode. */
    api?: EnvelopeApi
    /** File dialogs and "show in folder": only in the desktop app, absent in browser mode. */
    desktop?: DesktopApi
  }
}

export {}
