/**
 * Whether a journal lock's process still runs (core/journal/lock-owner.ts): a lock records its boot
 * and its process's start within that boot, so a pid given again, after a reboot or within the same
 * boot, is not taken for the lock's owner; a lock that does not say is owned by whatever runs with its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ownerIn, ownerRuns, THIS_PROCESS } from '../../../src-main/core/journal/lock-owner';

const LINUX = existsSync('/proc/sys/kernel/random/boot_id');
const bootId = (): string => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
/** Field 22 of /proc/<pid>/stat, read as proc(5) documents it. */
const startOf = (pid: number): number =>
  Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19]);

/** The pid and time namespaces this process is in, as a lock records them. */
const namespaces = (): { pidNs: string; timeNs?: string } => ({
  pidNs: readlinkSync('/proc/self/ns/pid'),
  ...(existsSync('/proc/self/ns/time') ? { timeNs: readlinkSync('/proc/self/ns/time') } : {}),
});

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

async function running(): Promise<number> {
  child = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((resolve) => child?.once('spawn', resolve));
  return child.pid as number;
}

async function ended(): Promise<void> {
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child?.kill();
  await exited;
}

describe.skipIf(!LINUX)('the owner of a journal lock', () => {
  it('a lock this process takes records this boot and when this process started', () => {
    expect(THIS_PROCESS).toEqual({ boot: bootId(), started: startOf(process.pid), ...namespaces() });
  });

  it('runs while the process with its pid is the one that started then', async () => {
    const pid = await running();
    expect(ownerRuns({ pid, boot: bootId(), started: startOf(pid), ...namespaces() })).toBe(true);
    await ended();
    expect(ownerRuns({ pid, boot: bootId(), started: startOf(process.pid), ...namespaces() })).toBe(false);
  });

  it('a pid given again within this boot, to a process that started at another moment, is not the owner', async () => {
    const pid = await running();
    expect(ownerRuns({ pid, boot: bootId(), started: startOf(pid) - 1, ...namespaces() })).toBe(false);
    expect(ownerRuns({ pid, boot: bootId(), started: startOf(pid) + 1, ...namespaces() })).toBe(false);
  });

  it('a lock taken in another time namespace, whose start /proc gives moved by its boot offset, is owned by whatever runs with its pid', async () => {
    const pid = await running();
    const mark = { pid, boot: bootId(), started: startOf(pid) + 10_000_000, pidNs: namespaces().pidNs };
    expect(ownerRuns({ ...mark, timeNs: 'time:[1]' })).toBe(true);
    await ended();
    expect(ownerRuns({ ...mark, timeNs: 'time:[1]' })).toBe(false);
  });

  it('a lock taken in another pid namespace (a container, a sandbox) is held, whether or not its pid runs here', async () => {
    const pid = await running();
    const mark = { pid, boot: bootId(), started: startOf(pid) - 1, pidNs: 'pid:[1]' };
    expect(ownerRuns(mark)).toBe(true);
    await ended();
    expect(ownerRuns(mark)).toBe(true);
    expect(ownerRuns({ ...mark, boot: '00000000-0000-4000-8000-000000000000' })).toBe(false);
  });

  it('a start recorded without the namespaces it was read in is not compared: whatever runs with its pid owns it', async () => {
    const pid = await running();
    expect(ownerRuns({ pid, boot: bootId(), started: startOf(pid) - 1 })).toBe(true);
  });

  it('a lock of an earlier boot has no owner, whatever runs with its pid', async () => {
    const pid = await running();
    expect(ownerRuns({ pid, boot: '00000000-0000-4000-8000-000000000000', started: startOf(pid) })).toBe(false);
  });

  it('a lock that does not say its boot or start (an older build) is owned by whatever runs with its pid', async () => {
    const pid = await running();
    expect(ownerRuns({ pid })).toBe(true);
    expect(ownerRuns({ pid, boot: bootId() })).toBe(true);
    await ended();
    expect(ownerRuns({ pid })).toBe(false);
  });
});

describe('what a lock file says of its owner', () => {
  const since = '2026-01-01T00:00:00.000Z';
  const gone = (pid: number) => ({ pid, since });

  it('names at most four writers gone one after another, and none that lacks a pid or a time', () => {
    const text = JSON.stringify({
      pid: 5,
      hostname: 'ws',
      since,
      purpose: 'write',
      tookOver: [gone(4), { pid: 3 }, { since }, gone(2), gone(1), gone(0), 'x'],
    });
    expect(ownerIn(text)?.tookOver).toEqual([gone(4), gone(2), gone(1), gone(0)]);
  });

  it('a reader’s lock keeps the writer it took over with that writer’s start and the writers gone before it', () => {
    const over = { ...gone(4), started: 77, pidNs: 'pid:[5]', timeNs: 'time:[6]', earlier: [gone(3)] };
    const owner = ownerIn(JSON.stringify({ pid: 5, hostname: 'ws', since, purpose: 'read', over }));
    expect(owner?.over).toEqual(over);
    expect(ownerIn(JSON.stringify({ pid: 5, hostname: 'ws', since: 'never' }))).toBeUndefined();
  });
});
