// Loads data from the main process, with loading and error states and a way to reload.
import { useCallback, useEffect, useState } from 'react'
import type { ErrorInfo } from '../../shared/contract/errors'
import { AppError } from './client'

export type Query<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: ErrorInfo; reload: () => void }
  | { state: 'done'; data: T; reload: () => void }

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo()
  return { code: 'INTERNAL', message: 'Something went wrong. Please try again.' }
}

export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): Query<T> {
  const [version, setVersion] = useState(0)
  const [result, setResult] = useState<
    { state: 'loading' } | { state: 'error'; error: ErrorInfo } | { state: 'done'; data: T }
  >({ state: 'loading' })
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    let current = true
    load().then(
      (data) => current && setResult({ state: 'done', data }),
      (error: unknown) => current && setResult({ state: 'error', error: toErrorInfo(error) }),
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers name the deps of `load`
  }, [...deps, version])

  return { ...result, reload }
}
