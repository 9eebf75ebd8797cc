/** Every procedure's implementation, by name; the registry checks that none is missing. */
import type { Handlers } from '../core/registry'
import { auditProcedures } from './audit'
import { authProcedures } from './auth'
import { merchantProcedures } from './merchants'
import { systemProcedures } from './system'
import { userProcedures } from './users'

export const implementations: Handlers = {
  ...authProcedures,
  ...userProcedures,
  ...auditProcedures,
  ...merchantProcedures,
  ...systemProcedures
}
