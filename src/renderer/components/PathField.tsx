// Paths in the user's hands: a field to type or paste a path, with "Choose…" for the system's
// file dialog, and a saved file's path with "Show in folder". The buttons exist only in the
// desktop app (window.desktop); browser mode cannot hand a path to the app, so there the path
// is typed, and a saved one is shown as text to copy.
import { useId, useState, type ReactNode } from 'react'
import type { FolderPurpose, PickPurpose } from '../../shared/contract/desktop'
import type { Envelope, ErrorInfo } from '../../shared/contract/errors'
import { ErrorNotice } from './Notices'

/** The desktop shell's actions, or null in browser mode. */
function desktop() {
  return window.desktop ?? null
}

/** True in the desktop app, where files can be chosen and shown rather than typed. */
export function canChooseFiles(): boolean {
  return desktop() !== null
}

/** The result of a shell action, or its refusal as the ErrorInfo screens show. */
async function settle<T>(
  call: () => Promise<Envelope<T>>,
  fallback: string,
): Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }> {
  try {
    const answer = await call()
    return answer.ok ? { ok: true, value: answer.result } : { ok: false, error: answer.error }
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: fallback },
    }
  }
}

interface PathFieldProps {
  label: ReactNode
  value: string
  onChange: (path: string) => void
  /** The file dialog's purpose; with `folder` too there are two buttons, one for each. */
  file?: PickPurpose
  /** The folder dialog's purpose. */
  folder?: FolderPurpose
  placeholder?: string
  hint?: ReactNode
  id?: string
  autoFocus?: boolean
}

/**
 * A labelled path input, in a `.form` like Field. Typing always works; in the desktop app the
 * buttons beside it fill it from the system's dialog (cancelling leaves it as it was).
 */
export function PathField({
  label,
  value,
  onChange,
  file,
  folder,
  placeholder,
  hint,
  id,
  autoFocus,
}: PathFieldProps) {
  const made = useId()
  const fieldId = id ?? made
  const hintId = hint ? `${fieldId}-hint` : undefined
  const [choosing, setChoosing] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const shell = desktop()

  async function choose(dialog: () => Promise<Envelope<string | null>>) {
    setChoosing(true)
    setError(null)
    const chosen = await settle(dialog, 'The dialog did not open. Type or paste the path instead.')
    setChoosing(false)
    if (!chosen.ok) setError(chosen.error)
    else if (chosen.value !== null) onChange(chosen.value)
  }

  const both = file !== undefined && folder !== undefined
  return (
    <>
      <label htmlFor={fieldId}>{label}</label>
      <div style={{ display: 'flex', gap: 8, alignItems: 'stretch' }}>
        <input
          id={fieldId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          aria-describedby={hintId}
          autoFocus={autoFocus}
          spellCheck={false}
          autoComplete="off"
          style={{ flex: 1, minWidth: 0 }}
        />
        {shell && folder && (
          <button
            type="button"
            className="button"
            disabled={choosing}
            onClick={() => void choose(() => shell.pickFolder({ purpose: folder }))}
          >
            {both ? 'Choose folder…' : 'Choose…'}
          </button>
        )}
        {shell && file && (
          <button
            type="button"
            className="button"
            disabled={choosing}
            onClick={() => void choose(() => shell.pickFile({ purpose: file }))}
          >
            {both ? 'Choose file…' : 'Choose…'}
          </button>
        )}
      </div>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </>
  )
}

/**
 * Where something was saved: the path as text to select and copy and, in the desktop app,
 * "Show in folder" to open the file manager on it.
 */
export function SavedPath({ path, className }: { path: string; className?: string }) {
  // Kept with the path it is about, so a new path never shows an old refusal.
  const [refused, setRefused] = useState<{ path: string; error: ErrorInfo } | null>(null)
  const error = refused?.path === path ? refused.error : null
  const shell = desktop()

  async function show() {
    if (!shell) return
    setRefused(null)
    const shown = await settle(
      () => shell.showInFolder({ path }),
      'The file manager did not open. Copy the path instead.',
    )
    if (!shown.ok) setRefused({ path, error: shown.error })
  }

  return (
    <>
      <code className={className}>{path}</code>
      {shell && (
        <button
          type="button"
          className="button small"
          aria-label={`Show in folder: ${path}`}
          onClick={() => void show()}
        >
          Show in folder
        </button>
      )}
      {/* A span on a line of its own, not a notice block: this sits in sentences and cells. */}
      {error && (
        <span
          role="alert"
          data-code={error.code}
          style={{ display: 'block', marginTop: 4, color: 'var(--danger)' }}
        >
          {error.message}
        </span>
      )}
    </>
  )
}
