import type { ReactNode } from 'react'
import type { ErrorInfo } from '../../shared/contract/errors'

export function ErrorNotice({ error }: { error: ErrorInfo }) {
  return (
    <div className="notice error" role="alert" data-code={error.code}>
      {error.message}
    </div>
  )
}

/** The line under a screen's header: what it just did, or why it could not. */
export function ScreenNotice({
  notice,
  error = null,
}: {
  notice: string | null
  error?: ErrorInfo | null
}) {
  return (
    <>
      {notice && (
        <p className="notice success" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </>
  )
}

interface EmptyStateProps {
  title: string
  children: ReactNode
  action?: ReactNode
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-body">{children}</div>
      {action && <div className="empty-action">{action}</div>}
    </section>
  )
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  )
}
