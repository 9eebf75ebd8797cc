/**
 * The one typed client: `call(name, input)` for every procedure of the contract, over whichever
 * transport this window has. Names, inputs and outputs are the contract's own types.
 */
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract'
import { isErrorEnvelope } from '../../../shared/envelope'
import { ApiError, isSessionError } from './error'
import { forgetSession, rememberSignIn, reportSessionLost } from './session'
import { send } from './transport'

export async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const envelope = await send(name, input)
  if (isErrorEnvelope(envelope)) {
    const error = new ApiError(envelope.status, envelope.code, envelope.message, envelope.field, envelope.text)
    if (isSessionError(error)) reportSessionLost(error.code === 'auth.session_expired' ? 'expired' : 'required')
    throw error
  }
  const data = envelope.data as OutputOf<N>
  if (name === 'auth.login') rememberSignIn((data as OutputOf<'auth.login'>).token)
  if (name === 'auth.logout') forgetSession()
  return data
}

export { ApiError }
