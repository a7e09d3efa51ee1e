/** Progress lines of long steps: `progress.CODE`. */
export const enProgress = {
  'progress.generate-key': 'Generating {spec} key {n} of {total}',
  'progress.generated': 'Generated {count, plural, one {# key} other {# keys}}',
  'progress.wrap-key': 'Wrapping key {n} of {total}',
  'progress.wrapped': 'Wrapped {count, plural, one {# key} other {# keys}}',
  'progress.write-wrapped-bundle': 'Writing the wrapped-material bundle to {dir}',
  'progress.wrapped-bundle-written': 'Wrapped-material bundle written and verified',
  'progress.split-set':
    'Encrypting {keys, plural, one {# key} other {# keys}} into one custody backup and splitting its key into {shares} shares',
  'progress.shares-written': 'Custody shares written',
  'progress.replica-connected':
    'And region {region} for replicas: connected to {endpoint} (project {projectId}, {keys, plural, one {# key} other {# keys}} visible; the same credentials)',
  'progress.create-key': 'Creating {spec} key {alias}',
  'progress.create-replica': 'Creating the replica of {spec} key {alias} in region {region}',
  'progress.create-key-found':
    'Found {spec} key {alias}{replica, select, yes { (the replica in region {region})} other {}} in the KMS, created by the stopped attempt before it reached the journal: journaled, not created again',
  'progress.fetch-parameters':
    'Fetching import parameters for {alias}{replica, select, yes { (the replica in region {region})} other {}}',
  'progress.write-parameters-bundle': 'Writing the import-parameters bundle to {dir}',
  'progress.parameters-bundle-written': 'Import-parameters bundle written and verified',
  'progress.import-key':
    '{earlier, select, yes {Asking the KMS whether an import sent earlier took effect, then importing only if it did not: {spec} key {alias}} other {Importing {spec} key {alias}}}{replica, select, yes { (the replica in region {region})} other {}}',
  'progress.verify-key':
    'Verifying {spec} key {alias}{replica, select, yes { (the replica in region {region})} other {}}',
} as const;
