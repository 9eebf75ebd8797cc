/**
 * The whole contract: every procedure of every domain, by name. Types, the renderer's client,
 * the preload's allow-list and both hosts' routing derive from this one object.
 */
import type { z } from 'zod'
import { aftersalesContract } from './aftersales'
import { auditContract } from './audit'
import { authContract } from './auth'
import { bindingsContract } from './bindings'
import { channelsContract } from './channels'
import { contractsContract } from './contracts'
import { exportsContract } from './exports'
import { mergeContracts, type ProcedureDef } from './define'
import { fieldtestConnectContract } from './fieldtest-connect'
import { fieldtestContract } from './fieldtest'
import { safetyContract } from './safety'
import { ledgerContract } from './ledger'
import { financeContract } from './finance'
import { fourEyesContract } from './four-eyes'
import { homeContract } from './home'
import { limitsContract } from './limits'
import { merchantsContract } from './merchants'
import { ordersContract } from './orders'
import { parkedContract } from './parked'
import { preferencesContract } from './preferences'
import { reconciliationContract } from './reconciliation'
import { reportsContract } from './reports'
import { servicesContract } from './services'
import { systemContract } from './system'
import { terminalsContract } from './terminals'
import { usersContract } from './users'

export const contract = mergeContracts(authContract, usersContract, auditContract, merchantsContract, systemContract, contractsContract, terminalsContract, servicesContract, channelsContract, bindingsContract, limitsContract, ledgerContract, ordersContract, parkedContract, reportsContract, exportsContract, aftersalesContract, financeContract, reconciliationContract, fieldtestConnectContract, fieldtestContract, homeContract, safetyContract, fourEyesContract, preferencesContract)

export type Contract = typeof contract
export type ProcedureName = keyof Contract & string
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>
export type OutputOf<N extends ProcedureName> = z.output<Contract[N]['output']>

export const procedureNames = Object.keys(contract) as ProcedureName[]

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export function procedureDef(name: ProcedureName): ProcedureDef {
  return contract[name] as ProcedureDef
}

/** Events the main process pushes to the renderer (`on(event, cb)` in the preload). */
export const contractEvents = ['session.ended'] as const
export type ContractEvent = (typeof contractEvents)[number]

export * from './define'
