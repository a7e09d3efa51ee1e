/**
 * Output that ends quietly when the reader goes away (`keyferry bundle verify DIR | head -1`):
 * once the pipe is broken, further lines are dropped and the command finishes as it would have
 * (a ceremony step still completes and journals), with no stack trace.
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let broken = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      broken = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (!broken) stream.write(text);
  };
}
