// Preloaded into dynalite by the benchmarks (node --require). dynalite 4.0.0 rethrows a request's
// 'aborted' error (index.js: req.on('error', err => { throw err })), so one client that closes a
// connection mid-request - the SDK after an attempt timeout on a loaded machine, or wrk stopping -
// kills the whole engine. Under load that ends the run; here such an abort is only counted.
let aborted = 0;
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET' && err.message === 'aborted') {
    aborted++;
    return;
  }
  console.error(err);
  process.exit(1);
});
process.on('exit', () => aborted && console.log(`dynalite: ${aborted} requests aborted by their clients`));
