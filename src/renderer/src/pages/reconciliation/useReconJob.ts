/**
 * Following a reconciliation job (a dry run, an import, a run, an export) that runs in the main
 * process: the view its start answered, then `recon.jobs.status` every 300 ms while it runs; a
 * cancel asks the main process to stop it (nothing of it stays).
 */
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { ProcedureName } from '../../../../shared/contract'
import type { ReconJobView } from '../../../../shared/contract/reconciliation'
import { call } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { notifyError } from '../../components/notify'

const POLL_MS = 300

export interface ReconJob {
  /** The latest view of the job followed, or null before one starts. */
  job: ReconJobView | null
  /** Follows the job a procedure started (its answer); a failed start is shown as a toast. */
  follow: (started: Promise<ReconJobView>) => Promise<ReconJobView | null>
  cancel: () => void
  cancelling: boolean
  /** Forgets the job (a new file chosen). */
  reset: () => void
  running: boolean
}

/** `invalidate`: reads a finished job makes stale (the statements an import added, the runs a run wrote). */
export function useReconJob(invalidate: readonly ProcedureName[] = []): ReconJob {
  const queryClient = useQueryClient()
  const [started, setStarted] = useState<ReconJobView | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const status = useApiQuery('recon.jobs.status', { jobId: started?.id ?? '' }, {
    enabled: started !== null && started.state === 'running',
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : POLL_MS),
    gcTime: 0,
    staleTime: 0
  })
  const polled = status.data && status.data.id === started?.id ? status.data : null
  const job = polled ?? started
  const finishedId = job?.state === 'finished' ? job.id : null
  const stale = invalidate.join(',')
  useEffect(() => {
    if (!finishedId || !stale) return
    for (const name of stale.split(',')) void queryClient.invalidateQueries({ queryKey: [name] })
  }, [finishedId, stale, queryClient])
  return {
    job,
    running: job?.state === 'running',
    cancelling: cancelling && job?.state === 'running',
    follow: async (start) => {
      try {
        const view = await start
        setStarted(view)
        return view
      } catch (error) {
        notifyError(error)
        return null
      }
    },
    cancel: () => {
      if (!job) return
      setCancelling(true)
      call('recon.jobs.cancel', { jobId: job.id })
        .catch(notifyError)
        .finally(() => setCancelling(false))
    },
    reset: () => setStarted(null)
  }
}
