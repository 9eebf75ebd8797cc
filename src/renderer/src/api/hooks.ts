/** TanStack Query over the typed client: the query key is always `[name, input]`. */
import { useMutation, useQuery, useQueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query'
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract'
import { call } from './client'
import { invalidateAfter } from './stales'
import type { ApiError } from './error'

export type ApiQueryKey<N extends ProcedureName> = readonly [N, InputOf<N>]

export type ApiQueryOptions<N extends ProcedureName> = Omit<
  UseQueryOptions<OutputOf<N>, ApiError, OutputOf<N>, ApiQueryKey<N>>,
  'queryKey' | 'queryFn'
>

export function apiQueryKey<N extends ProcedureName>(name: N, input: InputOf<N>): ApiQueryKey<N> {
  return [name, input] as const
}

export function useApiQuery<N extends ProcedureName>(name: N, input: InputOf<N>, options?: ApiQueryOptions<N>) {
  return useQuery({ queryKey: apiQueryKey(name, input), queryFn: () => call(name, input), ...options })
}

export interface ApiMutationOptions<N extends ProcedureName>
  extends Omit<UseMutationOptions<OutputOf<N>, ApiError, InputOf<N>>, 'mutationFn' | 'onSuccess'> {
  /** Reads this write makes stale beyond those api/stales.ts names for the procedure (every input of each). */
  invalidate?: readonly ProcedureName[]
}

export function useApiMutation<N extends ProcedureName>(name: N, options: ApiMutationOptions<N> = {}) {
  const queryClient = useQueryClient()
  const { invalidate = [], ...rest } = options
  return useMutation<OutputOf<N>, ApiError, InputOf<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: () => invalidateAfter(queryClient, name, invalidate),
    ...rest
  })
}
