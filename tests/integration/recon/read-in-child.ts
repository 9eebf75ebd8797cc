/**
 * Reads one statement in a process of its own with a small, fixed heap (streaming.test.ts starts
 * it with --max-old-space-size and --expose-gc), and prints what it saw: a reader that gathered
 * the file into memory would die here instead of printing.
 */
import { readStatement } from '../../../src/main/recon/formats'
import { BUILT_IN_PROFILES } from '../../../src/shared/contract/recon-profile'

const gc = (globalThis as { gc?: () => void }).gc
async function main(): Promise<void> {
  const path = process.argv[2]
  gc?.()
  const baseline = process.memoryUsage().heapUsed
  let peak = baseline
  let lines = 0
  let firstGross: string | null = null
  let lastKey: string | null = null
  const result = await readStatement(path, BUILT_IN_PROFILES.alipay_trade, {
    onLine: (line) => {
      lines += 1
      firstGross ??= line.gross
      lastKey = line.rowKey
    },
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed)
    }
  })
  gc?.()
  const retained = process.memoryUsage().heapUsed - baseline
  process.stdout.write(JSON.stringify({ lines, lineCount: result.lineCount, problems: result.problemCount, controls: result.controls, firstGross, lastKey, bytesRead: result.bytesRead, peakGrowth: peak - baseline, retained }))
}

main().catch((error: unknown) => {
  process.stderr.write(String((error as Error).stack ?? error))
  process.exit(1)
})
