/**
 * The report API at the seed's own paths (SPEC §8): `GET /<report>/{pageIndex}-{pageSize}?filters`.
 * Each path is the matching `reports.*` procedure, dispatched through the registry like
 * `POST /api/<procedure>`, so the bearer token (401), REPORT_READ (403), validation (400 naming the
 * parameter) and merchant scope are decided in the one place both transports share. This file only
 * turns the query text into the procedure's input and writes the amounts as exact JSON numbers.
 */
import type { Context, Hono } from 'hono'
import type { ProcedureName } from '../../shared/contract'
import { REPORT_AMOUNT_FIELDS } from '../../shared/contract/reports'
import type { Registry } from '../core/registry'
import { jsonWithExactNumbers } from './exact-json'
import { say } from '../../shared/server-text'
import { type AppError, toErrorEnvelope, validationError } from '../core/errors'

export const REPORT_PATHS = {
  '/accountdetail/list': 'reports.accountDetails',
  '/reporttransaction/statistics': 'reports.transactionStatistics',
  '/reporttransaction/list': 'reports.transactionList',
  '/reportsettlement/statistics': 'reports.settlementStatistics',
  '/reportsettlement/list': 'reports.settlementList'
} as const satisfies Record<string, ProcedureName>

const INTEGER_PARAMS = new Set(['contractId', 'merchantId', 'txnId', 'type'])
// A Map: `includeTest=constructor` must not find Object's constructor.
const BOOLEAN_TEXT = new Map([['true', true], ['1', true], ['false', false], ['0', false]])

/** Digits become a number; anything else stays text, for the contract to refuse by name. */
const integerOf = (text: string): number | string => (/^-?\d+$/.test(text) ? Number(text) : text)

/**
 * The procedure's input from `{pageIndex}-{pageSize}` and the query string. It never refuses
 * anything itself: a refusal must come after the token and permission checks, so a caller without
 * a session gets 401, not a hint about its parameters. An empty value is an absent filter.
 *
 * The parameters are collected in an object without a prototype: on a plain one, `?__proto__=1`
 * would set the prototype instead of adding a parameter, and vanish rather than be refused as
 * unknown like any other name. Here it stays an own key (so does `constructor`), and the
 * contract refuses it by name.
 */
export function reportInput(paging: string, query: Record<string, string[]>): Record<string, unknown> {
  const dash = paging.indexOf('-')
  const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const [name, values] of Object.entries(query)) {
    const given = values.filter((v) => v !== '')
    if (given.length === 0) continue
    if (given.length > 1) input[name] = given
    else if (INTEGER_PARAMS.has(name)) input[name] = integerOf(given[0])
    else if (name === 'includeTest') input[name] = BOOLEAN_TEXT.get(given[0].toLowerCase()) ?? given[0]
    else input[name] = given[0]
  }
  return {
    ...input,
    pageIndex: integerOf(dash < 0 ? paging : paging.slice(0, dash)),
    pageSize: integerOf(dash < 0 ? '' : paging.slice(dash + 1)),
    // The seed's answer has no totals; counting is enough.
    withTotals: false
  }
}

/**
 * A path parameter given in the query: `?pageSize=5` was overwritten by the path's and the client got
 * page 1 forever. Named as any other parameter the report does not take is; `withTotals` is not the
 * seed's at all.
 */
export function pagingInQuery(query: Record<string, string[]>): AppError | null {
  for (const name of ['pageIndex', 'pageSize', 'withTotals']) {
    if (!(query[name] ?? []).some((v) => v !== '')) continue
    return validationError(name, name === 'withTotals' ? say('rule.notReportParameter') : say('rule.pagingInPath'))
  }
  return null
}

export interface ReportRoutesDeps {
  registry: Registry
  bearerToken(c: Context): string | null
}

export function registerReportRoutes(app: Hono, deps: ReportRoutesDeps): void {
  for (const [path, procedure] of Object.entries(REPORT_PATHS)) {
    app.get(`${path}/:paging`, async (c) => {
      const input = reportInput(c.req.param('paging'), c.req.queries())
      const envelope = await deps.registry.dispatch(procedure, input, { token: deps.bearerToken(c), transport: 'http' })
      // Paging in the query is refused after the session and permission checks, as any parameter is.
      const misplaced = envelope.status === 401 || envelope.status === 403 ? null : pagingInQuery(c.req.queries())
      if (misplaced) {
        const refusal = toErrorEnvelope(misplaced, Date.now())
        return c.json(refusal, refusal.status)
      }
      if (envelope.status !== 200) return c.json(envelope, envelope.status)
      const { totals: _totals, ...page } = envelope.data as { totals: unknown }
      return c.body(jsonWithExactNumbers({ ...envelope, data: page }, REPORT_AMOUNT_FIELDS), 200, { 'content-type': 'application/json; charset=UTF-8' })
    })
  }
}
