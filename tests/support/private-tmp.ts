/**
 * A private temporary folder for a whole test run (vitest's and Playwright's global setup): TMPDIR
 * points into it for the run, which the test workers and every host, CLI and browser they start
 * inherit, and it is removed when the run ends. Tests make database files, keys, exports and
 * evidence in `os.tmpdir()`; without this, every run would leave them in the machine's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Points TMPDIR at a new folder; returns the teardown that removes it and restores TMPDIR. */
export function usePrivateTmp(prefix: string): () => void {
  const previous = process.env.TMPDIR
  const dir = mkdtempSync(join(tmpdir(), prefix))
  process.env.TMPDIR = dir
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(dir, { recursive: true, force: true })
  }
}
