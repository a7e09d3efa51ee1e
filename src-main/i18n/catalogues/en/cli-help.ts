/**
 * What `keyferry <command> --help` prints: what each command does (`cli.about.*`), each option's
 * description (`cli.opt.*`; shared options once, command-specific ones under the command's name),
 * group headings and notes. Option names and placeholders (FILE, DIR) stay in the command's table.
 * zh-CN twin in ../zh-CN/cli-help.ts.
 */
export const enCliHelp = {
  'cli.help.command-usage': 'Usage: keyferry {command} {synopsis}',
  /** The bracketed words of a usage line that name the option groups below it. */
  'cli.help.synopsis-group': '{group, select, connection {[connection options]} other {[options]}}',
  'cli.help.command-or': '   or: keyferry {command} {synopsis}',
  'cli.group':
    '{group, select, connection {Connection options (later steps take region, project and endpoint from the journal; a different one is refused):} hsm {Material in an HSM (PKCS#11):} ceremony {The restore ceremony (with --bundle), on the air-gapped workstation:} prove {Without --bundle (rebuild and prove only):} other {Replaced options (refused, naming the new one):}}',
  'cli.command.unknown':
    '{app}: unknown command "{command}".{match, select, near { Did you mean "{app} {meant}"?} other {}} Run "{app} --help" for the list.',
  'cli.command.incomplete':
    '{app} {group}: {match, select, near {there is no "{typed}": did you mean "{app} {group} {meant}"? Or } unknown {there is no "{typed}": } other {}}choose one of: {choicesList}. Run "{app} {group} --help" for what each does.',
  'cli.plan-fields': 'Plan fields:',

  'cli.about.journal-verify':
    'Checks every line of the journal: canonical JSON, numbering, the hash chain and each hash.\nPrints OK with the entry count and the head hash and exits 0, or the first bad line and why\nand exits 1 (in the CLI’s language; scripts read the exit code).\nTakes the journal’s lock as every step does (refused while a step writes); reads without it where\nno lock file can be written (read-only media).',
  'cli.about.journal-set-aside-torn-line':
    'Only for a journal whose last line has no newline at the end (an append cut short by a power loss,\na crash or a medium pulled out). Moves that line into FILE.torn-<UTC time>-<first 8 hex digits of\nits SHA-256> beside the journal, cuts the journal back to its last complete line and journals\njournal.torn-line-set-aside (the line’s SHA-256 and length; every later receipt lists it). A last\nline that is a whole entry missing only its newline (it reads, its hash is right and it chains) is\ncompleted instead, and journaled as journal.torn-line-completed. Any other fault (a changed, removed\nor inserted line) is refused as before, and nothing is changed. Run again after a power loss that\ncame between the cut and its entry, it journals the side file the journal does not record (and\nwhether it reads as this journal’s cut line); if nobody set a line aside, move that file away instead.',
  'cli.about.bundle-verify':
    'Checks everything Keyferry checks before using a bundle: manifest, sizes, links, hashes,\ntoken binding and expiry. Prints the bundle kind, its keys and its digest (SHA-256 of\nmanifest.json, grouped in fours as on the receipt) and exits 0; or the exact problem and exits 1.',
  'cli.about.hsm-info':
    'Loads the HSM vendor’s PKCS#11 module and lists every slot with a token: label, manufacturer,\nmodel, serial number, firmware, the state of the user PIN, and whether the token has each\nmechanism a ceremony uses. Needs no PIN and changes nothing on the token. Whether a token can\ndo a particular ceremony is proven by the capability check that airgap wrap --hsm-module runs\nbefore anything is generated.',
  'cli.about.kms-sim':
    'Serves the Huawei Cloud KMS API (v1.0) on loopback until Ctrl+C or SIGTERM, and prints the\nendpoint, region, project ID, AK and SK to configure Keyferry with.',
  'cli.about.kms-sim-advance':
    'Moves the clock of a simulator started with --clock-control (keyferry kms-sim --clock-control),\non this computer, over loopback. The clock only moves forward and stays moved in its --state file.',
  'cli.about.rehearse':
    'Starts the KMS simulator in this process, runs the online side (create keys, fetch the import\nparameters, write the bundle), the air-gapped side (read the bundle, confirm its digest as\nevery witness, generate and wrap the material, write the wrapped bundle and receipt), then the\nonline side again (check, import, verify every key), and verifies both journals against their receipts.',
  'cli.about.wrap': 'Wraps key material under the KMS wrapping key and writes the files the KMS console imports.',
  'cli.about.custody-split':
    'Splits key material into N shares, any M of which rebuild it (2 <= M <= N <= 16). Share i goes\nto the i-th --custodian and is written into the i-th --out folder, with its printable slip\n(.slip.html and .slip.txt) beside it. Each --out folder must exist and be on its own volume.',
  'cli.about.custody-restore':
    'Rebuilds key material from at least M custody shares: share files (--share) and/or shares typed\nfrom printed slips (--typed, one text file per slip), and proves it against the key check value\nor public-key fingerprint recorded in every share. Fewer than M shares, shares of another\nceremony or key, a corrupted or repeated share: each is refused and nothing is written (with\n--bundle, the journal records the refusal).',
  'cli.about.airgap-wrap':
    'The air-gapped side of a ceremony: every witness confirms the import-parameters bundle digest,\nthe material is generated here (or read, or made in an HSM) and wrapped, and the wrapped-material\nbundle and the receipt are written. Give --bundle, or the console files instead:\n--console-wrapping-key, --key-id, --spec and --import-token.',
  'cli.about.online-create-key':
    'Starts the ceremony (its journal) and creates its external keys in the KMS, Pending import:\nfrom a plan file, or one key described by options.',
  'cli.about.online-params':
    'Fetches a wrapping key and an import token for every key of the ceremony, writes the\nimport-parameters bundle to removable media and prints its digest, to be read aloud to the witnesses.',
  'cli.about.online-import':
    'Checks the wrapped-material bundle against the digest on the air-gapped receipt and against the\nparameters the KMS issued, imports it, proves every key works, and writes the online receipt.',
  'cli.about.online-status': 'Shows every key of the ceremony as the KMS sees it, and proves the imported ones again.',
  'cli.about.online-delete-material':
    'The KMS deletes the key material; the key returns to Pending import and accepts only the same\nmaterial again. Every ciphertext under the key is unreadable until then.',

  'cli.note.credentials':
    'Credentials: KEYFERRY_AK and KEYFERRY_SK (+ KEYFERRY_SECURITY_TOKEN), or KEYFERRY_IAM_TOKEN, or\nthe config file. They are never accepted on the command line.',
  'cli.note.kms-sim-advance': 'Keyferry itself keeps this computer’s time: its journals and receipts are dated by it.',
  'cli.note.kms-sim.clock':
    'The simulator’s clock decides what the KMS decides (token and material expiry); a moved clock\nis kept in the --state file. Requests are still signed with this computer’s time, and the\nsimulator accepts a signature date within 15 minutes of either its own time or the real time.',
  'cli.note.kms-sim.rehearsal-only': 'The simulator is for rehearsals: never import real key material into it.',
  'cli.note.online-status':
    'Exit code: 0 the ceremony is finished (every key holds its material and is proven, and the online\nreceipt is written); 3 it is not finished and nothing is wrong (keys still Pending import: nothing\nimported yet, or an import stopped part way that the same import finishes; or every key proven but\nthe receipt not written, which the same import run again writes); 1 a problem (a proof failed, material lapsed or\ndeleted, an import in doubt, the look not journaled, an error).',
  'cli.note.rehearse': 'Exits 0 only if every key was imported and proven to work.',
  'cli.note.wrap':
    'Writes EncryptedKeyMaterial.bin; for RSA/EC also out_rsa_private_key.der or out_ec_private_key.der\nand public_key.der (the material’s public key, SPKI DER).',
  'cli.note.custody-restore.hsm':
    'Material generated (or chosen) in an HSM by airgap wrap --hsm-module has no shares: its custody\ncopy is the token object, labelled "keyferry <ceremony> <key id>". The restore ceremony re-wraps\nthat object inside the HSM; it must give the journaled key check value or public-key SHA-256,\nand a missing or different object, another token, or shares given too are refused and journaled.',
  'cli.note.custody-restore.set':
    'Shares of a ceremony custody set (format 2, slips headed KEYFERRY SHARE V2) restore together\nwith the ceremony’s backup file; per-key shares (format 1, KEYFERRY SHARE V1) written by earlier\nversions still restore. After the restore ceremony, import on the online workstation: the\nrestore prints the complete online import command.',
  'cli.note.custody-restore.prove':
    'Without --bundle, nothing is written unless --out is given: then the material (AES: 32 raw\nbytes; RSA/EC: PKCS#8 DER) goes to that new file, mode 0600 (a volume that keeps no permissions,\nsuch as FAT32 or exFAT, shows another, and the WARNING says so), for handing to an HSM (set shares:\na new folder with one <key id>.key file per key, removed again if any write fails), with a\nWARNING naming each file: keep it offline, hand it to the HSM, then destroy every copy. No\njournal or witness records this. Like the air-gapped side, it refuses to read any share on a\nlive network unless --allow-network (rehearsals only); so does custody split.',

  'cli.opt.operator': 'the operator present at the ceremony',
  'cli.opt.witness': 'a witness present (repeat for each)',
  'cli.opt.title': 'names the ceremony (default: the bundle’s title; a different one is refused)',
  'cli.opt.online.title': 'names the ceremony, without --plan (default: "Import of" and the key\u2019s alias)',
  'cli.opt.witness-confirms':
    'the import-parameters bundle digest as witness NAME typed it after hearing it read aloud from the\nonline workstation: once per --witness (one value never counts for another person); without it on\na terminal each witness is asked in turn, and nobody is skipped',
  'cli.opt.confirm-fingerprint': 'removed (one value was credited to every witness): use --witness-confirms',
  'cli.opt.airgap.expires':
    'requested AES material expiry, for every key (default: each key’s planned expiry, as the import-parameters bundle carries it): never, a duration from now (90d, 36h, 1d12h: whole d, h, m, s; now by the KMS\u2019s clock when the bundle\u2019s import tokens show it ahead of this computer\u2019s, as custody restore counts it) or a date-time with its zone (2030-01-31T00:00:00Z)',
  'cli.opt.expires':
    'requested AES material expiry: never (default), a duration from now (90d, 36h, 1d12h: whole d, h, m, s) or a date-time with its zone (2030-01-31T00:00:00Z)',
  'cli.opt.receipt-dir': 'where the receipt goes (default: the journal’s folder)',
  'cli.opt.allow-network': 'go on although a network is up (rehearsals only; journaled as a warning)',
  'cli.opt.wrapped-out': 'a new folder on the removable media for the wrapped-material bundle',
  'cli.opt.online-params.wrapping-algorithm':
    'ask the KMS for this wrapping algorithm from now on instead of the plan’s (journaled): RSAES_OAEP_SHA_1 when the air-gapped HSM does OAEP only with SHA-1',
  'cli.opt.wrapping-algorithm': 'RSAES_OAEP_SHA_256 (default) or RSAES_OAEP_SHA_1 (e.g. for SoftHSM 2.6)',
  'cli.opt.passphrase-env': 'the NAME of an environment variable holding the private key’s passphrase',
  'cli.opt.hsm-module':
    'generate and wrap the material inside an HSM through its PKCS#11 library (see keyferry hsm info);\nnothing is generated in software',
  'cli.opt.hsm-token': 'the token to use (required with --hsm-module)',
  'cli.opt.hsm-pin-env':
    'the NAME of an environment variable holding the user PIN (read once, then removed); without it\nthe PIN is asked for, hidden. Never the PIN itself.',
  'cli.opt.hsm-key-label': 'use the key already in the token with this label (repeat per key)',
  'cli.opt.hsm-existing-keys':
    'use keys already in the token, found by CKA_ID = the KMS key id (what Keyferry gives the keys it\ngenerates: the restore after expiry)',
  'cli.opt.hsm-accept-zero-filled-pad':
    'rehearsals only: accept a token whose CKM_AES_KEY_WRAP_PAD zero-fills (SoftHSM 2.6); journaled as a deviation',

  'cli.opt.journal-verify.expect-head':
    'the journal head hash printed on the receipt (spaces allowed); without it, entries cut off the\nend of the journal cannot be noticed',
  'cli.opt.journal-verify.expect-count': 'the entry count printed on the receipt',
  'cli.opt.journal-verify.allow-later':
    'accept entries after the expected head (a later session of the same ceremony); without it they\nfail the check and are listed. The entries recording the receipt itself, and a later online\nstatus’s looks at the keys (key states read, keys proven again), are always accepted.',
  'cli.opt.journal-set-aside-torn-line.operator': 'who sets the line aside (the journal entry names them)',
  'cli.opt.bundle-verify.expect-digest': 'the digest printed on the receipt (spaces allowed); refuse any other',
  'cli.opt.bundle-verify.json': 'print one JSON object instead of text',
  'cli.opt.bundle-verify.show-digest':
    'import-parameters bundles: print the bundle digest too, as the bundle now is on the media (on the online workstation, to compare it with the digest keyferry online status reads from the journal; refused on a workstation with no network, as the air-gapped one, where the witnesses type it as heard)',
  'cli.opt.hsm-info.module': 'the PKCS#11 library (.so/.dll/.dylib), e.g. /usr/lib/softhsm/libsofthsm2.so',
  'cli.opt.hsm-info.json': 'print the report as JSON',
  'cli.opt.kms-sim.host': 'address to listen on (default 127.0.0.1; anything else is reachable from the network)',
  'cli.opt.kms-sim.port': 'port (default: a free one)',
  'cli.opt.kms-sim.state': 'keep keys and credentials in FILE, so a later run resumes the rehearsal',
  'cli.opt.kms-sim.latency':
    'answer every request T late, like a distant region: 60ms, 1s or a bare number of milliseconds (default 0)',
  'cli.opt.kms-sim.throttle':
    'admit N requests a second, answering the rest APIG.0308 (HTTP 429) as Huawei’s API gateway does\n(default: no limit)',
  'cli.opt.kms-sim.rate-limit': 'the same as --throttle N/s',
  'cli.opt.kms-sim.regions':
    'also serve these regions (replica groups), each with its own project, keys and wrapping keys, the\nsame AK/SK; reach one at http://kms.REGION.localhost:PORT (printed). With --state every\nregion is kept in the file; a restart serves the regions of the file too',
  'cli.opt.kms-sim.start-at':
    'start the simulator’s clock at WHEN: a date-time with its zone (2027-03-01T09:00:00Z) or a duration\nfrom now (+30d, +25h); never earlier than the time a --state file resumes at',
  'cli.opt.kms-sim.clock-control':
    'let keyferry kms-sim advance move the clock forward (from this computer only, over loopback), to\nrehearse an import token’s 24 hours or a material expiry',
  'cli.opt.kms-sim.json':
    'print exactly one JSON line first, with endpoint, region, projectId, ak, sk, now, offsetMs, clockControl and regions',
  'cli.opt.kms-sim-advance.endpoint': 'the endpoint the simulator printed, e.g. http://127.0.0.1:43117',
  'cli.opt.kms-sim-advance.by': 'move forward by whole d, h, m or s: 25h (past an import token’s 24 hours), 91d, 1d12h',
  'cli.opt.kms-sim-advance.to': 'move forward to this time, with its zone: 2027-03-01T09:00:00Z',
  'cli.opt.rehearse.out': 'a new folder for everything (default ./keyferry-rehearsal-<timestamp>; never overwritten)',
  'cli.opt.rehearse.specs': 'key specs, comma-separated (default all: {specs})',
  'cli.opt.rehearse.custody': 'also split the keys M-of-N into DIR/custodian-<i>',
  'cli.opt.rehearse.custodian': 'custodian names, one per share (default custodian-1..N)',
  'cli.opt.wrap.wrapping-key': 'wrappingKey_<KeyID> / PublicKey.bin (DER), PublicKey.b64 or PEM',
  'cli.opt.wrap.key-spec': 'AES_256, RSA_2048, RSA_3072, RSA_4096, EC_P256 or EC_P384',
  'cli.opt.wrap.material':
    'existing material (AES: 32 raw bytes, hex or base64; RSA/EC: private key PEM/DER); without it,\nfresh material is generated here',
  'cli.opt.wrap.out': 'output folder (made when it does not exist); files are never overwritten',
  'cli.opt.wrap.no-backup':
    'required when the material is generated here: it is wrapped and then wiped, so no copy remains\nanywhere (if the KMS ever loses or expires it, it cannot be imported again); give --material to\nkeep your own copy',
  'cli.opt.unjournaled.allow-network':
    'go on although a network is up (rehearsals only; printed as a WARNING, journaled nowhere)',
  'cli.opt.custody-split.shares-on-one-volume':
    'rehearsals only: accept --out folders on one volume, or on the material file’s volume (printed as a WARNING, journaled nowhere)',
  'cli.opt.custody-split.material': 'AES_256: 32 raw bytes, hex or base64; RSA/EC: private key PEM/DER',
  'cli.opt.custody-split.key-spec': 'the material’s key spec: AES_256, RSA_2048/3072/4096, EC_P256/P384',
  'cli.opt.custody-split.ceremony-id': 'the ceremony the shares belong to (printed on slips; restore checks it)',
  'cli.opt.custody-split.key-id': 'the KMS key the material is for (restore checks it)',
  'cli.opt.custody-split.m': 'shares needed to rebuild (at least 2)',
  'cli.opt.custody-split.n': 'shares handed out (M to 16)',
  'cli.opt.custody-split.custodian': 'the custodian of share i (repeat N times, in share order)',
  'cli.opt.custody-split.out': 'the folder for share i, on custodian i’s own media (repeat N times)',
  'cli.opt.restore.share': 'a share file (repeat)',
  'cli.opt.restore.typed': 'a share typed from its printed slip, one text file per slip (repeat)',
  'cli.opt.restore.backup':
    'keyferry-backup-<ceremony>-<set>.txt for shares of a custody set (default: the copy beside the first\n--share), or the backup typed from its printout; a backup of another ceremony, altered or\ntruncated, is refused, naming the file or line',
  'cli.opt.restore.bundle': 'a fresh import-parameters bundle of the key (keyferry online params)',
  'cli.opt.restore.journal':
    'the restore journal (created when new, continued when it exists): who presented which share,\nthe proof, the bundle; never a share',
  'cli.opt.restore.presented-by':
    'share I was handed over by NAME (default: its recorded custodian). One person handing over several shares is refused; a NAME other than the share’s custodian, or the operator or a witness, is warned of and journaled',
  'cli.opt.restore.one-person-several-shares':
    'let one person hand over several shares, for this reason (journaled as an override, printed on the receipt)',
  'cli.opt.restore.allow-network':
    'go on although a network is up (rehearsals only; printed as a WARNING; journaled only with --bundle)',
  'cli.opt.restore.out':
    'write the rebuilt plaintext to this new file (mode 0600 where the volume keeps permissions; set shares: a new folder)',
  'cli.opt.restore.ceremony-id': 'refuse shares of any other ceremony',
  'cli.opt.restore.key-id': 'refuse shares of any other key (set shares: restore only these keys; repeat)',
  'cli.opt.restore.key-spec': 'refuse shares of any other key spec (per-key shares)',
  'cli.opt.restore.hsm-module': 'the HSM’s PKCS#11 library (keyferry hsm info) that holds the material',
  'cli.opt.restore.hsm-token': 'the token; its serial must be the one the air-gapped journal recorded',
  'cli.opt.restore.hsm-journal':
    'the air-gapped journal that recorded the material in the HSM (default: --journal); its chain is verified',
  'cli.opt.restore.wrap-bundle': 'now --bundle',
  'cli.opt.restore.expires-at': 'now --expires',
  'cli.opt.airgap.bundle': 'the import-parameters bundle from the online workstation',
  'cli.opt.airgap.console-wrapping-key': 'instead of --bundle: the wrapping key file the KMS console gave',
  'cli.opt.airgap.key-id': 'with console files: the key the files are for; with --material: the bundle’s key it is for',
  'cli.opt.airgap.spec': 'with console files: the key’s spec',
  'cli.opt.airgap.import-token': 'with console files: the import token file (ImportToken.b64)',
  'cli.opt.airgap.journal': 'the air-gapped journal (created when new, continued when it exists)',
  'cli.opt.airgap.material': 'existing key material (else fresh material is generated here)',
  'cli.opt.airgap.custody': 'split the keys M-of-N; each share goes to a --custodian-folder (checked: one per volume)',
  'cli.opt.airgap.custodian':
    'names a custodian (repeat, one per share, in the order of the --custodian-folder options; required unless --shares-on-one-volume)',
  'cli.opt.airgap.custodian-folder': 'a custodian’s folder, on its own media (repeat, one per share)',
  'cli.opt.airgap.shares-on-one-volume':
    'rehearsals only: accept custody folders on one volume (without --custodian-folder: custodian-<i>\nin the current folder, never beside --out on the transfer media); journaled and printed as a warning',
  'cli.opt.airgap.wrap-again':
    'after a finished wrap of this journal whose bundle can still be imported (its import tokens live):\nwrap again anyway, saying why (e.g. "media lost"); journaled as an override and printed on the\nreceipt. Not needed once those tokens have expired',
  'cli.opt.airgap.journal-lost':
    'when the import-parameters bundle names the air-gapped journal of the earlier wraps and that journal\nis lost or destroyed: wrap in the --journal given instead, saying why; journaled as an override and\nprinted on the receipt',
  'cli.opt.airgap.no-backup':
    'with --expires and no --custody: acknowledge that the AES material is kept nowhere, so after it\nexpires in the KMS it can never be imported again (journaled, printed on the receipt)',
  'cli.opt.online-status.journal':
    'the online journal of the ceremony, which create-key started; the states read and the proofs\nmade are added to it (when it cannot be written, status still shows them and exits 1)',
  'cli.opt.online.journal': 'the online journal of the ceremony (create-key creates it; later steps continue it)',
  'cli.opt.online.config':
    'a JSON file readable only by you (mode 600) with any of: "region", "projectId", "endpoint",\n"caFile", and credentials "ak" + "sk" (+ "securityToken") or "iamToken"',
  'cli.opt.online.region': 'e.g. cn-north-4',
  'cli.opt.online.project-id': 'the project of that region',
  'cli.opt.online.endpoint': 'explicit KMS endpoint (https; http only for the local simulator)',
  'cli.opt.online.ca-file': 'extra CA certificates (PEM) to trust',
  'cli.opt.online.concurrency':
    'keys whose KMS calls run at once (default {default}, at most {max}); rate-limit answers\n(APIG.0308) are waited out and sent again',
  'cli.opt.online-params.key-id':
    'fetch only for this key (repeatable; each must wait for material): keys whose material comes from different custody copies go in one bundle each',
  'cli.opt.online-params.out': 'a new folder on the removable media for the bundle',
  'cli.opt.online-import.bundle': 'the wrapped-material bundle from the air-gapped workstation',
  'cli.opt.online-import.expect-digest':
    'required: "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt, typed as\nprinted (16 groups of four; quotes optional). A bundle with another digest is refused before anything is sent to the KMS.',
  'cli.opt.online-import.accept-other-airgap-journal':
    'import a wrapped bundle of another air-gapped journal than the ceremony’s, or of a format\nbefore 3 that names none (journaled as an override, printed on the receipt)',
  'cli.opt.online-import.expires':
    'override the material expiry of AES keys: never, a duration from now (90d, 36h, 1d12h) or a\ndate-time with its zone (journaled; default: per key, the expiry the wrapped-material bundle requests)',
  'cli.opt.create-key.plan':
    'the ceremony plan (JSON: title, operator, witnesses, keys, wrappingAlgorithm, materialExpiry)',
  'cli.opt.create-key.example-plan':
    'print a valid example plan (nothing else happens): keyferry online create-key --example-plan >\nplan.json, then edit it; a rehearsal writes the same shape',
  'cli.opt.create-key.alias': 'instead of a plan, one key by options: its alias',
  'cli.opt.create-key.spec': 'the key’s spec (AES_256, RSA_2048, ...)',
  'cli.opt.create-key.usage': 'ENCRYPT_DECRYPT or SIGN_VERIFY',
  'cli.opt.create-key.description': 'the key’s description in the KMS',
  'cli.opt.delete-material.key-id': 'the key whose imported material the KMS deletes',
  'cli.opt.delete-material.yes': 'confirms the deletion',
  'cli.opt.delete-material.acknowledge-loss':
    'you accept that without a custody copy (M-of-N shares made when it was wrapped, the HSM token\nthat holds it, or the material file kept) the material, and every ciphertext under the key, is\nlost for ever (journaled, on the receipt)',
  'cli.opt.delete-material.confirm-key-id':
    'the key ID typed again: needed when the journal records that no custody copy of the material\nwas kept (deleting then destroys it for ever)',
} as const;
