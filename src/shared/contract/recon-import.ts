/**
 * What reading a statement file answers (contract/reconciliation.ts re-exports it): a dry run's
 * report, with every bad row and the file's control totals, and an import's result.
 */
import { z } from 'zod'
import { serverTextSchema } from '../server-text'
import { COLUMN_FIELDS, STATEMENT_FORMATS } from './recon-profile'

/** A row a statement file's reader or its import could not take: its line, the field, and why (a catalog text). */
export const rowProblem = z.object({ lineNo: z.number(), field: z.string().optional(), reason: serverTextSchema })
export type RowProblem = z.infer<typeof rowProblem>

/** One of a file's own totals against the lines read; `problem` says why it could not be computed (then `computed` is empty). */
export const controlResult = z.object({ name: z.string(), stated: z.string(), computed: z.string(), ok: z.boolean(), problem: serverTextSchema.optional() })
export type ControlResultRow = z.infer<typeof controlResult>

/** How a text file's encoding was found: a byte-order mark, detected, declared by the file (camt.053's XML), set in the profile. */
export const ENCODING_SOURCES = ['bom', 'detected', 'declared', 'profile'] as const

/** A dry run's answer (a dry-run job's result, a refused import's detail): every bad row, the controls, repeats, overlaps. */
export const dryRunReport = z.object({
  fileHash: z.string(),
  fileSize: z.number(),
  /** The kind of file read; null when it was refused before it was read, and in reports kept before it was said. */
  format: z.enum(STATEMENT_FORMATS).nullable().default(null),
  /** What a text file (CSV, camt.053, MT940) was decoded as: utf-8, gb18030, iso-8859-1; '' for a workbook (XLSX), which has no text encoding. */
  encoding: z.string(),
  /** How that encoding was found: a byte-order mark, detected, declared by the file (camt.053's XML), set in the profile; null with no encoding. */
  encodingSource: z.enum(ENCODING_SOURCES).nullable().default(null),
  header: z.array(z.string()),
  lineCount: z.number(),
  problemCount: z.number(),
  /** The first problems, each with its line number and reason. */
  problems: z.array(rowProblem),
  controls: z.array(controlResult),
  period: z.object({ from: z.number(), to: z.number() }).nullable(),
  /** Lines whose row key an earlier import of the source already holds: not stored again, but listed by the statement (its runs read them). */
  repeated: z.number(),
  /** The imported statements holding those lines, with how many each holds. Absent in reports kept before it was said. */
  repeatedIn: z.array(z.object({ statementId: z.number(), fileName: z.string(), lines: z.number() })).default([]),
  /** Lines that repeat an earlier line of this file (its key): stored, for the run to report as duplicates. Absent in reports kept before it was counted. */
  twiceInFile: z.number().default(0),
  /** The profile's optional columns the file lacks: read as empty, so their values are never checked. Absent in reports kept before it was said. */
  absentColumns: z.array(z.enum(COLUMN_FIELDS)).default([]),
  /** camt.053 entries left out as not booked (pending, information only), by their status code: only booked ones are money moved. Absent in reports kept before it was said. */
  notBooked: z.record(z.string(), z.number()).default({}),
  /** Imported statements of the same source whose period this file's overlaps. */
  overlaps: z.array(z.object({ statementId: z.number(), fileName: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  /**
   * Set when the file is refused: `recon.file_already_imported` before its lines were read (the same
   * file again, the statement holding it); `recon.nothing_new` when every line was imported before
   * with other files (the first statement holding them; `repeatedIn` names each).
   */
  refused: z.object({ code: z.string(), statementId: z.number() }).nullable()
})
export type DryRunReport = z.infer<typeof dryRunReport>

/** An import job's result: the statement it stored, its lines stored and those seen before. */
export const commitResult = z.object({ statementId: z.number(), stored: z.number(), repeated: z.number() })
export type CommitResult = z.infer<typeof commitResult>
