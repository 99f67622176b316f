/** A static file server for the built page on 127.0.0.1 and a free port: GET/HEAD of files under a folder, nothing else. */
import { createReadStream, statSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { extname, join, normalize, sep } from "node:path"

const types: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
}

export interface StaticServer {
  readonly url: string
  /** Every path requested, in order (to prove the page asks for nothing but its own files). */
  readonly requests: Array<string>
  close(): Promise<void>
}

export const serveStatic = async (root: string): Promise<StaticServer> => {
  const requests: Array<string> = []
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)
    requests.push(`${req.method} ${path}`)
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end()
      return
    }
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path))
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403).end()
      return
    }
    let size: number
    try {
      const stat = statSync(file)
      if (!stat.isFile()) throw new Error("not a file")
      size = stat.size
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found")
      return
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "content-length": size })
    if (req.method === "HEAD") res.end()
    else createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
