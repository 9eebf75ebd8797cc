/** Links between orders and their refunds, disputes and waybills. */
import { Anchor } from '@mantine/core'
import { Link } from 'react-router-dom'

export const refundPath = (id: number) => `/after-sales/refunds/${id}`
export const disputePath = (id: number) => `/after-sales/disputes/${id}`
export const waybillPath = (id: number) => `/after-sales/waybills/${id}`
export const orderPath = (id: number) => `/operations/orders/${id}`

export function CaseLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" ff="monospace" onClick={(event) => event.stopPropagation()}>
      {children}
    </Anchor>
  )
}
