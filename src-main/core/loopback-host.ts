/**
 * This computer's host names, and the endpoint of Keyferry's KMS simulator: plain http on one of
 * them (a real region is reached over https only; core/kms/endpoint.ts). No KMS or network module
 * is imported here: the air-gapped side's receipt says a rehearsal by it too.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * A region of the local simulator, named as the real endpoints name it (kms.{region}.…) under
 * `localhost`, which always means this computer (RFC 6761); the transport connects to 127.0.0.1.
 */
const SIMULATED_REGION_HOST = /^kms\.([a-z]{2,}(?:-[a-z0-9]+){1,4})\.localhost$/;

/** True for 127.0.0.1, localhost, [::1] and a simulated region's host (kms.{region}.localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(name) || SIMULATED_REGION_HOST.test(name);
}

/** The region a simulated region's host names (kms.cn-north-4.localhost → cn-north-4), else undefined. */
export function simulatedRegionOf(hostname: string): string | undefined {
  return SIMULATED_REGION_HOST.exec(hostname.toLowerCase())?.[1];
}

/** Whether `url` is the simulator's: plain http on this computer. */
export function isSimulatorUrl(url: URL): boolean {
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** The same for an endpoint as journaled (text); false for text that is no URL. */
export function isSimulatorEndpoint(endpoint: string): boolean {
  try {
    return isSimulatorUrl(new URL(endpoint));
  } catch {
    return false;
  }
}
