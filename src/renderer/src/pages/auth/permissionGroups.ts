import { ALL_PERMISSION_CODES, permissionArea, type PermissionArea, type PermissionCode } from '../../../../shared/permissions'

const AREA_ORDER: readonly PermissionArea[] = ['operations', 'afterSales', 'ledger', 'reports', 'reconciliation', 'fieldTesting', 'masterData', 'administration']

/** Codes grouped by area in catalog order; areas with none of the codes are left out. */
export function groupByArea(codes: readonly number[] = ALL_PERMISSION_CODES): { area: PermissionArea; codes: PermissionCode[] }[] {
  const wanted = new Set(codes)
  return AREA_ORDER.map((area) => ({
    area,
    codes: ALL_PERMISSION_CODES.filter((code) => wanted.has(code) && permissionArea(code) === area)
  })).filter((group) => group.codes.length > 0)
}
