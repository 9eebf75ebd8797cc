/** The audit log's off-thread read (reads/catalog.ts): an event per write, millions in a year. */
import { readHandles } from '../reads/catalog'
import type { PageRequest, ReadSource } from '../reads/page'
import { auditList, type AuditListFilters } from './list'

export const auditReads = {
  auditList: (src: ReadSource, f: AuditListFilters, request: PageRequest) => auditList(src, f, request)
}

export const AUDIT_READS = readHandles(auditReads)
