/**
 * What the CLI says once logged in to a token a crashed session left objects in
 * (core/ceremony/airgap/crashed-objects-destroy.ts): which were destroyed, and each one that was
 * not, with why, what to do and the `pkcs11-tool` command that deletes it by hand.
 */
import type { CrashedObjectsCleanup } from '../core/ceremony/airgap/crashed-objects-destroy';
import { terminalText } from '../core/terminal-text';
import { listText } from '../i18n/list';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { tokenObjectName } from './session-stop-lines';

export function crashedObjectsLines(io: CliIo, cleanup: CrashedObjectsCleanup | null): string[] {
  if (!cleanup) return [];
  const translator = cliTranslator(io);
  const destroyed =
    cleanup.destroyed.length > 0
      ? [
          translator.t('cli.hsm-crashed-objects-destroyed', {
            token: terminalText(cleanup.tokenLabel),
            serial: terminalText(cleanup.tokenSerial),
            count: cleanup.destroyed.length,
            objects: listText(
              translator,
              cleanup.destroyed.map((o) => tokenObjectName(translator, o)),
            ),
          }),
        ]
      : [];
  const unproven = cleanup.unproven.flatMap((o) => {
    const { message, nextStep } = translator.problem(o.problem);
    return [`${message} ${nextStep}`, translator.t('cli.hsm-object-command', { command: terminalText(o.command) })];
  });
  return [...destroyed, ...unproven];
}
