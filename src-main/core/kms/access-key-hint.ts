/** `HPUA…7QZK`: enough to recognise an access key in a journal or on a screen, not enough to use it. */
export function accessKeyHint(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '****' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
