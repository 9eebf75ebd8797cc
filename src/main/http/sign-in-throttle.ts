/**
 * The headless host's limit on sign-in attempts, per user name and per client address, so that
 * guessing is slow even where the lockout does not reach (many names from one address, one name
 * from many addresses). A sliding window: an attempt is admitted when fewer than `limit` were
 * admitted in the last `windowMs`. Refused attempts are not recorded, so hammering does not push
 * the window further out. Kept in memory: a restart forgets it, the lockout (in the database)
 * does not.
 */

export interface RateRule {
  limit: number
  windowMs: number
}

export type Admission = { allowed: true; hits: number[] } | { allowed: false; hits: number[]; retryAfterMs: number }

/** Whether one more attempt fits the rule, given the times of the attempts admitted before. */
export function admit(hits: readonly number[], now: number, rule: RateRule): Admission {
  const recent = hits.filter((t) => t > now - rule.windowMs)
  if (recent.length < rule.limit) return { allowed: true, hits: [...recent, now] }
  // The attempt that leaves the window first makes room for the next.
  const oldest = recent[recent.length - rule.limit]
  return { allowed: false, hits: recent, retryAfterMs: oldest + rule.windowMs - now }
}

export interface SignInLimits {
  perUsername: RateRule
  perAddress: RateRule
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perUsername: { limit: 10, windowMs: 60_000 },
  perAddress: { limit: 30, windowMs: 60_000 }
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number }

export interface SignInThrottle {
  /** Admits and records an attempt only when both its user name and its address have room. */
  attempt(username: string | null, address: string, now: number): ThrottleVerdict
}

function keyedWindows(rule: RateRule) {
  const byKey = new Map<string, number[]>()
  let sweptAt = -Infinity
  return {
    check(key: string, now: number): Admission {
      // Forget keys whose attempts have all left the window, so memory follows recent traffic.
      if (now - sweptAt >= rule.windowMs) {
        for (const [k, hits] of byKey) if (hits[hits.length - 1] <= now - rule.windowMs) byKey.delete(k)
        sweptAt = now
      }
      return admit(byKey.get(key) ?? [], now, rule)
    },
    record(key: string, hits: number[]): void {
      byKey.set(key, hits)
    }
  }
}

export function createSignInThrottle(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): SignInThrottle {
  const names = keyedWindows(limits.perUsername)
  const addresses = keyedWindows(limits.perAddress)
  return {
    attempt(username, address, now) {
      const byAddress = addresses.check(address, now)
      const byName = username === null ? null : names.check(username, now)
      const refusals = [byAddress, byName].flatMap((a) => (a && !a.allowed ? [a.retryAfterMs] : []))
      if (refusals.length > 0) return { allowed: false, retryAfterMs: Math.max(...refusals) }
      addresses.record(address, byAddress.hits)
      if (username !== null && byName) names.record(username, byName.hits)
      return { allowed: true }
    }
  }
}
