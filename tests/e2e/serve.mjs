// Serves the built app for the browser tests: `node serve.mjs DIR PORT`.
import { startServer } from './static-server.mjs';

const [dir = 'dist', port = '8091'] = process.argv.slice(2);
const { origin } = await startServer({ dir, port });
console.log(`serving ${dir} on ${origin}`);
