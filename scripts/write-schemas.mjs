// Writes the shipped JSON Schemas from the zod schemas: node scripts/write-schemas.mjs (after npm run build).
import { writeFileSync, mkdirSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/schema.js';
import { targetsJsonSchema } from '../dist/targets/schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../schema/targets.schema.json', import.meta.url),
  JSON.stringify(targetsJsonSchema(), null, 2) + '\n',
);
writeFileSync(
  new URL('../schema/config.schema.json', import.meta.url),
  JSON.stringify(configJsonSchema(), null, 2) + '\n',
);
console.log('wrote schema/targets.schema.json and schema/config.schema.json');
