/**
 * The error a terminal read or mode change gives once the terminal is gone (its window closed, the
 * SSH connection dropped): EIO, or EBADF/ENXIO for a closed descriptor. The prompts (witness
 * values, the HSM PIN) take it as the end of the input, never as an internal failure.
 */
export function terminalGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EIO' || code === 'EBADF' || code === 'ENXIO';
}
