/** The tool's version; a test keeps it equal to package.json's. */
export const TOOL_NAME = 'eci-egress-lint';
export const TOOL_VERSION = '1.0.0';
/** Where the project lives; the docs below it are the ones of the default branch. */
export const HOMEPAGE = 'https://github.com/eci-egress-lint/eci-egress-lint';
export const DOCS_URL = `${HOMEPAGE}/blob/main/docs`;
