/**
 * Errors the simulator answers with: the KMS's nested `{"error":{error_code,error_msg}}` shape,
 * or the API gateway's flat `{error_code,error_msg,request_id}` shape, with the real statuses.
 */
import { KMS_ERROR_CODES, type KmsServiceErrorCode } from '../kms/error-codes';

export class SimError extends Error {
  readonly code: KmsServiceErrorCode;
  readonly status: number;
  readonly flat: boolean;

  constructor(code: KmsServiceErrorCode, detail?: string, options: { flat?: boolean } = {}) {
    const info = KMS_ERROR_CODES[code];
    super(detail ? `${info.serviceMessage} ${detail}` : info.serviceMessage);
    this.code = code;
    this.status = info.httpStatus;
    this.flat = options.flat ?? /^APIGW?\./.test(code);
  }

  /** The JSON body of the error answer. */
  body(requestId: string): unknown {
    return this.flat
      ? { error_code: this.code, error_msg: this.message, request_id: requestId }
      : { error: { error_code: this.code, error_msg: this.message } };
  }
}

export function simError(code: KmsServiceErrorCode, detail?: string): SimError {
  return new SimError(code, detail);
}
