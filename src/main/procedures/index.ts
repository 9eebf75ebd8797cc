/** Every procedure's implementation, by name; the registry checks that none is missing. */
import type { Handlers } from '../core/registry'
import { aftersalesProcedures } from './aftersales'
import { auditProcedures } from './audit'
import { authProcedures } from './auth'
import { bindingProcedures } from './bindings'
import { channelProcedures } from './channels'
import { contractProcedures } from './contracts'
import { exportProcedures } from './exports'
import { ledgerProcedures } from './ledger'
import { adjustmentProcedures } from './adjustments'
import { fxProcedures } from './fx'
import { withdrawalProcedures } from './withdrawals'
import { limitProcedures } from './limits'
import { merchantProcedures } from './merchants'
import { orderProcedures } from './orders'
import { parkedProcedures } from './parked'
import { reportProcedures } from './reports'
import { serviceProcedures } from './services'
import { systemProcedures } from './system'
import { terminalProcedures } from './terminals'
import { userProcedures } from './users'

export const implementations: Handlers = {
  ...authProcedures,
  ...userProcedures,
  ...auditProcedures,
  ...merchantProcedures,
  ...systemProcedures,
  ...contractProcedures,
  ...terminalProcedures,
  ...serviceProcedures,
  ...channelProcedures,
  ...bindingProcedures,
  ...limitProcedures,
  ...ledgerProcedures,
  ...orderProcedures,
  ...parkedProcedures,
  ...reportProcedures,
  ...exportProcedures,
  ...aftersalesProcedures,
  ...withdrawalProcedures,
  ...adjustmentProcedures,
  ...fxProcedures
}
