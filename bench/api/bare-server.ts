/**
 * The baseline of the API benchmark: a bare node:http server answering each path with a fixed
 * JSON body (the bytes the real server answered for that path), no routing, no database.
 *   node --import tsx bench/api/bare-server.ts BODIES.json   → prints the port on stdout
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const bodies = new Map<string, Buffer>(
  Object.entries(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, string>).map(
    ([path, body]) => [path, Buffer.from(body)],
  ),
);
const missing = Buffer.from('{"code":404}');

const server = createServer((req, res) => {
  const body = bodies.get(req.url ?? '');
  res.writeHead(body ? 200 : 404, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': (body ?? missing).length,
  });
  res.end(body ?? missing);
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
