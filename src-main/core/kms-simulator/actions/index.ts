/** Every action the simulator serves, by its URL name. */
import type { ActionHandler } from '../context';
import { decryptData, encryptData, getPublicKey, sign, verify } from './crypto';
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from './import';
import {
  cancelKeyDeletion,
  createKey,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  scheduleKeyDeletion,
} from './keys';

export const SIMULATOR_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  'create-key': createKey,
  'describe-key': describeKey,
  'list-keys': listKeys,
  'enable-key': enableKey,
  'disable-key': disableKey,
  'schedule-key-deletion': scheduleKeyDeletion,
  'cancel-key-deletion': cancelKeyDeletion,
  'get-parameters-for-import': getParametersForImport,
  'import-key-material': importKeyMaterial,
  'delete-imported-key-material': deleteImportedKeyMaterial,
  'get-publickey': getPublicKey,
  'encrypt-data': encryptData,
  'decrypt-data': decryptData,
  sign,
  verify,
};
