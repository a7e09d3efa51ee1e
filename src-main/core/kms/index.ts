/** The KMS layer's public API: the Huawei Cloud KMS client, its credentials, errors and types. */
export { KmsClient } from './client';
export type { KmsClientOptions, KmsLogEvent, MessageType, SigningAlgorithm } from './client-options';
export { AkSkCredentials, IamTokenCredentials, type KmsCredentials } from './credentials';
export { KmsError, isKmsError } from './errors';
export { KMS_ERROR_CODES, lookupKmsErrorCode, type KmsErrorCodeInfo, type KmsServiceErrorCode } from './error-codes';
export { endpointForRegion, isLoopbackHost, parseExplicitEndpoint, resolveEndpoint } from './endpoint';
export { signWithAkSk, authenticateRequest, authenticateWithToken, type SignableRequest } from './signer';
export { formatSdkDate, parseSdkDate } from './canonical-request';
export { createNodeTransport, type HttpTransport, type HttpRequestSpec, type HttpResponse } from './http-transport';
export { KMS_ACTIONS, KEY_ID_PATTERN, IMPORT_TOKEN_PATTERN, type KmsAction } from './api-schemas';
export {
  KeyState,
  KEY_STATE_NAMES,
  type ImportKeyMaterialInput,
  type ImportOutcome,
  type ImportParameters,
  type KmsKeyInfo,
  type KeyOrigin,
} from './types';
