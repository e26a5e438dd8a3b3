// A minimal LSP client for EditorSchemaIT: starts yaml-language-server (what VS Code's YAML extension
// runs), opens one YAML file, asks for completions at the given LINE:COL positions (1-based) and
// prints one JSON line: {"completions": {"LINE:COL": [labels]}, "diagnostics": ["LINE:COL message"]}.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [file, ...positions] = process.argv.slice(2);
const server = spawn(path.join(__dirname, 'node_modules', '.bin', 'yaml-language-server'), ['--stdio']);
const pending = {};
let buf = Buffer.alloc(0);
let nextId = 0;
let diagnostics = null;
let diagnosticsAt = 0;

function send(msg) {
  const s = JSON.stringify({ jsonrpc: '2.0', ...msg });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
}
function request(method, params) {
  return new Promise(resolve => { pending[++nextId] = resolve; send({ id: nextId, method, params }); });
}
server.stdout.on('data', data => {
  buf = Buffer.concat([buf, data]);
  for (;;) {
    const header = buf.indexOf('\r\n\r\n');
    if (header < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buf.slice(0, header).toString())[1]);
    if (buf.length < header + 4 + length) return;
    const msg = JSON.parse(buf.slice(header + 4, header + 4 + length).toString());
    buf = buf.slice(header + 4 + length);
    if (msg.id !== undefined && pending[msg.id]) {
      pending[msg.id](msg.result);
      delete pending[msg.id];
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      diagnostics = msg.params.diagnostics;
      diagnosticsAt = Date.now();
    } else if (msg.id !== undefined && msg.method) { // a request from the server: answer it plainly
      const settings = { validate: true, completion: true, hover: true, schemaStore: { enable: false } };
      send({ id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => settings) : null });
    }
  }
});
const sleep = ms => new Promise(r => setTimeout(r, ms));

(async () => {
  const uri = 'file://' + path.resolve(file);
  await request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration',
    params: { settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } } } });
  send({ method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } } });
  const completions = {};
  for (const p of positions) {
    const [line, col] = p.split(':').map(Number);
    const r = await request('textDocument/completion', { textDocument: { uri }, position: { line: line - 1, character: col - 1 } });
    completions[p] = ((r && r.items) || r || []).map(i => i.label);
  }
  // Validation runs after the schema is loaded; wait for a publication and a quiet second after it.
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline && (diagnostics === null || Date.now() - diagnosticsAt < 1000)) await sleep(100);
  const shown = (diagnostics || []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  process.stdout.write(JSON.stringify({ completions, diagnostics: diagnostics === null ? null : shown }) + '\n');
  server.kill();
  process.exit(0);
})();
