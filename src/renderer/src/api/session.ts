/**
 * What the renderer knows about its session. Browser mode holds the bearer token in
 * sessionStorage (one tab, gone when it closes); in the desktop app the main process keeps the
 * session per window, so the renderer only remembers whether it has been signed out.
 */
import { useSyncExternalStore } from 'react'

const TOKEN_KEY = 'paydesk.token'

type Listener = () => void
/** `expired`: a session existed and ended; `required`: there was none to begin with. */
export type SessionLossReason = 'expired' | 'required'
type LossListener = (reason: SessionLossReason) => void
const changeListeners = new Set<Listener>()
const lostListeners = new Set<LossListener>()

// Desktop: after a sign-out or an ended session, stop asking the main process who we are
// until the next sign-in (otherwise every "who am I" would bounce back as another ended session).
let desktopSignedOut = false

export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.paydesk !== undefined
}

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

function changed(): void {
  for (const listener of changeListeners) listener()
}

export function rememberSignIn(token: string): void {
  desktopSignedOut = false
  if (!isDesktop()) {
    try {
      sessionStorage.setItem(TOKEN_KEY, token)
    } catch {
      // Without storage the session lasts until the page reloads.
    }
  }
  changed()
}

export function forgetSession(): void {
  desktopSignedOut = true
  try {
    sessionStorage.removeItem(TOKEN_KEY)
  } catch {
    // Nothing stored, nothing to remove.
  }
  changed()
}

export function mayHaveSession(): boolean {
  return isDesktop() ? !desktopSignedOut : storedToken() !== null
}

function subscribe(listener: Listener): () => void {
  changeListeners.add(listener)
  return () => changeListeners.delete(listener)
}

/** Re-renders when a sign-in or sign-out changes whether a session may exist. */
export function useMayHaveSession(): boolean {
  return useSyncExternalStore(subscribe, mayHaveSession)
}

/** The host said the session is gone (expired, signed out elsewhere, password changed). */
export function reportSessionLost(reason: SessionLossReason): void {
  forgetSession()
  for (const listener of lostListeners) listener(reason)
}

export function onSessionLost(listener: LossListener): () => void {
  lostListeners.add(listener)
  return () => lostListeners.delete(listener)
}
