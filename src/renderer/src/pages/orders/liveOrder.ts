/** One order, read again every few seconds until its status is final (the payment page, a created order). */
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useRefQuery } from '../../api/detailRef'
import { invalidateAfter, MONEY_READS } from '../../api/stales'
import { isFinal } from '../../../../shared/order-actions'

/** `ref`: the order's id, or (a pasted link) its order or transaction number, as api/detailRef.ts reads it. */
export function useLiveOrder(ref: string, intervalMs = 3000) {
  const queryClient = useQueryClient()
  const query = useRefQuery('orders.get', ref, { refetchInterval: (q) => (isFinal(q.state.data?.status) ? false : intervalMs), meta: { silent: true } })
  const status = query.data?.status
  const seenOpen = useRef(false)
  // The order finished while watched (paid, paid out, failed): its posting moved money after the
  // write that created it, so the balances, reports and lists cached since then are stale.
  useEffect(() => {
    if (!status) return
    if (!isFinal(status)) seenOpen.current = true
    else if (seenOpen.current) {
      seenOpen.current = false
      void invalidateAfter(queryClient, null, [...MONEY_READS, 'orders.list', 'outbox.list'])
    }
  }, [status, queryClient])
  return query
}

/**
 * Opens the order's payment page in a new window of the app (the desktop shell lets only the
 * app's own pages open). False when the window did not open (a blocked popup).
 */
export function openPaymentWindow(orderId: number): boolean {
  return window.open(`#/payment/${orderId}`, `payment-${orderId}`, 'width=480,height=640') !== null
}
