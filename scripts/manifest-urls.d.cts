// Types of manifest-urls.cjs for the TypeScript tests.
export declare const DEV_BASE_URL: string;
export declare const DEFAULT_PUBLIC_URL: string;
export declare function publicBaseUrl(value?: string): string;
export declare function rewriteManifestUrls(manifestXml: string, baseUrl?: string): string;
