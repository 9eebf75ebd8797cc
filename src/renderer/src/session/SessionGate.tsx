/**
 * The door to the signed-in app: first run goes to setup, no session goes to sign-in, and a
 * user who must change the password goes nowhere else until it is done.
 */
import { Navigate, Outlet, useLocation } from 'react-router-dom'
import { useApiQuery } from '../api/hooks'
import { isSessionError } from '../api/error'
import { useMayHaveSession } from '../api/session'
import { FullPageError, FullPageLoader } from '../components/FullPageState'
import { CurrentUserContext } from './currentUser'

export const CHANGE_PASSWORD_PATH = '/change-password'

export function SessionGate() {
  const location = useLocation()
  const mayHaveSession = useMayHaveSession()
  const setup = useApiQuery('auth.setupStatus', {}, { staleTime: Infinity, meta: { silent: true } })
  const me = useApiQuery('auth.me', {}, { enabled: mayHaveSession, staleTime: Infinity, retry: false, meta: { silent: true } })

  if (setup.isError) return <FullPageError error={setup.error} onRetry={() => void setup.refetch()} />
  if (setup.isPending) return <FullPageLoader />
  if (setup.data.needsSetup) return <Navigate to="/setup" replace />

  if (!mayHaveSession || (me.isError && isSessionError(me.error))) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />
  }
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />
  if (me.isPending) return <FullPageLoader />

  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />
  }
  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  )
}
