/** English texts of CLI option problems shared by several commands. zh-CN twin in ../zh-CN/cli-options.ts. */
export const enCliOptions = {
  'problem.CLI_BAD_NUMBER': '{option} "{text}" is not a whole number from {min} to {max}.',
  'problem.CLI_BAD_NUMBER.next': 'Give {option} a whole number from {min} to {max}.',
  'problem.CLI_BAD_DURATION': '{option} "{text}" is not a time from {min} ms to {max} ms.',
  'problem.CLI_BAD_DURATION.next': 'Give {option} a whole number of milliseconds, e.g. 60ms (or seconds, e.g. 2s).',
  'problem.CLI_BAD_RATE': '{option} "{text}" is not a rate from {min} to {max} requests a second.',
  'problem.CLI_BAD_RATE.next': 'Give {option} a whole number of requests a second, e.g. 20/s.',
  'problem.CLI_OPTION_UNKNOWN':
    'This command has no option {option}.{match, select, near { Did you mean {meant}?} other {}}',
  'problem.CLI_OPTION_UNKNOWN.next': 'Run "keyferry {command} --help" for its options.',
  'problem.CLI_MEDIA_NOT_REPLACED':
    '{value} still starts with MEDIA, the placeholder the printed Next line gives for the removable media’s folder. Nothing was run.',
  'problem.CLI_MEDIA_NOT_REPLACED.next':
    'Replace MEDIA with the folder where this workstation mounts the media (e.g. /media/usb), then run the line again (a folder really named MEDIA here: write ./MEDIA/…).',
  'problem.CLI_SHARE_NOT_REPLACED':
    '{value} is the placeholder the printed Next line gives for a custodian’s share file. Nothing was run.',
  'problem.CLI_SHARE_NOT_REPLACED.next':
    'Replace each SHARE-1, SHARE-2 … with the path of a share file a custodian brings (keyferry-share-….json on their media), then run the line again (a file really named {value} here: write ./{value}).',
  'problem.CLI_EXPIRY_NOT_REPLACED':
    '--expires EXPIRY is the placeholder the printed Next line gives for the material expiry {of, select, restore {of the restored keys} wrap {of the keys this wrap makes} other {of the import}}. Nothing was run.',
  'problem.CLI_EXPIRY_NOT_REPLACED.next':
    'Replace EXPIRY with {of, select, restore {original (each key keeps the expiry it had, only while that is still in the future: the printed line says when it has passed), never, a duration from now such as 90d} wrap {never, a duration such as 90d (counted from the KMS’s time as the bundle’s import tokens show it)} other {never, a duration from now such as 90d}}, or a date-time with its zone such as 2030-01-31T00:00:00Z, then run the line again.',
  'problem.CLI_MODULE_NOT_REPLACED':
    'PKCS11-MODULE is the placeholder the printed Next line gives for the HSM’s PKCS#11 library. Nothing was run.',
  'problem.CLI_MODULE_NOT_REPLACED.next':
    'Replace PKCS11-MODULE with the path of the HSM vendor’s PKCS#11 library on this workstation (keyferry hsm info --hsm-module FILE checks one; e.g. /usr/lib/softhsm/libsofthsm2.so), then run the line again (a file really so named here: write ./PKCS11-MODULE).',
  'problem.CLI_DIGEST_NOT_REPLACED':
    '--expect-digest DIGEST is the placeholder the printed Next line gives for the bundle digest. Nothing was run.',
  'problem.CLI_DIGEST_NOT_REPLACED.next':
    'Replace DIGEST with "Wrapped-material bundle digest" under "Seals" on the air-gapped receipt, typed as printed (16 groups of four), then run the line again.',
  'problem.CLI_CUSTODY_NOT_REPLACED':
    '{count, plural, one {{valuesList} is the placeholder} other {{valuesList} are the placeholders}} the printed Next line gives for the custody split{custodians, plural, =0 {} one {, left for custodian {custodiansList}} other {, left for custodians {custodiansList}}}. Nothing was run.',
  'problem.CLI_CUSTODY_NOT_REPLACED.next':
    '{split, select, yes {Replace M/N with the shares needed and the shares made (e.g. 2/3), and give --custodian NAME --custodian-folder DIR once for each of the N custodians, with their name and the folder of their own media} other {Replace NAME with the custodian’s name and DIR with the folder of their own media}} (a folder really named DIR: write ./DIR); then run the line again. Without a custody copy, leave those options out: the wrap then asks for --no-backup or --expires never for AES material that expires.',
  'problem.CLI_PLACEHOLDERS_NOT_REPLACED':
    'This line still holds {count} placeholders of the printed Next line: {valuesList}. Nothing was run.',
  'problem.CLI_PLACEHOLDERS_NOT_REPLACED.next':
    '{media, select, yes {Replace MEDIA with the folder where this workstation mounts the media (e.g. /media/usb). } other {}}{share, select, yes {Replace each SHARE-1, SHARE-2 … with the path of a share file a custodian brings (keyferry-share-….json on their media). } other {}}{module, select, yes {Replace PKCS11-MODULE with the path of the HSM vendor’s PKCS#11 library on this workstation. } other {}}{digest, select, yes {Replace DIGEST with “Wrapped-material bundle digest” under “Seals” on the air-gapped receipt. } other {}}{custody, select, yes {Replace M/N with the shares needed and made (e.g. 2/3), and give --custodian NAME --custodian-folder DIR once per custodian, with their name and their own media’s folder (or leave the three out to keep no custody copy). } people {Replace NAME with the custodian’s name and DIR with the folder of their own media. } other {}}{expiry, select, yes {Replace EXPIRY with original (each key keeps the expiry it had, only while that is still in the future: the printed line says when it has passed), never, a duration from now such as 90d, or a date-time with its zone such as 2030-01-31T00:00:00Z. } import {Replace EXPIRY with never, a duration from now such as 90d, or a date-time with its zone such as 2030-01-31T00:00:00Z. } wrap {Replace EXPIRY with never, a duration such as 90d (counted from the KMS’s time as the bundle’s import tokens show it), or a date-time with its zone such as 2030-01-31T00:00:00Z. } other {}}Then run the line again (a file or folder really so named here: write ./ before its name).',
  'problem.CLI_OPTION_VALUE_MISSING': 'The option {option} needs a value.',
  'problem.CLI_OPTION_VALUE_MISSING.next':
    'Give it as {option} VALUE (or {option}=VALUE when the value starts with "--"); "keyferry {command} --help" says what it takes.',
  'problem.CLI_OPTION_TAKES_NO_VALUE': 'The option {option} takes no value.',
  'problem.CLI_OPTION_TAKES_NO_VALUE.next': 'Give {option} alone (see "keyferry {command} --help").',
  'problem.CLI_OPTION_REPEATED': 'The option {option} was given more than once; it takes one value.',
  'problem.CLI_OPTION_REPEATED.next': 'Give {option} once (see "keyferry {command} --help").',
  'problem.CLI_ARGUMENT_UNEXPECTED': 'This command does not take "{value}" here.',
  'problem.CLI_ARGUMENT_UNEXPECTED.next':
    '{hexGroup, select, yes {It looks like a group of a digest typed with spaces: put the whole value in quotes after its option, e.g. "1A2B 3C4D …". } other {}}{afterFlag, select, none {} other {It follows {afterFlag}, which takes no value: leave the value out (see --help for what {afterFlag} does). }}Check the command line against "keyferry {command} --help" (an option name may be missing before the value).',
  'problem.CLI_ARGUMENT_MISSING': 'This command needs {arg}.',
  'problem.CLI_ARGUMENT_MISSING.next': 'Give exactly one {arg} (see "keyferry {command} --help").',
  'problem.CLI_OPTION_VALUE_INVALID':
    '{option} "{value}" {expected, select, specList {names no key spec} specOnce {names a spec twice} presentedBy {is not INDEX=NAME (e.g. 3=Dana Smith)} presentedByOnce {names a share twice} other {is not valid}}.',
  'problem.CLI_OPTION_VALUE_INVALID.next':
    '{expected, select, specList {Give a comma-separated list of key specs, e.g. AES_256,RSA_2048.} specOnce {Name each spec once.} presentedBy {Give --presented-by INDEX=NAME, once per share.} presentedByOnce {Name each share once.} other {Correct {option}.}}',
  'problem.CLI_OPTION_NEEDS': '{option} was given without {needs}.',
  'problem.CLI_OPTION_NEEDS.next': 'Add {needs}, or leave out {option}.',
  'problem.CLI_SHARE_GIVEN_TWICE':
    'Share {index} of custodian {custodian} was given twice: {first} and {second} (the same share, or a copy of it). A share counts once, however many copies there are. Nothing was presented or rebuilt.',
  'problem.CLI_SHARE_GIVEN_TWICE.next':
    'Give each share once, and bring another custodian’s share in place of the copy (the file name and the slip say whose share it is and its number: …-2of3 is share 2).',
  'problem.CLI_PRESENTED_BY_NOT_GIVEN':
    '--presented-by {index}={name} names share {index}, but {count, plural, =0 {no share was given (with --share or --typed)} one {only share {givenList} was given (with --share or --typed)} other {only shares {givenList} were given (with --share or --typed)}}. Nothing was presented or rebuilt.',
  'problem.CLI_PRESENTED_BY_NOT_GIVEN.next':
    'Give --presented-by INDEX=NAME only for a share given with --share or --typed: INDEX is the share’s number, as its file name and slip say (…-2of3 is share 2). Check that the share {index} you meant was given.',
  'problem.CLI_OPTIONS_CONFLICT':
    '{option} does not go with {other}{reason, select, restoreCeremony {: the restore ceremony writes no plaintext, and the bundle names the key} plan {: the plan file says the ceremony’s people, keys and settings, and an option beside it would be ignored} other {}}.',
  'problem.CLI_OPTIONS_CONFLICT.next':
    '{reason, select, restoreCeremony {Leave out {option} for the restore ceremony, or leave out {other} to rebuild and prove only.} plan {Write it into the plan file instead (keyferry online create-key --help lists its fields) and leave out {other}; or leave out {option} and give the key with --alias and --spec.} other {Give either {option} or {other}, not both.}}',
  'problem.CLI_OPTION_REPLACED': 'The option {option} is now {replacement}.',
  'problem.CLI_OPTION_REPLACED.next':
    'Give {replacement} instead ("keyferry {command} --help" describes it); with --bundle the restore is a journaled ceremony (--wrapped-out, --journal, --operator and --witness).',
  'problem.CLI_OPTION_FOR_SHARES':
    '{shares, select, set {{option} goes with shares of a ceremony custody set (format 2), not per-key shares.} other {{option} goes with per-key shares (format 1); a custody backup records every key spec.}}',
  'problem.CLI_OPTION_FOR_SHARES.next': 'Leave out {option}.',
  'problem.CLI_SHARE_COUNT':
    '{what, select, custodians {{given, plural, one {# custodian was named} other {# custodians were named}}} folders {{given, plural, one {# custodian folder was given} other {# custodian folders were given}}} other {{given, plural, one {# --out folder was given} other {# --out folders were given}}}} for {n} shares.',
  'problem.CLI_SHARE_COUNT.next':
    '{what, select, custodians {Name exactly {n} custodians, one per share: repeat --custodian NAME, with its --custodian-folder DIR, once for each (a printed line shows one pair for all of them).} folders {Give exactly {n} --custodian-folder options, or none.} other {Give one --out per share, each on its own custodian’s media.}}',
  'problem.SHARE_FILE_REFUSED': '{file}: {cause}',
  'problem.SHARE_FILE_REFUSED.next':
    'Correct that file (a share file, or a slip typed exactly as printed) or leave it out; nothing was restored, and the shares read so far were wiped from memory.',
  'problem.FILES_LEFT_BEHIND':
    '{cause} {left, plural, =0 {} other {Could not remove {filesList}: delete it by hand, {plain, select, yes {it holds key material in plain form.} other {it is incomplete.}}}}{moved, plural, =0 {} other {{left, plural, =0 {} other { }}Not where {moved, plural, one {it was} other {they were}} written (the folder was moved, renamed, replaced or deleted while Keyferry wrote into it, or its media was removed): {movedList}; {plain, select, yes {{moved, plural, one {it holds} other {they hold}} key material in plain form.} other {{moved, plural, one {it is} other {they are}} incomplete.}}}}',
  'problem.FILES_LEFT_BEHIND.next':
    '{moved, plural, =0 {Delete {filesList}, correct what failed, then run the command again.} other {Find {moved, plural, one {that file} other {those files}} wherever that folder is now and {plain, select, yes {destroy {moved, plural, one {it} other {them}} at once} other {delete {moved, plural, one {it} other {them}}}}{left, plural, =0 {} other {, delete {filesList}}}. If nobody here did that, something on this workstation changed the medium: tell the operator and the witnesses before it is used again. Then run the command again with a folder on media nobody else touches.}}',
  'problem.TITLE_DIFFERS_FROM_BUNDLE':
    'The import-parameters bundle names this ceremony "{bundle}", but {where, select, app {the ceremony setup gives} other {--title gives}} "{given}": the two receipts of one ceremony would carry different titles.{where, select, app { Nothing of the bundle was used, and nobody has typed anything.} other {}}',
  'problem.TITLE_DIFFERS_FROM_BUNDLE.next':
    '{where, select, app {Leave this ceremony and set it up again with exactly the bundle’s title} other {Leave --title out (the bundle’s title is used), or give exactly the bundle’s title}}; to change a title, start the ceremony again on the online workstation.',
  'problem.PLAN_INVALID':
    '{source, select, options {The options given do not make a valid ceremony plan: } other {The ceremony plan is not valid: }}{issuesPhrases}{more, plural, =0 {} other {; and # more}}.',
  'problem.PLAN_INVALID.next':
    '{source, select, options {Correct each option named (in the shape shown after it, where one is shown); keyferry online create-key --help lists every option, and --plan FILE takes a plan file instead (--example-plan prints one to start from).} other {{surface, select, app {Correct each field named in the plan file (in the shape shown after it, where one is shown), then press “Read the plan file” again. The app has no example plan: on any workstation with Keyferry, keyferry online create-key --example-plan prints a valid plan to start from.} other {Correct each field named in the plan file (in the shape shown after it, where one is shown); keyferry online create-key --example-plan prints a valid plan to start from, and --help lists every field.}}}}',
} as const;
