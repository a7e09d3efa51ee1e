/**
 * Where the KMS lives: `https://kms.{region}.myhuaweicloud.com`, or an explicit endpoint. Plain
 * http is accepted only for loopback (the built-in simulator); everything else must be https.
 */
import { PROJECT_ID_PATTERN, REGION_PATTERN } from '../identifiers';
import { kmsClientError } from './errors';
import { isLoopbackHost } from '../loopback-host';

const HUAWEI_REGION_HOST = /^kms\.([a-z]{2,}(?:-[a-z0-9]+){1,4})\.myhuaweicloud\.com$/;

/**
 * The endpoint of `region` for a ceremony whose first connection is `primary`: Huawei's endpoint
 * of that region (https://kms.{region}.myhuaweicloud.com) when the primary is a Huawei regional
 * endpoint, the simulator's host of that region (same scheme and port) when the primary is the
 * local simulator; undefined for any other explicit endpoint (a proxy or private endpoint: give
 * each region's endpoint explicitly).
 */
export function endpointBeside(primary: URL, region: string): URL | undefined {
  if (!REGION_PATTERN.test(region)) throw badEndpoint('region', region);
  const host = primary.hostname.toLowerCase();
  if (HUAWEI_REGION_HOST.test(host) && primary.protocol === 'https:') return endpointForRegion(region);
  if (isLoopbackHost(host)) {
    return new URL(`${primary.protocol}//kms.${region}.localhost${primary.port ? `:${primary.port}` : ''}`);
  }
  return undefined;
}

function badEndpoint(reason: 'region' | 'notUrl' | 'path' | 'plainHttp' | 'scheme' | 'none', value = '') {
  return kmsClientError('KMS_ENDPOINT_INVALID', { reason, value });
}

/** The KMS endpoint of a region, e.g. `cn-north-4` → https://kms.cn-north-4.myhuaweicloud.com. */
export function endpointForRegion(region: string): URL {
  if (!REGION_PATTERN.test(region)) {
    throw badEndpoint('region', region);
  }
  return new URL(`https://kms.${region}.myhuaweicloud.com`);
}

/** Validates an explicit endpoint: https anywhere, http only on loopback, no path, query or user. */
export function parseExplicitEndpoint(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badEndpoint('notUrl', text);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw badEndpoint('path', url.origin);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw badEndpoint('plainHttp', url.hostname);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badEndpoint('scheme', url.protocol);
  }
  return new URL(url.origin);
}

/** Resolves the endpoint from an explicit URL (preferred) or a region. */
export function resolveEndpoint(options: { region?: string; endpoint?: string }): URL {
  if (options.endpoint !== undefined) return parseExplicitEndpoint(options.endpoint);
  if (options.region !== undefined) return endpointForRegion(options.region);
  throw badEndpoint('none');
}

/** Checks a project ID before it goes into a URL path. */
export function checkProjectId(projectId: string): string {
  if (!PROJECT_ID_PATTERN.test(projectId)) {
    throw kmsClientError('KMS_PROJECT_ID_INVALID', { projectId });
  }
  return projectId;
}

/** The URL of one KMS action: POST {endpoint}/v1.0/{project_id}/kms/{action}. */
export function actionUrl(endpoint: URL, projectId: string, action: string): URL {
  return new URL(`/v1.0/${encodeURIComponent(projectId)}/kms/${action}`, endpoint);
}
