/** Where reconciliation's screens open (router.tsx): one place for every link between them. */
export const RECON_PATHS = {
  runs: '/reconciliation',
  sources: '/reconciliation/sources',
  import: '/reconciliation/import'
} as const

export const runPath = (id: number) => `/reconciliation/runs/${id}`
export const newSourcePath = () => '/reconciliation/sources/new'

/** A source's profile editor; with an upload, the editor starts from that file (the import's "header changed"). */
export function profilePath(sourceId: number, upload?: { uploadId: string; fileName: string }): string {
  const base = `/reconciliation/sources/${sourceId}/profile`
  return upload ? `${base}?${new URLSearchParams({ upload: upload.uploadId, file: upload.fileName })}` : base
}
