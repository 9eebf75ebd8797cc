import { QueryCache, QueryClient } from '@tanstack/react-query'
import { notifyError } from '../components/notify'
import { isRetryable, isSessionError } from './error'

/**
 * One client for the app. A failed read is reported once as a toast (the session-ended case
 * sends the user to sign in instead); a query can opt out with `meta: { silent: true }` when its
 * page shows the error itself.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.silent || isSessionError(error)) return
        notifyError(error)
      }
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
        refetchOnWindowFocus: false,
        staleTime: 15_000
      },
      mutations: { retry: false }
    }
  })
}
