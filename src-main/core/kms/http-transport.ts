/**
 * The one place the KMS client touches the network: node:http/https with TLS always verified
 * (Node's roots plus an optional extra CA bundle), an optional CONNECT proxy, a deadline per
 * request, a size cap on answers, and failures classified as "certainly not delivered"
 * (refused, DNS, TLS, proxy) or "ambiguous" (timeout or dropped connection after sending).
 * Kept-alive connections are reused only while fresh (see `staleSocketDropper`), so a request is
 * not written into a connection the server already closed.
 */
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { KmsError, badResponse, kmsClientError } from './errors';
import { simulatedRegionOf } from '../loopback-host';
import { openConnectTunnel, proxyForTarget } from './proxy';

export interface HttpRequestSpec {
  readonly method: 'POST' | 'GET';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface HttpTransport {
  send(request: HttpRequestSpec): Promise<HttpResponse>;
  /** Closes idle connections. */
  close(): void;
}

interface NodeTransportOptions {
  /** PEM text of extra CA certificates, trusted in addition to Node's default roots. */
  readonly extraCaPem?: string;
  /** Where HTTPS_PROXY / NO_PROXY are read from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

const MAX_RESPONSE_BYTES = 1024 * 1024;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL|EPROTO/;

/** Parses a PEM bundle into certificates, refusing text that holds none or a broken one. */
function parseCaBundle(pem: string): string[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw kmsClientError('KMS_CA_BUNDLE_INVALID', { reason: 'empty' });
  }
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw kmsClientError('KMS_CA_BUNDLE_INVALID', { reason: 'unreadable' });
    }
  }
  return blocks;
}

function classify(error: NodeJS.ErrnoException, url: URL, written: boolean): KmsError {
  const code = error.code ?? '';
  const host = url.host;
  if (error instanceof KmsError) return error;
  if (TLS_CODE.test(code)) {
    return kmsClientError('KMS_TLS', { host, code }, { cause: error });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return kmsClientError('KMS_DNS', { hostname: url.hostname }, { retryable: true, cause: error });
  }
  if (code === 'ECONNREFUSED') {
    return kmsClientError('KMS_CONNECTION_REFUSED', { host }, { retryable: true, cause: error });
  }
  return kmsClientError(
    'KMS_CONNECTION_DROPPED',
    { host, written: written ? 'yes' : 'no', detail: code || error.message },
    { ambiguous: written, retryable: true, cause: error },
  );
}

/**
 * How long after its last request started a kept-alive connection may still carry one. Servers
 * close idle connections after a few seconds (Node's own server after 5 s, announcing it in
 * `Keep-Alive: timeout=5`); the agent drops an idle socket by a timer shortly before, but a timer
 * runs only when the event loop does: held for seconds (a synchronous key generation under load),
 * the next request would go out on a connection the server closed meanwhile and fail after it was
 * written, an ambiguous failure that costs a reconcile. Well below any server's idle timeout; a new
 * connection costs one handshake.
 */
const MAX_IDLE_REUSE_MS = 1000;

/** Monotonic milliseconds: they advance while the event loop is held, and never jump with the wall clock. */
const monotonicMs = () => performance.now();

/**
 * For `agent`: `dropStale()`, called before each request, closes and forgets the free sockets whose
 * last request started more than `maxIdleMs` ago, so the request opens a new connection instead;
 * `started(socket, at)` records when a request that goes out on `socket` started.
 * Counted from the request's start, not from when the agent freed the socket: the server's idle
 * timer starts when it has answered, which is after the request started but may be long before
 * this process reads the answer (the loop held while the answer arrived), so a socket freed a
 * moment ago may have been closed by the server seconds ago. Measured so, a socket reused
 * within `maxIdleMs` has been idle on the server for less than that. (The agent takes the last free
 * socket without looking whether it was closed, so a closed socket is also taken out of its free list.)
 */
function staleSocketDropper(
  agent: http.Agent,
  maxIdleMs: number,
): { dropStale(): void; started(socket: Socket, at: number): void } {
  const lastStarted = new WeakMap<Socket, number>();
  return {
    dropStale() {
      const now = monotonicMs();
      for (const sockets of Object.values(agent.freeSockets)) {
        for (const socket of [...(sockets ?? [])]) {
          if (now - (lastStarted.get(socket) ?? Number.NEGATIVE_INFINITY) <= maxIdleMs) continue;
          sockets?.splice(sockets.indexOf(socket), 1);
          socket.destroy();
        }
      }
    },
    started: (socket, at) => lastStarted.set(socket, at),
  };
}

/** The transport over node:http/https described above. */
export function createNodeTransport(options: NodeTransportOptions = {}): HttpTransport {
  const env = options.env ?? process.env;
  const ca =
    options.extraCaPem === undefined ? undefined : [...tls.rootCertificates, ...parseCaBundle(options.extraCaPem)];
  const httpsAgent = new https.Agent({ keepAlive: true, timeout: 4000, ...(ca ? { ca } : {}) });
  const httpAgent = new http.Agent({ keepAlive: true, timeout: 4000 });
  const reuse = {
    https: staleSocketDropper(httpsAgent, MAX_IDLE_REUSE_MS),
    http: staleSocketDropper(httpAgent, MAX_IDLE_REUSE_MS),
  };

  async function send(spec: HttpRequestSpec): Promise<HttpResponse> {
    const deadline = Date.now() + spec.timeoutMs;
    const isHttps = spec.url.protocol === 'https:';
    const proxy = isHttps ? proxyForTarget(spec.url, env) : undefined;
    const hostname = spec.url.hostname.replace(/^\[|\]$/g, '');
    // A simulated region's host (kms.{region}.localhost) is this computer, whatever the resolver says.
    const connectTo = simulatedRegionOf(hostname) ? '127.0.0.1' : hostname;
    let tunnelSocket: tls.TLSSocket | undefined;
    if (proxy) {
      const raw = await openConnectTunnel(proxy, spec.url, spec.timeoutMs);
      tunnelSocket = tls.connect({
        socket: raw,
        servername: hostname,
        ALPNProtocols: ['http/1.1'],
        ...(ca ? { ca } : {}),
      });
    }
    const requestOptions: https.RequestOptions = {
      method: spec.method,
      host: connectTo,
      ...(connectTo !== hostname ? { servername: hostname } : {}),
      port: Number(spec.url.port || (isHttps ? 443 : 80)),
      path: `${spec.url.pathname}${spec.url.search}`,
      headers: {
        ...spec.headers,
        'content-length': String(spec.body.length),
        ...(connectTo !== hostname ? { host: spec.url.host } : {}),
      },
    };
    const socket = tunnelSocket;
    const pooled = isHttps ? reuse.https : reuse.http;
    const startedAt = monotonicMs();
    if (!socket) pooled.dropStale();
    const request = socket
      ? // No agent: with createConnection and no agent, Node uses exactly this socket.
        http.request({ ...requestOptions, createConnection: () => socket })
      : isHttps
        ? https.request({ ...requestOptions, agent: httpsAgent })
        : http.request({ ...requestOptions, agent: httpAgent });

    if (!socket) request.once('socket', (s: Socket) => pooled.started(s, startedAt));

    return new Promise<HttpResponse>((resolve, reject) => {
      let written = false;
      let settled = false;
      const finish = (error: KmsError | undefined, response?: HttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          request.destroy();
          socket?.destroy();
          reject(error);
        } else if (response) {
          socket?.end();
          resolve(response);
        }
      };
      const timer = setTimeout(
        () => {
          finish(
            kmsClientError(
              'KMS_TIMEOUT',
              { host: spec.url.host, timeoutMs: spec.timeoutMs, written: written ? 'yes' : 'no' },
              { ambiguous: written, retryable: true },
            ),
          );
        },
        Math.max(1, deadline - Date.now()),
      );
      request.on('finish', () => {
        written = true;
      });
      request.on('error', (error: NodeJS.ErrnoException) => finish(classify(error, spec.url, written)));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            finish(
              badResponse(
                { reason: 'tooLarge', host: spec.url.host, limit: MAX_RESPONSE_BYTES },
                { ambiguous: true, httpStatus: response.statusCode },
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (error: NodeJS.ErrnoException) => finish(classify(error, spec.url, true)));
        response.on('end', () =>
          finish(undefined, {
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      request.end(spec.body);
    });
  }

  return {
    send,
    close: () => {
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}
