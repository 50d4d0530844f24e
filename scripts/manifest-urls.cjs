// The manifest's URLs point at the dev server; the production build (webpack.config.js) rewrites them to
// the public base URL. CommonJS so webpack.config.js and the jest test share it.
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';
const DEFAULT_PUBLIC_URL = 'https://sro-portfolio.example.com/';

/** The public base URL from SRO_PUBLIC_URL (or the placeholder), checked and with a trailing slash. */
function publicBaseUrl(value = process.env.SRO_PUBLIC_URL) {
  const raw = value && value.trim() ? value.trim() : DEFAULT_PUBLIC_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SRO_PUBLIC_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`SRO_PUBLIC_URL must be https (Office requires it): "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`SRO_PUBLIC_URL must not have a query or fragment: "${raw}"`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest text with every dev-server URL moved under `baseUrl`. */
function rewriteManifestUrls(manifestXml, baseUrl) {
  return manifestXml.split(DEV_BASE_URL).join(publicBaseUrl(baseUrl));
}

module.exports = { DEV_BASE_URL, DEFAULT_PUBLIC_URL, publicBaseUrl, rewriteManifestUrls };
