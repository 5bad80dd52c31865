// Skerry's entry for bench-peers' contestants.mjs (the runner appends it to the peers' list). The version is
// the `git describe` of the checkout that built js-wrapper/target/dist, passed by run.sh.
export default {
  id: 'skerry',
  label: 'Skerry (Java → wasm-gc, TeaVM)',
  adapter: 'skerry.mjs',
  package: null,
  version: process.env.SKERRY_VERSION || 'unknown',
  modes: ['memory', 'opfs'],
  extraModes: ['opfs-connect'], // the page-side promise API (nested Worker): --all or --only skerry:opfs-connect
  note: 'memory/opfs: skerry-engine.js in the bench worker; opfs-connect: skerry.js connect() (nested Worker)',
};
