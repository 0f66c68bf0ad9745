/** The tool's version; a test keeps it equal to package.json's. */
export const TOOL_NAME = 'eci-egress-lint';
export const TOOL_VERSION = '1.0.0';
