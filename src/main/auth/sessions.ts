/**
 * Sessions: a random bearer token handed to the client once; only its SHA-256 is stored.
 * A session ends after an idle limit (no request) or an absolute limit (since sign-in).
 */
import { createHash, randomBytes } from 'node:crypto'

export interface SessionLimits {
  idleMinutes: number
  absoluteMinutes: number
}

export interface SessionTimes {
  createdAt: number
  lastSeenAt: number
  endedAt: number | null
}

export type SessionVerdict = { ok: true } | { ok: false; reason: 'ended' | 'idle' | 'absolute' }

export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, id: sessionIdOf(token) }
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function judgeSession(session: SessionTimes, limits: SessionLimits, now: number): SessionVerdict {
  if (session.endedAt !== null) return { ok: false, reason: 'ended' }
  if (now - session.createdAt >= limits.absoluteMinutes * 60_000) return { ok: false, reason: 'absolute' }
  if (now - session.lastSeenAt >= limits.idleMinutes * 60_000) return { ok: false, reason: 'idle' }
  return { ok: true }
}

/** Touching `last_seen_at` on every request would make every read a write; once a minute is enough. */
export const TOUCH_INTERVAL_MS = 60_000
