// `npm start`: serve the production build on DATABASE_PATH, without seeding anything.
import { serve } from './serve.ts';

// Imports take files up to 50 MB (streamed to disk); adapter-node's default body limit is 512 kB.
process.env.BODY_SIZE_LIMIT ||= '60M';
process.env.DATABASE_PATH ||= 'data/throughline.db';
await serve();
