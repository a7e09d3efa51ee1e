/**
 * `keyferry online …`: the online workstation's half of a real ceremony, one step per command,
 * in separate processes and on separate days; the journal (--journal FILE) carries the state.
 *   create-key  start the ceremony and create the external keys (online-create-key.ts)
 *   params      fetch wrapping keys and import tokens, write the import-parameters bundle (online-params.ts)
 *   import      check the wrapped-material bundle, import, verify every key, write the receipt (online-import.ts)
 *   status, delete-material  the keys after the import (online-keys.ts)
 * What they share: online-steps.ts and ../online-session.ts.
 */
import type { CliCommand } from '../command';
import { createKeyCommand } from './online-create-key';
import { importCommand } from './online-import';
import { statusCommand } from './online-keys';
import { deleteMaterialCommand } from './online-delete-material';
import { paramsCommand } from './online-params';

export const onlineCommands: CliCommand[] = [
  createKeyCommand,
  paramsCommand,
  importCommand,
  statusCommand,
  deleteMaterialCommand,
];
