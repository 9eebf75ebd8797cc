/** How the simulator's panel words what it holds: statuses and request outcomes by their names, amounts with their currency. */
import type { TFunction } from 'i18next'
import { formatAmount } from '../../format/amount'

/** A status the simulator sends (`SUCCESS` …) by its name; one this version does not know, as sent. */
export function simulatorStatusName(status: string, t: TFunction): string {
  return t(`fieldtest.simulator.statuses.${status}`, { defaultValue: status })
}

/** What the simulator did with a request (`answered` …) by its name; one this version does not know, as logged. */
export function requestOutcomeName(outcome: string, t: TFunction): string {
  return t(`fieldtest.simulator.requestOutcomes.${outcome}`, { defaultValue: outcome })
}

/** A request's amount as the screens write money; without a currency (none named), as sent. */
export function requestAmount(request: { amount: string | null; currency: string | null }): string {
  if (request.amount === null) return '—'
  return request.currency ? formatAmount(request.amount, request.currency) : request.amount
}
