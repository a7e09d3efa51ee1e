/** Every `keyferry` command, in the order `--help` lists them. Add new commands here. */
import type { CliCommand } from '../command';

export const commands: CliCommand[] = [];
