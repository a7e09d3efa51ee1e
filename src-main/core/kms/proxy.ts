/**
 * HTTPS through a corporate proxy: HTTPS_PROXY / https_proxy name the proxy, NO_PROXY / no_proxy
 * the hosts that bypass it, and the tunnel is an HTTP CONNECT made here with node:http (TLS then
 * runs end to end inside it, verified as usual). Proxy credentials never appear in messages.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { kmsClientError } from './errors';

interface ProxySettings {
  readonly url: URL;
  /** `Basic ...` when the proxy URL carries user:password. */
  readonly authorization?: string;
}

function parseProxyUrl(text: string): ProxySettings {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw kmsClientError('KMS_PROXY_INVALID', { reason: 'notUrl', scheme: '' });
  }
  if (url.protocol !== 'http:') {
    throw kmsClientError('KMS_PROXY_INVALID', { reason: 'scheme', scheme: url.protocol });
  }
  const user = decodeURIComponent(url.username);
  const authorization =
    user || url.password
      ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(url.password)}`, 'utf8').toString('base64')}`
      : undefined;
  const bare = new URL(`http://${url.host}`);
  return authorization ? { url: bare, authorization } : { url: bare };
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** True when NO_PROXY (comma/space separated; `*`, host, `.domain`, `host:port`, IP) names `target`. */
export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = defaultPort(target);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const bareIpv6 = (entry.match(/:/g) ?? []).length > 1 && !entry.startsWith('[');
    const match = bareIpv6 ? [entry, entry, undefined] : /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match) continue;
    const entryHost = (match[1] ?? '').replace(/^\[|\]$/g, '').replace(/^\*?\./, '.');
    if (match[2] && match[2] !== port) continue;
    const bare = entryHost.startsWith('.') ? entryHost.slice(1) : entryHost;
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/** The proxy to use for `target` under `env`, or undefined for a direct connection. */
export function proxyForTarget(target: URL, env: NodeJS.ProcessEnv): ProxySettings | undefined {
  if (target.protocol !== 'https:') return undefined;
  const proxy = env.https_proxy ?? env.HTTPS_PROXY;
  if (!proxy || proxy.trim() === '') return undefined;
  if (bypassesProxy(target, env.no_proxy ?? env.NO_PROXY)) return undefined;
  return parseProxyUrl(proxy.trim());
}

/** Opens a CONNECT tunnel to `target` through `proxy`; resolves to the raw tunnelled socket. */
export function openConnectTunnel(proxy: ProxySettings, target: URL, timeoutMs: number): Promise<Socket> {
  const authority = `${target.hostname}:${defaultPort(target)}`;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: authority };
    if (proxy.authorization) headers['proxy-authorization'] = proxy.authorization;
    const request = http.request({
      host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.url.port || 80),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(kmsClientError('KMS_PROXY_TIMEOUT', { proxy: proxy.url.host, timeoutMs }, { retryable: true }));
    }, timeoutMs);
    request.once('connect', (response, socket, head) => {
      clearTimeout(timer);
      if (response.statusCode !== 200) {
        socket.destroy();
        const status = response.statusCode ?? 0;
        reject(
          kmsClientError('KMS_PROXY_REFUSED', { proxy: proxy.url.host, authority, status }, { httpStatus: status }),
        );
        return;
      }
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        kmsClientError(
          'KMS_PROXY_UNREACHABLE',
          { proxy: proxy.url.host, code: error.code ?? 'none' },
          { retryable: true, cause: error },
        ),
      );
    });
    request.end();
  });
}
