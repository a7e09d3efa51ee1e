/**
 * `online import` whose journal's medium fills while an import is on its way: the KMS takes the
 * material, and the journal cannot record it. The officer must not be told the key is "NOT done"
 * (the KMS holds its material), nor be left to guess: the key is named as imported in the KMS and
 * not journaled, the summary names it as sent with no answer recorded, and once the medium has room
 * the same import recognises the import in the KMS (describe-key), journals it and finishes,
 * sending nothing twice, and lists the stopped session's unrecorded send among the receipt's
 * deviations (derived from the journal: the stop itself could not be written). The CLI in a real process whose file-size limit is lowered (prlimit) to the
 * journal's size while the KMS takes the import: the kernel refuses the next entry (EFBIG) as a
 * full medium refuses it (ENOSPC), through the same path. A real simulator over HTTP.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { runAgainCommand } from './run-again-command';
import { runOf, spawnCli } from '../../integration/cli-process';
import { simAndFolderPerTest } from './sim-folder';

/** The receipt's text twin as the import named it (`Receipt: ….html (and ….txt)`). */
function receiptTextName(stdout: string): string {
  return /\(and (receipt-online-\S+\.txt)\)/.exec(stdout)?.[1] ?? 'no receipt named';
}

const test = simAndFolderPerTest('kf-cli-import-journal-full-');

describe('online import whose journal cannot be written after the KMS took a key', () => {
  it('names the key as imported in the KMS and not journaled; the same import then finishes it', async () => {
    const ceremony = await wrappedCliCeremony(
      path.join(test.dir(), 'ceremony'),
      test.kms().sim,
      ['one', 'two'].map((alias) => ({ alias: `app/${alias}`, spec: 'AES_256' })),
    );
    const importCommand = [...ceremony.importCommand, '--concurrency', '1'];
    const child = spawnCli(importCommand, { cwd: ceremony.online, env: ceremony.env });
    // While the KMS takes the first import, the process may no longer grow its files: the journal
    // ends where it is (its key.import-sending written), as on a medium that just filled up.
    test.kms().sim.faults.rewriteAnswer('import-key-material', (body) => {
      execFileSync('prlimit', ['--pid', String(child.pid), `--fsize=${statSync(ceremony.journal).size}`]);
      return body;
    });
    const stopped = await runOf(child);
    expect(stopped.code).not.toBe(0);
    const entries = await journalFileEntries(ceremony.journal);
    const sending = entries.filter((e) => e.event === 'key.import-sending');
    expect(sending).toHaveLength(1);
    expect(entries.filter((e) => e.event === 'key.imported')).toHaveLength(0);
    const keyId = sending[0]?.data.keyId as string;
    expect(stopped.stdout).not.toContain('NOT done');
    expect(stopped.stdout).toContain(
      `  Done in the KMS, NOT journaled: Importing AES_256 key app/one (key ${keyId}). The KMS answered and the journal could not record it; the next run finds it in the KMS and journals it.`,
    );
    expect(stopped.stdout).toContain(`1 key was sent an import that is not recorded as taken: app/one (${keyId})`);
    expect(stopped.stderr).toContain('Could not write to the journal online.jsonl (EFBIG)');
    expect(stopped.stdout).toContain(
      'Once the journal can be written again (room on its medium, the medium connected), run the same import',
    );

    // Room again: the same import recognises the first key's import in the KMS and finishes.
    const taken = () =>
      test.kms().requests.filter((r) => r.action === 'import-key-material' && r.status === 200).length;
    const before = taken();
    const again = await keyferry(runAgainCommand(stopped.stdout), { cwd: ceremony.online, env: ceremony.env });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `imported AES_256 key ${keyId} (material expires: never; the journal holds no answer to the import sent: the key’s state shows the import took effect)`,
    );
    expect(taken()).toBe(before + 1);
    // The stop left no trace of its own (nothing could be written): the rerun derives it from the send
    // the journal holds without an answer, journals it first, says so, and the receipt lists it.
    const sessions = entries.filter((e) => e.event === 'ceremony.started' || e.event === 'ceremony.session-started');
    const trace = (await journalFileEntries(ceremony.journal)).filter((e) => e.event === 'ceremony.session-unrecorded');
    expect(trace.map((e) => [e.seq, e.data.keyIds])).toEqual([[(entries.at(-1)?.seq ?? 0) + 1, [keyId]]]);
    expect(again.stdout).toContain(
      `Journal entry ${trace[0]?.seq}: session ${sessions.length} of this journal (entries ${sessions.at(-1)?.seq}-${entries.at(-1)?.seq}) sent an import to the KMS and ended before recording its answer (a kill, a crash, a power cut or a journal that could not be written ends a session so; the journal does not say which): app/one (${keyId}). The receipt lists it under Deviations.`,
    );
    const receipt = await readFile(path.join(ceremony.online, receiptTextName(again.stdout)), 'utf8');
    expect(receipt).toContain(
      `Entry ${trace[0]?.seq}: Interrupted, Earlier session ended without recording its end (killed, crashed, power lost) or the outcome of what it sent (ceremony.session-unrecorded)`,
    );
    expect(receipt.replace(/\s+/g, ' ')).toContain(
      'Imported (the journal held no answer to the import sent: the key’s state showed the import took effect); key state Enabled',
    );
  }, 120_000);
});
