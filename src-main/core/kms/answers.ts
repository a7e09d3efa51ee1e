/**
 * Turning HTTP answers into values or KmsErrors: 2xx bodies are JSON-parsed and schema-checked;
 * error bodies are read in the KMS's nested shape or the API gateway's flat shape.
 */
import { createPublicKey } from 'node:crypto';
import type { z } from 'zod';
import { flatErrorAnswer, nestedErrorAnswer } from './api-schemas';
import { KmsError, badResponse, kmsClientError, kmsServiceError } from './errors';
import type { HttpResponse } from './http-transport';

function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function requestIdOf(response: HttpResponse): string | undefined {
  const id = response.headers['x-request-id'];
  return typeof id === 'string' ? id : undefined;
}

/** The KmsError for a non-2xx answer. */
export function errorFromAnswer(response: HttpResponse): KmsError {
  const json = parseJson(response.body);
  const requestId = requestIdOf(response);
  const nested = nestedErrorAnswer.safeParse(json);
  if (nested.success) {
    return kmsServiceError(nested.data.error.error_code, nested.data.error.error_msg, response.status, requestId);
  }
  const flat = flatErrorAnswer.safeParse(json);
  if (flat.success) {
    return kmsServiceError(
      flat.data.error_code,
      flat.data.error_msg,
      response.status,
      flat.data.request_id ?? requestId,
    );
  }
  const serverSide = response.status >= 500;
  return kmsClientError(
    'KMS_HTTP_ERROR',
    { httpStatus: response.status, side: serverSide ? 'server' : 'client' },
    {
      httpStatus: response.status,
      ambiguous: serverSide,
      retryable: serverSide || response.status === 429,
      ...(requestId ? { requestId } : {}),
    },
  );
}

/** Parses a 2xx answer with `schema`, or throws KMS_BAD_RESPONSE. */
export function parseAnswer<T>(response: HttpResponse, schema: z.ZodType<T>, action: string): T {
  const parsed = schema.safeParse(parseJson(response.body));
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body';
    throw badResponse(
      { reason: 'shape', action, where },
      { httpStatus: response.status, ...(requestIdOf(response) ? { requestId: requestIdOf(response) } : {}) },
    );
  }
  return parsed.data;
}

/** Reads a public key the KMS sent as PEM or base64 DER; returns canonical SPKI DER. */
export function publicKeyDerFromAnswer(text: string, action: string): Buffer {
  try {
    const key = text.includes('-----BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return key.export({ type: 'spki', format: 'der' });
  } catch {
    throw badResponse({ reason: 'publicKey', action });
  }
}
