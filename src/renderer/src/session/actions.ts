/** Signing in and out, shared by the sign-in, first-run and header controls. */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useNavigate } from 'react-router-dom'
import type { InputOf } from '../../../shared/contract'
import { call } from '../api/client'
import { apiQueryKey } from '../api/hooks'
import { forgetSession } from '../api/session'
import type { Me } from './currentUser'

export const ME_QUERY_KEY = apiQueryKey('auth.me', {})

// Facts that do not depend on who is signed in survive a change of user.
const PUBLIC_QUERIES = new Set<string>(['auth.setupStatus', 'system.info'])

export function useSignIn(): (credentials: InputOf<'auth.login'>) => Promise<Me> {
  const queryClient = useQueryClient()
  return useCallback(
    async (credentials) => {
      // Whatever else was cached belongs to whoever was signed in before.
      queryClient.removeQueries({ predicate: (query) => !PUBLIC_QUERIES.has(String(query.queryKey[0])) })
      const { user } = await call('auth.login', credentials)
      queryClient.setQueryData(ME_QUERY_KEY, user)
      return user
    },
    [queryClient]
  )
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useCallback(async () => {
    try {
      await call('auth.logout', {})
    } catch {
      // The session may already be over on the host; signing out locally is what matters.
    } finally {
      forgetSession()
      queryClient.clear()
      void navigate('/login', { replace: true })
    }
  }, [queryClient, navigate])
}
