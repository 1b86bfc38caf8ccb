// The app package: its manifest passes the official Teams v1.25 schema (shipped offline in
// @microsoft/app-manifest), it lists every command, and the icons have the sizes Teams asks for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, MENU_COMMANDS } from '../bot/turn/commands.ts';
import { buildManifest, buildPackage } from '../manifest/build.ts';
import { loadConfig } from '../src/config.ts';

const require = createRequire(import.meta.url);
// Both packages are CommonJS with a default export.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
// Source: the official Microsoft Teams manifest schema v1.25, as published in the npm package
// @microsoft/app-manifest (build/json-schemas/teams/v1.25).
const schema = JSON.parse(
  readFileSync(
    require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.25/MicrosoftTeams.schema.json'),
    'utf8',
  ),
);

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const config = loadConfig({
  MICROSOFT_APP_ID: '3f1c2b4a-1111-4a2b-9c3d-0123456789ab',
  BOT_DOMAIN: 'motebot.example.no',
});

describe('the Teams app package', () => {
  it('builds a manifest that passes the official v1.25 schema', () => {
    const validate = validator();
    const ok = validate(buildManifest(config));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails the schema when a required field is missing, so the check is real', () => {
    const validate = validator();
    const broken = { ...buildManifest(config) } as Record<string, unknown>;
    delete broken.name;
    expect(validate(broken)).toBe(false);
  });

  it('lists every command for personal chat and for teams and group chats', () => {
    const m = buildManifest(config) as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    for (const list of m.bots[0]!.commandLists)
      expect(list.commands.map((c) => c.title)).toEqual([...MENU_COMMANDS]);
    for (const name of MENU_COMMANDS) expect(COMMANDS.map((c) => c.name)).toContain(name);
    expect(m.bots[0]!.commandLists.flatMap((l) => l.scopes).sort()).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
  });

  it('zips the manifest with a 192×192 colour icon and a transparent 32×32 outline icon', async () => {
    const zip = await JSZip.loadAsync(await buildPackage(config));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect(outline.data[3]).toBe(0);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.id).toBe('3f1c2b4a-1111-4a2b-9c3d-0123456789ab');
    expect(manifest.validDomains).toEqual(['motebot.example.no']);
  });

  it('offers the meeting panel in the side panel, on the stage and as meeting tabs, with its RSC permissions', () => {
    const m = buildManifest(config) as {
      configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
      authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
      webApplicationInfo: { id: string; resource: string };
    };
    const [tab] = m.configurableTabs;
    expect(tab!.configurationUrl).toBe('https://motebot.example.no/panel/config');
    expect(tab!.scopes).toEqual(['groupChat']);
    expect([...tab!.context].sort()).toEqual([
      'meetingChatTab',
      'meetingDetailsTab',
      'meetingSidePanel',
      'meetingStage',
    ]);
    // Application: the bot reads meetings and participants itself; Delegated: the member's panel
    // shares to the stage on their behalf.
    expect(m.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
        { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
        { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      ]),
    );
    // The panel's SSO token is issued for this resource.
    expect(m.webApplicationInfo.resource).toBe(
      'api://motebot.example.no/3f1c2b4a-1111-4a2b-9c3d-0123456789ab',
    );
  });

  it('refuses an app id that is not a GUID', () => {
    expect(() => buildManifest(loadConfig({ MICROSOFT_APP_ID: 'not-a-guid' }))).toThrow(/er ikke en GUID/);
  });
});
