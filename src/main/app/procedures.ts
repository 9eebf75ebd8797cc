/**
 * Every procedure's implementation, by name, gathered from the domains; the registry checks that
 * none is missing. `demo.load` is the composition root's own: the demo goes through the whole core.
 */
import { say } from '../../shared/server-text'
import { actorOf } from '../core/context'
import { handlers, type Handlers } from '../core/registry'
import { transact } from '../db/transaction'
import type { DemoResult } from '../demo'
import { aftersalesProcedures } from '../aftersales/procedures'
import { auditProcedures } from '../audit/procedures'
import { authProcedures } from '../auth/procedures/session'
import { bindingProcedures } from '../master/procedures/bindings'
import { channelProcedures } from '../master/procedures/channels'
import { contractProcedures } from '../master/procedures/contracts'
import { connectProcedures } from '../fieldtest/procedures/connect'
import { simulatorProcedures } from '../fieldtest/procedures/simulator'
import { exportProcedures } from '../reports/procedures/exports'
import { planProcedures } from '../fieldtest/procedures/plans'
import { reportProcedures as fieldtestReportProcedures } from '../fieldtest/procedures/reports'
import { runProcedures } from '../fieldtest/procedures/runs'
import { homeProcedures } from '../home/procedures'
import { ledgerProcedures } from '../ledger/procedures'
import { adjustmentProcedures } from '../finance/procedures/adjustments'
import { fxProcedures } from '../finance/procedures/fx'
import { withdrawalProcedures } from '../finance/procedures/withdrawals'
import { fourEyesProcedures } from '../finance/procedures/four-eyes'
import { limitProcedures } from '../master/procedures/limits'
import { merchantProcedures } from '../master/procedures/merchants'
import { orderProcedures } from '../orders/procedures/orders'
import { parkedProcedures } from '../orders/procedures/parked'
import { preferenceProcedures } from '../auth/procedures/preferences'
import { reconBreakProcedures } from '../recon/procedures/breaks'
import { reconImportProcedures } from '../recon/procedures/imports'
import { reconRunProcedures } from '../recon/procedures/runs'
import { reconSourceProcedures } from '../recon/procedures/sources'
import { reportProcedures } from '../reports/procedures/reports'
import { safetyProcedures } from '../safety/procedures'
import { serviceProcedures } from '../master/procedures/services'
import { systemProcedures } from '../system/procedures'
import { terminalProcedures } from '../master/procedures/terminals'
import { userProcedures } from '../auth/procedures/users'

type DemoLoader = (who: { userId: number | null; username: string }) => Promise<DemoResult>

function demoProcedures(loadDemo: DemoLoader) {
  return handlers({
    'demo.load': async (ctx) => {
      const actor = actorOf(ctx)
      const result = await loadDemo({ userId: actor.userId, username: actor.username })
      // The loader audits what it creates; a run that found the demo already loaded is audited here.
      transact(ctx.db, (tx) => ctx.audit(tx, { targetType: 'demo', summary: say(result.created ? 'audit.demoLoaded' : 'audit.demoPresent') }))
      return result
    }
  })
}

export const procedureImplementations = (core: { loadDemo: DemoLoader }): Handlers => ({
  ...authProcedures,
  ...userProcedures,
  ...preferenceProcedures,
  ...auditProcedures,
  ...merchantProcedures,
  ...systemProcedures,
  ...safetyProcedures,
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
  ...fourEyesProcedures,
  ...adjustmentProcedures,
  ...fxProcedures,
  ...reconSourceProcedures,
  ...reconImportProcedures,
  ...reconRunProcedures,
  ...reconBreakProcedures,
  ...connectProcedures,
  ...simulatorProcedures,
  ...homeProcedures,
  ...planProcedures,
  ...runProcedures,
  ...fieldtestReportProcedures,
  ...demoProcedures(core.loadDemo)
})
