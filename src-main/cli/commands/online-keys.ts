/** `keyferry online status` and `online delete-material`: the ceremony's keys after the import. */

import { KeyferryError } from '../../core/errors';
import { cliTranslator } from '../cli-locale';
import { ceremonyStateValue } from '../../i18n/ceremony-state';
import { cliExpiry, printKeyTable } from '../cli-text';
import { keyStateText } from '../key-state-text';
import { KeyState, keyStateOfName } from '../../core/kms/types';
import { recordedCustodyValues } from '../../core/ceremony/online/recorded-custody';

import { requireOption } from '../args';

import { openOnlineSession } from '../online-session';

import {
  defineOnlineCommand,
  lapsedLines,
  nextOnline,
  printGroupProofs,
  printProofs,
  withSession,
} from './online-steps';
import { custodyOf } from './online-reimport';
import { namedKeys } from '../import-stopped-lines';

/** A state without material: nothing to expire. */
const pendingImport = String(KeyState.PendingImport);

export const statusCommand = defineOnlineCommand({
  name: 'online status',
  synopsis: ['--journal FILE [connection options]'],
  options: {},
  async run({ values }, io) {
    const session = await openOnlineSession(values, io);
    return withSession(session, async () => {
      const status = await session.ceremony.status();
      printKeyTable(io, status, ['alias', 'spec', 'keyId', 'state', 'materialExpires'], status, (s) => [
        s.alias,
        s.spec,
        s.keyId,
        keyStateText(io, s.keyState),
        // No expiry while the key holds material (asymmetric material, or AES imported without one): never.
        cliExpiry(
          io,
          s.materialExpiresAt ?? undefined,
          keyStateOfName(s.keyState) === pendingImport ? 'none' : 'never',
        ),
      ]);
      const keys = session.ceremony.keys();
      const custody = custodyOf(session.journal.entries, new Set(keys.filter((k) => k.lapsed).map((k) => k.keyId)));
      const lapsed = lapsedLines(io, keys, nextOnline('params', values), custody);
      for (const line of lapsed) io.stdout(line);
      const deleted = keys.filter((k) => k.deleted);
      for (const k of deleted)
        io.stdout(
          cliTranslator(io).t('cli.status-material-deleted', {
            alias: k.alias,
            spec: k.spec,
            keyId: k.keyId,
            ...recordedCustodyValues(session.ceremony.importedCustody(k.keyId)),
          }),
        );
      // Enabled in the KMS with no import in the journal: an import sent and its entry lost (a stop
      // or a crash after sending), which online import records on its next run, or somebody else's.
      const byId = new Map(keys.map((k) => [k.keyId, k]));
      const unrecorded = status.filter(
        (s) => !byId.get(s.keyId)?.imported && keyStateOfName(s.keyState) === String(KeyState.Enabled),
      );
      for (const [sent, message] of [
        [true, 'online.status.unrecorded-imports'],
        [false, 'online.status.foreign-imports'],
      ] as const) {
        const these = unrecorded.filter((s) => !!byId.get(s.keyId)?.importSentUnrecorded === sent);
        if (these.length === 0) continue;
        io.stdout(cliTranslator(io).t(message, { count: these.length, keys: namedKeys(cliTranslator(io), these) }));
      }
      if (!keys.some((k) => k.imported)) {
        if (unrecorded.length > 0) return 1;
        if (lapsed.length === 0 && deleted.length === 0)
          io.stdout(
            cliTranslator(io).t('online.status.nothing-imported', {
              stepPhrase: ceremonyStateValue(session.ceremony.step),
            }),
          );
        return lapsed.length === 0 ? 0 : 1;
      }
      const proofs = await session.ceremony.verifyKeys();
      printProofs(io, proofs, keys);
      printGroupProofs(io, session.ceremony.keys());
      // An import stopped part way (Ctrl-C, the KMS unreachable): the keys it did not reach are still
      // Pending import, and a replica group with them is not complete. Said, with what finishes it.
      const missing = status.filter((s) => {
        const k = byId.get(s.keyId);
        return !!k && !k.imported && !k.lapsed && !k.deleted && keyStateOfName(s.keyState) === pendingImport;
      });
      if (missing.length > 0)
        io.stdout(
          cliTranslator(io).t('online.status.partly-imported', {
            count: missing.length,
            total: keys.length,
            keys: namedKeys(cliTranslator(io), missing),
          }),
        );
      const finished = lapsed.length === 0 && unrecorded.length === 0 && missing.length === 0;
      return proofs.every((p) => p.ok) && finished ? 0 : 1;
    });
  },
});

export const deleteMaterialCommand = defineOnlineCommand({
  name: 'online delete-material',
  synopsis: ['--journal FILE --key-id ID --yes --acknowledge-loss [--confirm-key-id ID] [connection options]'],
  options: {
    'key-id': { type: 'string', arg: 'ID', help: 'cli.opt.delete-material.key-id' },
    yes: { type: 'boolean', help: 'cli.opt.delete-material.yes' },
    'acknowledge-loss': { type: 'boolean', help: 'cli.opt.delete-material.acknowledge-loss' },
    'confirm-key-id': { type: 'string', arg: 'ID', help: 'cli.opt.delete-material.confirm-key-id' },
  },
  async run({ values }, io) {
    const keyId = requireOption('online delete-material', values['key-id'], '--key-id');
    if (!values.yes) {
      throw new KeyferryError('CONFIRMATION_REQUIRED', { keyId });
    }
    const session = await openOnlineSession(values, io);
    return withSession(session, async () => {
      // What the loss needs acknowledging depends on the custody copy the journal recorded: the
      // ceremony decides (and journals a refusal), naming the copy or its absence.
      const confirmedKeyId = values['confirm-key-id'];
      const result = await session.ceremony.deleteMaterial(keyId, {
        lossAcknowledged: !!values['acknowledge-loss'],
        ...(confirmedKeyId !== undefined ? { confirmedKeyId } : {}),
      });
      const state = keyStateText(io, result.keyState);
      io.stdout(cliTranslator(io).t('online.deleted', { keyId: result.keyId, state }));
      return 0;
    });
  },
});
