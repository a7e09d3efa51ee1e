import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { makeTestPki } from './tests/core/kms/helpers/tls';
import { startKmsSimulator } from './src-main/core/kms/simulator/index';
import { openConnectTunnel } from './src-main/core/kms/proxy';
(async () => {
  const pki = await makeTestPki('/tmp/pkidbg');
  const sim = await startKmsSimulator({ tls: { keyPem: pki.keyPem, certPem: pki.certPem } });
  const proxy = http.createServer();
  proxy.on('connect', (req, socket, head) => {
    const [, port] = (req.url ?? '').split(':');
    const up = net.connect(Number(port), '127.0.0.1', () => { socket.write('HTTP/1.1 200 Connection Established\r\n\r\n'); up.pipe(socket); socket.pipe(up); });
    up.on('close', () => console.log('up closed')); socket.on('close', () => console.log('proxy sock closed'));
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const target = new URL(sim.endpoint.replace('127.0.0.1', 'localhost'));
  const raw = await openConnectTunnel({ url: new URL(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`) }, target, 5000);
  console.log('raw', raw.readable, raw.destroyed, raw.isPaused());
  raw.on('close', () => console.log('raw closed')); raw.on('end', () => console.log('raw end'));
  const t = tls.connect({ socket: raw, servername: 'localhost', ca: [pki.caPem] });
  t.on('secureConnect', () => { console.log('secure!'); process.exit(0); });
  t.on('error', (e) => { console.log('tls err', e); process.exit(1); });
})();
