// The Teams app package: manifest.json from the template with values from the configuration,
// command lists from the bot's command table, and icons drawn here (no binary files in the repo).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { COMMANDS, MENU_COMMANDS } from '../bot/turn/commands.ts';
import { fillExample } from '../src/meetings/examples.ts';
import type { Config } from '../src/config.ts';
import { MotebotError } from '../src/errors.ts';

const TEMPLATE = path.join(import.meta.dirname, 'manifest.template.json');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Used when no app id is configured, so that a package for local try-out can still be built. */
export const LOCAL_APP_ID = '00000000-0000-0000-0000-00000000b07e';

export function buildManifest(config: Config, version = '1.0.0'): Record<string, unknown> {
  const appId = config.MICROSOFT_APP_ID ?? LOCAL_APP_ID;
  if (!GUID.test(appId))
    throw new MotebotError('invalid_config', `MICROSOFT_APP_ID «${appId}» er ikke en GUID.`);
  const text = readFileSync(TEMPLATE, 'utf8')
    .replaceAll('${appId}', appId)
    .replaceAll('${domain}', config.BOT_DOMAIN)
    .replaceAll('${version}', version);
  const manifest = JSON.parse(text) as { bots: { commandLists: unknown[] }[] };
  const commands = MENU_COMMANDS.map((name) => COMMANDS.find((c) => c.name === name)!).map((c) => ({
    title: c.name,
    // The manifest is static: its examples show the shape of a sak id, not one of a record.
    description: `${fillExample(c.description, null, 'nb')} (engelsk: ${c.alias})`.slice(0, 128),
  }));
  manifest.bots[0]!.commandLists = [
    { scopes: ['personal'], commands },
    { scopes: ['team', 'groupChat'], commands },
  ];
  return manifest;
}

/** A square icon: the colour icon filled, the outline icon white on transparent. */
export function icon(size: number, outline: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      // A speech bubble ring: the chat the bot lives in.
      const ring = d < size * 0.42 && d > size * 0.3;
      if (outline) {
        png.data.set(ring ? [255, 255, 255, 255] : [0, 0, 0, 0], i);
      } else {
        png.data.set(ring ? [255, 255, 255, 255] : [0x1f, 0x5c, 0x99, 255], i);
      }
    }
  }
  return PNG.sync.write(png);
}

export async function buildPackage(config: Config, version?: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(buildManifest(config, version), null, 2));
  zip.file('color.png', icon(192, false));
  zip.file('outline.png', icon(32, true));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
