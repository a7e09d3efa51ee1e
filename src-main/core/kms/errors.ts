/**
 * KmsError: a KeyferryError carrying the service's code (e.g. `KMS.2601`) or a client-side code
 * (e.g. `KMS_TIMEOUT`) and the values its catalogue texts need (`problem.KMS.2601`, ...; a service
 * code Keyferry does not know is shown with the texts of `KMS_SERVICE_UNKNOWN`). Never carries
 * request headers, bodies or credentials.
 */
import type { PlainValues, ProblemCode } from '../../i18n/catalogue';
import { english } from '../../i18n/translate';
import { KeyferryError, type KeyferryErrorArgs } from '../errors';
import { lookupKmsErrorCode } from './error-codes';

interface KmsErrorDetails {
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
  declare readonly values: PlainValues;

  /** `code` is a catalogue problem code or a KMS/APIGW service code; `values` fill its texts. */
  constructor(code: string, values: PlainValues, details: KmsErrorDetails = {}) {
    const texts = english.problem({ code, message: code, nextStep: '', values });
    super(code, texts.message, texts.nextStep, details.cause === undefined ? undefined : { cause: details.cause });
    this.values = { ...values };
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
  const serverSide = httpStatus >= 500;
  const details = {
    httpStatus,
    requestId,
    serviceMessage,
    ambiguous: serverSide,
    retryable: serverSide || httpStatus === 429,
  };
  if (serviceCode === 'APIGW.0301' && serviceMessage && LOCKED.test(serviceMessage)) {
    return new KmsError(serviceCode, { locked: 'yes' }, details);
  }
  if (lookupKmsErrorCode(serviceCode)) {
    return new KmsError(serviceCode, serviceCode === 'APIGW.0301' ? { locked: 'no' } : {}, details);
  }
  return new KmsError(
    serviceCode,
    {
      serviceCode,
      httpStatus,
      side: serverSide ? 'server' : 'client',
      answered: serviceMessage ? 'yes' : 'no',
      said: serviceMessage ? serviceMessage.slice(0, 300) : '',
    },
    details,
  );
}

/** A client-side failure: network, TLS, proxy, bad answer, bad input. */
export function kmsClientError<C extends ProblemCode>(
  code: C,
  values: KeyferryErrorArgs<C>[0] & PlainValues,
  details: KmsErrorDetails = {},
): KmsError {
  return new KmsError(code, values, details);
}

type BadResponseValues = {
  reason: 'shape' | 'publicKey' | 'marker' | 'wrappingKey' | 'otherKey' | 'tooLarge';
} & Partial<Record<'action' | 'where' | 'answered' | 'asked' | 'host', string> & { limit: number }>;

/** KMS_BAD_RESPONSE: an answer that is not what the KMS documents (`reason` says how). */
export function badResponse(values: BadResponseValues, details?: KmsErrorDetails): KmsError {
  const blank = { action: '', where: '', answered: '', asked: '', host: '', limit: 0 };
  return kmsClientError('KMS_BAD_RESPONSE', { ...blank, ...values }, details);
}
