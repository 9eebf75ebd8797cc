/**
 * The notice after a manual operation on an order: what it is now, or, when forcing its result
 * went over the four-eyes threshold, that the marking waits for a second user (the order has not
 * changed, so "Done: order … is now succeeded" would say the opposite of what happened).
 */
import type { TFunction } from 'i18next'
import type { OrderDetail } from '../../../../shared/contract/orders'
import { asManualResult, type ManualAction } from '../../../../shared/order-actions'

type After = Pick<OrderDetail, 'orderNo' | 'status' | 'awaitingApproval'>

export function manualDoneNotice(t: TFunction, action: ManualAction, before: Pick<OrderDetail, 'status'>, after: After): string {
  const marking = action === 'markSucceeded' || action === 'markFailed' || action === 'markReturned'
  const waiting = marking && after.status === before.status ? after.awaitingApproval.find((a) => a.kind === 'mark_result') : undefined
  if (waiting) {
    return t('manual.requested', { orderNo: after.orderNo, status: t(`fourEyes.results.${asManualResult(waiting.result)}`) })
  }
  return t('manual.done', { orderNo: after.orderNo, status: t(`orders.statusWords.${after.status}`) })
}
