// nextPage reads what comes after a page, and keeps whatever the upstream says within the operation's own query.
import { describe, expect, it } from 'vitest'
import type { OperationSpec, Pagination } from '../../src/artifacts.ts'
import { nextPage } from '../../src/host/next-page.ts'

const op = (pagination: Pagination): OperationSpec => ({
  name: 'list',
  pointer: '#/paths/~1items~1{owner}/get',
  method: 'GET',
  path: '/items/{owner}',
  params: [
    { name: 'owner', in: 'path', required: true },
    { name: 'page', in: 'query', required: false },
  ],
  input: { type: 'object', properties: { owner: { type: 'string' }, page: { type: 'integer' } } },
  pagination,
})
const url = new URL('https://api.example/items/me')
const LINK = op({ style: 'link', items: '', param: 'page' })

describe('nextPage', () => {
  it('ends a page-number list at its total', () => {
    const paged = op({ style: 'page', items: 'result', param: 'page', next: 'result_info.total_pages' })
    expect(nextPage(paged, { page: 2 }, { result: [1], result_info: { total_pages: 3 } }, undefined, url)).toEqual({ items: [1], next: { page: 3 } })
    expect(nextPage(paged, { page: 3 }, { result: [1], result_info: { total_pages: 3 } }, undefined, url)).toEqual({ items: [1], next: null })
  })

  it('stops when a cursor repeats, so a looping upstream cannot loop the host', () => {
    const cursor = op({ style: 'cursor', items: 'data', param: 'cursor', next: 'next' })
    expect(nextPage(cursor, { cursor: 'a' }, { data: [1], next: 'a' }, undefined, url)).toEqual({ items: [1], next: null })
  })

  it('takes only declared query parameters from a Link, never a path parameter', () => {
    const link = '<https://api.example/items/me?page=2&owner=../admin&token=x>; rel="next"'
    expect(nextPage(LINK, { owner: 'me' }, [1], link, url)).toEqual({ items: [1], next: { owner: 'me', page: 2 } })
  })

  it.each([
    ['another host', '<https://evil.example/items/me?page=2>; rel="next"', 'https://evil.example/items/me'],
    ['another path on the same host', '<https://api.example/items/other?page=2>; rel="next"', 'https://api.example/items/other'],
  ])('refuses a Link to %s', (_name, link, where) => {
    expect(nextPage(LINK, {}, [1], link, url)).toEqual({
      error: `the upstream's Link header points the next page at ${where}, not at https://api.example/items/me; it was not followed`,
    })
  })

  it('says where the list was expected when the body has none', () => {
    expect(nextPage(op({ style: 'page', items: 'result', param: 'page' }), {}, { error: 'x' }, undefined, url)).toEqual({
      error: 'the response has no list at "result", so paging stopped',
    })
  })
})
