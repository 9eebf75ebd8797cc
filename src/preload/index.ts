/**
 * The narrow bridge: `invoke(name, input)` and `on(event, cb)` for the contract's names only.
 * The names are compiled in from the contract (electron.vite.config.ts), so this bundle requires
 * nothing but `electron` and runs in the sandbox. Never exposes ipcRenderer, events or env.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

declare const __PAYDESK_PROCEDURES__: readonly string[]
declare const __PAYDESK_EVENTS__: readonly string[]

const procedures = new Set<string>(__PAYDESK_PROCEDURES__)
const events = new Set<string>(__PAYDESK_EVENTS__)

contextBridge.exposeInMainWorld('paydesk', {
  invoke(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !procedures.has(name)) {
      return Promise.reject(new Error(`Unknown procedure ${String(name)}`))
    }
    return ipcRenderer.invoke(`paydesk:${name}`, input)
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || !events.has(event) || typeof callback !== 'function') {
      throw new Error(`Unknown event ${String(event)}`)
    }
    const channel = `paydesk-event:${event}`
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload)
    ipcRenderer.on(channel, listener)
    return () => {
      ipcRenderer.removeListener(channel, listener)
    }
  }
})
