// Builds the Excel add-in: the task pane and the ribbon's function file, one HTML page per entry, plus
// the icons, the help page and manifest.xml (its dev URLs rewritten to SRO_PUBLIC_URL in production).
// `npm start` serves it on https://localhost:3000 with the Office dev certificates.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { rewriteManifestUrls } = require('./scripts/manifest-urls.cjs');

const DEV_PORT = 3000;
const root = __dirname;
const MiB = 1024 * 1024;

/** Pages: entry name → [script, HTML template]. The harness is the browser tests' page (tests/browser). */
function pages(env) {
  const list = {
    taskpane: ['./src/taskpane/index.tsx', './src/taskpane/taskpane.html'],
    commands: ['./src/commands/commands.ts', './src/commands/commands.html'],
  };
  const harness = ['./tests/browser/harness/index.tsx', './tests/browser/harness/harness.html'];
  if (env.harness) {
    if (harness.every((file) => fs.existsSync(path.join(root, file)))) list.harness = harness;
    else console.warn(`webpack: --env harness given but ${harness.join(' or ')} is missing; no harness page`);
  }
  return list;
}

/** webpack-dev-server's https options; read only under `webpack serve`, so builds and CI never touch certs. */
async function devServerHttps() {
  const { getHttpsServerOptions } = require('office-addin-dev-certs');
  return getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const entries = pages(env);

  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: Object.fromEntries(Object.entries(entries).map(([name, [script]]) => [name, script])),
    output: {
      // The browser tests' build (with the harness page) goes to its own folder.
      path: path.join(root, env.harness ? 'dist-harness' : 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // The HiGHS .wasm arrives here: highs' ESM build loads it by `new URL('highs.wasm', import.meta.url)`.
      assetModuleFilename: production ? '[name].[contenthash:8][ext]' : '[name][ext]',
      // dist/cli holds the `sro` bundle (npm run build:cli); keep it.
      clean: { keep: /^cli[\\/]/ },
    },
    devtool: production ? false : 'source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // highs' Node-only branch imports `node:module` (see the replacement plugin); the browser never runs
      // it, so it resolves to an empty module. Its fs/path/url requires go through createRequire, which
      // webpack leaves alone, so they need no fallback.
      fallback: { module: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; tsconfig's noEmit is for tsc only. The pane's own
            // code compiles to ES2020 (tsconfig.web.json), what every supported Excel's webview runs.
            options: {
              transpileOnly: true,
              configFile: 'tsconfig.web.json',
              compilerOptions: { noEmit: false, sourceMap: !production },
            },
          },
        },
        {
          // Dependencies lowered to the same ES2020 (class fields, `??=`); `npm run check:bundle` parses
          // every emitted script at that level.
          test: /\.m?js$/,
          include: /node_modules/,
          use: path.join(root, 'scripts/esbuild-loader.cjs'),
        },
      ],
    },
    plugins: [
      // highs.mjs does `await import('node:module')` on Node; webpack cannot resolve the `node:` scheme
      // for the web target, so point it at the `module` fallback above (an empty module).
      new webpack.NormalModuleReplacementPlugin(/^node:module$/, (resource) => {
        resource.request = 'module';
      }),
      ...Object.entries(entries).map(
        ([name, [, template]]) =>
          new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], inject: 'head' }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          // The pane's first script, ES5 on purpose: an older webview shows one sentence, not a blank pane.
          { from: 'src/taskpane/guard.js', to: 'guard.js' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: production ? (content) => rewriteManifestUrls(content.toString('utf8')) : undefined,
          },
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // The solver (highs JS + .wasm) is fetched by the worker on the first run, never at startup, so it
      // is left out; the limits are for what the pane loads first (target ≤ 400 KB gzipped, issue #7).
      assetFilter: (file) => !/\.(wasm|map)$/.test(file),
      maxAssetSize: 1.5 * MiB,
      maxEntrypointSize: 1.5 * MiB,
    },
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          server: { type: 'https', options: await devServerHttps() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
