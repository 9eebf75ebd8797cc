/** Links between orders and their refunds, disputes and waybills. */
import { Anchor } from '@mantine/core'
import { Link } from 'react-router-dom'

export const refundPath = (id: number) => `/aftersales/refunds/${id}`
export const disputePath = (id: number) => `/aftersales/disputes/${id}`
export const waybillPath = (id: number) => `/aftersales/waybills/${id}`

export function CaseLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" ff="monospace" onClick={(event) => event.stopPropagation()}>
      {children}
    </Anchor>
  )
}
