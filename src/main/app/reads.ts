/**
 * Every off-thread read, assembled from the domains' own maps: what the read pool runs inline (an
 * in-memory database) and what each worker thread runs (app/read-worker.ts). A name defined twice
 * would shadow a read: refused at start.
 */
import { auditReads } from '../audit/reads'
import { homeReads } from '../home/reads'
import { orderReads } from '../orders/reads'
import type { ReadCatalog } from '../reads/catalog'
import { reconReads } from '../recon/reads'
import { reportReads } from '../reports/reads'
import { safetyReads } from '../safety/reads'

function assemble(...maps: ReadCatalog[]): ReadCatalog {
  const catalog: ReadCatalog = {}
  for (const map of maps) {
    for (const [name, read] of Object.entries(map)) {
      if (name in catalog) throw new Error(`Two off-thread reads are named ${name}`)
      catalog[name] = read
    }
  }
  return catalog
}

export const READS = assemble(reportReads, orderReads, auditReads, reconReads, safetyReads, homeReads)

/** The read worker thread's build entry, and its source for a run from source (vitest, tsx). */
export const READ_WORKER = { entry: 'read-worker', source: `${__dirname}/read-worker.ts` }
