/**
 * Who reaches what of reconciliation: sources, profiles, uploads, statements and their lines hold
 * every merchant's money at once, so they are the platform staff's; a merchant-bound user reads a
 * run's breaks of its own merchant only (the procedures apply core/scope.ts there).
 */
import { say } from '../../shared/server-text'
import { actorOf, type Actor, type Ctx } from '../core/context'
import { forbidden } from '../core/errors'

export function platformActor(ctx: Ctx): Actor {
  const actor = actorOf(ctx)
  if (actor.merchantId !== null) throw forbidden(say('error.recon.platformOnly'), 'scope.platform_only')
  return actor
}
