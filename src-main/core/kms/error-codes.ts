/**
 * Every KMS and API-gateway error code Keyferry knows, with the HTTP status the service uses, one
 * plain sentence and the next step. Codes come from the facts page and the KMS API reference
 * ("Error Codes"); the simulator answers with exactly these codes and statuses.
 */
export interface KmsErrorCodeInfo {
  readonly httpStatus: number;
  /** The service's own short message (what the simulator sends as error_msg). */
  readonly serviceMessage: string;
  /** One plain sentence for the user. */
  readonly message: string;
  readonly nextStep: string;
}

const REPORT = 'This points to a defect in Keyferry or a damaged bundle field; keep the journal and report it.';
const NEW_PARAMETERS =
  'Fetch new import parameters for this key and wrap the material again with the new wrapping key.';

function code(httpStatus: number, serviceMessage: string, message: string, nextStep: string): KmsErrorCodeInfo {
  return { httpStatus, serviceMessage, message, nextStep };
}

export const KMS_ERROR_CODES = {
  'KMS.0101': code(500, 'KMS error.', 'The KMS reported an internal error.', 'Wait a minute and retry.'),
  'KMS.0102': code(
    500,
    'Abnormal KMS I/O.',
    'The KMS reported an internal input/output error.',
    'Wait a minute and retry.',
  ),
  'KMS.0201': code(
    400,
    'Invalid request URL.',
    'The KMS did not recognise the request URL.',
    'Check the endpoint, region and project ID.',
  ),
  'KMS.0202': code(
    400,
    'The JSON format of the request message is invalid.',
    'The KMS refused the request body as malformed.',
    REPORT,
  ),
  'KMS.0203': code(
    400,
    'The request message length has exceeded the upper limit.',
    'The request was larger than the KMS accepts.',
    REPORT,
  ),
  'KMS.0204': code(
    400,
    'The request message lacks required parameters.',
    'The request lacked a required field.',
    REPORT,
  ),
  'KMS.0205': code(
    400,
    'Invalid key_id.',
    'The key ID is not in the KMS key ID format.',
    'Copy the key ID again from the console or the bundle (36 characters, like 0d0466b0-e727-4d9c-b35d-f84bb474a37f).',
  ),
  'KMS.0206': code(400, 'Invalid sequence.', 'The request sequence number was refused.', REPORT),
  'KMS.0207': code(
    404,
    'The key does not exist.',
    'The key does not exist in this project and region.',
    'Check the key ID, the region and the project ID.',
  ),
  'KMS.0209': code(
    400,
    'The key has been disabled and cannot be used.',
    'The key is disabled.',
    'Enable the key (console or enable-key), then retry.',
  ),
  'KMS.0210': code(
    400,
    'The key is in the Pending deletion status and cannot be used.',
    'The key is scheduled for deletion and cannot be used.',
    'Cancel the scheduled deletion and enable the key, then retry.',
  ),
  'KMS.0301': code(
    401,
    'The value of X-Auth-Token is null or invalid.',
    'The KMS refused the IAM token as missing or invalid.',
    'Get a new IAM token and try again.',
  ),
  'KMS.0302': code(
    401,
    'Invalid X-Auth-Token.',
    'The KMS refused the IAM token.',
    'Get a new IAM token and try again.',
  ),
  'KMS.0303': code(
    401,
    'X-Auth-Token has expired.',
    'The IAM token has expired (tokens last 24 hours).',
    'Get a new IAM token and try again.',
  ),
  'KMS.0305': code(
    403,
    'Invalid X-Auth-Token Project Name.',
    'The IAM token was issued for a different project.',
    'Get a token scoped to this project, or use the project ID the token belongs to.',
  ),
  'KMS.0306': code(
    403,
    'The user has no permission to access the key.',
    'These credentials may not use this key or project.',
    'Check the project ID, or ask the account administrator for KMS permissions in this project.',
  ),
  'KMS.0307': code(
    403,
    'The user role has no permission to access the API.',
    'These credentials may not call this KMS action.',
    'Ask the account administrator for the KMS Administrator or KMS CMKFullAccess role.',
  ),
  'KMS.0308': code(
    400,
    'Invalid parameter.',
    'The KMS refused a parameter value.',
    'Check the value named in the KMS message; if Keyferry chose it, report it.',
  ),
  'KMS.0309': code(
    400,
    'The key must be an imported one.',
    'The key was created with KMS-generated material; material can only be imported into a key whose origin is external.',
    'Create a new key with origin external for the import.',
  ),
  'KMS.0310': code(
    400,
    'The key is not in the Pending import status.',
    'The key is not waiting for key material (its state is not Pending import).',
    "Check the key's state: it may already hold material. Describe the key before importing again.",
  ),
  'KMS.0311': code(
    400,
    'RSA private key decryption failed.',
    'The KMS could not decrypt the wrapped key material with the wrapping key of this import token.',
    'Wrap the material again with the public key from the same parameters bundle as the token (RSAES_OAEP_SHA_256).',
  ),
  'KMS.1101': code(
    400,
    'Invalid key_alias.',
    'The key alias is not allowed (1 to 255 of a-z A-Z 0-9 : / _ -).',
    'Choose another alias.',
  ),
  'KMS.1103': code(
    400,
    'Invalid key_description.',
    'The key description is not allowed (at most 255 characters).',
    'Shorten the description.',
  ),
  'KMS.1104': code(
    400,
    'Existing CMK alias.',
    'A key with this alias already exists.',
    'Choose another alias, or use the existing key.',
  ),
  'KMS.1105': code(
    400,
    'The number of keys has reached the upper limit.',
    'The project has reached its key quota.',
    'Delete unused keys or ask for a higher quota.',
  ),
  'KMS.1201': code(
    400,
    'The key is not disabled.',
    'The key is not disabled, so it cannot be enabled.',
    'Describe the key to see its state.',
  ),
  'KMS.1301': code(
    400,
    'The key is not enabled.',
    'The key is not enabled.',
    'Describe the key: it may be waiting for key material (Pending import) or disabled.',
  ),
  'KMS.1401': code(
    400,
    'The deletion of CMKs can be scheduled by 7 to 1096 days in advance.',
    'Key deletion must be scheduled 7 to 1096 days ahead.',
    'Choose a waiting period of 7 to 1096 days.',
  ),
  'KMS.1402': code(
    400,
    'The key is in the Pending deletion status.',
    'The key is already scheduled for deletion.',
    'Cancel the deletion first if the key is still needed.',
  ),
  'KMS.1501': code(
    400,
    'The key is not in the Pending deletion status.',
    'The key is not scheduled for deletion.',
    'Describe the key to see its state.',
  ),
  'KMS.1601': code(
    400,
    'The value of limit falls beyond the range.',
    'The page size of the key list is out of range.',
    REPORT,
  ),
  'KMS.1602': code(
    400,
    'The value of marker must be greater than or equal to 0.',
    'The page marker of the key list was refused.',
    REPORT,
  ),
  'KMS.2101': code(
    400,
    'Invalid plain_text.',
    'The data to encrypt was refused (1 to 4096 bytes).',
    'Check the data to encrypt.',
  ),
  'KMS.2201': code(
    400,
    'Invalid cipher_text.',
    'The ciphertext was refused: it is damaged or belongs to another key.',
    'Check the ciphertext and the key ID.',
  ),
  'KMS.2601': code(
    400,
    'The import token has expired.',
    'The import token has expired (import tokens and wrapping keys are valid 24 hours).',
    NEW_PARAMETERS,
  ),
  'KMS.2602': code(
    400,
    'The expiration time of an imported key must be later than the current time.',
    "The material's expiry time is not in the future.",
    "Choose an expiry time in the future, and check this computer's clock.",
  ),
  'KMS.2603': code(
    400,
    'The key_id does not match the key_id value in the token.',
    'The import token belongs to a different key than the one named.',
    'Use the parameters bundle fetched for this key ID.',
  ),
  'KMS.2604': code(
    400,
    'The length of the external key in plaintext must be 32 bits.',
    'The unwrapped key material is not 32 bytes, the length AES_256 needs.',
    'Wrap exactly 32 bytes of AES-256 key material.',
  ),
  'KMS.2605': code(
    400,
    'Token verification failed.',
    'The KMS could not verify the import token: it is damaged or was not issued by this KMS.',
    'Use the import token exactly as fetched, or fetch new parameters.',
  ),
  'KMS.2606': code(
    400,
    'When you re-import the material of a deleted CMK, the external key in plaintext must be consistent with that imported earlier.',
    'This key is bound to the material first imported into it and accepts only those same bytes again.',
    'Import the original material from its backup; new material needs a new key.',
  ),
  'KMS.2608': code(
    400,
    'The private key of the asymmetric key is missing.',
    'An asymmetric import needs the wrapped private key (encrypted_privatekey) as well.',
    'Include the wrapped private key from the wrapped-material bundle.',
  ),
  'KMS.2609': code(
    400,
    'The private key of the asymmetric key is invalid.',
    "The KMS could not unwrap a valid private key of this key's type and size.",
    'Wrap a PKCS#8 private key matching the key spec, with the same temporary key as the wrapped key material.',
  ),
  'KMS.2610': code(
    400,
    'The length of the temporary key must be 16 or 32 bytes.',
    'The temporary key inside the wrapped key material is not 16 or 32 bytes.',
    'Wrap the private key again with a fresh 32-byte temporary key.',
  ),
  'KMS.2701': code(
    400,
    'CMK material can be deleted only when the CMK is in Enabled or Disabled status.',
    'Key material can only be deleted while the key is Enabled or Disabled.',
    'Describe the key to see its state.',
  ),
  'KMS.2702': code(
    400,
    'The imported private key material cannot be deleted.',
    'Imported asymmetric (private key) material cannot be deleted.',
    'Disable the key or schedule it for deletion instead.',
  ),
  'APIGW.0101': code(
    404,
    'The API does not exist or has not been published in the environment.',
    'The endpoint does not offer this KMS API.',
    'Check the region or endpoint.',
  ),
  'APIG.0308': code(
    429,
    'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second',
    'The cloud turned the request away because too many were sent at once (rate limit).',
    'Keyferry waits and sends it again by itself; if this still appears, lower --concurrency and retry.',
  ),
  'APIGW.0301': code(
    401,
    'Incorrect IAM authentication information: verify aksk signature fail',
    "The cloud refused the request's signature.",
    "Check the AK/SK and the project ID, and that this computer's clock is within 15 minutes of the real time. Five wrong signatures in a row lock the AK for five minutes.",
  ),
} as const satisfies Record<string, KmsErrorCodeInfo>;

export type KmsServiceErrorCode = keyof typeof KMS_ERROR_CODES;

/** The table entry for `code`, if Keyferry knows it. */
export function lookupKmsErrorCode(code: string): KmsErrorCodeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(KMS_ERROR_CODES, code)
    ? KMS_ERROR_CODES[code as KmsServiceErrorCode]
    : undefined;
}
