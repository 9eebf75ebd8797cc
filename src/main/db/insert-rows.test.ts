import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ROWS_PER_INSERT, rowsInserter } from './insert-rows'

describe('rowsInserter', () => {
  it('writes every row in order, counts those a conflict skipped out, across full and partial statements', () => {
    const db = new Database(':memory:')
    db.exec('create table t (id integer primary key, k text not null unique, v integer)')
    db.prepare("insert into t (k, v) values ('k7', -1), ('k120', -1)").run()
    const insert = rowsInserter(db, 'insert into t (k, v)', 2, 'on conflict (k) do nothing')
    const withFixed = rowsInserter(db, 'insert into t (v, k)', 2, '', [-7])
    const n = ROWS_PER_INSERT * 2 + 23
    db.transaction(() => {
      for (let i = 0; i < n; i++) insert.add([`k${i}`, i])
    })()
    // Two rows were there already: not written again, not counted.
    expect(insert.flush()).toBe(n - 2)
    expect(db.prepare('select count(*) from t').pluck().get()).toBe(n)
    expect(db.prepare("select v from t where k in ('k7', 'k120', 'k0', 'k122') order by id").pluck().all()).toEqual([-1, -1, 0, 122])
    expect(() => insert.add(['too few'])).toThrow(/0 \+ 1 values for 2 columns/)
    // Values every row starts with.
    withFixed.add(['f1'])
    withFixed.add(['f2'])
    expect(withFixed.flush()).toBe(2)
    expect(db.prepare("select v from t where k in ('f1', 'f2')").pluck().all()).toEqual([-7, -7])
  })
})
