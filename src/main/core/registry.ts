/**
 * The registry: one place that turns a call (name, raw input, bearer token) into an envelope.
 * Both hosts use it: IPC in a few lines, HTTP in a few lines. In order, it finds the procedure,
 * resolves the session, holds a user who must change the password to that change, checks the
 * permission, validates the input (the contract, then control characters in any text of it:
 * control-characters.ts), runs the implementation and checks the output against the
 * contract (which also strips any field the contract does not declare, so a secret can never
 * leak through a read).
 */
import { contract, isProcedureName, type ProcedureName, type ParsedInputOf, type OutputOf } from '../../shared/contract'
import type { Access, ProcedureDef } from '../../shared/contract/define'
import { okEnvelope, type Envelope } from '../../shared/envelope'
import { permissionTerm, say, verbatim, type ServerText } from '../../shared/server-text'
import { REPORT_INPUT } from '../../shared/rule-message'
import type { Db } from '../db/open'
import { writeAuditEvent } from './audit'
import type { Actor, Clock, Ctx, HostInfo, Ports } from './context'
import { AppError, forbidden, fromZodError, toErrorEnvelope, unauthorized, validationError } from './errors'
import { fieldWithControlCharacter } from './control-characters'

export type Handler<N extends ProcedureName> = (ctx: Ctx, input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>
export type Handlers<N extends ProcedureName = ProcedureName> = { [K in N]: Handler<K> }

/** Declares the implementations of some procedures, typed against the contract. */
export function handlers<const N extends ProcedureName>(h: Handlers<N>): Handlers<N> {
  return h
}

export function hasAccess(actor: Actor | null, access: Access): boolean {
  if (access === 'public') return true
  if (!actor) return false
  if (access === 'signedIn') return true
  if (typeof access === 'number') return actor.permissions.has(access)
  return access.some((code) => actor.permissions.has(code))
}

/**
 * All a user who must change the password may do with their session (docs/permissions.md).
 * Public procedures stay open: they need no session anyway.
 */
const OPEN_UNTIL_PASSWORD_CHANGED: ReadonlySet<ProcedureName> = new Set<ProcedureName>(['auth.changePassword', 'auth.logout', 'auth.me'])

/** The permissions an access names, each by its label and code: "View orders (1001) or …". */
function describeAccess(access: Access): ServerText {
  const codes = typeof access === 'number' ? [access] : Array.isArray(access) ? access : []
  const named = codes.map((code): ServerText => say('error.permissionNamed', { permission: permissionTerm(code), code }))
  return named.length ? named.reduce((first, second) => say('error.permissionEither', { first, second })) : verbatim('—')
}

export interface CallMeta {
  /** The bearer token, or null when the caller is not signed in. */
  token: string | null
  transport: 'ipc' | 'http'
}

/** Who a bearer token belongs to, and whether they must change their password first (the auth domain's sessions). */
export type SessionResolver = (token: string, now: number) => { actor: Actor; mustChangePassword: boolean } | null

export interface RegistryOptions {
  db: Db
  clock: Clock
  ports: Ports
  resolveSession: SessionResolver
  host: HostInfo
  tenantId: number
  implementations: Handlers
  log?: (error: unknown) => void
}

export interface Registry {
  dispatch(name: string, rawInput: unknown, meta: CallMeta): Promise<Envelope<unknown>>
  /**
   * The context a procedure of that name would get, for code that runs the same steps outside a
   * call (the demo's history runs them at past times with its own clock).
   */
  contextFor(procedure: ProcedureName, actor: Actor, clock?: Clock): Ctx
}

export function createRegistry(options: RegistryOptions): Registry {
  const { db, clock, host, tenantId, implementations, ports, resolveSession } = options
  const log = options.log ?? ((e: unknown) => console.error(e))
  for (const name of Object.keys(contract)) {
    if (!(name in implementations)) throw new Error(`Procedure ${name} has no implementation`)
  }

  function buildContext(name: string, transport: CallMeta['transport'], actor: Actor | null, ctxClock: Clock, onAudit: () => void): Ctx {
    return {
      ...ports,
      db,
      clock: ctxClock,
      tenantId,
      host,
      procedure: name,
      transport,
      actor,
      audit(tx, event) {
        onAudit()
        const who = event.actingUser ?? (actor ? { userId: actor.userId, username: actor.username } : null)
        writeAuditEvent(tx, { tenantId, userId: who?.userId ?? null, actor: who?.username ?? 'anonymous', procedure: name, at: ctxClock.now() }, event)
      },
      unchanged: onAudit
    }
  }

  async function run(name: string, rawInput: unknown, meta: CallMeta): Promise<unknown> {
    if (!isProcedureName(name)) throw new AppError('not_found', say('error.procedureUnknown', { name }), { code: 'procedure.unknown' })
    const def = contract[name] as ProcedureDef
    const now = clock.now()

    const session = meta.token ? resolveSession(meta.token, now) : null
    const actor: Actor | null = session?.actor ?? null
    if (def.access !== 'public' && !actor) {
      throw unauthorized(meta.token ? say('error.auth.sessionEnded') : say('error.auth.signInFirst'), meta.token ? 'auth.session_expired' : 'auth.required')
    }
    if (session?.mustChangePassword && def.access !== 'public' && !OPEN_UNTIL_PASSWORD_CHANGED.has(name)) {
      throw forbidden(say('error.auth.passwordChangeRequired'), 'auth.password_change_required')
    }
    if (!hasAccess(actor, def.access)) {
      throw forbidden(say('error.permissionMissing', { procedure: name, permission: describeAccess(def.access) }), 'permission.missing')
    }

    const parsed = def.input.safeParse(rawInput ?? {}, REPORT_INPUT)
    if (!parsed.success) throw fromZodError(parsed.error)
    const controlled = fieldWithControlCharacter(parsed.data, def.fileFields)
    if (controlled) throw validationError(controlled, say('rule.controlCharacters'))

    let audited = false
    const ctx = buildContext(name, meta.transport, actor, clock, () => (audited = true))
    const implementation = implementations[name] as (ctx: Ctx, input: unknown) => unknown
    const result = await implementation(ctx, parsed.data)
    if (def.kind === 'mutation' && !audited) {
      throw new Error(`Write procedure ${name} finished without recording an audit event`)
    }
    return def.output.parse(result)
  }

  return {
    contextFor: (procedure, actor, ctxClock = clock) => buildContext(procedure, 'ipc', actor, ctxClock, () => {}),
    async dispatch(name, rawInput, meta) {
      try {
        const data = await run(name, rawInput, meta)
        return okEnvelope(data, clock.now())
      } catch (error) {
        return toErrorEnvelope(error, clock.now(), log)
      }
    }
  }
}
