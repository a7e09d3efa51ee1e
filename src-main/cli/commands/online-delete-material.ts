/**
 * `keyferry online delete-material`: deletes a key's imported AES material in the KMS on the
 * officer's explicit word (the key id typed again where the ceremony asks for it, and the loss
 * acknowledged), then says who can bring the material back and the step that starts it.
 */
import { KeyferryError } from '../../core/errors';
import { requireOption } from '../args';
import { cliTranslator } from '../cli-locale';
import { keyStateText } from '../key-state-text';
import { openOnlineSession } from '../online-session';
import { defineOnlineCommand, nextParametersCommand, withSession } from './online-steps';
import { deletedKeyValues, printProveFirst } from './online-status-rounds';

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
      const { t } = cliTranslator(io);
      io.stdout(t('online.deleted', { keyId: result.keyId, state }));
      // Who can bring the material back (or that nobody can), and the step that starts bringing it back.
      const key = session.ceremony.keys().find((k) => k.keyId === result.keyId);
      if (key) io.stdout(t('cli.status-material-deleted', deletedKeyValues(key, session.ceremony, 'parameters')));
      // Another key holds material not proven yet: the ceremony stands at its proof first.
      if (!printProveFirst(io, values, session))
        io.stdout(t('online.next.parameters-again', { command: nextParametersCommand(session, values) }));
      return 0;
    });
  },
});
