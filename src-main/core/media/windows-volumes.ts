/**
 * Removable drive letters on Windows, from PowerShell's Get-Volume (DriveType Removable) or, where
 * that is missing, from wmic (drivetype 2). Both parsers are pure; if neither tool answers, no
 * volumes are listed and the user picks a folder by hand.
 */
import { execFile } from 'node:child_process';
import { z } from 'zod';
import type { VolumeCandidate } from './removable-volume';

const GET_VOLUME_SCRIPT =
  "Get-Volume | Where-Object { $_.DriveType -eq 'Removable' -and $_.DriveLetter } | Select-Object DriveLetter, FileSystemLabel | ConvertTo-Json -Compress";

const getVolumeEntry = z.object({
  DriveLetter: z.string().regex(/^[A-Za-z]$/),
  FileSystemLabel: z.string().nullable().optional(),
});

function candidate(letter: string, label: string | null | undefined): VolumeCandidate {
  const drive = `${letter.toUpperCase()}:`;
  return { label: label && label.trim() !== '' ? label.trim() : drive, mountPoint: `${drive}\\`, device: drive };
}

/** Parses `Get-Volume ... | ConvertTo-Json` output (one object or an array); invalid entries are skipped. */
export function parseGetVolumeJson(text: string): VolumeCandidate[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.flatMap((item) => {
    const entry = getVolumeEntry.safeParse(item);
    return entry.success ? [candidate(entry.data.DriveLetter, entry.data.FileSystemLabel)] : [];
  });
}

/** Parses `wmic logicaldisk where drivetype=2 get deviceid,volumename /format:csv` output. */
export function parseWmicCsv(text: string): VolumeCandidate[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const header = lines
    .shift()
    ?.split(',')
    .map((h) => h.toLowerCase());
  if (!header) return [];
  const idColumn = header.indexOf('deviceid');
  const labelColumn = header.indexOf('volumename');
  if (idColumn < 0) return [];
  return lines.flatMap((line) => {
    const cells = line.split(',');
    const match = /^([A-Za-z]):$/.exec(cells[idColumn] ?? '');
    return match?.[1] ? [candidate(match[1], labelColumn >= 0 ? cells[labelColumn] : undefined)] : [];
  });
}

function run(file: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 8000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Removable drives on this Windows machine; an empty list when neither tool is available. */
export async function windowsVolumeCandidates(): Promise<VolumeCandidate[]> {
  const json = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_VOLUME_SCRIPT]);
  if (json !== undefined) return parseGetVolumeJson(json);
  const csv = await run('wmic', ['logicaldisk', 'where', 'drivetype=2', 'get', 'deviceid,volumename', '/format:csv']);
  return csv === undefined ? [] : parseWmicCsv(csv);
}
