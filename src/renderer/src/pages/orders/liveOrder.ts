/** One order, read again every few seconds until its status is final (the payment page, a created order). */
import { useApiQuery } from '../../api/hooks'
import { isFinal } from './OrderBadges'

/** The reads a new order or a manual operation makes stale. */
export const ORDER_WRITES = ['orders.list', 'orders.get', 'orders.options', 'outbox.list'] as const

export function useLiveOrder(id: number, intervalMs = 3000) {
  return useApiQuery('orders.get', { id }, { refetchInterval: (query) => (isFinal(query.state.data?.status) ? false : intervalMs), meta: { silent: true } })
}

/**
 * Opens the order's payment page in a new window of the app (the desktop shell lets only the
 * app's own pages open). False when the window did not open (a blocked popup).
 */
export function openPaymentWindow(orderId: number): boolean {
  return window.open(`#/payment/${orderId}`, `payment-${orderId}`, 'width=480,height=640') !== null
}
