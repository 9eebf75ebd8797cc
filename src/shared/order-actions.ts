/**
 * Which manual operations an order's state allows, and why not: one rule that the main process
 * enforces (orders.close / markResult / resendNotification refuse with it) and the order page uses
 * to disable the buttons that would be refused, with the same reason.
 */
import { say, term, type ServerText } from './server-text'

export type ManualAction = 'close' | 'requery' | 'markSucceeded' | 'markFailed' | 'markReturned' | 'resend'

export const MANUAL_ACTIONS: readonly ManualAction[] = ['requery', 'markSucceeded', 'markFailed', 'markReturned', 'resend', 'close']

type OrderStatus = 'created' | 'pending' | 'unknown' | 'succeeded' | 'failed' | 'closed' | 'returned'

/** The result a person may force on an order (`orders.markResult`): returned is a paid payout the bank sent back. */
export type ManualResult = 'succeeded' | 'failed' | 'returned'

/** The manual operation that forces `result`. */
export const markActionOf = (result: ManualResult): ManualAction => (result === 'succeeded' ? 'markSucceeded' : result === 'failed' ? 'markFailed' : 'markReturned')

export interface OrderState {
  orderNo: string
  direction: 'deposit' | 'payout'
  status: OrderStatus
  /** When it was sent to the provider; null while it has not been. */
  sentAt: number | null
}

export interface ActionRefusal {
  /** The error envelope's code. */
  code: 'orders.not_closable' | 'orders.already_final' | 'orders.not_final' | 'orders.not_returnable'
  text: ServerText
}

/** The statuses an order ends in: the one list the state machine, the manual operations and the screens read. */
export const FINAL_ORDER_STATUSES = ['succeeded', 'failed', 'closed', 'returned'] as const satisfies readonly OrderStatus[]

export const isFinal = (status: OrderStatus | undefined): boolean => status !== undefined && (FINAL_ORDER_STATUSES as readonly string[]).includes(status)

/** A forced result as a request stored it (an older request without one asked succeeded). */
export const asManualResult = (result: string | null | undefined): ManualResult => (result === 'failed' || result === 'returned' ? result : 'succeeded')

/** Why `action` cannot apply to the order as it is now; null when it can (the host may still refuse on what it alone sees). */
export function manualActionRefusal(order: OrderState, action: ManualAction): ActionRefusal | null {
  const status = term('orderStatus', order.status)
  switch (action) {
    case 'close':
      if (order.direction === 'deposit' && order.status !== 'created' && order.status !== 'pending') {
        return { code: 'orders.not_closable', text: say('error.orders.notClosable', { orderNo: order.orderNo, status }) }
      }
      if (order.direction === 'payout' && (order.sentAt !== null || order.status !== 'created')) {
        return { code: 'orders.not_closable', text: say('error.orders.payoutAlreadySent', { orderNo: order.orderNo }) }
      }
      return null
    case 'markSucceeded':
    case 'markFailed': {
      // A deposit paid after it was closed (a late payment) can still be marked succeeded.
      const latePayment = order.direction === 'deposit' && order.status === 'closed' && action === 'markSucceeded'
      return isFinal(order.status) && !latePayment ? { code: 'orders.already_final', text: say('error.orders.alreadyFinal', { orderNo: order.orderNo, status }) } : null
    }
    case 'markReturned':
      // Money the bank sent back after it paid: only a payout, only once it succeeded.
      if (order.direction !== 'payout') return { code: 'orders.not_returnable', text: say('error.orders.returnPayoutOnly', { orderNo: order.orderNo }) }
      return order.status === 'succeeded' ? null : { code: 'orders.not_returnable', text: say('error.orders.notReturnable', { orderNo: order.orderNo, status }) }
    case 'resend':
      return isFinal(order.status) ? null : { code: 'orders.not_final', text: say('error.orders.notifyFinalOnly', { orderNo: order.orderNo, status }) }
    case 'requery':
      return null
  }
}

/** Whether the order can still be cancelled (closed) by hand. */
export const isCancellable = (order: OrderState): boolean => manualActionRefusal(order, 'close') === null
