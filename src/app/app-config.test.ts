import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server, setupMsw } from '@/testing/msw'
import { appConfigQuery } from './app-config'

setupMsw()

const serve = (body: Record<string, unknown>, status = 200) =>
  server.use(http.get('*/app-config.json', () => HttpResponse.json(body, { status })))
const read = () => new QueryClient().fetchQuery(appConfigQuery)

describe('appConfigQuery', () => {
  it('reads who is signed in', async () => {
    serve({ demo: false, examples: [], user: 'dana@example.com', editing: true })
    expect(await read()).toEqual({
      demo: false,
      examples: [],
      user: 'dana@example.com',
      editing: true,
    })
  })

  it.each([
    ['a server that predates it', {}],
    ['something else', { editing: 'yes' }],
  ])('takes %s as no editing', async (_what, body) => {
    serve({ demo: true, examples: [], user: null, ...body })
    expect((await read()).editing).toBe(false)
  })

  it.each([
    ['nobody', { demo: true, examples: [], user: null }],
    ['a server that predates it', { demo: true, examples: [] }],
    ['something else', { demo: true, examples: [], user: 42 }],
  ])('takes %s as no user', async (_what, body) => {
    serve(body)
    expect((await read()).user).toBeNull()
  })

  it('falls back to no demo and no user when the server has no config', async () => {
    serve({}, 404)
    expect(await read()).toEqual({ demo: false, examples: [], user: null, editing: false })
  })
})
