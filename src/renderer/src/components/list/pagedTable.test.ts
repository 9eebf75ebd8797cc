import { describe, expect, it } from 'vitest'
import { pagedTableProps } from './pagedTable'

const table = { page: 2, pageSize: 20, setPage: () => undefined, setPageSize: () => undefined }
const rows = { items: [{ id: 1 }, { id: 2 }], total: 42 }

describe('a paged list under its loader', () => {
  it('is under it on its first load, with nothing to show yet', () => {
    expect(pagedTableProps(table, { data: undefined, isFetching: true }).fetching).toBe(true)
  })

  it('is under it while another page, search or filter loads, the previous rows still shown', () => {
    const props = pagedTableProps(table, { data: rows, isFetching: true, isPlaceholderData: true })
    expect(props.fetching).toBe(true)
    expect(props.records).toEqual(rows.items)
  })

  it('stays clickable while the same request is read again (a poll, or a refresh after a write)', () => {
    const props = pagedTableProps(table, { data: rows, isFetching: true, isPlaceholderData: false })
    expect(props.fetching).toBe(false)
    expect(props).toMatchObject({ records: rows.items, totalRecords: 42, page: 2, recordsPerPage: 20 })
  })

  it('is not under it once the answer came, or when the read failed', () => {
    expect(pagedTableProps(table, { data: rows, isFetching: false }).fetching).toBe(false)
    expect(pagedTableProps(table, { data: undefined, isFetching: false }).fetching).toBe(false)
  })
})
