/**
 * Where every reader delivers: lines to `onLine` (awaited when it returns a promise, so an
 * importer writing batches holds the reader back), problems to `onProblem`, with the counts the
 * result reports. Too many problems mean the profile does not fit the file: the read stops.
 */
import { say } from '../../../shared/server-text'
import { StatementReadError, type LineProblem, type ReadHooks, type ReadOptions, type StatementLine } from './types'

export const DEFAULT_MAX_PROBLEMS = 10_000

export class LineSink {
  lineCount = 0
  problemCount = 0
  /** `maxLines` rows (lines and problems) reached: the reader stops and reports `stoppedEarly`. */
  stopped = false
  private readonly maxProblems: number
  private readonly maxLines: number

  constructor(
    private readonly hooks: ReadHooks,
    options: ReadOptions
  ) {
    this.maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS
    this.maxLines = options.maxLines ?? Number.POSITIVE_INFINITY
  }

  /** A promise only when `onLine` returned one (awaiting every line would cost a microtask each). */
  line(line: StatementLine): void | Promise<void> {
    this.lineCount += 1
    if (this.lineCount + this.problemCount >= this.maxLines) this.stopped = true
    return this.hooks.onLine?.(line)
  }

  problem(problem: LineProblem): void {
    this.problemCount += 1
    this.hooks.onProblem?.(problem)
    if (this.lineCount + this.problemCount >= this.maxLines) this.stopped = true
    if (this.problemCount > this.maxProblems) {
      throw new StatementReadError('too_many_problems', say('recon.read.tooManyProblems', { max: this.maxProblems, lineNo: problem.lineNo, reason: problem.reason }))
    }
  }
}
