// `npm start`: serve the production build on DATABASE_PATH, without seeding anything.
import { resolve } from 'node:path';

process.env.DATABASE_PATH ||= 'data/throughline.db';
await import(resolve('build/index.js'));
