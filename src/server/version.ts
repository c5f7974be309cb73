/** The version every node reports (ServerInfo.nodeVersion, system.runtime.nodes). */
export const TESSERA_VERSION = '0.1.0';
