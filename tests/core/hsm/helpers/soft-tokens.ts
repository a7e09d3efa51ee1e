/**
 * Real soft tokens for the HSM tests. SoftHSM: every test gets its own token store in a temp
 * folder (SOFTHSM2_CONF), initialized by softhsm2-util. openCryptoki: its soft token lives in
 * /var/lib/opencryptoki/swtok (one per machine) and needs the pkcsslotd daemon; a test takes an
 * exclusive lock, re-initializes the token (wiping it) and says why when it cannot run.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PKCS11 } from 'pkcs11js';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';
export const OPENCRYPTOKI_MODULE = '/usr/lib/x86_64-linux-gnu/opencryptoki/libopencryptoki.so.0';
const OPENCRYPTOKI_SOCKET = '/var/run/pkcsslotd.socket';
const OPENCRYPTOKI_PIDFILE = '/var/run/pkcsslotd.pid';
/** openCryptoki's documented default SO PIN for a fresh soft token. */
const OPENCRYPTOKI_SO_PIN = '87654321';

export interface SoftToken {
  readonly modulePath: string;
  readonly label: string;
  readonly serial: string;
  readonly pin: string;
  readonly soPin: string;
  /** Removes the token (SoftHSM: its folder; openCryptoki: releases the lock). */
  cleanup(): Promise<void>;
}

/** A fresh SoftHSM token in its own folder; sets SOFTHSM2_CONF for this test process. */
export async function createSoftHsmToken(label = 'keyferry-test', pin = '246810'): Promise<SoftToken> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'keyferry-softhsm-'));
  const conf = path.join(dir, 'softhsm2.conf');
  await writeFile(
    conf,
    `directories.tokendir = ${dir}/tokens\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  execFileSync('mkdir', ['-p', path.join(dir, 'tokens')]);
  const soPin = '13579135';
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', pin], {
    env: { ...process.env, SOFTHSM2_CONF: conf },
    stdio: 'pipe',
  });
  const shown = execFileSync('softhsm2-util', ['--show-slots'], {
    env: { ...process.env, SOFTHSM2_CONF: conf },
  }).toString();
  const serial = /Serial number:\s+([0-9a-f]+)/.exec(shown)?.[1] ?? '';
  process.env.SOFTHSM2_CONF = conf;
  return {
    modulePath: SOFTHSM_MODULE,
    label,
    serial,
    pin,
    soPin,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Why SoftHSM cannot run here (its module or its softhsm2-util missing), or null when it can. */
export function softHsmUnavailable(): string | null {
  if (!existsSync(SOFTHSM_MODULE))
    return `SoftHSM is not installed (${SOFTHSM_MODULE} missing; apt-get install softhsm2)`;
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'SoftHSM is not installed (softhsm2-util not found on PATH; apt-get install softhsm2)';
  }
  return null;
}

/** Why openCryptoki cannot run here, or null when it can. */
export function openCryptokiUnavailable(): string | null {
  if (!existsSync(OPENCRYPTOKI_MODULE))
    return `openCryptoki is not installed (${OPENCRYPTOKI_MODULE} missing; apt-get install opencryptoki)`;
  if (!existsSync(OPENCRYPTOKI_SOCKET))
    return `the openCryptoki slot daemon is not running (${OPENCRYPTOKI_SOCKET} missing; start pkcsslotd as root)`;
  if (!slotDaemonAlive())
    return `the openCryptoki slot daemon is not running (${OPENCRYPTOKI_SOCKET} was left by a daemon that stopped; remove it and start pkcsslotd as root)`;
  const groups = execFileSync('id', ['-Gn']).toString().split(/\s+/);
  if (!groups.includes('pkcs11') && process.getuid?.() !== 0)
    return 'this user is not in the pkcs11 group openCryptoki requires';
  return null;
}

/** True when the process named in pkcsslotd's pid file is pkcsslotd and alive (not a zombie). */
function slotDaemonAlive(): boolean {
  try {
    const pid = readFileSync(OPENCRYPTOKI_PIDFILE, 'utf8').trim();
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2];
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'pkcsslotd' && state !== 'Z';
  } catch {
    return false;
  }
}

const LOCK = path.join(os.tmpdir(), 'keyferry-opencryptoki.lock');

async function takeLock(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch {
      const holder = Number(readFileSync(LOCK, 'utf8') || '0');
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder > 0;
      } catch {
        alive = false;
      }
      if (!alive) unlinkSync(LOCK);
      else if (Date.now() > deadline) throw new Error(`openCryptoki token is held by process ${holder}`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function releaseLock(): void {
  try {
    unlinkSync(LOCK);
  } catch {
    // already released
  }
}

/**
 * Re-initializes openCryptoki's soft token with `label` and user `pin` (wiping it), under an
 * exclusive lock held until cleanup. openCryptoki PINs are 4-8 characters.
 */
export async function createOpenCryptokiToken(label = 'keyferry-ock', pin = '2468'): Promise<SoftToken> {
  await takeLock();
  const lib = new PKCS11();
  try {
    lib.load(OPENCRYPTOKI_MODULE);
    lib.C_Initialize();
  } catch (error) {
    releaseLock();
    throw error;
  }
  try {
    const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).model.trim() === 'IBM SoftTok');
    if (!slot) throw new Error('openCryptoki shows no soft token (slot with model "IBM SoftTok")');
    // openCryptoki 3.8.1 copies 32 bytes whatever the length given: pad the label with blanks, as PKCS#11 says.
    lib.C_InitToken(slot, OPENCRYPTOKI_SO_PIN, label.padEnd(32, ' '));
    const session = lib.C_OpenSession(slot, 0x6);
    lib.C_Login(session, 0, OPENCRYPTOKI_SO_PIN);
    lib.C_InitPIN(session, pin);
    lib.C_Logout(session);
    lib.C_CloseSession(session);
    const serial = lib.C_GetTokenInfo(slot).serialNumber.trim();
    return {
      modulePath: OPENCRYPTOKI_MODULE,
      label,
      serial,
      pin,
      soPin: OPENCRYPTOKI_SO_PIN,
      cleanup: async () => releaseLock(),
    };
  } catch (error) {
    releaseLock();
    throw error;
  } finally {
    lib.C_Finalize();
    lib.close();
  }
}

/**
 * The objects on `token` as `pkcs11-tool --list-objects` (OpenSC, not Keyferry) lists them after a
 * login: "<class> <label> <CKA_ID hex>" each, e.g. "private keyferry KF-… <key id> 6162…".
 */
export function listTokenObjects(token: SoftToken): string[] {
  const listed = execFileSync(
    'pkcs11-tool',
    ['--module', token.modulePath, '--token-label', token.label, '--login', '--pin', token.pin, '--list-objects'],
    { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  ).toString();
  const objects: string[] = [];
  for (const block of listed.split(/\n(?=\S)/)) {
    const kind = /^(Secret|Private|Public) Key Object/.exec(block)?.[1]?.toLowerCase();
    if (!kind) continue;
    const label = /^\s+label:\s+(.*)$/m.exec(block)?.[1]?.trim() ?? '';
    const id = /^\s+ID:\s+([0-9a-f]*)$/m.exec(block)?.[1] ?? '';
    objects.push(`${kind} ${label} ${id}`);
  }
  return objects.sort();
}
