// The MCP protocol versions the server speaks, as the SDK the clients and tests use declares them. Kept here rather than
// imported from '@modelcontextprotocol/sdk/types.js', whose import builds every protocol schema (about 0.12 s of CPU
// on each start, decision 036); mcp/protocol-versions.test.ts fails when they differ from the SDK's.
export const LATEST_PROTOCOL_VERSION = '2025-11-25';
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '2024-10-07'];
