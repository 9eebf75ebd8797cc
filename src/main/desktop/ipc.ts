/**
 * Binding the registry to IPC: one handler per contract procedure, each behind the sender check.
 * Takes an `IpcMainLike` so it runs (and is tested) without Electron. The desktop session's token
 * stays in the main process, keyed by the window's web contents; the renderer never needs it.
 */
import { procedureNames } from '../../shared/contract'
import type { Envelope } from '../../shared/envelope'
import { say } from '../../shared/server-text'
import { forbidden, toErrorEnvelope } from '../core/errors'
import type { Registry } from '../core/registry'
import { isTrustedSender, type SenderFrameFacts } from './security'

export interface IpcEventLike {
  sender: { id: number }
  /** Facts about the frame that sent the message (null when it is gone). */
  senderFrame: SenderFrameFacts | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void
}

export function channelOf(procedure: string): string {
  return `paydesk:${procedure}`
}

export interface IpcSessions {
  /** A window closed: its session token is dropped (the session itself stays until it expires or signs out). */
  forget(webContentsId: number): void
  /** A window the app opened (a payment page) acts in its opener's session. */
  inherit(openerId: number, childId: number): void
}

export function bindIpc(ipc: IpcMainLike, registry: Registry, appEntry: () => string): IpcSessions {
  const tokens = new Map<number, string>()
  for (const name of procedureNames) {
    ipc.handle(channelOf(name), async (event, input): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame, appEntry())) {
        return toErrorEnvelope(forbidden(say('error.ipc.untrustedSender'), 'ipc.untrusted_sender'), Date.now())
      }
      const envelope = await registry.dispatch(name, input, { token: tokens.get(event.sender.id) ?? null, transport: 'ipc' })
      if (envelope.status === 200 && name === 'auth.login') {
        tokens.set(event.sender.id, (envelope.data as { token: string }).token)
      }
      if (name === 'auth.logout' || (envelope.status !== 200 && envelope.code === 'auth.session_expired')) tokens.delete(event.sender.id)
      return envelope
    })
  }
  return {
    forget: (id) => tokens.delete(id),
    inherit: (openerId, childId) => {
      const token = tokens.get(openerId)
      if (token) tokens.set(childId, token)
    }
  }
}
