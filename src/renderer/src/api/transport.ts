/**
 * The two ways a call reaches the procedures: the preload's `invoke` in the desktop app, or
 * `fetch` to the headless host in a browser. Both answer with the same envelope.
 */
import type { Envelope } from '../../../shared/envelope'
import { ApiError } from './error'
import { storedToken } from './session'

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number'
}

async function sendOverIpc(name: string, input: unknown): Promise<Envelope<unknown>> {
  const bridge = window.paydesk
  if (!bridge) throw new ApiError(0, 'bridge.missing', 'The desktop bridge is not available')
  try {
    return await bridge.invoke(name, input)
  } catch (error) {
    throw new ApiError(0, 'bridge.failed', error instanceof Error ? error.message : String(error))
  }
}

// Sign-in and sign-out have their own paths on the headless host; everything else is /api/<name>.
function httpPath(name: string): string {
  if (name === 'auth.login') return '/auth/login'
  if (name === 'auth.logout') return '/auth/logout'
  return `/api/${encodeURIComponent(name)}`
}

async function sendOverHttp(name: string, input: unknown): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
  const token = storedToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let response: Response
  try {
    response = await fetch(httpPath(name), { method: 'POST', headers, body: JSON.stringify(input ?? {}), cache: 'no-store' })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error))
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  if (!isEnvelope(body)) throw new ApiError(response.status, 'http.bad_response', `HTTP ${response.status} without an envelope`)
  return body
}

export function send(name: string, input: unknown): Promise<Envelope<unknown>> {
  return window.paydesk ? sendOverIpc(name, input) : sendOverHttp(name, input)
}
