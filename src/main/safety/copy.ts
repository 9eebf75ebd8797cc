/** What a backup file is made into once copied (used by the backup's worker thread). */
import Database from 'better-sqlite3'

/**
 * The copy keeps the live database's WAL mode, in which merely opening it makes -wal and -shm files
 * beside it; switched to a rollback journal, a backup stays one file wherever it is copied.
 */
export function makeSelfContained(file: string, nativeBinding?: string): void {
  const copy = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}
