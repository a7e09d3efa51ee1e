/**
 * The air-gapped workstation's network check (core/ceremony/shared/network-check.ts) as the CLI,
 * the receipt's Network row and the refusal say it, and what a command that keeps no journal (`custody
 * split --material`, `custody restore` without --bundle, `wrap`) adds to an override.
 * `{interfacesList}`: "eth0 192.0.2.7, wlan0 fe80::1".
 */
export const enNetworkCheck = {
  'network.offline': 'No network: only loopback interfaces are up.',
  'network.overridden': 'WARNING: network present and allowed by override: {interfacesList}.',
  'network.checked': 'Network check: {summary}',
  'network.override-unjournaled':
    'This command keeps no journal: nothing but this screen records the override. Handle plaintext key material on the air-gapped workstation only; allow a network for a rehearsal with test material only.',
  'problem.AIRGAP_NETWORK_LIVE':
    'This machine is connected to a network ({interfacesList}); an air-gapped workstation must have no live network.',
  'problem.AIRGAP_NETWORK_LIVE.next':
    '{surface, select, app {Unplug the cable and turn off Wi-Fi and Bluetooth, then press “Check the network” again (an address starting with fe80: or 169.254. is link-local: the interface is still connected). Only a rehearsal goes on with a live network (Rehearsal on the Start screen, after Keyferry is closed and opened again); it is recorded in the journal.} other {Unplug the cable and turn off Wi-Fi and Bluetooth, then check again (an address starting with fe80: or 169.254. is link-local: the interface is still connected). Only for a rehearsal may the check be overridden (--allow-network); the override is printed as a warning, and journaled by a command that keeps a journal.}}',
} as const;
