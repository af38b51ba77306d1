import { createServer, type AddressInfo, type Socket } from 'node:net'

export interface RawUpstream {
  url: string
  /** The request heads received, as sent. */
  requests: string[]
  close: () => Promise<void>
}

/**
 * A TCP server that reads each request head and lets `answer` write anything at all: for
 * upstreams that do not speak HTTP, or speak it wrong.
 */
export async function startRawUpstream(
  answer: (socket: Socket, head: string) => void,
): Promise<RawUpstream> {
  const requests: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let head = ''
    socket.on('data', (chunk: Buffer) => {
      if (head.endsWith('\r\n\r\n')) return
      head += chunk.toString('latin1')
      if (!head.endsWith('\r\n\r\n')) return
      requests.push(head)
      answer(socket, head)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
