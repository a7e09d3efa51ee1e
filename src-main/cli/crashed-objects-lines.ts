/**
 * What the CLI says once logged in to a token a crashed session left objects in
 * (core/ceremony/airgap/crashed-objects-destroy.ts): which were destroyed (and the journal entries
 * that say so), and each one that was not, with why, what to do and the `pkcs11-tool` command that
 * deletes it by hand. When the token check is then refused (HSM_LABEL_TAKEN, an ambiguous key), the
 * refusal carries what was destroyed (core destroyed-before-refusal.ts), said before the refusal.
 */
import type { CrashedObjectsCleanup } from '../core/ceremony/airgap/crashed-objects-destroy';
import { destroyedBeforeRefusal, type DestroyedBeforeRefusal } from '../core/ceremony/airgap/destroyed-before-refusal';
import { KeyferryError } from '../core/errors';
import { terminalText } from '../core/terminal-text';
import { listText } from '../i18n/list';
import type { Translator } from '../i18n/translate';
import type { PlainValues } from '../i18n/catalogue';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';
import { tokenObjectName } from './session-stop-lines';

/** The line naming the objects destroyed (as many as `destroyed.objects` names, of `count`) and the entries that journaled it. */
function destroyedLine(translator: Translator, destroyed: Omit<DestroyedBeforeRefusal, 'unproven'>): string {
  return translator.t('cli.hsm-crashed-objects-destroyed', {
    token: terminalText(destroyed.tokenLabel),
    serial: terminalText(destroyed.tokenSerial),
    count: destroyed.count,
    objects: listText(
      translator,
      destroyed.objects.map((o) => tokenObjectName(translator, o)),
    ),
    more: destroyed.count - destroyed.objects.length,
    entries: listText(translator, destroyed.entries.map(String)),
  });
}

export function crashedObjectsLines(io: CliIo, cleanup: CrashedObjectsCleanup | null): string[] {
  if (!cleanup) return [];
  const translator = cliTranslator(io);
  const destroyed =
    cleanup.destroyed.length > 0
      ? [
          destroyedLine(translator, {
            tokenLabel: cleanup.tokenLabel,
            tokenSerial: cleanup.tokenSerial,
            entries: [...cleanup.destroyedIn],
            count: cleanup.destroyed.length,
            objects: [...cleanup.destroyed],
          }),
        ]
      : [];
  return [...destroyed, ...unprovenLines(translator, cleanup.unproven)];
}

/** Each object left (not destroyed): why and what to do, then the command that deletes it by hand. */
function unprovenLines(
  translator: Translator,
  unproven: readonly { readonly command: string; readonly problem: { code: string; values?: PlainValues } }[],
): string[] {
  return unproven.flatMap((o) => {
    const { message, nextStep } = translator.problem({ message: o.problem.code, nextStep: '', ...o.problem });
    return [`${message} ${nextStep}`, translator.t('cli.hsm-object-command', { command: terminalText(o.command) })];
  });
}

/**
 * Before the token check's refusal `error`: what it did first with a crashed session's objects, when
 * it carries that (those destroyed; each one left, with why and its delete command); else nothing.
 */
export function destroyedBeforeRefusalLines(io: CliIo, error: unknown): string[] {
  const destroyed = error instanceof KeyferryError ? destroyedBeforeRefusal(error.values) : null;
  if (!destroyed) return [];
  const translator = cliTranslator(io);
  return [
    ...(destroyed.count > 0 ? [destroyedLine(translator, destroyed)] : []),
    ...unprovenLines(translator, destroyed.unproven),
  ];
}
