/**
 * Replica groups (issue 15): the same material in keys of several regions/projects. Connections
 * to replica regions, the wrapped bundle's groups, the proof after import, the air-gapped side's
 * one material per group.
 */
export const enReplicas = {
  'problem.REPLICA_REGION_NOT_SERVED':
    'The replica region {region} (project {projectId}) is not served at {endpoint}: the endpoint does not offer the KMS API there (APIGW.0101), although the ceremony’s own connection works.',
  'problem.REPLICA_REGION_NOT_SERVED.next':
    '{surface, select, app {{simulator, select, yes {If {region} is misspelt, correct it (“Region of replica … of key …”, or in the plan file); if it is the region you meant: a rehearsal’s simulator serves only the regions its connection shows (“Other regions (for replicas)”), so choose one of those. Then create the keys again.} other {Check that KMS is offered in {region} and that the plan names the right region and project (“Region of replica … of key …”, “Project ID of replica … of key …”), then create the keys again.}}} other {{simulator, select, yes {If {region} is misspelt, correct it in the plan; if it is the region you meant, start the simulator with that region as well (keyferry kms-sim --regions {region}, with every other replica region, comma-separated). Then run the command again.} other {Check that KMS is offered in {region} and that the plan names the right region and project, then run the command again.}}}}',
  'problem.REPLICA_ACCESS_REFUSED':
    'The replica region {region} refused these credentials for project {projectId} at {endpoint} ({code}), although the ceremony’s own connection, with the same credentials, works.',
  'problem.REPLICA_ACCESS_REFUSED.next':
    'Check the plan’s project ID for {region}: each region has its own project ID (the console lists them under My Credentials, API Credentials, Projects). If it is right, ask the account administrator for KMS permissions in that project. Then run the command again.',
  'problem.REPLICA_ENDPOINT_UNKNOWN':
    'The plan asks for a replica in region {region}, but the ceremony connects through {endpoint}, an endpoint that names no region: Keyferry cannot tell which endpoint serves {region}. Nothing was created.',
  'problem.REPLICA_ENDPOINT_UNKNOWN.next':
    'Connect through the region’s KMS endpoint (https://kms.REGION.myhuaweicloud.com) or the local simulator, or plan the keys of that region in a ceremony of their own.',
  'problem.REPLICA_TOKEN_ONE_PROJECT':
    'The credentials are an IAM token, which reaches only the project it was issued for ({tokenProjectId}); the replica in {region} is in project {projectId}. Nothing was created.',
  'problem.REPLICA_TOKEN_ONE_PROJECT.next':
    'Give AK/SK credentials instead (KEYFERRY_AK and KEYFERRY_SK, with KEYFERRY_SECURITY_TOKEN for temporary ones, or in the config file): they sign each request for its own region and project. Or plan the keys of {region} in a ceremony of their own, with a token issued for its project.',
  'problem.REPLICA_CONNECTION_UNAVAILABLE':
    'Key replicas in region {region} (project {projectId}) need a connection to that region, and this way of running the ceremony does not open one. Nothing was created there.',
  'problem.REPLICA_CONNECTION_UNAVAILABLE.next':
    'Run the ceremony with the Keyferry app or CLI, which connect to each replica region with the same credentials.',
  'problem.REPLICA_NOT_CONNECTED':
    'Key {keyId} lives in region {region} (project {projectId}), which is not connected in this session.',
  'problem.REPLICA_NOT_CONNECTED.next': 'Connect again: every replica region of the ceremony is connected with it.',
  'problem.REPLICA_SAME_AS_PRIMARY':
    'A replica is planned in region {region}, project {projectId}: that is the ceremony’s own connection, where the key itself is created. Nothing was created.',
  'problem.REPLICA_SAME_AS_PRIMARY.next':
    'Remove that replica from the plan, or connect the ceremony to another region or project.',
  'problem.WRAPPED_REPLICA_MISMATCH':
    'Key {keyId} was created as {created, select, none {a key of its own} other {a replica of {created}}}, but the wrapped-material bundle has it as {held, select, none {a key of its own} other {a replica of {held}}}. Nothing was imported.',
  'problem.WRAPPED_REPLICA_MISMATCH.next':
    'Wrap anew on the air-gapped workstation from the import-parameters bundle this workstation wrote: a key that must take material imported before (its own, or that of its replica group, which another key of the group holds) gets that same material, restored from its custody copy; any other key gets NEW material there. Keep the custody copy of the material of this bundle: a key of it may hold that material, or must take it.',
  'problem.REPLICA_GROUP_NOT_PROVEN':
    'The replica group of key {primary} does not hold one material: {kind, select, kcv {{keyId} in {region} was imported with material of KCV {found}, its primary with KCV {expected}, and the KMS binds each key to its first material for ever} other {{keyId} in {region} answered get-publickey with SHA-256 {found}, the wrapped material has {expected}}}. The group is not proven; the refusal is journaled.',
  'problem.REPLICA_GROUP_NOT_PROVEN.next':
    'Do not use the keys of this group. Check in the console of {region} which key {keyId} is and who imported its material, then report it to the security officer.',
  'problem.REPLICA_MATERIAL_FROM_PRIMARY':
    'Key {keyId} is a replica of {primary}: it gets the material of {primary} and none of its own.',
  'problem.REPLICA_MATERIAL_FROM_PRIMARY.next': 'Load or generate the material for {primary}; its replicas take it.',
  'problem.CREDENTIALS_REPLICA_ENDPOINT_DIFFERS':
    '{field, select, endpoint {The connection for replica region {region} goes to {given}, but the credentials, bound to {bound}, may reach that region only at {expected}.} other {The connection for replica region {region} is for project {given}, but the plan places the replica in project {expected}.}} Nothing was sent there; the refusal is journaled.',
  'problem.CREDENTIALS_REPLICA_ENDPOINT_DIFFERS.next':
    'Connect through the region’s own KMS endpoint (or the local simulator) and check the replica’s region and project in the plan; do not use these credentials with another endpoint.',
  'problem.REPLICA_GROUP_EXPIRY_DIFFERS':
    'Key {keyId} of the replica group {alias} would get the material expiry {decided, select, never {never} other {{decidedAt, date, moment}}}{source, select, override {, given to this import ({surface, select, app {the expiry chosen for it} other {--expires, or the expiry chosen in the app}})} other {, which its wrapped-material bundle requests (chosen on the air-gapped workstation)}}, but key {holderKeyId} of the same group already holds that material with the expiry {held, select, never {never} other {{heldAt, date, moment}}}. One material with two expiries would be deleted from some members only. Nothing was sent to the KMS.',
  'problem.REPLICA_GROUP_EXPIRY_DIFFERS.next':
    '{surface, select, app {{source, select, override {{requestedHeld, select, yes {Import again with “As each wrapped-material bundle requests” under “When should the imported AES material expire?”: the bundle requests the expiry the group holds.} other {}}} other {}}{requestedHeld, select, yes {} other {{others, select, none {Import again with the expiry the group holds: choose “As typed: never, a duration from now or a date-time with its zone” under “When should the imported AES material expire?” and type {heldIso}. It applies to every AES key of the import; here all of them are of this group.} other {Do not give this import the expiry {heldIso}: it applies to every AES key of the import, so it would also move {othersList}, outside this group, off the expiry their bundle requests. Make the wrapped bundle again on the air-gapped workstation so that it requests the group’s expiry (a custody restore there, on the Restore screen, with the original expiry or {heldIso}), then check and import that one.}}}}} other {{source, select, override {{requestedHeld, select, yes {Run the import again without --expires (in the app: as the bundle requests): the bundle requests the expiry the group holds.} other {}}} other {}}{requestedHeld, select, yes {} other {{others, select, none {Run the import again with the expiry the group holds: keyferry online import with --expires {heldIso} (in the app: type that expiry). It applies to every AES key of the import; here all of them are of this group.} other {Do not give this import --expires {heldIso}: it applies to every AES key of the import, so it would also move {othersList}, outside this group, off the expiry their bundle requests. Make the wrapped bundle again on the air-gapped workstation so that it requests the group’s expiry (custody restore with --expires original, or --expires {heldIso}), then check and import that one.}}}}}}',
} as const;
