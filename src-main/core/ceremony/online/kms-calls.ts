/** The KMS calls the online workflow makes: the KmsClient, or anything shaped like it (tests). */
import type { KmsClient } from '../../kms/client';

export type OnlineKms = Pick<
  KmsClient,
  | 'endpoint'
  | 'projectId'
  | 'listKeys'
  | 'createKey'
  | 'describeKey'
  | 'getParametersForImport'
  | 'importKeyMaterial'
  | 'deleteImportedKeyMaterial'
  | 'getPublicKey'
  | 'encryptData'
  | 'decryptData'
  | 'sign'
  | 'verify'
>;
