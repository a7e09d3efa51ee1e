#!/usr/bin/env node
// `node scripts/asar-integrity.mjs <path to app.asar>`: prints the asar integrity hash of a
// packaged Keyferry, the value Electron checks at start on macOS and Windows (embedded by
// electron-builder in Info.plist's ElectronAsarIntegrity / the .exe's resources) and the value
// receipts print: SHA-256 over the archive's JSON header string. With --files it also lists the
// archived files. No dependencies: the header is read as Electron's asar format lays it out
// (a Chromium pickle holding the header size, then a pickle holding the header string).
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/** Reads the header string of the asar at `file`. */
export async function readAsarHeader(file) {
  const handle = await open(file, 'r');
  try {
    const sizePickle = Buffer.alloc(8);
    if ((await handle.read(sizePickle, 0, 8, 0)).bytesRead !== 8) throw new Error(`${file}: not an asar archive`);
    const headerPickleSize = sizePickle.readUInt32LE(4);
    const headerPickle = Buffer.alloc(headerPickleSize);
    if ((await handle.read(headerPickle, 0, headerPickleSize, 8)).bytesRead !== headerPickleSize) {
      throw new Error(`${file}: truncated asar header`);
    }
    const length = headerPickle.readUInt32LE(4);
    return headerPickle.subarray(8, 8 + length).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** SHA-256 (hex) of the header string: the asar integrity hash. */
export async function asarIntegrityHash(file) {
  return createHash('sha256')
    .update(await readAsarHeader(file))
    .digest('hex');
}

/** Every file path in the archive ("out/main/index.js"), sorted. */
export async function listAsarFiles(file) {
  const files = [];
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const at = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, at);
      else files.push(at);
    }
  };
  walk(JSON.parse(await readAsarHeader(file)), '');
  return files.sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/asar-integrity.mjs <path to app.asar> [--files]');
    process.exit(2);
  }
  console.log(`SHA256 ${await asarIntegrityHash(file)}  ${file}`);
  if (flag === '--files') for (const name of await listAsarFiles(file)) console.log(name);
}
