/**
 * Every KMS and API-gateway error code Keyferry knows, with the HTTP status the service uses and
 * the service's own short message. Codes come from the facts page and the KMS API reference
 * ("Error Codes"); the simulator answers with exactly these codes and statuses. What each means
 * to the user, and what to do next, is in the catalogue (`problem.KMS.2601`, `problem.KMS.2601.next`
 * in i18n/catalogues/{en,zh-CN}/kms.ts).
 */
interface KmsErrorCodeInfo {
  readonly httpStatus: number;
  /** The service's own short message (what the simulator sends as error_msg). */
  readonly serviceMessage: string;
}

function code(httpStatus: number, serviceMessage: string): KmsErrorCodeInfo {
  return { httpStatus, serviceMessage };
}

export const KMS_ERROR_CODES = {
  'KMS.0101': code(500, 'KMS error.'),
  'KMS.0102': code(500, 'Abnormal KMS I/O.'),
  'KMS.0201': code(400, 'Invalid request URL.'),
  'KMS.0202': code(400, 'The JSON format of the request message is invalid.'),
  'KMS.0203': code(400, 'The request message length has exceeded the upper limit.'),
  'KMS.0204': code(400, 'The request message lacks required parameters.'),
  'KMS.0205': code(400, 'Invalid key_id.'),
  'KMS.0206': code(400, 'Invalid sequence.'),
  'KMS.0207': code(404, 'The key does not exist.'),
  'KMS.0209': code(400, 'The key has been disabled and cannot be used.'),
  'KMS.0210': code(400, 'The key is in the Pending deletion status and cannot be used.'),
  'KMS.0301': code(401, 'The value of X-Auth-Token is null or invalid.'),
  'KMS.0302': code(401, 'Invalid X-Auth-Token.'),
  'KMS.0303': code(401, 'X-Auth-Token has expired.'),
  'KMS.0305': code(403, 'Invalid X-Auth-Token Project Name.'),
  'KMS.0306': code(403, 'The user has no permission to access the key.'),
  'KMS.0307': code(403, 'The user role has no permission to access the API.'),
  'KMS.0308': code(400, 'Invalid parameter.'),
  'KMS.0309': code(400, 'The key must be an imported one.'),
  'KMS.0310': code(400, 'The key is not in the Pending import status.'),
  'KMS.0311': code(400, 'RSA private key decryption failed.'),
  'KMS.1101': code(400, 'Invalid key_alias.'),
  'KMS.1103': code(400, 'Invalid key_description.'),
  'KMS.1104': code(400, 'Existing CMK alias.'),
  'KMS.1105': code(400, 'The number of keys has reached the upper limit.'),
  'KMS.1201': code(400, 'The key is not disabled.'),
  'KMS.1301': code(400, 'The key is not enabled.'),
  'KMS.1401': code(400, 'The deletion of CMKs can be scheduled by 7 to 1096 days in advance.'),
  'KMS.1402': code(400, 'The key is in the Pending deletion status.'),
  'KMS.1501': code(400, 'The key is not in the Pending deletion status.'),
  'KMS.1601': code(400, 'The value of limit falls beyond the range.'),
  'KMS.1602': code(400, 'The value of marker must be greater than or equal to 0.'),
  'KMS.2101': code(400, 'Invalid plain_text.'),
  'KMS.2201': code(400, 'Invalid cipher_text.'),
  'KMS.2601': code(400, 'The import token has expired.'),
  'KMS.2602': code(400, 'The expiration time of an imported key must be later than the current time.'),
  'KMS.2603': code(400, 'The key_id does not match the key_id value in the token.'),
  'KMS.2604': code(400, 'The length of the external key in plaintext must be 32 bits.'),
  'KMS.2605': code(400, 'Token verification failed.'),
  'KMS.2606': code(
    400,
    'When you re-import the material of a deleted CMK, the external key in plaintext must be consistent with that imported earlier.',
  ),
  'KMS.2608': code(400, 'The private key of the asymmetric key is missing.'),
  'KMS.2609': code(400, 'The private key of the asymmetric key is invalid.'),
  'KMS.2610': code(400, 'The length of the temporary key must be 16 or 32 bytes.'),
  'KMS.2701': code(400, 'CMK material can be deleted only when the CMK is in Enabled or Disabled status.'),
  'KMS.2702': code(400, 'The imported private key material cannot be deleted.'),
  'APIGW.0101': code(404, 'The API does not exist or has not been published in the environment.'),
  'APIG.0308': code(
    429,
    'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second',
  ),
  'APIGW.0301': code(401, 'Incorrect IAM authentication information: verify aksk signature fail'),
} as const satisfies Record<string, KmsErrorCodeInfo>;

export type KmsServiceErrorCode = keyof typeof KMS_ERROR_CODES;

/** The table entry for `code`, if Keyferry knows it. */
export function lookupKmsErrorCode(code: string): KmsErrorCodeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(KMS_ERROR_CODES, code)
    ? KMS_ERROR_CODES[code as KmsServiceErrorCode]
    : undefined;
}
