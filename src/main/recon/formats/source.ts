/**
 * The bytes of a statement as the readers consume them: counted (progress about once per MiB, a
 * size limit enforced even when the length was not known up front), cancellable between chunks,
 * and never gathered into one buffer.
 */
import type { Readable } from 'node:stream'
import { say } from '../../../shared/server-text'
import { StatementReadError, type ReadHooks } from './types'

const PROGRESS_EVERY = 1 << 20

export class ByteSource {
  bytesRead = 0
  private nextProgress = PROGRESS_EVERY
  private finished = false

  constructor(
    private readonly stream: Readable,
    readonly totalBytes: number | null,
    private readonly hooks: ReadHooks,
    private readonly maxBytes: number
  ) {}

  checkAborted(): void {
    if (this.hooks.signal?.aborted) throw new StatementReadError('aborted', say('recon.read.cancelled'))
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of this.stream) {
        this.checkAborted()
        const bytes = chunk as Uint8Array
        this.bytesRead += bytes.length
        if (this.bytesRead > this.maxBytes) throw new StatementReadError('too_large', say('recon.read.overLimit', { limit: formatBytes(this.maxBytes) }), { maxBytes: this.maxBytes })
        if (this.bytesRead >= this.nextProgress) {
          this.nextProgress = this.bytesRead + PROGRESS_EVERY
          this.hooks.onProgress?.(this.bytesRead, this.totalBytes)
        }
        yield bytes
      }
      this.finished = true
    } finally {
      if (!this.finished) this.stream.destroy()
    }
  }

  /**
   * How far a reader that opens the file itself (a workbook, through its zip's directory) is: the
   * share `part` of `whole` it has read, as bytes of the file.
   */
  readShare(part: number, whole: number): void {
    this.checkAborted()
    this.bytesRead = this.totalBytes === null || whole <= 0 ? part : Math.min(this.totalBytes, Math.round((this.totalBytes * part) / whole))
    if (this.bytesRead >= this.nextProgress) {
      this.nextProgress = this.bytesRead + PROGRESS_EVERY
      this.hooks.onProgress?.(this.bytesRead, this.totalBytes)
    }
  }

  /** The final progress report, once the reader is done. */
  done(): void {
    this.hooks.onProgress?.(this.bytesRead, this.totalBytes)
  }

  close(): void {
    this.stream.destroy()
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GiB`
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KiB`
  return `${bytes} bytes`
}
