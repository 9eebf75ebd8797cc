/** The read pool's worker thread (built as out/main/read-worker.js): the loop of reads/worker.ts over every read. */
import { serveReads } from '../reads/worker'
import { READS } from './reads'

serveReads(READS)
