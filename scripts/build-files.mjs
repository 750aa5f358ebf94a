// What the post-build steps share: the build directory they work on and its files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The build being finished: Trunk's staging directory in a hook, else the first
 * argument, else dist/. */
export const buildDir = () => process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';

/** Every file under `dir`, recursively, in name order, as paths. */
export function* filesIn(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesIn(path);
    else yield path;
  }
}
