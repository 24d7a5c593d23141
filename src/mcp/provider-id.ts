// The id of the MCP server definition provider: package.json's contributes.mcpServerDefinitionProviders declares it
// and src/vscode/mcp-provider.ts registers it (a test checks both). Kept apart so tests need no vscode module.
export const MCP_PROVIDER_ID = 'aiInfraAdvisor.mcp';
