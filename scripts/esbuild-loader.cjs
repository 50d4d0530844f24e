// A webpack loader that lowers the syntax of a dependency's JavaScript to ES2020, the level of the task
// pane's webviews (tsconfig.web.json): packages ship newer syntax (class fields, `??=`) that Safari 14
// and older Chromium do not parse. Only syntax changes; the code stays the package's.
'use strict';

const { transform } = require('esbuild');

module.exports = function lowerToEs2020(source) {
  const done = this.async();
  transform(source, { loader: 'js', target: 'es2020', format: undefined, sourcefile: this.resourcePath })
    .then((r) => done(null, r.code))
    .catch(done);
};
