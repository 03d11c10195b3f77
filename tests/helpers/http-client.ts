// The HTTP client of the tests (global fetch, and the MCP SDK's transport, which uses it) closes a connection after
// one second idle. Node's server closes an idle connection 5 s after its last response (keepAliveTimeout) and says so
// (Keep-Alive: timeout=5); undici then keeps it 5 s − 2 s = 3 s, counted from when it read the response. A process
// stalled for 2 s between the server's write and the client's read (a test server and its client share one process;
// seen at load above 20) leaves no margin: the client reused a connection the server was closing, and the request
// failed with "fetch failed … ECONNRESET" (mcp-output-schemas, mcp-atlas). One second idle leaves 4 s of margin.
import { Agent, setGlobalDispatcher } from 'undici';

export const CLIENT_IDLE_MS = 1000;

let installed = false;

/** Makes this process's fetch use the tests' client (once; startTestServer calls it). */
export function installTestHttpClient() {
  if (installed) return;
  installed = true;
  setGlobalDispatcher(new Agent({ keepAliveTimeout: CLIENT_IDLE_MS, keepAliveMaxTimeout: CLIENT_IDLE_MS }));
}
