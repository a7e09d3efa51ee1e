/**
 * KmsError: a KeyferryError carrying the service's code (e.g. `KMS.2601`) or a client-side code
 * (e.g. `KMS_TIMEOUT`), with a plain sentence and the next step. Never carries request headers,
 * bodies or credentials.
 */
import { KeyferryError } from '../errors';
import { lookupKmsErrorCode } from './error-codes';

export interface KmsErrorDetails {
  readonly httpStatus?: number;
  readonly requestId?: string;
  /** The service's own error_msg, when it sent one. */
  readonly serviceMessage?: string;
  /**
   * True when the request may or may not have taken effect (timeout after sending, dropped
   * connection, 5xx): a state-changing call must be reconciled, not repeated blindly.
   */
  readonly ambiguous?: boolean;
  /** True when repeating a safe (read-only) call may succeed. */
  readonly retryable?: boolean;
  readonly cause?: unknown;
}

export class KmsError extends KeyferryError {
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly serviceMessage: string | undefined;
  readonly ambiguous: boolean;
  readonly retryable: boolean;

  constructor(code: string, message: string, nextStep: string, details: KmsErrorDetails = {}) {
    super(code, message, nextStep, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KmsError';
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.serviceMessage = details.serviceMessage;
    this.ambiguous = details.ambiguous ?? false;
    this.retryable = details.retryable ?? false;
  }
}

export function isKmsError(value: unknown): value is KmsError {
  return value instanceof KmsError;
}

const LOCKED = /lock/i;

/** Builds the KmsError for an error answer of the service (nested or flat shape). */
export function kmsServiceError(
  serviceCode: string,
  serviceMessage: string | undefined,
  httpStatus: number,
  requestId: string | undefined,
): KmsError {
  const info = lookupKmsErrorCode(serviceCode);
  const serverSide = httpStatus >= 500;
  const details = {
    httpStatus,
    requestId,
    serviceMessage,
    ambiguous: serverSide,
    retryable: serverSide || httpStatus === 429,
  };
  if (serviceCode === 'APIGW.0301' && serviceMessage && LOCKED.test(serviceMessage)) {
    return new KmsError(
      serviceCode,
      'The access key is locked after five wrong signatures in a row.',
      "Wait five minutes, check the AK/SK and this computer's clock, then retry.",
      details,
    );
  }
  if (info) return new KmsError(serviceCode, info.message, info.nextStep, details);
  const said = serviceMessage ? `: "${serviceMessage.slice(0, 300)}"` : '';
  return new KmsError(
    serviceCode,
    `The KMS refused the request with ${serviceCode} (HTTP ${httpStatus})${said}.`,
    serverSide
      ? 'Wait a minute and retry.'
      : 'Check the KMS error code in the Huawei Cloud documentation; keep the journal.',
    details,
  );
}

/** A client-side failure: network, TLS, proxy, bad answer, bad input. */
export function kmsClientError(
  code: string,
  message: string,
  nextStep: string,
  details: KmsErrorDetails = {},
): KmsError {
  return new KmsError(code, message, nextStep, details);
}
