// Hash routes (#/settings) so the app works from a file:// URL in Electron and over HTTP alike.
import { useEffect, useState } from 'react'

export const screens = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'today', label: 'Today' },
  { id: 'credits', label: 'Credits' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'outreach', label: 'Outreach' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'templates', label: 'Templates' },
  { id: 'import', label: 'Import' },
  { id: 'sequences', label: 'Sequences' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const

export type ScreenId = (typeof screens)[number]['id']

function current(): ScreenId {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]
  return screens.find((s) => s.id === id)?.id ?? 'dashboard'
}

export function useScreen(): ScreenId {
  const [screen, setScreen] = useState<ScreenId>(current)
  useEffect(() => {
    const update = (): void => setScreen(current())
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return screen
}

export function hrefFor(id: ScreenId): string {
  return `#/${id}`
}

export function navigate(id: ScreenId): void {
  window.location.hash = `/${id}`
}
