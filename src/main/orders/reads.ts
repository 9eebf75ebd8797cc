/** The orders domain's off-thread reads (reads/catalog.ts): lists as heavy on a year of orders as a report. */
import { readHandles } from '../reads/catalog'
import type { PageRequest, ReadSource } from '../reads/page'
import { orderList, type OrderListFilters } from './list'
import { outboxList, type OutboxListFilters } from './outbox-list'

export const orderReads = {
  // The operations orders list (list.ts).
  ordersList: (src: ReadSource, f: OrderListFilters, request: PageRequest) => orderList(src, f, request),
  // The outbox list (outbox-list.ts): every outbox row ever made sits behind its count.
  outboxList: (src: ReadSource, f: OutboxListFilters, request: PageRequest) => outboxList(src, f, request)
}

export const ORDER_READS = readHandles(orderReads)
