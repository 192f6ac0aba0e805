// A dialog holding one small form: it shows the ledger's refusal in place and closes on success.
import { useState, type FormEvent, type ReactNode } from 'react'
import type { ErrorInfo } from '../../shared/contract/errors'
import { toErrorInfo } from '../api/useQuery'
import { Dialog } from './Dialog'
import { ErrorNotice } from './Notices'

interface FormDialogProps {
  trigger: ReactNode
  title: string
  description?: string
  submitLabel: string
  /** Does the work; throwing an AppError keeps the dialog open with the message. */
  onSubmit: () => Promise<void>
  onOpen?: () => void
  children: ReactNode
}

export function FormDialog(props: FormDialogProps) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    setError(null)
    try {
      await props.onSubmit()
      setOpen(false)
    } catch (caught) {
      setError(toErrorInfo(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setError(null)
          props.onOpen?.()
        }
        setOpen(next)
      }}
      title={props.title}
      {...(props.description ? { description: props.description } : {})}
      trigger={props.trigger}
    >
      <form className="form" onSubmit={submit} noValidate aria-label={props.title}>
        {error && <ErrorNotice error={error} />}
        {props.children}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Saving…' : props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** "2026-03-10T14:05" for a datetime-local input, in this computer's time zone. */
export function localNow(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`
}

export function localToday(): string {
  return localNow().slice(0, 10)
}

/** A datetime-local value as a UTC instant; garbage passes through for the ledger to refuse. */
export function toInstant(local: string): string {
  const ms = Date.parse(local)
  return Number.isNaN(ms) ? local : new Date(ms).toISOString()
}

/** A profile URL or a name, as the contract's recipient. */
export function recipientOf(text: string): { profileUrl?: string; name?: string } {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  return /linkedin\.com\//i.test(trimmed) ? { profileUrl: trimmed } : { name: trimmed }
}
