// Runs dynalite's own cli.js, but keeps it alive when a client aborts a request mid-body: dynalite 4
// rethrows that ECONNRESET from a request 'error' handler, which ends the process. The SDK aborts
// requests whenever an attempt times out, so on a loaded machine one slow request would kill the
// engine for every test after it. Any other uncaught error still ends the process.
const path = require('path');
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET') {
    console.error('dynalite: a client aborted a request (' + err.message + '); still serving');
    return;
  }
  console.error(err);
  process.exit(1);
});
require(path.resolve('node_modules', 'dynalite', 'cli.js'));
