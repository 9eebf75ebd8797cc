import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { positionedPage, STEP, type PositionedList } from './positions'

/** `n` rows in groups of ties on `at` (the id breaks them), inserted out of order, half of them `open`. */
function listOf(n: number): { sqlite: Database.Database; list: PositionedList } {
  const sqlite = new Database(':memory:')
  sqlite.exec('create table b (id integer primary key, at integer not null, status text not null); create index b_list on b (status, at, id)')
  const insert = sqlite.prepare('insert into b (id, at, status) values (?, ?, ?)')
  for (let i = 0; i < 2 * n; i++) {
    const id = ((i * 7919) % (2 * n)) + 1
    insert.run(id, Math.floor(id / 3) % 97, id % 2 === 0 ? 'open' : 'resolved')
  }
  return { sqlite, list: { from: 'b', where: 'status = ?', params: ['open'], order: 'at', id: 'id' } }
}

describe('positionedPage', () => {
  it('gives every page the rows OFFSET gives, with the count, for lists around the anchors’ step', () => {
    for (const n of [0, 1, STEP - 1, STEP, STEP + 1, 2 * STEP, 2 * STEP + 1, 3 * STEP + 17]) {
      const { sqlite, list } = listOf(n)
      const all = sqlite.prepare("select id from b where status = 'open' order by at, id").pluck().all() as number[]
      expect(all).toHaveLength(n)
      for (const [offset, limit] of [[0, 20], [STEP - 5, 20], [STEP, 20], [STEP + 1, 7], [2 * STEP - 1, 20], [2 * STEP, 20], [n - 3, 20], [n, 20], [n + 40, 20]]) {
        if (offset < 0) continue
        expect(positionedPage(sqlite, list, 'v1', offset, limit), `n ${n}, offset ${offset}`).toEqual({ total: n, ids: all.slice(offset, offset + limit) })
      }
      sqlite.close()
    }
  })

  it('keeps the positions while the version is the same, and finds them again for a new one', () => {
    const { sqlite, list } = listOf(2 * STEP + 10)
    const deep = 2 * STEP + 5
    const before = positionedPage(sqlite, list, 'v1', deep, 20)
    expect(before.total).toBe(2 * STEP + 10)
    // Rows ahead of the deep page leave: under the same version the positions are the caller's to have renewed.
    sqlite.prepare("update b set status = 'resolved' where id in (select id from b where status = 'open' order by at, id limit 10)").run()
    expect(positionedPage(sqlite, list, 'v1', deep, 20).total).toBe(2 * STEP + 10)
    const after = positionedPage(sqlite, list, 'v2', deep, 20)
    const all = sqlite.prepare("select id from b where status = 'open' order by at, id").pluck().all() as number[]
    expect(after).toEqual({ total: 2 * STEP, ids: all.slice(deep, deep + 20) })
    expect(after.ids).toHaveLength(0)
    expect(positionedPage(sqlite, list, 'v2', 2 * STEP - 5, 20).ids).toEqual(all.slice(2 * STEP - 5))
    sqlite.close()
  })
})
