// npm run package → appPackage.zip, with values from the environment (MICROSOFT_APP_ID, BOT_DOMAIN).
import { writeFile } from 'node:fs/promises';
import { buildPackage } from '../manifest/build.ts';
import { loadConfig } from '../src/config.ts';

const config = loadConfig();
await writeFile('appPackage.zip', await buildPackage(config, process.env.npm_package_version));
console.log(
  `appPackage.zip bygget for ${config.BOT_DOMAIN}${config.MICROSOFT_APP_ID ? '' : ' (uten MICROSOFT_APP_ID: lokal test-id brukt)'}.`,
);
