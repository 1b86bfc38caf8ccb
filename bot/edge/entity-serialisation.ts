// botbuilder 4.23.3 sends only `type` of every activity entity: its connector serialiser looks the
// element mapper of `Activity.entities` up by class name, and the `Entity` model mapper it finds has
// no `additionalProperties` (botbuilder-js#4902; the fix, #4903, is merged but not released). So the
// AI-generated label and the citations of an LLM answer would reach Teams as bare `{type}` objects.
//
// Why a patch at start-up rather than pinning botframework-connector to 4.23.2: a pin holds back the
// whole botbuilder family (botbuilder 4.23.3 requires connector 4.23.3), and 4.23.3 is the release
// that moved off the deprecated @azure/core-http. The patch is the one line #4903 adds, applied to
// the very mapper object the connector's serialiser reads, and it fails loudly if a later release
// changes that shape; `test/bot.ai-entities.test.ts` reads the body the connector receives.
import { createRequire } from 'node:module';

interface CompositeMapper {
  type: { name: string; className?: string; additionalProperties?: { type: { name: string } } };
}

/** Makes the connector serialise every property of an entity, as the Bot Framework schema allows. */
export function keepEntityProperties(): void {
  // Resolved from botbuilder, so it is the connector copy botbuilder itself sends through.
  const fromBotbuilder = createRequire(createRequire(import.meta.url).resolve('botbuilder'));
  const mappers = fromBotbuilder('botframework-connector/lib/connectorApi/models/mappers.js') as {
    Entity?: CompositeMapper;
  };
  const entity = mappers.Entity;
  if (entity?.type.name !== 'Composite' || entity.type.className !== 'Entity')
    throw new Error('botframework-connector: the Entity mapper has changed; review the entity patch');
  entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
