import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { contractEvents, procedureNames } from './src/shared/contract'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          // The Electron main process (imports electron) …
          index: resolve(__dirname, 'src/main/index.ts'),
          // … and the headless host, which must never import it (lint-enforced).
          headless: resolve(__dirname, 'src/main/headless.ts'),
          // Command-line tools, plain Node as well.
          verify: resolve(__dirname, 'src/main/cli/verify.ts'),
          // Field test reports checked offline by anyone (plain Node, no database).
          'verify-report': resolve(__dirname, 'src/main/cli/verify-report.ts'),
          // The provider simulator (tests, demo, rehearsing a channel), plain Node too.
          simulator: resolve(__dirname, 'src/main/simulator/cli.ts'),
          // The off-thread reads' worker thread (src/main/reads/pool.ts starts it), plain Node too.
          'read-worker': resolve(__dirname, 'src/main/app/read-worker.ts'),
          // An export job's worker thread (src/main/reports/export/jobs.ts starts it), plain Node too.
          'export-worker': resolve(__dirname, 'src/main/reports/export/worker.ts'),
          // A reconciliation job's worker thread (src/main/recon/jobs.ts starts it): imports and runs.
          'recon-worker': resolve(__dirname, 'src/main/recon/worker.ts'),
          // A backup's worker thread (src/main/safety/service.ts starts it): the copy off the main thread.
          'backup-worker': resolve(__dirname, 'src/main/safety/backup-worker.ts')
        }
      }
    }
  },
  preload: {
    define: {
      __PAYDESK_PROCEDURES__: JSON.stringify(procedureNames),
      __PAYDESK_EVENTS__: JSON.stringify(contractEvents)
    },
    build: {
      // One self-contained file: a sandboxed preload can require nothing but electron.
      externalizeDeps: false
    }
  },
  renderer: {
    resolve: {
      alias: {
        '@renderer': resolve(__dirname, 'src/renderer/src')
      }
    },
    plugins: [react()],
    // The renderer loads from disk (desktop) or loopback (browser mode): one large chunk is fine.
    build: { minify: true, chunkSizeWarningLimit: 4096 }
  }
})
