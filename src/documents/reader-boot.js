// Entry of the process a document is read in (src/documents/isolated.ts): the sources are
// TypeScript run through tsx, as the `motebot` bin runs them.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
