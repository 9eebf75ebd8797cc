/** The filters the five reports share, as SQL on the entries and on the stored daily rows. */
import { SqlFilter, type ReadSource } from '../reads/page'

/** The filters all five reports have; every table they read has these columns. */
export interface CommonFilters {
  contractId?: number
  merchantId?: number
  currency?: string
  /** Test orders count unless this is false (the seed: they count in statistics). */
  includeTest: boolean
}

export function commonFilter(src: ReadSource, f: CommonFilters): SqlFilter {
  return new SqlFilter()
    .and('tenant_id = ?', src.tenantId)
    .when(f.contractId, 'contract_id = ?', f.contractId)
    .when(f.merchantId, 'merchant_id = ?', f.merchantId)
    .when(f.currency, 'currency = ?', f.currency)
    .when(f.includeTest ? undefined : true, 'is_test = 0')
}

/**
 * The same filters on the stored daily rows (db/schema/reports.ts), which keep a view with test
 * orders and one without them rather than a test flag per row.
 */
export function viewFilter(src: ReadSource, f: CommonFilters): SqlFilter {
  return new SqlFilter()
    .and('tenant_id = ?', src.tenantId)
    .and('include_test = ?', f.includeTest ? 1 : 0)
    .when(f.contractId, 'contract_id = ?', f.contractId)
    .when(f.merchantId, 'merchant_id = ?', f.merchantId)
    .when(f.currency, 'currency = ?', f.currency)
}
