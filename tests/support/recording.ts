import type Database from 'better-sqlite3'

/**
 * The connection, pushing the text of each statement prepared through it onto `prepared`. Report
 * reads keep their statements per connection (reports/page.ts `statement`), so a check that needs
 * to see every statement a read prepares takes a new recording connection.
 */
export function recordingConnection(sqlite: Database.Database, prepared: string[]): Database.Database {
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return (text: string) => (prepared.push(text), target.prepare(text))
      const value = Reflect.get(target, property)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}
