/**
 * The journals beside the one given that record a ceremony (core/journal/journals-of-ceremony.ts), from a folder
 * on media whose files are not trusted: only a regular file whose first line starts that ceremony is
 * named; a folder, a FIFO or a link named *.jsonl is passed over without hanging or failing, as is a
 * file with no whole first line or of another ceremony. Real files in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalsOfCeremony } from '../../../src-main/core/journal/journals-of-ceremony';

const WANTED = 'KF-20261206-abcdef';
const started = (ceremonyId: string) =>
  `${JSON.stringify({ seq: 1, event: 'ceremony.started', actor: 'Ana', data: { ceremonyId, title: 'T' } })}\n`;

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('journals of a ceremony beside the one given', () => {
  it('names only regular files whose first entry starts that ceremony, passing over anything else', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-journals-of-'));
    await writeFile(path.join(dir, 'given.jsonl'), started('KF-20261206-zzzzzz'));
    await writeFile(path.join(dir, 'b-right.jsonl'), started(WANTED) + '{"seq":2}\n');
    await writeFile(path.join(dir, 'a-other.jsonl'), started('KF-20261206-yyyyyy'));
    await writeFile(path.join(dir, 'c-no-line.jsonl'), started(WANTED).trimEnd());
    await writeFile(path.join(dir, 'd-not-json.jsonl'), 'not json\n');
    await mkdir(path.join(dir, 'e-folder.jsonl'));
    execFileSync('mkfifo', [path.join(dir, 'f-fifo.jsonl')]);
    await symlink(path.join(dir, 'b-right.jsonl'), path.join(dir, 'g-link.jsonl'));
    await writeFile(path.join(dir, 'h-right.txt'), started(WANTED));
    expect(journalsOfCeremony(dir, WANTED, 'online', path.join(dir, 'given.jsonl'))).toEqual(['b-right.jsonl']);
    // An air-gapped journal records its ceremony when it reads the parameters, after its session start.
    const line = (event: string, data: object) => `${JSON.stringify({ seq: 1, event, actor: 'Ana', data })}\n`;
    await writeFile(
      path.join(dir, 'i-airgap.jsonl'),
      line('ceremony.session-started', { side: 'air-gapped', title: 'T' }) +
        line('parameters.read', { ceremonyId: WANTED }),
    );
    expect(journalsOfCeremony(dir, WANTED, 'air-gapped', path.join(dir, 'given.jsonl'))).toEqual(['i-airgap.jsonl']);
    // A custody restore's journal reads parameters too: it is not the air-gapped side's.
    await writeFile(
      path.join(dir, 'j-restore.jsonl'),
      line('ceremony.session-started', { side: 'air-gapped', purpose: 'custody-restore', title: 'T' }) +
        line('parameters.read', { ceremonyId: WANTED }),
    );
    expect(journalsOfCeremony(dir, WANTED, 'air-gapped', path.join(dir, 'given.jsonl'))).toEqual(['i-airgap.jsonl']);
    expect(journalsOfCeremony(dir, WANTED, 'online', path.join(dir, 'given.jsonl'))).toEqual(['b-right.jsonl']);
    // The journal given is never named for itself, and a folder that does not read finds nothing.
    expect(journalsOfCeremony(dir, WANTED, 'online', path.join(dir, 'b-right.jsonl'))).toEqual([]);
    expect(journalsOfCeremony(path.join(dir, 'missing'), WANTED, 'online', 'x.jsonl')).toEqual([]);
  });
});
