/**
 * The KMS client and simulator: every KMS / API-gateway error code Keyferry knows (what it means
 * to the user, what to do next) and the client's own failures (network, TLS, proxy, answers that
 * are not the KMS's). zh-CN twin in ../zh-CN/kms.ts.
 */
const REPORT = 'This points to a defect in Keyferry or a damaged bundle field; keep the journal and report it.';
const NEW_PARAMETERS =
  '{surface, select, app {Fetch new import parameters for the keys concerned (step “Fetch the import parameters”) and write the bundle, then do on the air-gapped workstation what that step says once the bundle is written: a key that must take material imported before (its own, lapsed or deleted, or that of its replica group, which another key of the group holds) gets that same material, restored from its custody copy and wrapped under the new wrapping keys; any other key gets NEW material, generated there and wrapped under the new wrapping keys. Keep the custody copy of the material of the bundle refused here: a key of it may hold that material, or must take it.} other {Fetch new import parameters for the keys concerned (keyferry online params), then run on the air-gapped workstation the command it prints: a key that must take material imported before (its own, lapsed or deleted, or that of its replica group, which another key of the group holds) gets that same material, restored from its custody copy and wrapped under the new wrapping keys; any other key gets NEW material, generated there and wrapped under the new wrapping keys. Keep the custody copy of the material of the bundle refused here: a key of it may hold that material, or must take it; once the new bundle is imported, online import names each custody set that backs no imported material, to be destroyed.}}';
/**
 * A KMS key state number as words: the one copy (other catalogue files and `kms.state` import it),
 * one branch per state in i18n/kms-state.ts's KMS_STATE_NAMES (tests/i18n/kms-state.test.ts checks).
 */
export const KEY_STATE =
  '{state, select, 1 {Pending activation} 2 {Enabled} 3 {Disabled} 4 {Pending deletion} 5 {Pending import} 7 {Frozen} other {in state {state}}}';

export const enKms = {
  'problem.KMS.0101': 'The KMS reported an internal error.',
  'problem.KMS.0101.next': 'Wait a minute and retry.',
  'problem.KMS.0102': 'The KMS reported an internal input/output error.',
  'problem.KMS.0102.next': 'Wait a minute and retry.',
  'problem.KMS.0201': 'The KMS did not recognise the request URL.',
  'problem.KMS.0201.next': 'Check the endpoint, region and project ID.',
  'problem.KMS.0202': 'The KMS refused the request body as malformed.',
  'problem.KMS.0202.next': REPORT,
  'problem.KMS.0203': 'The request was larger than the KMS accepts.',
  'problem.KMS.0203.next': REPORT,
  'problem.KMS.0204': 'The request lacked a required field.',
  'problem.KMS.0204.next': REPORT,
  'problem.KMS.0205': 'The key ID is not in the KMS key ID format.',
  'problem.KMS.0205.next':
    'Copy the key ID again from the console or the bundle (36 characters, like 0d0466b0-e727-4d9c-b35d-f84bb474a37f).',
  'problem.KMS.0206': 'The request sequence number was refused.',
  'problem.KMS.0206.next': REPORT,
  'problem.KMS.0207': 'The key does not exist in this project and region.',
  'problem.KMS.0207.next': 'Check the key ID, the region and the project ID.',
  'problem.KMS.0209': 'The key is disabled.',
  'problem.KMS.0209.next': 'Enable the key (console or enable-key), then retry.',
  'problem.KMS.0210': 'The key is scheduled for deletion and cannot be used.',
  'problem.KMS.0210.next': 'Cancel the scheduled deletion and enable the key, then retry.',
  'problem.KMS.0301': 'The KMS refused the IAM token as missing or invalid.',
  'problem.KMS.0301.next': 'Get a new IAM token and try again.',
  'problem.KMS.0302': 'The KMS refused the IAM token.',
  'problem.KMS.0302.next': 'Get a new IAM token and try again.',
  'problem.KMS.0303': 'The IAM token has expired (tokens last 24 hours).',
  'problem.KMS.0303.next': 'Get a new IAM token and try again.',
  'problem.KMS.0305': 'The IAM token was issued for a different project.',
  'problem.KMS.0305.next': 'Get a token scoped to this project, or use the project ID the token belongs to.',
  'problem.KMS.0306': 'These credentials may not use this key or project.',
  'problem.KMS.0306.next':
    'Check the project ID, or ask the account administrator for KMS permissions in this project.',
  'problem.KMS.0307': 'These credentials may not call this KMS action.',
  'problem.KMS.0307.next': 'Ask the account administrator for the KMS Administrator or KMS CMKFullAccess role.',
  'problem.KMS.0308': 'The KMS refused a parameter value.',
  'problem.KMS.0308.next': 'Check the value named in the KMS message; if Keyferry chose it, report it.',
  'problem.KMS.0309':
    'The key was created with KMS-generated material; material can only be imported into a key whose origin is external.',
  'problem.KMS.0309.next': 'Create a new key with origin external for the import.',
  'problem.KMS.0310': 'The key is not waiting for key material (its state is not Pending import).',
  'problem.KMS.0310.next':
    'Check the key’s state: it may already hold material. Describe the key before importing again.',
  'problem.KMS.0311': 'The KMS could not decrypt the wrapped key material with the wrapping key of this import token.',
  'problem.KMS.0311.next':
    'Wrap the material again with the public key from the same parameters bundle as the token (RSAES_OAEP_SHA_256).',
  'problem.KMS.1101': 'The key alias is not allowed (1 to 255 of a-z A-Z 0-9 : / _ -).',
  'problem.KMS.1101.next': 'Choose another alias.',
  'problem.KMS.1103': 'The key description is not allowed (at most 255 characters).',
  'problem.KMS.1103.next': 'Shorten the description.',
  'problem.KMS.1104': 'A key with this alias already exists.',
  'problem.KMS.1104.next': 'Choose another alias, or use the existing key.',
  'problem.KMS.1105': 'The project has reached its key quota.',
  'problem.KMS.1105.next': 'Delete unused keys or ask for a higher quota.',
  'problem.KMS.1201': 'The key is not disabled, so it cannot be enabled.',
  'problem.KMS.1201.next': 'Describe the key to see its state.',
  'problem.KMS.1301': 'The key is not enabled.',
  'problem.KMS.1301.next': 'Describe the key: it may be waiting for key material (Pending import) or disabled.',
  'problem.KMS.1401': 'Key deletion must be scheduled 7 to 1096 days ahead.',
  'problem.KMS.1401.next': 'Choose a waiting period of 7 to 1096 days.',
  'problem.KMS.1402': 'The key is already scheduled for deletion.',
  'problem.KMS.1402.next': 'Cancel the deletion first if the key is still needed.',
  'problem.KMS.1501': 'The key is not scheduled for deletion.',
  'problem.KMS.1501.next': 'Describe the key to see its state.',
  'problem.KMS.1601': 'The page size of the key list is out of range.',
  'problem.KMS.1601.next': REPORT,
  'problem.KMS.1602': 'The page marker of the key list was refused.',
  'problem.KMS.1602.next': REPORT,
  'problem.KMS.2101': 'The data to encrypt was refused (1 to 4096 bytes).',
  'problem.KMS.2101.next': 'Check the data to encrypt.',
  'problem.KMS.2201': 'The ciphertext was refused: it is damaged or belongs to another key.',
  'problem.KMS.2201.next': 'Check the ciphertext and the key ID.',
  'problem.KMS.2601': 'The import token has expired (import tokens and wrapping keys are valid 24 hours).',
  'problem.KMS.2601.next': NEW_PARAMETERS,
  'problem.WRAPPED_TOKENS_REFUSED_BEFORE':
    'The KMS refused the import tokens of this wrapped-material bundle as expired ({code}, journal entry {seq}), when a wrap of the same import-parameters bundle ({dir}) was given for import before: they cannot be used again, whatever this computer’s clock says. Nothing was sent.',
  'problem.WRAPPED_TOKENS_REFUSED_BEFORE.next':
    '{newer, select, yes {{surface, select, app {Import the bundle wrapped from the import-parameters bundle written since ({latestDir}): if it is not wrapped yet, carry it to the air-gapped workstation and wrap it there. Put this bundle aside.} other {Import the bundle wrapped from the import-parameters bundle written since ({latestDir}): if it is not wrapped yet, carry it to the air-gapped workstation and wrap it there (keyferry airgap wrap, as online params printed). Put this bundle aside.}}} other {{surface, select, app {Fetch new import parameters (step “Fetch the import parameters”) and write the bundle, carry it to the air-gapped workstation and wrap again, then check and import that bundle. Put this bundle aside.} other {Fetch new import parameters (keyferry online params), wrap them on the air-gapped workstation, then import that bundle. Put this bundle aside.}}}}',
  'problem.WRAPPED_STALE_TOKENS_REFUSED':
    'The KMS refused the import tokens of the wrapped-material bundle {folder} as expired ({code}, journal entry {seq}): it was made from an earlier import-parameters bundle ({dir}) than the one this ceremony wrote last ({latestDir}).',
  'problem.WRAPPED_STALE_TOKENS_REFUSED.next':
    'Put this bundle aside: it cannot be imported any more. The next step is that of the import-parameters bundle written last, the same that online status names (below).',
  'problem.KMS.2602': 'The KMS refused the material’s expiry time: by the KMS’s own clock it is not in the future.',
  'problem.KMS.2602.next':
    '{surface, select, app {Choose an expiry further ahead (step “Choose the material expiry and import”) and check this computer’s clock; in a rehearsal the simulator’s clock may have been moved forward (“Move the simulator clock”).} other {Choose an expiry further ahead (online import --expires, or the import step’s expiry) and check this computer’s clock; in a rehearsal the simulator’s clock may have been moved forward (kms-sim advance).}}',
  'problem.KMS.2603': 'The import token belongs to a different key than the one named.',
  'problem.KMS.2603.next': 'Use the parameters bundle fetched for this key ID.',
  'problem.KMS.2604': 'The unwrapped key material is not 32 bytes, the length AES_256 needs.',
  'problem.KMS.2604.next': 'Wrap exactly 32 bytes of AES-256 key material.',
  'problem.KMS.2605': 'The KMS could not verify the import token: it is damaged or was not issued by this KMS.',
  'problem.KMS.2605.next': 'Use the import token exactly as fetched, or fetch new parameters.',
  'problem.KMS.2606':
    'This key is bound to the material first imported into it and accepts only those same bytes again.',
  'problem.KMS.2606.next': 'Import the original material from its backup; new material needs a new key.',
  'problem.KMS.2608': 'An asymmetric import needs the wrapped private key (encrypted_privatekey) as well.',
  'problem.KMS.2608.next': 'Include the wrapped private key from the wrapped-material bundle.',
  'problem.KMS.2609': 'The KMS could not unwrap a valid private key of this key’s type and size.',
  'problem.KMS.2609.next':
    'Wrap a PKCS#8 private key matching the key spec, with the same temporary key as the wrapped key material.',
  'problem.KMS.2610': 'The temporary key inside the wrapped key material is not 16 or 32 bytes.',
  'problem.KMS.2610.next': 'Wrap the private key again with a fresh 32-byte temporary key.',
  'problem.KMS.2701': 'Key material can only be deleted while the key is Enabled or Disabled.',
  'problem.KMS.2701.next': 'Describe the key to see its state.',
  'problem.KMS.2702': 'Imported asymmetric (private key) material cannot be deleted.',
  'problem.KMS.2702.next': 'Disable the key or schedule it for deletion instead.',
  'problem.APIGW.0101': 'The endpoint does not offer this KMS API.',
  'problem.APIGW.0101.next': 'Check the region or endpoint.',
  'problem.APIG.0308': 'The cloud turned the request away because too many were sent at once (rate limit).',
  'problem.APIG.0308.next':
    'Keyferry waits and sends it again by itself; if this still appears, lower --concurrency and retry.',
  'problem.APIGW.0301':
    '{locked, select, yes {The access key is locked after five wrong signatures in a row.} other {The cloud refused the request’s signature.}}',
  'problem.APIGW.0301.next':
    '{locked, select, yes {Wait five minutes, check the AK/SK and this computer’s clock, then retry.} other {Check the AK/SK and the project ID, and that this computer’s clock is within 15 minutes of the real time. Five wrong signatures in a row lock the AK for five minutes.}}',
  'problem.KMS_SERVICE_UNKNOWN':
    'The KMS refused the request with {serviceCode} (HTTP {httpStatus}){answered, select, yes {: "{said}"} other {}}.',
  'problem.KMS_SERVICE_UNKNOWN.next':
    '{side, select, server {Wait a minute and retry.} other {Check the KMS error code in the Huawei Cloud documentation; keep the journal.}}',
  'problem.KMS_HTTP_ERROR': 'The KMS endpoint answered HTTP {httpStatus} without a KMS error code.',
  'problem.KMS_HTTP_ERROR.next':
    '{side, select, server {Wait a minute and retry.} other {Check the region or endpoint: it does not behave like the KMS.}}',
  'problem.KMS_BAD_RESPONSE':
    '{reason, select, shape {The KMS answer to {action} did not have the documented shape (at "{where}").} publicKey {The public key in the KMS answer to {action} cannot be read.} marker {The KMS key list said more pages follow but gave no new page marker.} wrappingKey {The wrapping key in the import parameters is not an RSA public key.} otherKey {The KMS answered {action} for key {answered}, not the key asked for ({asked}).} other {The answer from {host} exceeded {limit} bytes.}}',
  'problem.KMS_BAD_RESPONSE.next':
    '{reason, select, shape {Check the region or endpoint; if it is the real KMS, keep the journal and report it.} publicKey {Fetch it again; if it repeats, keep the journal and report it.} marker {Retry; if it repeats, keep the journal and report it.} wrappingKey {Fetch the parameters again; if it repeats, keep the journal and report it.} otherKey {Keep the journal and report it; do not go on with this key.} other {Check the endpoint: it does not behave like the KMS.}}',
  'problem.KMS_CREDENTIALS_INVALID':
    'The {what, select, ak {access key ID (AK)} sk {secret access key (SK)} securityToken {security token} other {IAM token}} is missing or contains spaces or control characters.',
  'problem.KMS_CREDENTIALS_INVALID.next':
    'Enter the {what, select, ak {access key ID (AK)} sk {secret access key (SK)} securityToken {security token} other {IAM token}} again exactly as the console shows it.',
  'problem.KMS_ENDPOINT_INVALID':
    '{reason, select, region {"{value}" is not a Huawei Cloud region name.} notUrl {"{value}" is not a URL.} path {The endpoint "{value}" must not carry a path, query or credentials.} plainHttp {Plain http is refused for {value}: only the local simulator (127.0.0.1 or localhost) may be reached without TLS.} scheme {The endpoint scheme {value} is not supported.} other {Neither a region nor an endpoint was given.}}',
  'problem.KMS_ENDPOINT_INVALID.next':
    '{reason, select, region {Give the region of the key: a region is an id such as cn-north-4 or ap-southeast-1, as the console shows it.} notUrl {Give the endpoint as https://host[:port].} path {Give the endpoint as https://host[:port] only.} plainHttp {Use the https endpoint of the KMS.} scheme {Use https://.} other {Choose the region of the key (e.g. cn-north-4).}}',
  'problem.KMS_PROJECT_ID_INVALID': '"{projectId}" is not a project ID.',
  'problem.KMS_PROJECT_ID_INVALID.next':
    'Copy the project ID of the region from the console: a project id is 32 lower-case hex digits, as the console shows under My Credentials → API Credentials → Projects.',
  'problem.KMS_REQUEST_UNSIGNABLE':
    '{reason, select, headerName {Header name "{header}" cannot be signed.} twice {Header "{header}" is given twice.} spaces {Header "{header}" has surrounding spaces or control characters, which HTTP would not carry as signed.} url {The request URL holds a broken Unicode character.} other {host, X-Sdk-Date and Authorization are set by the signer, not the caller.}}',
  'problem.KMS_REQUEST_UNSIGNABLE.next': 'This is a defect in the caller; report it with the journal.',
  'problem.KMS_TIMEOUT':
    '{host} did not answer within {timeoutMs} ms{written, select, yes { after the request was sent} other {}}.',
  'problem.KMS_TIMEOUT.next': 'Check the network and retry.',
  'problem.KMS_CA_BUNDLE_INVALID':
    '{reason, select, empty {The CA bundle holds no PEM certificate.} other {A certificate in the CA bundle cannot be read.}}',
  'problem.KMS_CA_BUNDLE_INVALID.next':
    '{reason, select, empty {Choose a PEM file with -----BEGIN CERTIFICATE----- blocks.} other {Export the CA certificate again as PEM.}}',
  'problem.KMS_TLS': 'The TLS certificate of {host} could not be verified ({code}).',
  'problem.KMS_TLS.next':
    'Check the endpoint; behind a TLS-inspecting proxy, add its CA certificate as the extra CA bundle.',
  'problem.KMS_DNS': 'The name {hostname} could not be resolved.',
  'problem.KMS_DNS.next': 'Check the region or endpoint and this computer’s network or DNS.',
  'problem.KMS_CONNECTION_REFUSED': '{host} refused the connection.',
  'problem.KMS_CONNECTION_REFUSED.next':
    'Check the endpoint and that the service (or the simulator) is running, then retry.',
  'problem.KMS_CONNECTION_DROPPED':
    'The connection to {host} failed {written, select, yes {after the request was sent} other {before the request was sent}} ({detail}).',
  'problem.KMS_CONNECTION_DROPPED.next': 'Check the network and retry.',
  'problem.KMS_KEY_NOT_PENDING_IMPORT': `The key is ${KEY_STATE}, not Pending import, so it does not accept key material now.`,
  'problem.KMS_KEY_NOT_PENDING_IMPORT.next':
    '{state, select, 2 {The key already holds material: check it (describe-key, get-publickey) instead of importing again.} other {Describe the key and bring it back to Pending import before importing.}}',
  'problem.KMS_IMPORT_OUTCOME_UNKNOWN': `The import got no clear answer ({cause}) and {state, select, none {the key’s state could not be read either} other {the key is now ${KEY_STATE}}}, so Keyferry cannot tell whether this import took effect.`,
  'problem.KMS_IMPORT_OUTCOME_UNKNOWN.next':
    'Run the import again once the KMS answers: it first reads the key’s state and recognises an import that took effect (the same material expiry, and for RSA and EC keys the same public key) without sending it twice. Meanwhile do not import this material by other means.',
  'problem.KMS_IMPORT_CONFLICT':
    'The key is Enabled, but {differs, select, expiry {its material expiry time} other {its public key}} differs from this import: other material was imported into it.',
  'problem.KMS_IMPORT_CONFLICT.next': 'Stop: do not use this key for the ceremony; find out who imported into it.',
  'problem.KMS_IMPORT_NOT_APPLIED':
    'The import got no clear answer twice and the key is still Pending import: the material was not imported.',
  'problem.KMS_IMPORT_NOT_APPLIED.next':
    'Check the network, then run the import step again (the same token works until it expires).',
  'problem.KMS_IMPORT_TOKEN_EXPIRED':
    'The import got no clear answer, the key is still Pending import, and the import token has expired meanwhile.',
  'problem.KMS_IMPORT_TOKEN_EXPIRED.next': NEW_PARAMETERS,
  'problem.KMS_PROXY_INVALID':
    '{reason, select, notUrl {The HTTPS_PROXY setting is not a URL.} other {Proxies reached with {scheme} are not supported; only http:// proxies (with CONNECT) are.}}',
  'problem.KMS_PROXY_INVALID.next':
    '{reason, select, notUrl {Set HTTPS_PROXY to http://host:port (or unset it).} other {Set HTTPS_PROXY to the proxy’s http://host:port address.}}',
  'problem.KMS_PROXY_TIMEOUT': 'The proxy {proxy} did not open a tunnel within {timeoutMs} ms.',
  'problem.KMS_PROXY_TIMEOUT.next': 'Check the proxy, or NO_PROXY, and retry.',
  'problem.KMS_PROXY_REFUSED': 'The proxy {proxy} refused to open a tunnel to {authority} (HTTP {status}).',
  'problem.KMS_PROXY_REFUSED.next':
    '{status, plural, =407 {Put the proxy user and password in HTTPS_PROXY (http://user:password@host:port).} other {Ask the network administrators to allow this KMS endpoint through the proxy.}}',
  'problem.KMS_PROXY_UNREACHABLE':
    'The proxy {proxy} could not be reached ({code, select, none {network error} other {{code}}}).',
  'problem.KMS_PROXY_UNREACHABLE.next': 'Check HTTPS_PROXY and the network, then retry.',
  'problem.SIM_LISTEN_FAILED': 'The simulator could not listen on {host}:{port} ({detail}).',
  'problem.SIM_LISTEN_FAILED.next': 'Choose another --port, or stop what uses it.',
  'problem.SIM_NO_SUCH_KEY': 'The simulator has no key {keyId}.',
  'problem.SIM_NO_SUCH_KEY.next': 'Create the key first.',
  'problem.SIM_STATE_INVALID':
    'The simulator state file {file} cannot be used: {why, select, tooLarge {it is larger than 64 MiB} notJson {it is not JSON} notAFile {it is a folder or another kind of special file, not a file} field {field "{detail}" is not valid} other {{detail}}}.',
  'problem.SIM_STATE_INVALID.next':
    'Start the simulator with a new --state file (or none); keep the old file for inspection.',
} as const;
