/**
 * An entry's remark; when it is an order's number (`D…` for deposits, `P…` for payouts) and the
 * user may read orders, a link that finds that order and opens its detail.
 */
import { Anchor } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { PERMISSIONS } from '../../../../shared/permissions'
import { call } from '../../api/client'
import { notifyError, notifyInfo } from '../../components/notify'
import { useCan } from '../../session/currentUser'
import { orderPath } from '../orders/paths'

const ORDER_NO = /^[DP]\d+$/

export function OrderLink({ remark }: { remark: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canRead = useCan(PERMISSIONS.ORDER_READ)
  const [busy, setBusy] = useState(false)
  if (!canRead || !ORDER_NO.test(remark)) return <>{remark}</>
  const open = async () => {
    setBusy(true)
    try {
      const found = await call('orders.list', { page: 1, pageSize: 1, orderNo: remark })
      const order = found.items[0]
      if (order) navigate(orderPath(order.id))
      else notifyInfo(t('reports.drill.orderNotFound', { orderNo: remark }))
    } catch (error) {
      notifyError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Anchor component="button" type="button" size="sm" disabled={busy} title={t('reports.drill.toOrder')} onClick={() => void open()}>
      {remark}
    </Anchor>
  )
}
